import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSchema } from '../../../shared/budget';
import { setCells } from '../../../electron/core/budget/grid-service';
import { copyPlan, createPlan, deletePlan, listPlans, setPlanStatus } from '../../../electron/core/budget/plan-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { snapshot } from '../../helpers/db-snapshot';
import { insertBudgetLine } from '../../helpers/raw-figures';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { smallCompany, type SmallCompany } from './grid-fixture';
import { refusal } from '../../helpers/refusal';


/** The reference rule, in exact integer arithmetic: amount × (100 + pct) / 100, half away from zero. */
function uplifted(amount: number, pct: number): number {
  const num = BigInt(Math.round((100 + pct) * 10_000));
  const den = 1_000_000n;
  const a = BigInt(amount);
  const neg = a < 0n;
  const abs = (neg ? -a : a) * num;
  const q = (abs * 2n + den) / (2n * den);
  return Number(neg ? -q : q);
}

type LineRow = { department_id: string; account_id: string; period: string; amount_minor: number; source: string | null };
function linesOf(c: SmallCompany, planId: string): LineRow[] {
  return c.ctx.db.$client
    .prepare('SELECT department_id, account_id, period, amount_minor, source FROM budget_lines WHERE plan_id = ? ORDER BY department_id, account_id, period')
    .all(planId) as LineRow[];
}

