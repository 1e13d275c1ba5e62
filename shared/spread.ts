/**
 * THE spreading rule: the one place that turns an annual or quarterly amount into monthly amounts.
 * The importer uses it now; the budget grid and forecasts use it later. Nothing else divides money
 * across months.
 *
 * The rule is largest remainder, exact to the minor unit: each month gets floor(total × w / Σw),
 * and the cents left over go one each to the months with the largest remainders (ties to the
 * earliest month). So the months always sum to the total, a month with weight 0 gets nothing, and
 * a negative total spreads exactly as its positive does, negated. Arithmetic is BigInt, so large
 * totals and large weights (last year's actuals in cents) never lose a cent to a float.
 *
 * Weights must be non-negative integers (minor units of last year's actuals, or a profile's
 * integer weights). When they cannot give a spread (none, all zero, mixed signs) the answer is a
 * typed refusal with a message; a caller never falls back to another method without saying so.
 */

export type SpreadRefusalReason = 'no-months' | 'all-zero' | 'negative-weight' | 'mixed-signs' | 'not-integer' | 'wrong-length';

export interface SpreadRefusal {
  ok: false;
  reason: SpreadRefusalReason;
  message: string;
}

export type SpreadAttempt = { ok: true; months: number[] } | SpreadRefusal;

/** Thrown by spreadByWeights when the weights cannot give a spread; `refusal` says why, as data. */
export class SpreadError extends Error {
  readonly refusal: SpreadRefusal;
  constructor(refusal: SpreadRefusal) {
    super(refusal.message);
    this.name = 'SpreadError';
    this.refusal = refusal;
  }
}

function refuse(reason: SpreadRefusalReason, message: string): SpreadRefusal {
  return { ok: false, reason, message };
}

function checkTotal(totalMinor: number): void {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError(`total ${totalMinor} is not a whole number of minor units`);
}

/** The weights as BigInts, or why they cannot be used (they must be non-negative integers, not all zero). */
function checkWeights(weights: readonly number[]): { ok: true; big: bigint[]; sum: bigint } | SpreadRefusal {
  if (weights.length === 0) return refuse('no-months', 'there are no months to spread over');
  const big: bigint[] = [];
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w)) return refuse('not-integer', `weight ${w} is not a whole number`);
    if (w < 0) return refuse('negative-weight', `weight ${w} is negative`);
    const b = BigInt(w);
    big.push(b);
    sum += b;
  }
  if (sum === 0n) return refuse('all-zero', 'every weight is 0, so there is nothing to spread by');
  return { ok: true, big, sum };
}

/** Largest remainder over checked weights; `total` non-negative. */
function largestRemainder(total: bigint, big: bigint[], sum: bigint): bigint[] {
  const shares: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let given = 0n;
  big.forEach((w, index) => {
    const product = total * w;
    const share = product / sum;
    shares.push(share);
    given += share;
    remainders.push({ index, remainder: product % sum });
  });
  let left = total - given;
  if (left > 0n) {
    remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of remainders) {
      if (left === 0n) break;
      shares[index]! += 1n;
      left -= 1n;
    }
  }
  return shares;
}

/** spreadByWeights as data: the months, or why the weights cannot spread. */
export function trySpreadByWeights(totalMinor: number, weights: readonly number[]): SpreadAttempt {
  checkTotal(totalMinor);
  const checked = checkWeights(weights);
  if (!checked.ok) return checked;
  const negative = totalMinor < 0;
  const shares = largestRemainder(BigInt(Math.abs(totalMinor)), checked.big, checked.sum);
  // `0 - x` rather than `-x`: a month that gets nothing is 0, never -0.
  return { ok: true, months: shares.map((s) => (negative ? 0 - Number(s) : Number(s))) };
}

/**
 * Spreads `totalMinor` over as many months as there are weights, in proportion to them, exact to
 * the minor unit (see the module comment). Throws SpreadError when the weights are empty, all
 * zero, negative or not whole numbers.
 */
export function spreadByWeights(totalMinor: number, weights: readonly number[]): number[] {
  const attempt = trySpreadByWeights(totalMinor, weights);
  if (!attempt.ok) throw new SpreadError(attempt);
  return attempt.months;
}

