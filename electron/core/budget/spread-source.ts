/**
 * Where the weights for spreading an annual or quarterly figure come from, for the importer now and
 * the budget grid later: last year's actuals for the same department × account (the default where
 * they exist), a named seasonality profile, or even. The arithmetic is shared/spread.ts; this
 * module only reads the workspace. Reads are batched: one query for every cell of an import.
 */
import { and, gte, inArray, lte } from 'drizzle-orm';
import { addMonths } from '../../../shared/periods';
import { profileWeightsFor, spreadTotal, type SpreadMethod, type SpreadOutcome } from '../../../shared/spread';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { actuals } from '../db/schema';
import { requireProfile } from './seasonality-service';

/** How the user asked to spread: the default (last year's actuals where they exist, else even), even, last year's actuals only, or a profile. */
export type SpreadChoice = { kind: 'default' } | { kind: 'even' } | { kind: 'last-year-actuals' } | { kind: 'profile'; name: string };

export interface SpreadSource {
  /**
   * Spreads `totalMinor` over `periods` (consecutive "YYYY-MM") for one department × account
   * (database ids). A refusal says why (e.g. last year's actuals sum to 0 when they were asked for).
   */
  spread(totalMinor: number, periods: readonly string[], departmentId: string, accountId: string, choice: SpreadChoice): SpreadOutcome;
  /** Last year's actuals for the same months, in minor units, or null when there are none at all. */
  lastYear(periods: readonly string[], departmentId: string, accountId: string): number[] | null;
}

/**
 * A spread source for figures whose periods lie between `from` and `to` ("YYYY-MM", inclusive):
 * last year's actuals for that range are read once. `fiscalStartMonth` places a profile's weights.
 */
export function createSpreadSource(ctx: Ctx, range: { from: string; to: string }, fiscalStartMonth: number, departmentIds?: readonly string[]): SpreadSource {
  const where = [gte(actuals.period, addMonths(range.from, -12)), lte(actuals.period, addMonths(range.to, -12))];
  if (departmentIds) where.push(inArray(actuals.departmentId, [...departmentIds]));
  const rows = ctx.db
    .select({ d: actuals.departmentId, a: actuals.accountId, p: actuals.period, v: actuals.amountMinor })
    .from(actuals)
    .where(and(...where))
    .all();
  const byCell = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const k = `${r.d}|${r.a}`;
    let m = byCell.get(k);
    if (!m) byCell.set(k, (m = new Map()));
    m.set(r.p, r.v);
  }
  const profiles = new Map<string, number[]>();

  const lastYear = (periods: readonly string[], departmentId: string, accountId: string): number[] | null => {
    const cell = byCell.get(`${departmentId}|${accountId}`);
    if (!cell) return null;
    const values = periods.map((p) => cell.get(addMonths(p, -12)));
    return values.every((v) => v === undefined) ? null : values.map((v) => v ?? 0);
  };

  return {
    lastYear,
    spread(totalMinor, periods, departmentId, accountId, choice) {
      let method: SpreadMethod;
      if (choice.kind === 'even') method = { kind: 'even' };
      else if (choice.kind === 'profile') {
        let weights = profiles.get(choice.name);
        if (!weights) profiles.set(choice.name, (weights = requireProfile(ctx, choice.name).weights));
        method = { kind: 'profile', name: choice.name, weights: profileWeightsFor(periods, fiscalStartMonth, weights) };
      } else {
        const actualsLastYear = lastYear(periods, departmentId, accountId);
        if (actualsLastYear === null) {
          if (choice.kind === 'last-year-actuals') {
            return { ok: false, reason: 'all-zero', message: "there are no actuals last year for this department and account; choose evenly or a seasonality profile" };
          }
          method = { kind: 'even' };
        } else method = { kind: 'last-year-actuals', actuals: actualsLastYear };
      }
      return spreadTotal(totalMinor, periods.length, method);
    },
  };
}

/** Refuses a spread that was refused, as an AppError for a service to throw. */
export function requireSpread(outcome: SpreadOutcome, what: string): Extract<SpreadOutcome, { ok: true }> {
  if (!outcome.ok) throw new AppError('refused', `${what} cannot be spread: ${outcome.message}.`);
  return outcome;
}
