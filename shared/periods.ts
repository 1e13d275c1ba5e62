/**
 * Periods are "YYYY-MM" strings. A fiscal year is named for the calendar year in which it
 * ends: with a fiscal start month of 4, FY2027 runs from 2026-04 to 2027-03.
 */
import { z } from 'zod';

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be YYYY-MM');
export const dateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

export function period(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function parsePeriod(p: string): { year: number; month: number } {
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)) };
}

export function addMonths(p: string, n: number): string {
  const { year, month } = parsePeriod(p);
  const index = year * 12 + (month - 1) + n;
  return period(Math.floor(index / 12), (index % 12) + 1);
}

export function fiscalYearOf(p: string, fiscalStartMonth: number): number {
  const { year, month } = parsePeriod(p);
  return fiscalStartMonth === 1 || month < fiscalStartMonth ? year : year + 1;
}

export function fiscalYearMonths(fiscalYear: number, fiscalStartMonth: number): string[] {
  const first = fiscalStartMonth === 1 ? period(fiscalYear, 1) : period(fiscalYear - 1, fiscalStartMonth);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2027-03" → "Mar 2027"; short: "Mar". */
export function periodLabel(p: string, short = false): string {
  const { year, month } = parsePeriod(p);
  const name = monthNames[month - 1] ?? '?';
  return short ? name : `${name} ${year}`;
}

export function periodOfDate(date: Date): string {
  return period(date.getUTCFullYear(), date.getUTCMonth() + 1);
}