/** Spreads `totalMinor` evenly over `n` months; the leftover cents go to the earliest months. */
export function spreadEvenly(totalMinor: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new SpreadError(refuse('no-months', 'there are no months to spread over'));
  return spreadByWeights(totalMinor, new Array<number>(n).fill(1));
}

/** The three ways the issue names to spread an annual or quarterly amount. */
export type SpreadMethod =
  | { kind: 'even' }
  /** Last year's monthly actuals for the same department × account, one per target month, in minor units. */
  | { kind: 'last-year-actuals'; actuals: readonly number[] }
  /** A named seasonality profile's weights for the target months (profileWeightsFor picks them). */
  | { kind: 'profile'; name: string; weights: readonly number[] };

export type SpreadOutcome =
  | { ok: true; months: number[]; method: SpreadMethod['kind']; description: string }
  | SpreadRefusal;

/** How a spread reads in lineage and previews: "evenly", "by last year's actuals", "by seasonality profile "Retail"". */
export function describeSpreadMethod(method: SpreadMethod): string {
  switch (method.kind) {
    case 'even':
      return 'evenly';
    case 'last-year-actuals':
      return "by last year's actuals";
    case 'profile':
      return `by seasonality profile "${method.name}"`;
  }
}

/**
 * Spreads `totalMinor` over `monthCount` months by `method`. Last year's actuals may all be of one
 * sign (a credit account's actuals are all negative: their magnitudes are used); a mix of signs,
 * or a total of 0, is refused with a message naming the other methods — never a silent fallback.
 */
export function spreadTotal(totalMinor: number, monthCount: number, method: SpreadMethod): SpreadOutcome {
  checkTotal(totalMinor);
  const description = describeSpreadMethod(method);
  if (method.kind === 'even') {
    if (!Number.isInteger(monthCount) || monthCount < 1) return refuse('no-months', 'there are no months to spread over');
    return { ok: true, months: spreadEvenly(totalMinor, monthCount), method: 'even', description };
  }
  const weights = method.kind === 'profile' ? method.weights : method.actuals;
  if (weights.length !== monthCount) {
    return refuse('wrong-length', `${description} gives ${weights.length} month(s) for a span of ${monthCount}`);
  }
  if (method.kind === 'last-year-actuals') {
    const hasPositive = weights.some((w) => w > 0);
    const hasNegative = weights.some((w) => w < 0);
    if (hasPositive && hasNegative) {
      return refuse('mixed-signs', "last year's actuals mix positive and negative months, so they cannot say how to spread; choose evenly or a seasonality profile");
    }
    const magnitudes = hasNegative ? weights.map((w) => (w === 0 ? 0 : -w)) : weights;
    const attempt = trySpreadByWeights(totalMinor, magnitudes);
    if (!attempt.ok) {
      const message =
        attempt.reason === 'all-zero'
          ? "last year's actuals for these months sum to 0; choose evenly or a seasonality profile"
          : `last year's actuals cannot be used: ${attempt.message}`;
      return refuse(attempt.reason, message);
    }
    return { ok: true, months: attempt.months, method: method.kind, description };
  }
  const attempt = trySpreadByWeights(totalMinor, weights);
  if (!attempt.ok) return refuse(attempt.reason, `seasonality profile "${method.name}" cannot be used: ${attempt.message}`);
  return { ok: true, months: attempt.months, method: method.kind, description };
}

/**
 * A profile's weights (twelve, in fiscal order: the first is the fiscal year's first month) for
 * the given periods ("YYYY-MM"), e.g. the three months of a quarter.
 */
export function profileWeightsFor(periods: readonly string[], fiscalStartMonth: number, weights: readonly number[]): number[] {
  if (weights.length !== 12) throw new RangeError(`a seasonality profile has 12 weights, not ${weights.length}`);
  return periods.map((p) => {
    const month = Number(p.slice(5, 7));
    const index = (month - fiscalStartMonth + 12) % 12;
    return weights[index]!;
  });
}

/** A seasonality profile's weights are twelve non-negative whole numbers, not all zero; null when fine, else why not. */
export function profileWeightsProblem(weights: readonly number[]): string | null {
  if (weights.length !== 12) return `a seasonality profile has 12 monthly weights, not ${weights.length}`;
  const checked = checkWeights(weights);
  return checked.ok ? null : checked.message;
}
