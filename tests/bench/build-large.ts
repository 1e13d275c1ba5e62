/**
 * Builds the benchmark workspace: 300 departments in a four-level tree, 300 accounts, one plan
 * of just over a million budget lines on the leaves, a smaller second plan and nine months of
 * actuals. It is a fixture, so it writes with raw prepared statements in one transaction rather
 * than through the audited services (which would take far longer and prove nothing here).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { fiscalYearMonths } from '../../shared/periods';
import { openWorkspace } from '../../electron/core/db/open-workspace';

export const shape = {
  divisions: 5,
  areasPerDivision: 3,
  leaves: 279,
  accounts: { revenue: 30, expense: 240, capex: 30 },
  fiscalYear: 2026,
  fiscalStartMonth: 1,
  /** Leaves that get lines in the second, smaller plan. */
  secondPlanLeaves: 40,
  actualMonths: 9,
} as const;

export interface LargeWorkspaceInfo {
  rootId: string;
  midId: string;
  leafId: string;
  /** The leaf's parent area, and an area in another division. */
  areaId: string;
  otherAreaId: string;
  planId: string;
  accountIds: string[];
  lineCount: number;
}

/** Stable amounts without a random source: a cheap integer hash of the cell coordinates. */
function amount(d: number, a: number, m: number, salt: number): number {
  const h = (Math.imul(d + 1, 73_856_093) ^ Math.imul(a + 1, 19_349_663) ^ Math.imul(m + 1, 83_492_791) ^ salt) >>> 0;
  return (h % 2_000_000) + 10_000;
}

export function buildLargeWorkspace(path: string): void {
  const ws = openWorkspace(path, { create: true });
  const db = ws.sqlite;
  const now = '2026-01-01T00:00:00.000Z';
  // A fixture builder may trade durability for speed; the app's own pragmas apply on every open.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  try {
    db.transaction(() => {
      db.prepare('INSERT INTO workspace (id, name, currency, fiscal_year_start_month, created_at) VALUES (1, ?, ?, ?, ?)').run(
        'Bench Freight',
        'USD',
        shape.fiscalStartMonth,
        now,
      );
      const insertDept = db.prepare(
        'INSERT INTO departments (id, code, name, parent_id, manager, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)',
      );
      const rootId = randomUUID();
      insertDept.run(rootId, '1000', 'Bench Freight', null, now, now);
      const areas: string[] = [];
      for (let d = 0; d < shape.divisions; d++) {
        const divId = randomUUID();
        insertDept.run(divId, `D${d + 1}`, `Division ${d + 1}`, rootId, now, now);
        for (let a = 0; a < shape.areasPerDivision; a++) {
          const areaId = randomUUID();
          insertDept.run(areaId, `D${d + 1}-A${a + 1}`, `Area ${d + 1}.${a + 1}`, divId, now, now);
          areas.push(areaId);
        }
      }
      const leaves: string[] = [];
      for (let l = 0; l < shape.leaves; l++) {
        const id = randomUUID();
        const parent = areas[l % areas.length]!;
        insertDept.run(id, `L${String(l + 1).padStart(3, '0')}`, `Team ${l + 1}`, parent, now, now);
        leaves.push(id);
      }

      const insertAccount = db.prepare(
        'INSERT INTO accounts (id, code, name, type, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
      );
      const accountIds: string[] = [];
      const typed: Array<[string, number, number]> = [
        ['revenue', shape.accounts.revenue, 4000],
        ['expense', shape.accounts.expense, 6000],
        ['capex', shape.accounts.capex, 8000],
      ];
      for (const [type, count, base] of typed) {
        for (let i = 0; i < count; i++) {
          const id = randomUUID();
          insertAccount.run(id, String(base + i * 5), `${type} account ${i + 1}`, type, now, now);
          accountIds.push(id);
        }
      }

      const insertPlan = db.prepare(
        'INSERT INTO plans (id, name, fiscal_year, scenario, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const insertLine = db.prepare(
        'INSERT INTO budget_lines (id, plan_id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
      );
      const fillPlan = (planId: string, fy: number, depts: string[], salt: number) => {
        const months = fiscalYearMonths(fy, shape.fiscalStartMonth);
        depts.forEach((deptId, d) => {
          accountIds.forEach((accountId, a) => {
            months.forEach((period, m) => insertLine.run(randomUUID(), planId, deptId, accountId, period, amount(d, a, m, salt), now));
          });
        });
      };
      const planId = randomUUID();
      insertPlan.run(planId, `FY${shape.fiscalYear} · Base`, shape.fiscalYear, 'Base', 'approved', now, now);
      fillPlan(planId, shape.fiscalYear, leaves, 1);
      const nextId = randomUUID();
      insertPlan.run(nextId, `FY${shape.fiscalYear + 1} · Base`, shape.fiscalYear + 1, 'Base', 'draft', now, now);
      fillPlan(nextId, shape.fiscalYear + 1, leaves.slice(0, shape.secondPlanLeaves), 2);

      const insertActual = db.prepare(
        'INSERT INTO actuals (id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      );
      const months = fiscalYearMonths(shape.fiscalYear, shape.fiscalStartMonth).slice(0, shape.actualMonths);
      leaves.forEach((deptId, d) => {
        accountIds.forEach((accountId, a) => {
          months.forEach((period, m) => insertActual.run(randomUUID(), deptId, accountId, period, amount(d, a, m, 3), now));
        });
      });
    })();
    db.exec('ANALYZE');
  } finally {
    ws.close();
  }
}

/** Picks the departments and plan the benchmark measures, from the file itself. */
export function describeLargeWorkspace(db: Database.Database): LargeWorkspaceInfo {
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const rootId = one<{ id: string }>('SELECT id FROM departments WHERE parent_id IS NULL').id;
  const midId = one<{ id: string }>("SELECT id FROM departments WHERE code = 'D1'").id;
  const leafId = one<{ id: string }>("SELECT id FROM departments WHERE code = 'L001'").id;
  const areaId = one<{ id: string }>("SELECT parent_id AS id FROM departments WHERE code = 'L001'").id;
  const otherAreaId = one<{ id: string }>("SELECT id FROM departments WHERE code = 'D2-A1'").id;
  const planId = one<{ id: string }>('SELECT id FROM plans WHERE fiscal_year = ? ORDER BY name LIMIT 1', shape.fiscalYear).id;
  const accountIds = (db.prepare('SELECT id FROM accounts ORDER BY code').all() as Array<{ id: string }>).map((r) => r.id);
  const lineCount = one<{ n: number }>('SELECT count(*) AS n FROM budget_lines WHERE plan_id = ?', planId).n;
  return { rootId, midId, leafId, areaId, otherAreaId, planId, accountIds, lineCount };
}
