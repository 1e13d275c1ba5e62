import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsWithActuals, resolvePeriod } from '../../../electron/core/report/report-period';
import { AppError } from '../../../shared/result';
import { abbreviateMoney, linePath, niceTicks } from '../../../shared/charts';

describe('report periods', () => {
  it('reads a month as that month and the fiscal year to date', () => {
    const p = resolvePeriod('2026-09', 1);
    expect(p).toMatchObject({ kind: 'month', label: 'September 2026 YTD', fiscalYear: 2026, months: ['2026-09'], through: '2026-09' });
    expect(p.yearMonths[0]).toBe('2026-01');
  });

  it('names fiscal years for the year they end in, quarters included', () => {
    // FY2027 with an April start runs Apr 2026 – Mar 2027; its Q3 is Oct–Dec 2026.
    const q = resolvePeriod('2027-Q3', 4);
    expect(q).toMatchObject({ kind: 'quarter', label: 'Q3 FY2027', fiscalYear: 2027, months: ['2026-10', '2026-11', '2026-12'], through: '2026-12' });
    expect(resolvePeriod('2026-05', 4).fiscalYear).toBe(2027);
    const fy = resolvePeriod('FY2027', 4);
    expect(fy.months).toHaveLength(12);
    expect(fy.months[0]).toBe('2026-04');
    expect(fy.through).toBe('2027-03');
  });

  it('refuses anything else with the forms it accepts', () => {
    for (const bad of ['2026-13', 'Q3', '2026-Q5', 'FY26', 'September']) {
      expect(() => resolvePeriod(bad, 1), bad).toThrow(AppError);
      expect(() => resolvePeriod(bad, 1), bad).toThrow(/a month \(2026-09\), a quarter \(2026-Q3\) or a fiscal year \(FY2026\)/);
    }
  });

  it('offers months up to the last actual, quarters and the year once they are complete, newest first', () => {
    const keys = periodsWithActuals(2026, 1, '2026-07').map((p) => p.key);
    expect(keys).toEqual(['2026-07', '2026-Q2', '2026-06', '2026-05', '2026-04', '2026-Q1', '2026-03', '2026-02', '2026-01']);
    expect(periodsWithActuals(2026, 1, '2026-12').map((p) => p.key).slice(0, 3)).toEqual(['FY2026', '2026-Q4', '2026-12']);
  });
});

describe('chart geometry', () => {
  it('gives round ticks that cover the range and include zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 1e11 }), (a, span) => {
        const min = Math.min(0, a);
        const max = Math.max(0, a + span);
        const ticks = niceTicks(min, max, 4);
        expect(ticks[0]!).toBeLessThanOrEqual(min);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max);
        expect(ticks).toContain(0);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('ends the axis at the round value just above the data, not a whole step beyond', () => {
    // The demo's largest full-year budget, 3.07M: 0–3.5M, not 0–4M.
    expect(niceTicks(0, 306_889_800, 4).at(-1)).toBe(350_000_000);
    expect(niceTicks(0, 64_000_000, 4).at(-1)).toBe(70_000_000);
    expect(niceTicks(0, 100_000_000, 4)).toEqual([0, 25_000_000, 50_000_000, 75_000_000, 100_000_000]);
  });

  it('abbreviates money for axes only: k, M, bn, parentheses for negatives', () => {
    expect(abbreviateMoney(0)).toBe('0');
    expect(abbreviateMoney(90_000)).toBe('900');
    expect(abbreviateMoney(35_000_000)).toBe('350k');
    expect(abbreviateMoney(120_000_000)).toBe('1.2M');
    expect(abbreviateMoney(-4_000_000)).toBe('(40k)');
    expect(abbreviateMoney(250_000_000_000)).toBe('2.5bn');
  });

  it('breaks a line where a value is missing', () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 1, y: 2 }, null, { x: 3, y: 4 }])).toBe('M0.00 1.00 L1.00 2.00 M3.00 4.00');
  });
});

describe('table units', () => {
  it('prints whole units until a figure would not fit, then thousands, named in the heading', async () => {
    const { moneyIn, tableUnit } = await import('../../../electron/core/report/pdf/kit');
    const small = tableUnit('USD', [123_456_78, -999_999_999]);
    expect(small).toEqual({ divisor: 100, label: 'USD' });
    expect(moneyIn(small, -999_999_999)).toBe('(10,000,000)');
    const large = tableUnit('EUR', [5, -1_000_000_000]);
    expect(large).toEqual({ divisor: 100_000, label: 'EUR thousands' });
    expect(moneyIn(large, 140_148_986_200)).toBe('1,401,490');
    expect(moneyIn(large, -50_000)).toBe('(1)');
    expect(moneyIn(large, 49_999)).toBe('0');
  });
});
