/**
 * The triggers that keep department_ancestors, budget_rollup and actual_rollup equal to the lines,
 * case by case with figures worked out by hand; rollup-model.test.ts covers random sequences.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budgetGrid, setCells } from '../../../electron/core/budget/grid-service';
import { copyPlan, deletePlan, listPlans } from '../../../electron/core/budget/plan-service';
import { redo, undo } from '../../../electron/core/history/history-service';
import { buildDemo } from '../../../electron/core/demo/demo-workspace';
import { moveDepartment } from '../../../electron/core/org/department-service';
import { insertActual, insertBudgetLine } from '../../helpers/raw-figures';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { smallCompany, type SmallCompany } from './grid-fixture';
import { expectRollupsExact } from './rollup-oracle';

let c: SmallCompany;
beforeEach(() => {
  c = smallCompany();
});
afterEach(() => c.tw.cleanup());

/** The plan-year total of a department's subtree, as its grid shows it. */
function total(departmentId: string, planId = c.planId): number {
  const g = budgetGrid(c.ctx, { planId, departmentId });
  return g.subtotals.reduce((s, t) => s + t.total, 0);
}

function rollupRow(departmentId: string, accountId: string, period: string) {
  return c.ctx.db.$client
    .prepare('SELECT amount_minor AS amount, line_count AS lines FROM budget_rollup WHERE department_id = ? AND plan_id = ? AND account_id = ? AND period = ?')
    .get(departmentId, c.planId, accountId, period) as { amount: number; lines: number } | undefined;
}

function depthOf(ancestor: string, descendant: string): number | undefined {
  return c.ctx.db.$client
    .prepare('SELECT depth FROM department_ancestors WHERE ancestor_id = ? AND descendant_id = ?')
    .pluck()
    .get(ancestor, descendant) as number | undefined;
}

