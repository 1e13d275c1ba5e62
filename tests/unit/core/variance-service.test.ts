import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { varianceReportSchema } from '../../../shared/budget';
import { varianceReport } from '../../../electron/core/budget/variance-service';
import { insertActual, insertBudgetLine } from '../../helpers/raw-figures';
import { smallCompany, type SmallCompany } from './grid-fixture';
import { refusal } from '../../helpers/refusal';

let c: SmallCompany;
beforeEach(() => {
  c = smallCompany();
});
afterEach(() => c.tw.cleanup());


function seed() {
  const { ctx, dept, acct, planId } = c;
  const b = (departmentId: string, accountId: string, period: string, amountMinor: number) =>
    insertBudgetLine(ctx, planId, { departmentId, accountId, period, amountMinor });
  const a = (departmentId: string, accountId: string, period: string, amountMinor: number) =>
    insertActual(ctx, { departmentId, accountId, period, amountMinor });
  for (const period of ['2026-01', '2026-02', '2026-03', '2026-04']) {
    b(dept.sales, acct.revenue, period, 1_000_00);
    b(dept.warehouse, acct.salaries, period, 500_00);
    b(dept.fleet, acct.salaries, period, 300_00);
  }
  b(dept.fleet, acct.trucks, '2026-02', 2_000_00);
  // Revenue above budget (good), warehouse salaries over (bad), fleet salaries under (good),
  // trucks exactly on budget, travel spent without any budget.
  for (const period of ['2026-01', '2026-02']) {
    a(dept.sales, acct.revenue, period, 1_100_00);
    a(dept.warehouse, acct.salaries, period, 550_00);
    a(dept.fleet, acct.salaries, period, 250_00);
  }
  a(dept.fleet, acct.trucks, '2026-02', 2_000_00);
  a(dept.dispatch, acct.travel, '2026-02', 40_00);
}

describe('varianceReport', () => {
  it('defaults to the plan start through the last month with actuals, and signs each row by type', () => {
    seed();
    const { ctx, dept, acct, planId } = c;
    const r = varianceReport(ctx, { planId, departmentId: dept.root });
    expect(varianceReportSchema.parse(r)).toEqual(r);
    expect([r.from, r.to, r.lastActualPeriod]).toEqual(['2026-01', '2026-02', '2026-02']);
    const row = (id: string) => r.rows.find((x) => x.accountId === id);
    expect(row(acct.revenue)).toMatchObject({ budget: 2_000_00, actual: 2_200_00, variance: 200_00, variancePct: 0.1, favourable: true });
    // Salaries: budget 1,600, actual 1,600 → on budget at the root although each leaf is off.
    expect(row(acct.salaries)).toMatchObject({ budget: 1_600_00, actual: 1_600_00, variance: 0, variancePct: 0, favourable: null });
    expect(row(acct.trucks)).toMatchObject({ variance: 0, favourable: null });
    expect(row(acct.travel)).toMatchObject({ budget: 0, actual: 40_00, variance: 40_00, variancePct: null, favourable: false });
    expect(r.rows.map((x) => x.code)).toEqual(['4000', '6000', '6100', '8000']);

    const sub = Object.fromEntries(r.subtotals.map((s) => [s.type, s]));
    expect(sub.expense).toMatchObject({ budget: 1_600_00, actual: 1_640_00, variance: 40_00, favourable: false });
    expect(sub.revenue).toMatchObject({ variance: 200_00, favourable: true });

    expect(r.children.map((ch) => ch.code)).toEqual(['200', '300']);
    const ops = r.children[0]!;
    expect(ops.spend).toMatchObject({ budget: 3_600_00, actual: 3_640_00, variance: 40_00, favourable: false });
    expect(ops.revenue).toMatchObject({ budget: 0, actual: 0, variance: 0, variancePct: null, favourable: null });
    const sales = r.children[1]!;
    expect(sales.revenue).toMatchObject({ budget: 2_000_00, actual: 2_200_00, favourable: true });
  });

  it('reports a leaf: spend over budget is unfavourable, under budget favourable', () => {
    seed();
    const { ctx, dept, acct, planId } = c;
    const wh = varianceReport(ctx, { planId, departmentId: dept.warehouse });
    expect(wh.rows).toEqual([
      { accountId: acct.salaries, code: '6000', name: 'Salaries & wages', type: 'expense', budget: 1_000_00, actual: 1_100_00, variance: 100_00, variancePct: 0.1, favourable: false },
    ]);
    expect(wh.children).toEqual([]);
    const fleet = varianceReport(ctx, { planId, departmentId: dept.fleet, from: '2026-01', to: '2026-01' });
    expect(fleet.rows.find((x) => x.accountId === acct.salaries)).toMatchObject({ variance: -50_00, favourable: true });
    expect(fleet.rows.some((x) => x.accountId === acct.trucks)).toBe(false);
  });

  it('uses an explicit range and a negative budget base for the percentage', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-06', amountMinor: -200_00 });
    insertActual(ctx, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-06', amountMinor: -100_00 });
    const r = varianceReport(ctx, { planId, departmentId: dept.sales, from: '2026-05', to: '2026-07' });
    expect(r.rows[0]).toMatchObject({ variance: 100_00, variancePct: 0.5, favourable: true });
  });

  it('with no actuals, covers the first month only and says so', () => {
    const { ctx, dept, acct, planId } = c;
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-01', amountMinor: 10_00 });
    insertBudgetLine(ctx, planId, { departmentId: dept.sales, accountId: acct.revenue, period: '2026-02', amountMinor: 10_00 });
    // Actuals outside the plan's year do not count.
    insertActual(ctx, { departmentId: dept.sales, accountId: acct.revenue, period: '2025-12', amountMinor: 10_00 });
    const r = varianceReport(ctx, { planId, departmentId: dept.root });
    expect([r.from, r.to, r.lastActualPeriod]).toEqual(['2026-01', '2026-01', null]);
    expect(r.rows).toMatchObject([{ budget: 10_00, actual: 0, variance: -10_00, favourable: false }]);
  });

  it('refuses months outside the plan year, a reversed range, and unknown ids', () => {
    const { ctx, dept, planId } = c;
    const outside = refusal(() => varianceReport(ctx, { planId, departmentId: dept.root, from: '2025-12' }));
    expect(outside.code).toBe('invalid_input');
    expect(outside.message).toBe('Dec 2025 is outside FY2026 · Base, which runs from Jan 2026 to Dec 2026.');
    expect(refusal(() => varianceReport(ctx, { planId, departmentId: dept.root, to: '2027-01' })).code).toBe('invalid_input');
    expect(refusal(() => varianceReport(ctx, { planId, departmentId: dept.root, from: '2026-05', to: '2026-04' })).code).toBe('invalid_input');
    expect(refusal(() => varianceReport(ctx, { planId: 'gone', departmentId: dept.root })).code).toBe('not_found');
    expect(refusal(() => varianceReport(ctx, { planId, departmentId: 'gone' })).code).toBe('not_found');
  });
});
