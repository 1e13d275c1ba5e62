import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriodLabel, periodFromYearMonth, spanLabel, spanMonths, spanNeedsYear, spanWarning, type PeriodSpan } from '../../../shared/period-labels';
import { fiscalYearMonths, period } from '../../../shared/periods';

const months = (label: string | number, start = 1, plan?: number) => spanMonths(parsePeriodLabel(label)!, start, plan);
const q1of2025 = ['2025-01', '2025-02', '2025-03'];

describe('parsePeriodLabel', () => {
  it('months, with and without a year', () => {
    for (const m of ['Jan 2025', 'Jan-25', 'January 2025', "Jan '25", '2025-01', '2025/01', '01/2025', '2025 Jan', '2025-01-15']) {
      expect(parsePeriodLabel(m), m).toEqual({ kind: 'month', period: '2025-01' });
    }
    expect(parsePeriodLabel(new Date(Date.UTC(2025, 5, 30)))).toEqual({ kind: 'month', period: '2025-06' });
    expect(parsePeriodLabel('Jan')).toEqual({ kind: 'month-no-year', month: 1 });
    expect(parsePeriodLabel('September')).toEqual({ kind: 'month-no-year', month: 9 });
    expect(parsePeriodLabel('Jan 2025 Actual')).toEqual({ kind: 'month', period: '2025-01', qualifier: 'Actual' });
  });

  it('quarters in every common form', () => {
    for (const q of ['Q1 2025', 'Q1-25', '2025-Q1', '2025 Q1', 'Q1 FY25', 'Qtr 1 2025', 'Quarter 1 2025', 'FY25 Q1', '1Q25', 'Q1 2025 total']) {
      const span = parsePeriodLabel(q);
      expect(span?.kind, q).toBe('quarter');
      expect(spanMonths(span!, 1), q).toEqual(q1of2025);
    }
    expect(parsePeriodLabel('Q1')).toMatchObject({ kind: 'quarter', quarter: 1, year: null });
    expect(parsePeriodLabel('Q5 2025')).toBeNull();
  });

  it('a month range names its months outright', () => {
    expect(parsePeriodLabel('Jan-Mar 2025')).toEqual({ kind: 'range', firstMonth: 1, monthCount: 3, year: 2025 });
    expect(months('Jan-Mar 2025', 4)).toEqual(q1of2025);
    expect(months('Apr to Jun 25')).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(parsePeriodLabel('Mar-Jan 2025')).toBeNull();
  });

  it('fiscal and full years in every common form, with their qualifier', () => {
    const cases: [string, number, string | undefined][] = [
      ['FY 2025', 2025, undefined],
      ['FY25', 2025, undefined],
      ['FY2025/26', 2026, undefined],
      ['FY 2024-25', 2025, undefined],
      ['2024/25', 2025, undefined],
      ['2025', 2025, undefined],
      ['Full Year 2025', 2025, undefined],
      ['FY24 Adopted', 2024, 'Adopted'],
      ['FY 2025 Budget', 2025, 'Budget'],
      ['Annual 2025', 2025, undefined],
      ['2025 Actual', 2025, 'Actual'],
      ['Proposed FY2026', 2026, 'Proposed'],
      ['FY2025 Total', 2025, undefined],
      ['(2025)', 2025, undefined],
    ];
    for (const [label, year, qualifier] of cases) {
      const span = parsePeriodLabel(label);
      expect(span, label).toMatchObject({ kind: 'year', year, calendar: false });
      expect(span?.qualifier, label).toBe(qualifier);
    }
    expect(parsePeriodLabel(2025)).toMatchObject({ kind: 'year', year: 2025 });
    expect(parsePeriodLabel('CY2025')).toMatchObject({ kind: 'year', year: 2025, calendar: true });
    expect(parsePeriodLabel('Full year')).toMatchObject({ kind: 'year', year: null });
    expect(parsePeriodLabel('FY total')).toMatchObject({ kind: 'year', year: null });
  });

  it('totals are totals; names of columns and other words are nothing', () => {
    for (const t of ['Total', 'YTD', 'Grand total', 'Sum', 'Subtotal', 'YTD Actual']) expect(parsePeriodLabel(t)?.kind, t).toBe('total');
    for (const n of ['Year', 'FY', 'Fiscal Year', 'Month', 'Budget', 'Actual', 'Account', 'Sales-Marketing', '2024-26', '1899', 12.5, '', null, true]) {
      expect(parsePeriodLabel(n as string), String(n)).toBeNull();
    }
  });
});

