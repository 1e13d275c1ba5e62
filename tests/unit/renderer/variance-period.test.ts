import { describe, expect, it } from 'vitest';
import { noChoice, varianceMonths } from '../../../renderer/src/features/variance/variance-period';

const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('variance months', () => {
  it('year to date, or the last month with actuals not yet known: the service default', () => {
    expect(varianceMonths('ytd', year, '2026-11', noChoice)).toBeNull();
    expect(varianceMonths('range', year, undefined, noChoice)).toBeNull();
    expect(varianceMonths('month', year, undefined, noChoice)).toBeNull();
  });

  it('a range runs from the year’s start to the last month with actuals, not to December', () => {
    expect(varianceMonths('range', year, '2026-11', noChoice)).toEqual({ from: '2026-01', to: '2026-11' });
  });

  it('Month opens on the last month with actuals, not January', () => {
    expect(varianceMonths('month', year, '2026-11', noChoice)).toEqual({ from: '2026-11', to: '2026-11' });
  });

  it('what the user picked wins; a range never ends before it starts', () => {
    expect(varianceMonths('month', year, '2026-11', { ...noChoice, month: '2026-03' })).toEqual({ from: '2026-03', to: '2026-03' });
    expect(varianceMonths('range', year, '2026-11', { ...noChoice, from: '2026-04' })).toEqual({ from: '2026-04', to: '2026-11' });
    expect(varianceMonths('range', year, '2026-05', { ...noChoice, from: '2026-08' })).toEqual({ from: '2026-08', to: '2026-08' });
    expect(varianceMonths('range', year, '2026-11', { month: null, from: '2026-02', to: '2026-12' })).toEqual({ from: '2026-02', to: '2026-12' });
  });

  it('with no actuals, or choices from another plan’s year, it falls back to the plan’s own months', () => {
    expect(varianceMonths('range', year, null, noChoice)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(varianceMonths('month', year, null, { ...noChoice, month: '2025-11' })).toEqual({ from: '2026-01', to: '2026-01' });
  });
});
