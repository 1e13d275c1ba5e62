import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budgetGridSchema } from '../../../shared/budget';
import { updateAccount } from '../../../electron/core/budget/account-service';
import { budgetGrid, setCells } from '../../../electron/core/budget/grid-service';
import { setPlanStatus } from '../../../electron/core/budget/plan-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { snapshot } from '../../helpers/db-snapshot';
import { insertBudgetLine } from '../../helpers/raw-figures';
import { smallCompany, type SmallCompany } from './grid-fixture';
import { refusal } from '../../helpers/refusal';

let c: SmallCompany;
beforeEach(() => {
  c = smallCompany();
});
afterEach(() => c.tw.cleanup());

function rowOf(grid: ReturnType<typeof budgetGrid>, accountId: string) {
  const row = grid.rows.find((r) => r.accountId === accountId);
  if (!row) throw new Error(`no row for ${accountId}`);
  return row;
}


describe('budgetGrid', () => {
  it('shows a leaf with its sources, and a parent as the sum of its children without sources', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-01', amountMinor: 100_00, source: 'wh.xlsx!B2' });
    insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-03', amountMinor: 250_50 });
    insertBudgetLine(ctx, planId, { departmentId: dept.fleet, accountId: acct.salaries, period: '2026-01', amountMinor: 40_00 });
    insertBudgetLine(ctx, planId, { departmentId: dept.fleet, accountId: acct.trucks, period: '2026-12', amountMinor: 9_000_00 });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-02', amountMinor: 5_000_00 });

    const wh = budgetGrid(ctx, { planId, departmentId: dept.warehouse });
    expect(budgetGridSchema.parse(wh)).toEqual(wh);
    expect(wh.months).toHaveLength(12);
    expect(wh.months[0]).toBe('2026-01');
    expect(wh.editable).toBe(true);
    expect(wh.readOnlyReason).toBeNull();
    expect(wh.rolledUpFrom).toBe(1);
    const whSalaries = rowOf(wh, acct.salaries);
    expect(whSalaries.values.slice(0, 3)).toEqual([100_00, null, 250_50]);
    expect(whSalaries.sources.slice(0, 3)).toEqual([{ cell: 'wh.xlsx!B2', batch: null, importedAt: null }, null, null]);
    expect(whSalaries.total).toBe(350_50);
    expect(wh.rows.map((r) => r.code)).toEqual(['4000', '6000', '6100', '8000']);

    const ops = budgetGrid(ctx, { planId, departmentId: dept.ops });
    const fleet = budgetGrid(ctx, { planId, departmentId: dept.fleet });
    const dispatch = budgetGrid(ctx, { planId, departmentId: dept.dispatch });
    for (const accountId of Object.values(acct)) {
      const sums = ops.months.map((_, i) =>
        [wh, fleet, dispatch].reduce<number | null>((s, g) => {
          const v = rowOf(g, accountId).values[i] ?? null;
          return v === null ? s : (s ?? 0) + v;
        }, null),
      );
      expect(rowOf(ops, accountId).values).toEqual(sums);
      expect(rowOf(ops, accountId).sources.every((s) => s === null)).toBe(true);
    }
    expect(rowOf(ops, acct.salaries).values[0]).toBe(140_00);
    expect(ops.editable).toBe(false);
    expect(ops.rolledUpFrom).toBe(3);
    expect(ops.readOnlyReason).toBe('Operations rolls up 3 departments. Choose one of them to edit its figures.');

    const root = budgetGrid(ctx, { planId, departmentId: dept.root });
    expect(root.rolledUpFrom).toBe(4);
    const sub = Object.fromEntries(root.subtotals.map((s) => [s.type, s]));
    expect(sub.revenue?.total).toBe(5_000_00);
    expect(sub.expense?.total).toBe(100_00 + 250_50 + 40_00);
    expect(sub.expense?.values[0]).toBe(140_00);
    expect(sub.capex?.values[11]).toBe(9_000_00);
    expect(root.rollupPath).toEqual([
      { departmentId: dept.root, code: '100', name: 'Larkspur Freight', spendTotal: 100_00 + 250_50 + 40_00 + 9_000_00, revenueTotal: 5_000_00 },
    ]);
  });

  it('changes every rolled-up total on the path when a leaf is edited, and nothing beside it', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.travel, period: '2026-05', amountMinor: 10_00 });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.travel, period: '2026-05', amountMinor: 7_00 });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-05', amountMinor: 70_00 });
    const before = budgetGrid(ctx, { planId, departmentId: dept.warehouse });
    expect(before.rollupPath.map((s) => s.code)).toEqual(['210', '200', '100']);
    expect(before.rollupPath.map((s) => s.spendTotal)).toEqual([10_00, 10_00, 17_00]);
    expect(before.rollupPath.map((s) => s.revenueTotal)).toEqual([0, 0, 70_00]);

    setCells(ctx, { planId, cells: [{ departmentId: dept.warehouse, accountId: acct.trucks, period: '2026-06', amountMinor: 1_000_00 }] });
    const after = budgetGrid(ctx, { planId, departmentId: dept.warehouse });
    expect(after.rollupPath.map((s) => s.spendTotal)).toEqual([1_010_00, 1_010_00, 1_017_00]);
    const sales = budgetGrid(ctx, { planId, departmentId: dept.sales });
    expect(sales.rollupPath.map((s) => s.spendTotal)).toEqual([7_00, 1_017_00]);
  });

  it('shows an inactive account only where it holds a value', () => {
    const { ctx, dept, acct, planId } = c;
    updateAccount(ctx, { id: acct.travel, active: false });
    insertBudgetLine(ctx, planId, { departmentId: dept.fleet, accountId: acct.travel, period: '2026-01', amountMinor: 5_00 });
    expect(budgetGrid(ctx, { planId, departmentId: dept.warehouse }).rows.map((r) => r.code)).toEqual(['4000', '6000', '8000']);
    const ops = budgetGrid(ctx, { planId, departmentId: dept.ops });
    expect(ops.rows.map((r) => r.code)).toEqual(['4000', '6000', '6100', '8000']);
    expect(rowOf(ops, acct.travel).active).toBe(false);
  });

  it('says why a locked plan is read-only, for leaves and parents', () => {
    const { ctx, dept, planId } = c;
    setPlanStatus(ctx, { id: planId, status: 'locked' });
    for (const departmentId of [dept.warehouse, dept.ops]) {
      const g = budgetGrid(ctx, { planId, departmentId });
      expect(g.editable).toBe(false);
      expect(g.readOnlyReason).toBe('FY2026 · Base is locked. Copy it into a new scenario to plan changes.');
    }
  });

  it('refuses an unknown plan or department', () => {
    expect(refusal(() => budgetGrid(c.ctx, { planId: 'nope', departmentId: c.dept.root })).code).toBe('not_found');
    expect(refusal(() => budgetGrid(c.ctx, { planId: c.planId, departmentId: 'nope' })).code).toBe('not_found');
  });
});

