/**
 * The grid's and the variance view's queries must read a department's own lines and its rollup
 * rows by key, and never scan budget_lines or actuals: if a schema or query change ever made
 * SQLite walk the lines, a million-line plan would become unusable. SQLite chooses plans from
 * statistics, so every plan is checked twice: as a new workspace has it (no statistics, as the
 * app never runs ANALYZE) and after ANALYZE over enough lines for the choice to be realistic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  budgetVsActualSql,
  childrenBudgetVsActualSql,
  pathTotalsSql,
  planLineCountSql,
  rollupCellsSql,
} from '../../electron/core/budget/budget-queries';
import { smallCompany, type SmallCompany } from '../unit/core/grid-fixture';

let c: SmallCompany;
beforeEach(() => {
  c = smallCompany();
  const sqlite = c.ctx.db.$client;
  const line = sqlite.prepare(
    "INSERT INTO budget_lines (id, plan_id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, '2026-01-01T00:00:00Z')",
  );
  const actual = sqlite.prepare(
    "INSERT INTO actuals (id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, NULL, '2026-01-01T00:00:00Z')",
  );
  sqlite.transaction(() => {
    let n = 0;
    for (const departmentId of [c.dept.warehouse, c.dept.fleet, c.dept.dispatch, c.dept.sales]) {
      for (const accountId of Object.values(c.acct)) {
        for (let m = 1; m <= 12; m++) {
          const period = `2026-${String(m).padStart(2, '0')}`;
          line.run(`line-${++n}`, c.planId, departmentId, accountId, period, n);
          actual.run(`actual-${n}`, departmentId, accountId, period, n);
        }
      }
    }
  })();
});
afterEach(() => c.tw.cleanup());

function plan(sql: string, params: Record<string, unknown>): string[] {
  const rows = c.ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** Every step that touches one of the big tables, under any alias. */
function onTable(details: string[], table: string, alias?: string): string[] {
  const names = alias ? `(${table}|${alias})` : table;
  return details.filter((d) => new RegExp(`^(SCAN|SEARCH) ${names}\\b`).test(d));
}

function expectNoScanOfLines(details: string[]): void {
  expect(details.filter((d) => /^SCAN (budget_lines|actuals|budget_rollup|actual_rollup|l|x|r)\b/.test(d))).toEqual([]);
}

const range = { from: '2026-01', to: '2026-12' };

describe.each([
  ['without statistics', false],
  ['after ANALYZE', true],
] as const)('rollup query plans, %s', (_, analyze) => {
  beforeEach(() => {
    if (analyze) c.ctx.db.$client.exec('ANALYZE');
  });

  it.each([
    ['a parent', 'root'],
    ['a leaf', 'fleet'],
  ] as const)('the grid cells of %s are its own lines and its rollup rows, each read by key', (_, which) => {
    const details = plan(rollupCellsSql, { planId: c.planId, departmentId: c.dept[which], ...range });
    expectNoScanOfLines(details);
    const lines = onTable(details, 'budget_lines');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SEARCH budget_lines USING INDEX budget_lines_cell \(plan_id=\? AND department_id=\?\)/);
    const rollup = onTable(details, 'budget_rollup');
    expect(rollup).toHaveLength(1);
    expect(rollup[0]).toMatch(/^SEARCH budget_rollup USING PRIMARY KEY \(department_id=\? AND plan_id=\?\)/);
  });

  it('the rollup path totals read each ancestor by key', () => {
    const details = plan(pathTotalsSql, { departmentId: c.dept.fleet, planId: c.planId, ...range });
    expectNoScanOfLines(details);
    expect(details.some((d) => /^SEARCH a USING (COVERING )?INDEX department_ancestors_descendant \(descendant_id=\?\)/.test(d))).toBe(true);
    const lines = onTable(details, 'budget_lines');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((d) => /^SEARCH budget_lines USING INDEX budget_lines_cell \(plan_id=\? AND department_id=\?/.test(d))).toBe(true);
    const rollup = onTable(details, 'budget_rollup');
    expect(rollup.length).toBeGreaterThanOrEqual(2);
    expect(rollup.every((d) => /^SEARCH budget_rollup USING PRIMARY KEY \(department_id=\? AND plan_id=\?/.test(d))).toBe(true);
  });

  it('variance by account reads the department by key in all four sources', () => {
    const details = plan(budgetVsActualSql, { planId: c.planId, departmentId: c.dept.ops, ...range });
    expectNoScanOfLines(details);
    expect(onTable(details, 'budget_lines')).toEqual([expect.stringMatching(/^SEARCH budget_lines USING INDEX budget_lines_cell \(plan_id=\? AND department_id=\?\)/)]);
    expect(onTable(details, 'budget_rollup')).toEqual([expect.stringMatching(/^SEARCH budget_rollup USING PRIMARY KEY \(department_id=\? AND plan_id=\?\)/)]);
    expect(onTable(details, 'actuals')).toEqual([expect.stringMatching(/^SEARCH actuals USING INDEX actuals_cell \(department_id=\?\)/)]);
    expect(onTable(details, 'actual_rollup')).toEqual([expect.stringMatching(/^SEARCH actual_rollup USING PRIMARY KEY \(department_id=\?\)/)]);
  });

  it('variance per child reads each child by key', () => {
    const details = plan(childrenBudgetVsActualSql, { planId: c.planId, departmentId: c.dept.ops, ...range });
    expectNoScanOfLines(details);
    for (const table of ['budget_lines', 'budget_rollup', 'actuals', 'actual_rollup']) {
      const steps = onTable(details, table);
      expect(steps.length, table).toBeGreaterThanOrEqual(2);
      expect(steps.every((d) => /^SEARCH \w+ USING (PRIMARY KEY|INDEX \w+) \(department_id=\?|^SEARCH budget_lines USING INDEX budget_lines_cell \(plan_id=\? AND department_id=\?/.test(d)), table).toBe(true);
    }
  });

  it('a plan line count reads the top-level departments by key, not every line', () => {
    const details = plan(planLineCountSql, { planId: c.planId });
    expectNoScanOfLines(details);
    expect(details.some((d) => /^SEARCH d USING (COVERING )?INDEX departments_parent \(parent_id=\?\)/.test(d))).toBe(true);
    expect(onTable(details, 'budget_rollup', 'r')).toEqual([expect.stringMatching(/^SEARCH r USING PRIMARY KEY \(department_id=\? AND plan_id=\?\)/)]);
    expect(onTable(details, 'budget_lines', 'l')).toEqual([expect.stringMatching(/^SEARCH l USING COVERING INDEX budget_lines_cell \(plan_id=\? AND department_id=\?\)/)]);
  });
});
