/**
 * Month, quarter and full-year headers as managers write them. A month header becomes a period
 * ("2027-01"); quarter and full-year columns are recognised so they are never imported as data
 * (their values are used to cross-check the months).
 */
import { period, periodOfDate } from '../../../shared/periods';
import type { CellValue } from './model';

const monthNumbers = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8],
  ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11],
  ['dec', 12], ['december', 12],
]);

function fullYear(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  // Two-digit years are this century's: budgets are not written for 1927.
  if (/^\d{2}$/.test(text)) return 2000 + Number(text);
  return null;
}

function valid(year: number | null, month: number | undefined): string | null {
  if (year === null || month === undefined || month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return period(year, month);
}

/**
 * The period a header (or a period cell in long format) names, or null. Accepts real dates,
 * "Jan 2027", "Jan-27", "January 2027", "Jan '27", "2027-01", "2027/01", "01/2027", "1.2027" and
 * full dates "2027-01-15" (a posting date names its month).
 */
export function parseMonth(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : periodOfDate(value);
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[t ].*)?)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\.?[ \-/']*'?(\d{2}|\d{4})$/.exec(s);
  if (m) return valid(fullYear(m[2]!), monthNumbers.get(m[1]!));
  return null;
}

/** "Q1", "Q1 2027", "Q1-27", "Q1 FY2027", "Q1 total": the quarter's number, or null. */
export function parseQuarter(value: CellValue): { quarter: number; year: number | null } | null {
  if (typeof value !== 'string') return null;
  const m = /^q([1-4])(?:[ \-/']*(?:fy)?[ ']*(\d{2}|\d{4}))?(?: *total)?$/.exec(value.trim().toLowerCase());
  if (!m) return null;
  return { quarter: Number(m[1]), year: m[2] === undefined ? null : fullYear(m[2]) };
}

/** "FY total", "Total", "FY2027", "Full year", "Annual", "Year total", "Sum". */
export function isFullYearHeader(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return /^(fy ?(\d{2}|\d{4})?( total)?|(fy ?(\d{2}|\d{4}) )?total|full[ -]year( total)?|annual( total)?|year( total)?|ytd|sum|grand total)$/.test(s);
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