describe('spanMonths', () => {
  it('a fiscal year is named for the year it ends in (fiscal start April)', () => {
    expect(months('FY2025', 4)).toEqual(fiscalYearMonths(2025, 4));
    expect(months('FY2025', 4)[0]).toBe('2024-04');
    expect(months('FY 2024-25', 4)).toEqual(fiscalYearMonths(2025, 4));
    expect(months('Q1 FY25', 4)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(months('Q4 2025', 4)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(months('CY2025', 4)).toEqual(fiscalYearMonths(2025, 1));
  });

  it('year-less spans take the plan\u2019s fiscal year, and need it', () => {
    expect(months('Jan', 4, 2025)).toEqual(['2025-01']);
    expect(months('Apr', 4, 2025)).toEqual(['2024-04']);
    expect(months('Q2', 4, 2025)).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(months('Full year', 1, 2026)).toEqual(fiscalYearMonths(2026, 1));
    expect(months('Feb-Apr', 4, 2025)).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(() => months('Jan', 1)).toThrow(RangeError);
    expect(spanNeedsYear(parsePeriodLabel('Jan')!)).toBe(true);
    expect(months('Total')).toEqual([]);
  });

  it('property: every fiscal year label covers twelve consecutive months of that fiscal year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('FY', 'FY ', 'Full Year '), (year, start, prefix) => {
        expect(months(`${prefix}${year}`, start)).toEqual(fiscalYearMonths(year, start));
        const quarters = [1, 2, 3, 4].flatMap((q) => months(`Q${q} FY${year}`, start));
        expect(quarters).toEqual(fiscalYearMonths(year, start));
      }),
    );
  });

  it('property: every month label reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const p = period(year, month);
        expect(parsePeriodLabel(p)).toEqual({ kind: 'month', period: p });
        expect(parsePeriodLabel(spanLabel({ kind: 'month', period: p }))).toEqual({ kind: 'month', period: p });
      }),
    );
  });
});

describe('spanLabel and spanWarning', () => {
  it('labels spans for lineage', () => {
    const label = (l: string) => spanLabel(parsePeriodLabel(l)!);
    expect(label('FY 2025')).toBe('FY2025');
    expect(label('FY24 Adopted')).toBe('FY2024 Adopted');
    expect(label('2025-Q1')).toBe('Q1 FY2025');
    expect(label('Jan-Mar 2025')).toBe('Jan–Mar 2025');
  });

  it('warns where a label reads more than one way, and only there', () => {
    const warn = (l: string, start: number, plan?: number) => spanWarning(parsePeriodLabel(l)!, start, plan);
    expect(warn('FY2025', 4)).toBeNull();
    expect(warn('2025', 1)).toBeNull();
    expect(warn('2025', 4)).toBe('"2025" read as FY2025 (Apr 2024 – Mar 2025), the fiscal year ending in 2025');
    expect(warn('Q1 2025', 4)).toMatch(/^"Q1 2025" read as Q1 FY2025 \(Apr 2024 – Jun 2024\)/);
    expect(warn('Jan', 1, 2026)).toBe('"Jan" has no year: read as in FY2026 (Jan 2026 – Jan 2026)');
    expect(warn('FY2025/26', 1)).toMatch(/names two years/);
    expect(warn('Jan 2025', 4)).toBeNull();
    const span: PeriodSpan = { kind: 'total' };
    expect(spanWarning(span, 4)).toBeNull();
  });
});

describe('periodFromYearMonth', () => {
  it('reads a year column and a month column', () => {
    expect(periodFromYearMonth(2025, 3)).toEqual({ ok: true, period: '2025-03' });
    expect(periodFromYearMonth('2025', 'Mar')).toEqual({ ok: true, period: '2025-03' });
    expect(periodFromYearMonth('25', '03')).toEqual({ ok: true, period: '2025-03' });
    expect(periodFromYearMonth(2025, 'March 2025')).toEqual({ ok: true, period: '2025-03' });
    // A fiscal-year cell reads the month within that fiscal year.
    expect(periodFromYearMonth('FY2025', 'Apr', 4)).toEqual({ ok: true, period: '2024-04' });
    expect(periodFromYearMonth('FY2025', 'Mar', 4)).toEqual({ ok: true, period: '2025-03' });
  });
  it('refuses what is not a year or a month, or disagrees', () => {
    expect(periodFromYearMonth('abc', 1)).toMatchObject({ ok: false, message: '"abc" is not a year' });
    expect(periodFromYearMonth(2025, 13)).toMatchObject({ ok: false });
    expect(periodFromYearMonth(2025, 'March 2024')).toMatchObject({ ok: false, message: 'month "March 2024" is not in year 2025' });
    expect(periodFromYearMonth(null, 'Jan')).toMatchObject({ ok: false });
  });
});