describe('setCells', () => {
  it('refuses each bad call and leaves the workspace exactly as it was', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-01', amountMinor: 1_00 });
    const good = { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-02', amountMinor: 5_00 };
    const before = snapshot(ctx);
    const historyBefore = historyState(ctx);
    const cases: Array<[string, Parameters<typeof setCells>[1]['cells'], string, RegExp]> = [
      ['parent', [good, { ...good, departmentId: dept.ops }], 'refused', /^Operations rolls up 3 departments/],
      ['unknown department', [good, { ...good, departmentId: 'gone' }], 'not_found', /department/],
      ['unknown account', [good, { ...good, accountId: 'gone' }], 'not_found', /account/],
      ['period outside', [good, { ...good, period: '2027-01' }], 'invalid_input', /Jan 2027 is outside FY2026 · Base/],
    ];
    for (const [, cells, code, message] of cases) {
      const err = refusal(() => setCells(ctx, { planId, cells }));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(snapshot(ctx)).toEqual(before);
      expect(historyState(ctx)).toEqual(historyBefore);
    }
    expect(refusal(() => setCells(ctx, { planId: 'gone', cells: [good] })).code).toBe('not_found');

    setPlanStatus(ctx, { id: planId, status: 'locked' });
    const locked = snapshot(ctx);
    const err = refusal(() => setCells(ctx, { planId, cells: [good] }));
    expect(err.code).toBe('locked');
    expect(err.message).toBe('FY2026 · Base is locked. Copy it into a new scenario to plan changes.');
    expect(snapshot(ctx)).toEqual(locked);
  });

  it('edits one cell as one undoable step with a readable label, and undo/redo restore it', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-03', amountMinor: 1_00, source: 'wh.csv!C4' });
    const before = snapshot(ctx);
    const result = setCells(ctx, { planId, cells: [{ departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-03', amountMinor: 2_50 }] });
    expect(result).toEqual({ changed: 1 });
    expect(historyState(ctx).undoLabel).toBe('Edit 210 Warehouse · 6000 Salaries & wages · Mar 2026');
    const edited = budgetGrid(ctx, { planId, departmentId: dept.warehouse });
    expect(rowOf(edited, acct.salaries).values[2]).toBe(2_50);
    expect(rowOf(edited, acct.salaries).sources[2]).toBeNull();
    const afterEdit = snapshot(ctx);

    expect(undo(ctx).label).toBe('Edit 210 Warehouse · 6000 Salaries & wages · Mar 2026');
    expect(snapshot(ctx)).toEqual(before);
    expect(rowOf(budgetGrid(ctx, { planId, departmentId: dept.warehouse }), acct.salaries).sources[2]).toEqual({ cell: 'wh.csv!C4', batch: null, importedAt: null });
    redo(ctx);
    expect(snapshot(ctx)).toEqual(afterEdit);
  });

  it('pastes a block in one step, skips unchanged cells, lets the last duplicate win, and clears', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.fleet, accountId: acct.travel, period: '2026-01', amountMinor: 3_00 });
    const before = snapshot(ctx);
    const block = [dept.warehouse, dept.fleet].flatMap((departmentId) =>
      [acct.salaries, acct.travel].flatMap((accountId) =>
        ['2026-01', '2026-02', '2026-03'].map((period, i) => ({ departmentId, accountId, period, amountMinor: 3_00 * (i + 1) })),
      ),
    );
    const dup = { departmentId: dept.warehouse, accountId: acct.salaries, period: '2026-01', amountMinor: 77_00 };
    // Fleet · Travel · Jan already holds 3.00: skipped, so 11 of the 12 distinct cells change.
    expect(setCells(ctx, { planId, cells: [...block, dup] })).toEqual({ changed: 11 });
    expect(historyState(ctx).undoLabel).toBe('Paste 12 cells');
    const ops = budgetGrid(ctx, { planId, departmentId: dept.ops });
    expect(rowOf(ops, acct.salaries).values.slice(0, 3)).toEqual([77_00 + 3_00, 12_00, 18_00]);
    const pasted = snapshot(ctx);

    const clear = block.filter((b) => b.departmentId === dept.warehouse).map((b) => ({ ...b, amountMinor: null }));
    expect(setCells(ctx, { planId, cells: clear })).toEqual({ changed: 6 });
    expect(historyState(ctx).undoLabel).toBe('Clear 6 cells');
    const wh = budgetGrid(ctx, { planId, departmentId: dept.warehouse });
    expect(rowOf(wh, acct.salaries).values.every((v) => v === null)).toBe(true);
    expect(wh.rollupPath[0]?.spendTotal).toBe(0);

    undo(ctx);
    expect(snapshot(ctx)).toEqual(pasted);
    undo(ctx);
    expect(snapshot(ctx)).toEqual(before);
    redo(ctx);
    expect(snapshot(ctx)).toEqual(pasted);
  });

  it('leaves no undo step when nothing changes, and uses a given label', () => {
    const { ctx, dept, acct, planId } = c;
    const cell = { departmentId: dept.sales, accountId: acct.revenue, period: '2026-04', amountMinor: 9_00 };
    setCells(ctx, { planId, cells: [cell], label: 'Type 9' });
    expect(historyState(ctx).undoLabel).toBe('Type 9');
    const state = historyState(ctx);
    const count = ctx.db.$client.prepare('SELECT count(*) AS n FROM changes').get() as { n: number };
    expect(setCells(ctx, { planId, cells: [cell] })).toEqual({ changed: 0 });
    expect(setCells(ctx, { planId, cells: [{ ...cell, period: '2026-05', amountMinor: null }] })).toEqual({ changed: 0 });
    expect(historyState(ctx)).toEqual(state);
    expect(ctx.db.$client.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(count);
    setCells(ctx, { planId, cells: [{ ...cell, amountMinor: null }] });
    expect(historyState(ctx).undoLabel).toBe('Clear 300 Sales · 4000 Freight revenue · Apr 2026');
  });
});
