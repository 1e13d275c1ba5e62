/**
 * A budget's quarter and year amounts turned into monthly figures, once the plan is known: the
 * months come from the span's label (shared/period-labels.ts, the plan's year where the label has
 * none), the amounts from THE spreading rule (shared/spread.ts). The method is the user's choice:
 * by last year's actuals for the same department × account where every month of the span has one
 * a year earlier (the default; a year still being booked would give its unbooked months nothing),
 * evenly, or by a seasonality profile. Each month's figure keeps its cell and says how it was
 * made ("… spread from FY2027 at C4, by last year's actuals"), so lineage answers for it.
 */
import type { ImportOptions, PlanTarget, SpreadRecord } from '../../../shared/imports';
import { spanLabel, spanMonths, spanNeedsYear } from '../../../shared/period-labels';
import { addMonths } from '../../../shared/periods';
import { profileWeightsFor, profileWeightsProblem, spreadTotal, type SpreadMethod } from '../../../shared/spread';
import { profileByName } from '../budget/seasonality-service';
import type { Ctx } from '../context';
import type { RawFigure } from './figures';
import type { Lookup } from './lookup';
import type { Problems } from './problems';

/** At most this many spreads are listed in the plan; all are applied. */
export const MAX_LISTED_SPREADS = 500;

type SpreadChoice = NonNullable<ImportOptions['spread']>;

/** A profile's twelve weights in fiscal order (the seasonality service's profile), or the reason there are none. */
function profileWeights(ctx: Ctx, name: string): number[] | string {
  const found = profileByName(ctx, name);
  if (!found) return `there is no seasonality profile "${name.trim()}" in the workspace`;
  const problem = profileWeightsProblem(found.weights);
  return problem === null ? found.weights : `the seasonality profile "${found.name}" cannot be used: ${problem}`;
}

/**
 * Replaces each figure that is a span by its monthly figures; others pass as they are. Spans for a
 * year other than the plan's are left out with one warning per column; a spread that cannot be
 * made (last year's actuals of mixed signs, an unknown profile) is an error at its cell.
 */
export function spreadFigures(
  ctx: Ctx,
  raw: readonly RawFigure[],
  target: PlanTarget | null,
  choice: SpreadChoice | undefined,
  fiscalStartMonth: number,
  lookup: Lookup,
  problems: Problems,
  /** The workspace codes a figure's department and account resolve to (names matched), or null. */
  resolve: (f: RawFigure) => { department: string | null; account: string | null },
): { figures: RawFigure[]; spreads: SpreadRecord[]; count: number } {
  if (!raw.some((f) => f.spread)) return { figures: [...raw], spreads: [], count: 0 };
  const out: RawFigure[] = [];
  const spreads: SpreadRecord[] = [];
  let count = 0;
  const warned = new Set<string>();
  const once = (key: string, fn: () => void) => {
    if (!warned.has(key)) {
      warned.add(key);
      fn();
    }
  };
  const planMonths = new Set(target?.months ?? []);
  const actualsOf = ctx.db.$client.prepare(
    `SELECT x.period AS period, x.amount_minor AS amountMinor FROM actuals x
       JOIN departments d ON d.id = x.department_id JOIN accounts a ON a.id = x.account_id
      WHERE d.code = ? AND a.code = ? AND x.period >= ? AND x.period <= ?`,
  );
  let profile: number[] | string | null = null;
  if (choice !== undefined && typeof choice === 'object') profile = profileWeights(ctx, choice.profile);
  for (const f of raw) {
    const s = f.spread;
    if (!s) {
      out.push(f);
      continue;
    }
    if (!target) continue;
    const column = s.cell.replace(/\d+$/, '');
    if (spanNeedsYear(s.span)) {
      once(`year ${s.header}`, () =>
        problems.warn(f.periodRef, `"${s.header}" names no year: read as ${spanLabel(s.span)} of ${target.planName} (FY${target.fiscalYear})`),
      );
    }
    const months = spanMonths(s.span, fiscalStartMonth, target.fiscalYear);
    if (months.length === 0 || !months.every((m) => planMonths.has(m))) {
      once(`outside ${s.header}`, () =>
        problems.warn(f.periodRef, `column ${column} "${s.header}" is not in ${target.planName}'s year (FY${target.fiscalYear}); its amounts are left out`),
      );
      continue;
    }
    const codes = resolve(f);
    let method: SpreadMethod = { kind: 'even' };
    if (profile !== null) {
      if (typeof profile === 'string') {
        const reason = profile;
        once('profile', () => problems.error(problems.ref(), `${reason}; choose another profile, or spread evenly (--spread even)`));
        continue;
      }
      const weights = profile;
      // Profiles are kept in fiscal order: the one rule that maps them onto calendar months.
      method = { kind: 'profile', name: (choice as { profile: string }).profile, weights: profileWeightsFor(months, fiscalStartMonth, weights) };
    } else if (choice !== 'even' && codes.department !== null && codes.account !== null && lookup.departments.has(codes.department) && lookup.accounts.has(codes.account)) {
      const lastYear = months.map((m) => addMonths(m, -12));
      const rows = actualsOf.all(codes.department, codes.account, lastYear[0], lastYear[lastYear.length - 1]) as Array<{ period: string; amountMinor: number }>;
      const byPeriod = new Map(rows.map((r) => [r.period, r.amountMinor]));
      // Only a whole year of actuals is a pattern: months not booked yet would get nothing.
      if (rows.some((r) => r.amountMinor !== 0) && lastYear.every((p) => byPeriod.has(p))) {
        method = { kind: 'last-year-actuals', actuals: lastYear.map((p) => byPeriod.get(p) ?? 0) };
      }
    }
    const outcome = spreadTotal(f.amountMinor, months.length, method);
    if (!outcome.ok) {
      problems.error(f.source, `${s.header} ${outcome.message}`);
      continue;
    }
    count++;
    const how = `spread from ${s.header} at ${s.cell}, ${outcome.description}`;
    for (let i = 0; i < months.length; i++) {
      out.push({
        departmentCode: f.departmentCode,
        departmentRef: f.departmentRef,
        accountCode: f.accountCode,
        accountRef: f.accountRef,
        accountName: f.accountName,
        period: months[i]!,
        periodRef: f.periodRef,
        amountMinor: outcome.months[i]!,
        debitCredit: false,
        source: `${f.source} (${how})`,
        ...(f.note !== undefined ? { note: f.note } : {}),
      });
    }
    if (spreads.length < MAX_LISTED_SPREADS) {
      spreads.push({
        source: f.source,
        header: s.header,
        departmentCode: codes.department ?? f.departmentCode ?? '',
        accountCode: codes.account ?? f.accountCode,
        totalMinor: f.amountMinor,
        method: outcome.description,
        months: months.map((period, i) => ({ period, amountMinor: outcome.months[i]! })),
      });
    }
  }
  return { figures: out, spreads, count };
}
