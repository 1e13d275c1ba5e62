import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, fiscalYearMonths, fiscalYearOf, periodLabel } from '../../../shared/periods';

describe('periods', () => {
  it('a calendar fiscal year is January to December', () => {
    expect(fiscalYearMonths(2027, 1)).toEqual([
      '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
      '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12',
    ]);
  });

  it('a fiscal year is named for the year it ends in', () => {
    expect(fiscalYearMonths(2027, 4)[0]).toBe('2026-04');
    expect(fiscalYearMonths(2027, 4)[11]).toBe('2027-03');
    expect(fiscalYearOf('2026-04', 4)).toBe(2027);
    expect(fiscalYearOf('2026-03', 4)).toBe(2026);
  });

  it('every month of a fiscal year belongs to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (fy, start) => {
        const months = fiscalYearMonths(fy, start);
        expect(new Set(months).size).toBe(12);
        for (const m of months) expect(fiscalYearOf(m, start)).toBe(fy);
      }),
    );
  });

  it('adds months across year ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(periodLabel('2027-03')).toBe('Mar 2027');
  });
});
