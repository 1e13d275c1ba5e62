/**
 * Budget vs actual for a department's subtree over a month range of a plan's year. Whether a
 * variance is good news depends on the account type: more revenue is, more spend is not.
 */
import { accountTypes, type AccountType, type VarianceReport, type VarianceRow } from '../../../shared/budget';
import { periodLabel } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { compareCodes } from '../org/department-service';
import { allAccounts, ancestorPath, budgetVsActualByAccount, childrenBudgetVsActual, lastActualPeriod, requirePlan } from './budget-queries';
import { byTypeThenCode, planMonths } from './grid-service';

type Figures = Omit<VarianceRow, 'accountId' | 'code' | 'name' | 'type'>;

/** Spend is favourable under budget, revenue over budget; null when exactly on budget. */
export function figures(budget: number, actual: number, kind: AccountType | 'spend'): Figures {
  const variance = actual - budget;
  const favourable = variance === 0 ? null : kind === 'revenue' ? variance > 0 : variance < 0;
  return { budget, actual, variance, variancePct: budget === 0 ? null : variance / Math.abs(budget), favourable };
}

export function varianceReport(
  ctx: Ctx,
  input: { planId: string; departmentId: string; from?: string | undefined; to?: string | undefined },
): VarianceReport {
  const plan = requirePlan(ctx, input.planId);
  const self = ancestorPath(ctx, input.departmentId)[0];
  if (!self) throw new AppError('not_found', 'That department no longer exists.');
  const months = planMonths(ctx, plan);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const outside = (p: string) =>
    new AppError('invalid_input', `${periodLabel(p)} is outside ${plan.name}, which runs from ${periodLabel(first)} to ${periodLabel(last)}.`, {
      period: p,
    });
  for (const p of [input.from, input.to]) if (p !== undefined && !months.includes(p)) throw outside(p);

  const lastActual = lastActualPeriod(ctx, first, last);
  const from = input.from ?? first;
  const to = input.to ?? (lastActual !== null && lastActual >= from ? lastActual : from);
  if (from > to) {
    throw new AppError('invalid_input', `The range starts in ${periodLabel(from)}, after it ends in ${periodLabel(to)}.`);
  }

  const accounts = new Map(allAccounts(ctx).map((a) => [a.id, a]));
  const rows: VarianceRow[] = budgetVsActualByAccount(ctx, plan.id, self.id, from, to)
    .filter((r) => r.budget !== 0 || r.actual !== 0)
    .flatMap((r) => {
      const a = accounts.get(r.accountId);
      return a ? [{ account: a, r }] : [];
    })
    .sort((x, y) => byTypeThenCode(x.account, y.account))
    .map(({ account, r }) => ({
      accountId: account.id,
      code: account.code,
      name: account.name,
      type: account.type,
      ...figures(r.budget, r.actual, account.type),
    }));

  const subtotals = accountTypes.map((type) => {
    let budget = 0;
    let actual = 0;
    for (const r of rows) {
      if (r.type !== type) continue;
      budget += r.budget;
      actual += r.actual;
    }
    return { type, ...figures(budget, actual, type) };
  });

  const children = childrenBudgetVsActual(ctx, plan.id, self.id, from, to)
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((c) => ({
      departmentId: c.departmentId,
      code: c.code,
      name: c.name,
      spend: figures(c.budgetTotal - c.budgetRevenue, c.actualTotal - c.actualRevenue, 'spend'),
      revenue: figures(c.budgetRevenue, c.actualRevenue, 'revenue'),
    }));

  return { planId: plan.id, departmentId: self.id, from, to, lastActualPeriod: lastActual, rows, subtotals, children };
}
