/**
 * A workspace saved by the version before the rollups (schema 1) gets correct rollups when it is
 * upgraded: the migration backfills the closure and both rollup tables from the rows it holds,
 * and from then on the triggers keep them exact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budgetGrid, setCells } from '../../electron/core/budget/grid-service';
import { listPlans } from '../../electron/core/budget/plan-service';
import { varianceReport } from '../../electron/core/budget/variance-service';
import { createCtx, sequentialIds } from '../../electron/core/context';
import { loadMigrations } from '../../electron/core/db/migrations';
import { listBackups, openWorkspace } from '../../electron/core/db/open-workspace';
import { moveDepartment } from '../../electron/core/org/department-service';
import { refusal } from '../helpers/refusal';
import { expectedRollups, expectRollupsExact, maintainedRollups } from '../unit/core/rollup-oracle';

const now = () => new Date('2026-11-21T12:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Schema 1 with figures in it, written as that version would have: a root, two divisions, four
 * teams; lines in two plans (one cell whose lines cancel out), and actuals.
 */
function oldWorkspace(): string {
  const path = join(dir, 'old.sqlite');
  const ws = openWorkspace(path, { create: true, migrations: loadMigrations().slice(0, 1), now });
  const db = ws.sqlite;
  const at = '2026-01-01T00:00:00Z';
  db.transaction(() => {
    db.prepare("INSERT INTO workspace VALUES (1, 'Old Co', 'USD', 1, ?)").run(at);
    const dept = db.prepare('INSERT INTO departments (id, code, name, parent_id, manager, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)');
    dept.run('root', '100', 'Old Co', null, at, at);
    dept.run('north', '200', 'North', 'root', at, at);
    dept.run('south', '300', 'South', 'root', at, at);
    for (const [id, parent] of [['n1', 'north'], ['n2', 'north'], ['s1', 'south'], ['s2', 'south']] as const) {
      dept.run(id, id.toUpperCase(), `Team ${id}`, parent, at, at);
    }
    const account = db.prepare("INSERT INTO accounts VALUES (?, ?, ?, ?, 1, ?, ?)");
    account.run('rev', '4000', 'Revenue', 'revenue', at, at);
    account.run('pay', '6000', 'Payroll', 'expense', at, at);
    const plan = db.prepare('INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?)');
    plan.run('p26', 'FY2026 · Base', 2026, 'Base', 'approved', at, at);
    plan.run('p27', 'FY2027 · Base', 2027, 'Base', 'draft', at, at);
    const line = db.prepare('INSERT INTO budget_lines VALUES (?, ?, ?, ?, ?, ?, NULL, ?)');
    const actual = db.prepare('INSERT INTO actuals VALUES (?, ?, ?, ?, ?, NULL, ?)');
    let n = 0;
    ['n1', 'n2', 's1', 's2'].forEach((team, t) => {
      for (const acct of ['rev', 'pay']) {
        for (let m = 1; m <= 12; m++) {
          const period = `2026-${String(m).padStart(2, '0')}`;
          line.run(`l${++n}`, 'p26', team, acct, period, (t + 1) * 1000 + m, at);
          if (t < 2) line.run(`l${++n}`, 'p27', team, acct, `2027-${period.slice(5)}`, (t + 1) * 10 + m, at);
          if (m <= 9) actual.run(`x${n}`, team, acct, period, (t + 1) * 900 + m, at);
        }
      }
    });
    // Two lines that cancel out: their parents' cell must read 0, not be empty.
    line.run('cancel-a', 'p27', 's1', 'pay', '2027-01', 500, at);
    line.run('cancel-b', 'p27', 's2', 'pay', '2027-01', -500, at);
  })();
  ws.close();
  return path;
}

describe('upgrading a workspace from before the rollups', () => {
  it('backfills the closure and the rollups from its rows, then keeps them exact', () => {
    const path = oldWorkspace();
    const ws = openWorkspace(path, { now });
    try {
      const db = ws.sqlite;
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(listBackups(path)).toHaveLength(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all();
      expect(indexes).not.toContain('budget_lines_rollup');
      expect(indexes).not.toContain('actuals_rollup');

      const expected = expectedRollups(db);
      expect(expected.budget.length).toBeGreaterThan(0);
      expect(expected.actual.length).toBeGreaterThan(0);
      expect(maintainedRollups(db)).toEqual(expected);

      const ctx = createCtx(ws.db, 'old.sqlite', 'test', { now, newId: sequentialIds() });
      const cancelled = budgetGrid(ctx, { planId: 'p27', departmentId: 'root' }).rows.find((r) => r.accountId === 'pay')!;
      expect(cancelled.values[0]).toBe(1 * 10 + 1 + 2 * 10 + 1);
      expect(budgetGrid(ctx, { planId: 'p27', departmentId: 'south' }).rows.find((r) => r.accountId === 'pay')!.values[0]).toBe(0);
      expect(listPlans(ctx).map((p) => [p.id, p.lineCount])).toEqual([
        ['p27', 2 * 2 * 12 + 2],
        ['p26', 4 * 2 * 12],
      ]);
      const variance = varianceReport(ctx, { planId: 'p26', departmentId: 'root' });
      expect(variance.to).toBe('2026-09');
      expect(variance.children.map((ch) => ch.revenue.actual)).toEqual([
        [1, 2].reduce((s, t) => s + Array.from({ length: 9 }, (_, i) => t * 900 + i + 1).reduce((a, b) => a + b, 0), 0),
        [3, 4].reduce((s, t) => s + Array.from({ length: 9 }, (_, i) => t * 900 + i + 1).reduce((a, b) => a + b, 0), 0),
      ]);

      setCells(ctx, { planId: 'p26', cells: [{ departmentId: 'n1', accountId: 'rev', period: '2026-03', amountMinor: 7 }] });
      moveDepartment(ctx, { id: 'n2', parentId: 'south' });
      expectRollupsExact(db);
    } finally {
      ws.close();
    }
  });

  it('refuses, untouched, a damaged file whose tree has a cycle', () => {
    const path = oldWorkspace();
    const raw = openWorkspace(path, { migrations: loadMigrations().slice(0, 1), now });
    raw.sqlite.prepare("UPDATE departments SET parent_id = 'n1' WHERE id = 'north'").run();
    raw.close();
    const err = refusal(() => openWorkspace(path, { now }));
    expect(err.message).toMatch(/Could not upgrade old\.sqlite; it was left as it was/);
    const again = openWorkspace(path, { migrations: loadMigrations().slice(0, 1), now });
    expect(again.sqlite.pragma('user_version', { simple: true })).toBe(1);
    again.close();
  });
});
