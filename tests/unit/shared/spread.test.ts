import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  profileWeightsFor,
  profileWeightsProblem,
  spreadByWeights,
  spreadEvenly,
  SpreadError,
  spreadTotal,
  trySpreadByWeights,
} from '../../../shared/spread';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const weightsArb = fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 24 }).filter((w) => sum(w) > 0);
const totalArb = fc.integer({ min: -1e13, max: 1e13 });

describe('spreadEvenly', () => {
  it('gives the leftover cents to the earliest months', () => {
    expect(spreadEvenly(100, 12)).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(spreadEvenly(120_000_00, 12)).toEqual(new Array(12).fill(10_000_00));
    expect(spreadEvenly(1, 3)).toEqual([1, 0, 0]);
  });

  it('is symmetric for negative totals and never writes -0', () => {
    expect(spreadEvenly(-100, 12)).toEqual([-9, -9, -9, -9, -8, -8, -8, -8, -8, -8, -8, -8]);
    expect(Object.is(spreadEvenly(-1, 3)[2], 0)).toBe(true);
  });

  it('refuses zero months', () => {
    expect(() => spreadEvenly(100, 0)).toThrow(SpreadError);
  });
});

describe('spreadByWeights', () => {
  it('spreads in proportion, the remainder to the largest fractions', () => {
    expect(spreadByWeights(1000, [1, 1, 2])).toEqual([250, 250, 500]);
    // 10 over 1:1:1 → 3.33 each; one cent left, to the earliest of the equal remainders.
    expect(spreadByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 100 × [1,2,3]/6 = 16.67, 33.33, 50 → 17, 33, 50: the largest remainder wins, not the earliest.
    expect(spreadByWeights(100, [1, 2, 3])).toEqual([17, 33, 50]);
  });

  it('never gives anything to a month whose weight is 0', () => {
    expect(spreadByWeights(7, [0, 1, 0, 1, 0, 1])).toEqual([0, 3, 0, 2, 0, 2]);
  });

  it('stays exact where floats would not (large totals times large weights)', () => {
    const months = spreadByWeights(9_000_000_000_000, [3_333_333_333_333, 3_333_333_333_333, 3_333_333_333_334]);
    expect(sum(months)).toBe(9_000_000_000_000);
    // Exact shares 2,999,999,999,999.7 ×2 and 3,000,000,000,000.6: the two .7s get the two cents left over.
    expect(months).toEqual([3_000_000_000_000, 3_000_000_000_000, 3_000_000_000_000]);
  });

  it('refuses empty, all-zero, negative and fractional weights as typed failures', () => {
    expect(trySpreadByWeights(100, [])).toMatchObject({ ok: false, reason: 'no-months' });
    expect(trySpreadByWeights(100, [0, 0])).toMatchObject({ ok: false, reason: 'all-zero' });
    expect(trySpreadByWeights(100, [1, -1])).toMatchObject({ ok: false, reason: 'negative-weight' });
    expect(trySpreadByWeights(100, [1.5, 1])).toMatchObject({ ok: false, reason: 'not-integer' });
    expect(() => spreadByWeights(100, [0, 0])).toThrow(/every weight is 0/);
    expect(() => spreadByWeights(0.5, [1])).toThrow(RangeError);
  });

  it('property: the months sum to the total, each within one cent of its exact share', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const months = spreadByWeights(total, weights);
        expect(months).toHaveLength(weights.length);
        expect(sum(months)).toBe(total);
        const W = BigInt(sum(weights));
        months.forEach((m, i) => {
          // |m × W − total × w| < W  ⇔  m is the exact share rounded up or down.
          const diff = BigInt(m) * W - BigInt(total) * BigInt(weights[i]!);
          expect(diff < W && diff > -W).toBe(true);
          if (weights[i] === 0) expect(m).toBe(0);
        });
      }),
    );
  });

  it('property: a negative total spreads as its positive, negated; scaling the weights changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weightsArb, fc.integer({ min: 1, max: 1000 }), (total, weights, k) => {
        const positive = spreadByWeights(total, weights);
        expect(spreadByWeights(-total, weights)).toEqual(positive.map((m) => 0 - m));
        expect(spreadByWeights(total, weights.map((w) => w * k))).toEqual(positive);
      }),
    );
  });

  it('property: equal weights give the same as spreadEvenly', () => {
    fc.assert(
      fc.property(totalArb, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 1000 }), (total, n, w) => {
        expect(spreadByWeights(total, new Array(n).fill(w))).toEqual(spreadEvenly(total, n));
      }),
    );
  });
});

describe('spreadTotal (the three methods)', () => {
  it('even', () => {
    expect(spreadTotal(1200, 12, { kind: 'even' })).toEqual({ ok: true, months: new Array(12).fill(100), method: 'even', description: 'evenly' });
  });

  it("by last year's actuals, including an all-negative (credit) account", () => {
    const r = spreadTotal(3000, 3, { kind: 'last-year-actuals', actuals: [100, 100, 200] });
    expect(r).toMatchObject({ ok: true, months: [750, 750, 1500], description: "by last year's actuals" });
    expect(spreadTotal(3000, 3, { kind: 'last-year-actuals', actuals: [-100, -100, -200] })).toMatchObject({ ok: true, months: [750, 750, 1500] });
  });

  it("refuses last year's actuals that sum to 0 or mix signs, naming the other methods", () => {
    const zero = spreadTotal(3000, 3, { kind: 'last-year-actuals', actuals: [0, 0, 0] });
    expect(zero).toMatchObject({ ok: false, reason: 'all-zero' });
    expect(zero.ok ? '' : zero.message).toMatch(/sum to 0.*evenly or a seasonality profile/);
    expect(spreadTotal(3000, 3, { kind: 'last-year-actuals', actuals: [100, -50, 10] })).toMatchObject({ ok: false, reason: 'mixed-signs' });
    expect(spreadTotal(3000, 3, { kind: 'last-year-actuals', actuals: [100, 50] })).toMatchObject({ ok: false, reason: 'wrong-length' });
  });

  it('by a seasonality profile, named in the description', () => {
    const r = spreadTotal(100, 2, { kind: 'profile', name: 'Retail', weights: [1, 3] });
    expect(r).toMatchObject({ ok: true, months: [25, 75], description: 'by seasonality profile "Retail"' });
    expect(spreadTotal(100, 2, { kind: 'profile', name: 'Flat', weights: [0, 0] })).toMatchObject({ ok: false, reason: 'all-zero' });
  });

  it('picks a profile weight by fiscal month', () => {
    const weights = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    // Fiscal year starting in April: April is the first weight, March the last.
    expect(profileWeightsFor(['2026-04', '2026-05', '2027-03'], 4, weights)).toEqual([10, 20, 120]);
    expect(profileWeightsFor(['2027-01'], 1, weights)).toEqual([10]);
    expect(profileWeightsProblem(weights)).toBeNull();
    expect(profileWeightsProblem([1, 2])).toMatch(/12/);
    expect(profileWeightsProblem(new Array(12).fill(0))).toMatch(/0/);
  });
});