describe('rollup triggers', () => {
  it('keep a row while lines feed it, at 0 if they cancel out, and drop it with the last line', () => {
    const { ctx, dept, acct, planId } = c;
    const cell = (departmentId: string, amountMinor: number | null) => ({ departmentId, accountId: acct.travel, period: '2026-04', amountMinor });
    setCells(ctx, { planId, cells: [cell(dept.warehouse, 500), cell(dept.fleet, -500)] });
    expect(rollupRow(dept.ops, acct.travel, '2026-04')).toEqual({ amount: 0, lines: 2 });
    expect(rollupRow(dept.root, acct.travel, '2026-04')).toEqual({ amount: 0, lines: 2 });
    expect(budgetGrid(ctx, { planId, departmentId: dept.ops }).rows.find((r) => r.accountId === acct.travel)!.values[3]).toBe(0);
    setCells(ctx, { planId, cells: [cell(dept.warehouse, 700)] });
    expect(rollupRow(dept.ops, acct.travel, '2026-04')).toEqual({ amount: 200, lines: 2 });
    setCells(ctx, { planId, cells: [cell(dept.warehouse, null), cell(dept.fleet, null)] });
    expect(rollupRow(dept.ops, acct.travel, '2026-04')).toBeUndefined();
    expect(rollupRow(dept.root, acct.travel, '2026-04')).toBeUndefined();
    expect(budgetGrid(ctx, { planId, departmentId: dept.ops }).rows.find((r) => r.accountId === acct.travel)!.values[3]).toBeNull();
    expectRollupsExact(ctx.db.$client);
  });

  it('move a subtree’s totals from its old ancestors to its new ones, and back on undo', () => {
    const { ctx, dept, acct, planId } = c;
    setCells(ctx, {
      planId,
      cells: [
        { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-01', amountMinor: 100 },
        { departmentId: dept.fleet, accountId: acct.salaries, period: '2026-01', amountMinor: 20 },
        { departmentId: dept.sales, accountId: acct.revenue, period: '2026-01', amountMinor: 3 },
      ],
    });
    insertActual(ctx, { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-01', amountMinor: 90 });
    expect([total(dept.root), total(dept.ops), total(dept.sales)]).toEqual([123, 120, 3]);

    // A leaf with lines and actuals leaves Operations for the top level.
    moveDepartment(ctx, { id: dept.warehouse, parentId: null });
    expect([total(dept.root), total(dept.ops), total(dept.warehouse)]).toEqual([23, 20, 100]);
    expect(depthOf(dept.root, dept.warehouse)).toBeUndefined();
    expectRollupsExact(ctx.db.$client);

    // Undo replays the move backwards through the same triggers.
    undo(ctx);
    expect([total(dept.root), total(dept.ops)]).toEqual([123, 120]);
    expect(depthOf(dept.root, dept.warehouse)).toBe(2);
    expectRollupsExact(ctx.db.$client);
    redo(ctx);
    expect([total(dept.root), total(dept.ops)]).toEqual([23, 20]);
    expectRollupsExact(ctx.db.$client);
  });

  it('move an inner department with its whole subtree, relinking every descendant', () => {
    const { ctx, dept, acct, planId } = c;
    setCells(ctx, { planId, cells: [{ departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-02', amountMinor: 100 }] });
    // Operations goes to the top level: the root loses its whole subtree's figures.
    moveDepartment(ctx, { id: dept.ops, parentId: null });
    expect(total(dept.root)).toBe(0);
    expect(total(dept.ops)).toBe(100);
    expect(depthOf(dept.root, dept.warehouse)).toBeUndefined();
    expect(depthOf(dept.ops, dept.warehouse)).toBe(1);
    // And comes back one level deeper, under Sales (which holds no figures).
    moveDepartment(ctx, { id: dept.ops, parentId: dept.sales });
    expect(depthOf(dept.root, dept.warehouse)).toBe(3);
    expect([total(dept.root), total(dept.sales), total(dept.ops)]).toEqual([100, 100, 100]);
    expect(rollupRow(dept.sales, acct.salaries, '2026-02')).toEqual({ amount: 100, lines: 1 });
    expectRollupsExact(ctx.db.$client);
  });

  it('link departments inserted child-first in one statement', () => {
    const db = c.ctx.db.$client;
    db.prepare(
      `INSERT INTO departments (id, code, name, parent_id, manager, created_at, updated_at) VALUES
         ('g', '911', 'Grandchild', 'k', NULL, 'x', 'x'),
         ('k', '910', 'Child', 'top', NULL, 'x', 'x'),
         ('top', '900', 'Top', ?, NULL, 'x', 'x')`,
    ).run(c.dept.sales);
    expect(depthOf(c.dept.root, 'g')).toBe(4);
    expect(depthOf('top', 'g')).toBe(2);
    insertBudgetLine(c.ctx, c.planId, { departmentId: 'g', accountId: c.acct.travel, period: '2026-01', amountMinor: 9 });
    expect(total(c.dept.root)).toBe(9);
    expectRollupsExact(db);
  });

  it('refuse, at the database, a move that would make a cycle and a change of a department id', () => {
    const db = c.ctx.db.$client;
    expect(() => db.prepare('UPDATE departments SET parent_id = ? WHERE id = ?').run(c.dept.warehouse, c.dept.ops)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE departments SET id = 'other' WHERE id = ?").run(c.dept.sales)).toThrow(/department id cannot change/);
    expectRollupsExact(db);
  });

  it('follow a line that moves to another cell, department or plan', () => {
    const { ctx, dept, acct, planId } = c;
    const db = ctx.db.$client;
    const other = copyPlan(ctx, { sourcePlanId: planId, scenario: 'Other', upliftPct: { revenue: 0, expense: 0, capex: 0 } }).id;
    const id = insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.travel, period: '2026-01', amountMinor: 40 });
    const actual = insertActual(ctx, { departmentId: dept.warehouse, accountId: acct.travel, period: '2026-01', amountMinor: 4 });
    const moves: Array<[string, string]> = [
      ['period', "'2026-02'"],
      ['account_id', `'${acct.salaries}'`],
      ['department_id', `'${dept.sales}'`],
      ['plan_id', `'${other}'`],
      ['amount_minor', '41'],
    ];
    for (const [column, value] of moves) {
      db.prepare(`UPDATE budget_lines SET ${column} = ${value} WHERE id = ?`).run(id);
      expectRollupsExact(db);
    }
    for (const [column, value] of moves.filter(([col]) => col !== 'plan_id')) {
      db.prepare(`UPDATE actuals SET ${column} = ${value} WHERE id = ?`).run(actual);
      expectRollupsExact(db);
    }
  });

  it('follow copying and deleting a whole plan, and undoing both', () => {
    const { ctx, dept, acct, planId } = c;
    setCells(ctx, {
      planId,
      cells: [dept.warehouse, dept.fleet, dept.sales].flatMap((departmentId, i) =>
        ['2026-01', '2026-07'].map((period) => ({ departmentId, accountId: acct.salaries, period, amountMinor: 10 + i })),
      ),
    });
    const copy = copyPlan(ctx, { sourcePlanId: planId, fiscalYear: 2027, scenario: 'Base', upliftPct: { revenue: 0, expense: 10, capex: 0 } });
    expect(copy.lineCount).toBe(6);
    expect(total(dept.root, copy.id)).toBe(Math.round(11 * 2 * 1.1) + Math.round(10 * 2 * 1.1) + Math.round(12 * 2 * 1.1));
    expectRollupsExact(ctx.db.$client);
    deletePlan(ctx, copy.id);
    expect(listPlans(ctx).map((p) => p.lineCount)).toEqual([6]);
    expectRollupsExact(ctx.db.$client);
    undo(ctx);
    expect(listPlans(ctx).find((p) => p.id === copy.id)?.lineCount).toBe(6);
    expectRollupsExact(ctx.db.$client);
    undo(ctx);
    expectRollupsExact(ctx.db.$client);
  });
});

describe('rollups of the demo workspace', () => {
  it('equal the plain aggregate straight after it is built', () => {
    const tw = tempWorkspace({ init: { name: 'Larkspur Freight' } });
    try {
      buildDemo(tw.ctx, { asOf: '2026-11-21' });
      const db = tw.ctx.db.$client;
      expect(db.prepare('SELECT count(*) FROM budget_rollup').pluck().get()).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM actual_rollup').pluck().get()).toBeGreaterThan(0);
      expectRollupsExact(db);
    } finally {
      tw.cleanup();
    }
  });
});
