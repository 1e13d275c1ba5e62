/**
 * Which months the Variance view asks for. Actuals usually stop before the plan's year ends, so
 * the defaults follow the last month with actuals: a range runs from the year's start to it, and
 * Month opens on it. Comparing a budget with months nobody has booked yet would call every
 * expense favourable.
 */
export type PeriodMode = 'ytd' | 'month' | 'range';

/** What the user picked in the month and range selects; null until they pick. */
export interface PeriodChoice {
  month: string | null;
  from: string | null;
  to: string | null;
}

export const noChoice: PeriodChoice = { month: null, from: null, to: null };

/**
 * The months to ask for, or null for the service's own year-to-date default. `lastActual` is
 * undefined until the first answer for the plan has said it (that answer, year to date, is asked
 * for first), null when the plan has no actuals yet.
 */
export function varianceMonths(
  mode: PeriodMode,
  months: readonly string[],
  lastActual: string | null | undefined,
  choice: PeriodChoice,
): { from: string; to: string } | null {
  const first = months[0];
  const last = months[months.length - 1];
  if (mode === 'ytd' || first === undefined || last === undefined || lastActual === undefined) return null;
  const inPlan = (m: string | null): m is string => m !== null && months.includes(m);
  const booked = lastActual !== null && months.includes(lastActual) ? lastActual : null;
  if (mode === 'month') {
    const month = inPlan(choice.month) ? choice.month : (booked ?? first);
    return { from: month, to: month };
  }
  const from = inPlan(choice.from) ? choice.from : first;
  const to = inPlan(choice.to) ? choice.to : (booked ?? last);
  return { from, to: to < from ? from : to };
}
