import { describe, expect, it } from 'vitest';
import type { BudgetGrid, GridRow } from '../../../shared/budget';
import { buildLines } from '../../../renderer/src/features/budget/grid-lines';
import { planPaste } from '../../../renderer/src/features/budget/paste-plan';

const months = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);

function row(code: string, type: GridRow['type']): GridRow {
  return { accountId: `id-${code}`, code, name: `Account ${code}`, type, active: true, values: months.map(() => null), sources: months.map(() => null), total: 0 };
}

const zero = { values: months.map(() => 0), total: 0 };
const grid: BudgetGrid = {
  planId: 'plan',
  departmentId: 'dept',
  months,
  editable: true,
  readOnlyReason: null,
  rolledUpFrom: 1,
  rows: [row('4000', 'revenue'), row('4100', 'revenue'), row('5000', 'expense'), row('5100', 'expense'), row('5200', 'expense')],
  subtotals: [
    { type: 'revenue', ...zero },
    { type: 'expense', ...zero },
  ],
  rollupPath: [],
};
// Revenue heading, 4000, 4100, Total revenue, Expenses heading, 5000, 5100, 5200, Total expenses.
const lines = buildLines(grid);
const at = (code: string) => lines.findIndex((l) => l.kind === 'account' && l.row.code === code);

describe('where a pasted block lands', () => {
  it('fills consecutive account rows of one group', () => {
    expect(planPaste(lines, { r: at('5000'), c: 0 }, 3, 4, 12)).toEqual({ ok: true, rows: [at('5000'), at('5100'), at('5200')] });
  });

  it('refuses a block that would run across a subtotal into the next group, naming the rows', () => {
    const plan = planPaste(lines, { r: at('4000'), c: 0 }, 3, 2, 12);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.message).toContain('3 rows × 2 columns');
    expect(plan.message).toContain('from 4000 there is room for only 2 account rows (4000–4100) before “Total revenue”');
    expect(plan.message).toContain('Nothing was pasted.');
  });

  it('refuses a block wider than the months left, and says both when both are wrong', () => {
    const wide = planPaste(lines, { r: at('5000'), c: 10 }, 1, 3, 12);
    expect(wide).toEqual({ ok: false, message: expect.stringContaining('only 2 months fit') as unknown });
    const both = planPaste(lines, { r: at('5200'), c: 11 }, 2, 2, 12);
    expect(both.ok ? '' : both.message).toMatch(/only 1 account row \(5200\) before “Total expenses”.*only 1 month fit/);
  });
});
