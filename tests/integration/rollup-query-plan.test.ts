/**
 * The grid's rollups must stay indexed aggregates: if a schema or query change ever makes SQLite
 * scan the whole budget_lines table, a million-line plan becomes unusable. SQLite chooses plans
 * from statistics, so the workspace gets enough lines and ANALYZE for the choice to be realistic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathTotalsSql, rollupSql } from '../../electron/core/budget/budget-queries';
import { smallCompany, type SmallCompany } from '../unit/core/grid-fixture';

let c: SmallCompany;
beforeEach(() => {
  c = smallCompany();
  const sqlite = c.ctx.db.$client;
  const insert = sqlite.prepare(
    "INSERT INTO budget_lines (id, plan_id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, '2026-01-01T00:00:00Z')",
  );
  sqlite.transaction(() => {
    let n = 0;
    for (const departmentId of [c.dept.warehouse, c.dept.fleet, c.dept.dispatch, c.dept.sales]) {
      for (const accountId of Object.values(c.acct)) {
        for (let m = 1; m <= 12; m++) insert.run(`line-${++n}`, c.planId, departmentId, accountId, `2026-${String(m).padStart(2, '0')}`, n);
      }
    }
  })();
  sqlite.exec('ANALYZE');
});
afterEach(() => c.tw.cleanup());

function plan(sql: string, params: Record<string, unknown>): string[] {
  const rows = c.ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

describe('rollup query plans', () => {
  const range = { from: '2026-01', to: '2026-12' };

  it.each([
    ['a parent', false],
    ['a leaf', true],
  ])('the grid rollup for %s searches budget_lines through an index, never scans it', (_, leaf) => {
    const details = plan(rollupSql(leaf), { planId: c.planId, departmentId: leaf ? c.dept.fleet : c.dept.root, ...range });
    const onLines = details.filter((d) => /\bbudget_lines\b/.test(d));
    expect(onLines.length).toBeGreaterThan(0);
    expect(onLines.every((d) => /^SEARCH budget_lines USING (COVERING )?INDEX budget_lines_(rollup|cell) \(plan_id=\? AND department_id=\?/.test(d))).toBe(true);
    if (!leaf) expect(onLines.some((d) => d.includes('COVERING INDEX budget_lines_rollup'))).toBe(true);
  });

  it('the rollup path totals search budget_lines per department through an index', () => {
    const details = plan(pathTotalsSql, {
      path: JSON.stringify([c.dept.fleet, c.dept.ops, c.dept.root]),
      topId: c.dept.root,
      topBand: 2,
      planId: c.planId,
      ...range,
    });
    const onLines = details.filter((d) => /\bbudget_lines\b|\bb\b USING/.test(d) && !d.startsWith('SCAN accounts'));
    expect(details.some((d) => /^SCAN (budget_lines|b)\b/.test(d))).toBe(false);
    expect(onLines.length).toBeGreaterThanOrEqual(2);
    expect(onLines.every((d) => /^SEARCH b USING (COVERING )?INDEX budget_lines_\w+ \(plan_id=\? AND department_id=\?/.test(d))).toBe(true);
  });
});