describe('plans', () => {
  let c: SmallCompany;
  beforeEach(() => {
    c = smallCompany();
  });
  afterEach(() => c.tw.cleanup());

  it('creates a draft named FY · scenario, lists newest year first, and refuses a taken name', () => {
    const { ctx } = c;
    const next = createPlan(ctx, { fiscalYear: 2027, scenario: 'Stretch' });
    expect(planSchema.parse(next)).toEqual(next);
    expect(next).toMatchObject({ name: 'FY2027 · Stretch', status: 'draft', lineCount: 0, fiscalYear: 2027 });
    expect(historyState(ctx).undoLabel).toBe('Create plan FY2027 · Stretch');
    createPlan(ctx, { fiscalYear: 2027, scenario: 'Base' });
    insertBudgetLine(ctx, c.planId, { departmentId: c.dept.sales, accountId: c.acct.revenue, period: '2026-01', amountMinor: 1 });
    insertBudgetLine(ctx, c.planId, { departmentId: c.dept.sales, accountId: c.acct.revenue, period: '2026-02', amountMinor: 1 });
    expect(listPlans(ctx).map((p) => [p.name, p.lineCount])).toEqual([
      ['FY2027 · Base', 0],
      ['FY2027 · Stretch', 0],
      ['FY2026 · Base', 2],
    ]);
    const err = refusal(() => createPlan(ctx, { fiscalYear: 2026, scenario: 'base' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('FY2026 · Base');
  });

  it('gives each plan the months of its fiscal year from the workspace fiscal start', () => {
    c.tw.cleanup();
    c = smallCompany({ fiscalYearStartMonth: 4 });
    const plan = listPlans(c.ctx)[0]!;
    expect(plan.months[0]).toBe('2025-04');
    expect(plan.months[11]).toBe('2026-03');
  });

  it('moves draft ↔ approved → locked, and a locked plan stays locked', () => {
    const { ctx, planId } = c;
    expect(setPlanStatus(ctx, { id: planId, status: 'approved' }).status).toBe('approved');
    expect(historyState(ctx).undoLabel).toBe('Approve FY2026 · Base');
    expect(setPlanStatus(ctx, { id: planId, status: 'draft' }).status).toBe('draft');
    expect(historyState(ctx).undoLabel).toBe('Return FY2026 · Base to draft');
    expect(setPlanStatus(ctx, { id: planId, status: 'locked' }).status).toBe('locked');
    for (const status of ['draft', 'approved'] as const) {
      const err = refusal(() => setPlanStatus(ctx, { id: planId, status }));
      expect(err.code).toBe('locked');
      expect(err.message).toBe('FY2026 · Base is locked; copy it into a new scenario to change it.');
    }
    // Locking is final: it cannot be undone, and neither can anything before it.
    expect(historyState(ctx)).toMatchObject({ canUndo: false, canRedo: false });
    expect(undo(ctx).label).toBeNull();
    expect(listPlans(ctx)[0]?.status).toBe('locked');
    expect(refusal(() => setPlanStatus(ctx, { id: 'gone', status: 'draft' })).code).toBe('not_found');
  });

  it('deletes only drafts, with their lines, and undo brings both back exactly', () => {
    const { ctx, dept, acct, planId } = c;
    setCells(ctx, {
      planId,
      cells: ['2026-01', '2026-02'].map((period) => ({ departmentId: dept.fleet, accountId: acct.travel, period, amountMinor: 4_00 })),
    });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-03', amountMinor: 8_00, source: 'x.csv!A1' });
    setPlanStatus(ctx, { id: planId, status: 'approved' });
    expect(refusal(() => deletePlan(ctx, planId)).code).toBe('refused');
    setPlanStatus(ctx, { id: planId, status: 'draft' });
    const before = snapshot(ctx);

    deletePlan(ctx, planId);
    expect(listPlans(ctx)).toEqual([]);
    expect(linesOf(c, planId)).toEqual([]);
    expect(historyState(ctx).undoLabel).toBe('Delete plan FY2026 · Base');
    const deleted = snapshot(ctx);
    undo(ctx);
    expect(snapshot(ctx)).toEqual(before);
    redo(ctx);
    expect(snapshot(ctx)).toEqual(deleted);

    undo(ctx);
    setPlanStatus(ctx, { id: planId, status: 'locked' });
    expect(refusal(() => deletePlan(ctx, planId)).code).toBe('locked');
  });
});

describe('copyPlan', () => {
  let c: SmallCompany;
  beforeEach(() => {
    c = smallCompany();
  });
  afterEach(() => c.tw.cleanup());

  const amounts = [0, 1, 9, 10, 11, 15, 19, 20, 29, 30, 50, 99, 101, 1_234_567, 999_999_999_995, -1, -9, -10, -15, -30, -1_234_567];

  it('applies the uplift of each account type, rounding half away from zero to the cent', () => {
    const { ctx, dept, acct, planId } = c;
    const accountByType = { revenue: acct.revenue, expense: acct.salaries, capex: acct.trucks } as const;
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    const leaves = [dept.warehouse, dept.fleet];
    amounts.forEach((amountMinor, i) => {
      for (const accountId of Object.values(accountByType)) {
        insertBudgetLine(ctx, planId, { departmentId: leaves[i % 2]!, accountId, period: months[Math.floor(i / 2)]!, amountMinor });
      }
    });
    const uplift = { revenue: 5, expense: -2.5, capex: 12.345 };
    const copy = copyPlan(ctx, { sourcePlanId: planId, scenario: 'Stretch', upliftPct: uplift });
    expect(copy).toMatchObject({ name: 'FY2026 · Stretch', status: 'draft', fiscalYear: 2026, lineCount: linesOf(c, planId).length });
    expect(historyState(ctx).undoLabel).toBe('Copy FY2026 · Base to FY2026 · Stretch (+5% revenue, −2.5% expense, +12.345% capex)');

    const typeOf = new Map(Object.entries(accountByType).map(([t, id]) => [id, t as keyof typeof uplift]));
    const expected = linesOf(c, planId).map((l) => ({ ...l, amount_minor: uplifted(l.amount_minor, uplift[typeOf.get(l.account_id)!]) }));
    expect(linesOf(c, copy.id)).toEqual(expected);
    // Spot checks against hand arithmetic: 15 × 1.05 = 15.75 → 16; −15 × 1.05 = −15.75 → −16; 10 × 0.975 = 9.75 → 10.
    expect(uplifted(15, 5)).toBe(16);
    expect(uplifted(-15, 5)).toBe(-16);
    expect(uplifted(10, -2.5)).toBe(10);
    expect(uplifted(-30, -2.5)).toBe(-29);
  });

  it('shifts every month by whole years when the fiscal year changes, and keeps sources', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-01', amountMinor: 100, source: 'a.xlsx!B2' });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-12', amountMinor: 200 });
    const copy = copyPlan(ctx, { sourcePlanId: planId, fiscalYear: 2028, scenario: 'Base', upliftPct: { revenue: 0, expense: 0, capex: 0 } });
    expect(copy.name).toBe('FY2028 · Base');
    expect(historyState(ctx).undoLabel).toBe('Copy FY2026 · Base to FY2028 · Base');
    expect(linesOf(c, copy.id).map((l) => [l.period, l.amount_minor, l.source])).toEqual([
      ['2028-01', 100, 'a.xlsx!B2'],
      ['2028-12', 200, null],
    ]);
    expect(refusal(() => copyPlan(ctx, { sourcePlanId: planId, fiscalYear: 2028, scenario: 'Base', upliftPct: { revenue: 0, expense: 0, capex: 0 } })).code).toBe(
      'conflict',
    );
  });

  it('copies a locked plan into an editable draft; undo removes copy and lines, redo gives back the same rows', () => {
    const { ctx, dept, acct, planId } = c;
    setCells(ctx, {
      planId,
      cells: [dept.warehouse, dept.fleet, dept.dispatch].flatMap((departmentId, d) =>
        [acct.salaries, acct.trucks].map((accountId, a) => ({ departmentId, accountId, period: `2026-0${d + a + 1}`, amountMinor: 1_000 + d * 10 + a })),
      ),
    });
    setPlanStatus(ctx, { id: planId, status: 'locked' });
    const before = snapshot(ctx);
    const copy = copyPlan(ctx, { sourcePlanId: planId, fiscalYear: 2027, scenario: 'Stretch', upliftPct: { revenue: 0, expense: 5, capex: 0 } });
    expect(copy.lineCount).toBe(6);
    expect(copy.months[0]).toBe('2027-01');
    const copied = snapshot(ctx);
    expect(setCells(ctx, { planId: copy.id, cells: [{ departmentId: dept.fleet, accountId: acct.travel, period: '2027-02', amountMinor: 1 }] }).changed).toBe(1);
    undo(ctx);
    expect(snapshot(ctx)).toEqual(copied);

    expect(undo(ctx).label).toBe('Copy FY2026 · Base to FY2027 · Stretch (+5% expense)');
    expect(snapshot(ctx)).toEqual(before);
    redo(ctx);
    expect(snapshot(ctx)).toEqual(copied);
    expect(refusal(() => copyPlan(ctx, { sourcePlanId: 'gone', scenario: 'X', upliftPct: { revenue: 0, expense: 0, capex: 0 } })).code).toBe('not_found');
  });
});

describe('plans on an empty workspace', () => {
  it('lists nothing', () => {
    const tw = tempWorkspace();
    try {
      expect(listPlans(tw.ctx)).toEqual([]);
    } finally {
      tw.cleanup();
    }
  });
});
