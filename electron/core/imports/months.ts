/**
 * Month, quarter and full-year headers as managers write them, for the import pipeline; the
 * reading of a label is shared/period-labels.ts, the one place for it. A month header becomes a period
 * ("2027-01"); quarter and full-year columns are recognised so they are never imported as data
 * (their values are used to cross-check the months).
 */
import { parseMonthText, parsePeriodLabel } from '../../../shared/period-labels';
import { periodOfDate } from '../../../shared/periods';
import type { CellValue } from './model';

/**
 * The period a header (or a period cell in long format) names, or null. Accepts real dates,
 * "Jan 2027", "Jan-27", "January 2027", "Jan '27", "2027-01", "2027/01", "01/2027", "1.2027" and
 * full dates "2027-01-15" (a posting date names its month). The rule is shared/period-labels.ts.
 */
export function parseMonth(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : periodOfDate(value);
  if (typeof value !== 'string') return null;
  return parseMonthText(value.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** "Q1", "Q1 2027", "Q1-27", "Q1 FY2027", "2027-Q1", "Qtr 1 2027", "Q1 total": the quarter's number, or null (shared/period-labels.ts). */
export function parseQuarter(value: CellValue): { quarter: number; year: number | null } | null {
  if (typeof value !== 'string') return null;
  const span = parsePeriodLabel(value);
  return span?.kind === 'quarter' ? { quarter: span.quarter, year: span.year } : null;
}

/**
 * A header whose column holds a whole year or a total, never month data: whatever
 * shared/period-labels.ts reads as a year or a total ("FY2027", "FY 2025 Budget", "Full year",
 * "Total", "YTD"), and in a wide header row also a bare "FY" or "Year".
 */
export function isFullYearHeader(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const span = parsePeriodLabel(value);
  if (span !== null) return span.kind === 'year' || span.kind === 'total';
  return /^(fy|year)$/.test(value.trim().toLowerCase());
}

const containsTotal = /total/i;

/** "Total", "Subtotal", "Total expenses", "Total Marketing", "Grand total", "Expenses total". */
export function isTotalLabel(value: CellValue): 'total' | 'subtotal' | null {
  // Every label below contains "total": most cells do not (a code is too short to), and are done with in one test.
  if (typeof value !== 'string' || value.length < 5 || !containsTotal.test(value)) return null;
  const s = value.trim().toLowerCase();
  if (/^sub[ -]?total\b/.test(s) || /\bsub[ -]?total$/.test(s)) return 'subtotal';
  if (/^(grand )?total\b/.test(s) || /\btotal$/.test(s)) return 'total';
  return null;
}
