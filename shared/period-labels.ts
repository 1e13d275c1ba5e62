/**
 * THE rule for reading a period from a header or a cell: months, months without a year, quarters,
 * month ranges, fiscal and calendar years, totals. The importer (electron/core/imports/months.ts
 * delegates here), the CLI and anything else that reads a period label uses this module.
 *
 * How a year is read — the one place that decides:
 * - A fiscal year is named for the calendar year in which it ENDS (shared/periods.ts): with a
 *   fiscal start month of 4, FY2025 runs Apr 2024 – Mar 2025. "FY2024/25", "FY 2024-25" and
 *   "2024/25" name the year they end in, FY2025.
 * - A bare year ("2025", "Annual 2025", "2025 Actual") and a quarter's year ("Q1 2025",
 *   "2025-Q1") are read the same way, as the fiscal year: managers label their plan's year. When
 *   the workspace's fiscal year is not the calendar year this is a reading the user should see, so
 *   spanWarning says it ("2025" read as FY2025, Apr 2024 – Mar 2025). "CY2025" / "Calendar 2025"
 *   is always January to December.
 * - Quarters are fiscal quarters: Q1 is the fiscal year's first three months.
 * - Two-digit years are this century's ("FY25" is 2025).
 * Month ranges ("Jan-Mar 2025") name their months and their calendar year outright.
 */
import { addMonths, fiscalYearMonths, parsePeriod, period, periodOfDate } from './periods';

export type PeriodQualifier = 'Adopted' | 'Budget' | 'Actual' | 'Proposed' | 'Forecast' | 'Plan' | 'Estimate' | 'Revised' | 'Approved' | 'Projected';

export type PeriodSpan = (
  | { kind: 'month'; period: string }
  /** "Jan", "January": the year is taken from the plan (with a warning). */
  | { kind: 'month-no-year'; month: number }
  /** A fiscal quarter; year null when the label has none ("Q1"). `calendar` for "Q1 CY2025". */
  | { kind: 'quarter'; quarter: 1 | 2 | 3 | 4; year: number | null; calendar: boolean; yearMarked: boolean }
  /** Consecutive named months ("Jan-Mar 2025"); year null when the label has none. */
  | { kind: 'range'; firstMonth: number; monthCount: number; year: number | null }
  /**
   * A whole year. `calendar` for "CY2025"; otherwise the fiscal year (see the module comment).
   * `yearMarked` when the label said FY (or named two years), so it needs no warning.
   * `twoYears` for "FY2024/25" forms.
   */
  | { kind: 'year'; year: number | null; calendar: boolean; yearMarked: boolean; twoYears: boolean }
  /** "Total", "YTD", "Grand total", "Sum": a total to skip, never data. */
  | { kind: 'total' }
) & {
  /** A word that qualified the label: "FY24 Adopted" → Adopted; "2025 Actual" → Actual. */
  qualifier?: PeriodQualifier;
  /** The label said "total" after a span ("Q1 total", "FY2025 Total"). */
  totalOf?: boolean;
};

const monthNumbers = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8],
  ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11],
  ['dec', 12], ['december', 12],
]);

/** A month's number from its English name or abbreviation ("Sept" → 9), or undefined. */
export function monthNumberOfName(name: string): number | undefined {
  return monthNumbers.get(name.trim().toLowerCase().replace(/\.$/, ''));
}

function fullYear(text: string): number | null {
  const t = text.startsWith("'") ? text.slice(1) : text;
  if (/^\d{4}$/.test(t)) return Number(t);
  // Two-digit years are this century's: budgets are not written for 1927.
  if (/^\d{2}$/.test(t)) return 2000 + Number(t);
  return null;
}

function saneYear(year: number | null): year is number {
  return year !== null && year >= 1900 && year <= 2200;
}

function valid(year: number | null, month: number | undefined): string | null {
  if (year === null || month === undefined || month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return period(year, month);
}

/**
 * A month in text, as a header or a long-format period cell writes it: "Jan 2027", "Jan-27",
 * "January 2027", "Jan '27", "2027 Jan", "2027-01", "2027/01", "01/2027", "1.2027" and full dates
 * "2027-01-15" (a posting date names its month). `s` must already be trimmed, lower case, with
 * single spaces. Null when it is not a month with a year.
 */
export function parseMonthText(s: string): string | null {
  if (s === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[t ].*)?)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\.?[ \-/']*'?(\d{2}|\d{4})$/.exec(s);
  if (m) return valid(fullYear(m[2]!), monthNumbers.get(m[1]!));
  m = /^(\d{4})[ \-/]?([a-z]+)\.?$/.exec(s);
  if (m) return valid(Number(m[1]), monthNumbers.get(m[2]!));
  return null;
}

const qualifierWords = new Map<string, PeriodQualifier>([
  ['adopted', 'Adopted'], ['budget', 'Budget'], ['budgeted', 'Budget'], ['actual', 'Actual'], ['actuals', 'Actual'],
  ['proposed', 'Proposed'], ['forecast', 'Forecast'], ['fcst', 'Forecast'], ['plan', 'Plan'], ['planned', 'Plan'],
  ['estimate', 'Estimate'], ['estimated', 'Estimate'], ['est', 'Estimate'], ['revised', 'Revised'],
  ['approved', 'Approved'], ['projected', 'Projected'], ['projection', 'Projected'],
]);

/** Strips qualifier words at either end ("FY24 Adopted Budget", "Budget 2025") and a trailing "total"; says what was stripped. */
function stripWords(s: string): { core: string; qualifier?: PeriodQualifier; totalOf: boolean } {
  let core = s;
  let qualifier: PeriodQualifier | undefined;
  let totalOf = false;
  for (let i = 0; i < 3; i++) {
    const end = /^(.*\S)\s+([a-z]+)$/.exec(core);
    if (end && qualifierWords.has(end[2]!)) {
      qualifier ??= qualifierWords.get(end[2]!);
      core = end[1]!;
      continue;
    }
    if (end && (end[2] === 'total' || end[2] === 'totals')) {
      totalOf = true;
      core = end[1]!;
      continue;
    }
    const start = /^([a-z]+)\s+(\S.*)$/.exec(core);
    if (start && (start[1] === 'total' || start[1] === 'totals')) {
      totalOf = true;
      core = start[2]!;
      continue;
    }
    if (start && qualifierWords.has(start[1]!)) {
      qualifier ??= qualifierWords.get(start[1]!);
      core = start[2]!;
      continue;
    }
    break;
  }
  return qualifier === undefined ? { core, totalOf } : { core, qualifier, totalOf };
}

const totalWords = /^(?:(?:grand |sub ?)?totals?|ytd(?: total)?|year to date|sum|all periods|all months)$/;
const yearWords = '(?:fy|f/y|fiscal year|fiscal|financial year|full[ -]?year|annual|year|yr)';
/**
 * Words that alone name the whole year ("Full year", "Annual"). "Year", "FY" and "Fiscal year"
 * alone are the names of a year column in long format, not a span, unless followed by "total".
 */
const wholeYearAlone = /^(?:full[ -]?year|annual|whole year)$/;
const wholeYearBeforeTotal = /^(?:fy|year|yr|fiscal year|full[ -]?year|annual|whole year)$/;
const calendarWords = '(?:cy|calendar year|calendar)';
const quarterWords = '(?:q|qtr|quarter)';

type SpanCore = Exclude<PeriodSpan, { kind: 'total' }> | { kind: 'total' };

function twoYear(first: string, second: string): number | null {
  const a = fullYear(first);
  if (!saneYear(a)) return null;
  // The second year is the first's next: "2024/25", "2024-2025", "24-25".
  const b = second.length === 4 ? Number(second) : second.length === 2 ? Math.floor(a / 100) * 100 + Number(second) : NaN;
  return b === a + 1 ? b : null;
}

function parseCore(s: string, totalOf: boolean): SpanCore | null {
  if (totalWords.test(s)) return { kind: 'total' };
  const month = parseMonthText(s);
  if (month !== null) return { kind: 'month', period: month };
  const name = monthNumbers.get(s.replace(/\.$/, ''));
  if (name !== undefined) return { kind: 'month-no-year', month: name };
  let m: RegExpExecArray | null;

  // Quarters.
  m = new RegExp(`^${quarterWords} ?([1-4])(?:[ \\-/']*(fy|cy)? ?('?\\d{2}|\\d{4}))?$`).exec(s);
  if (m) return quarter(m[1]!, m[3], m[2]);
  m = new RegExp(`^(fy|cy)? ?('?\\d{4}|'?\\d{2}) ?[-/ ]? ?${quarterWords} ?([1-4])$`).exec(s);
  if (m) return quarter(m[3]!, m[2], m[1]);
  m = /^([1-4]) ?q ?('?\d{2}|\d{4})?$/.exec(s);
  if (m) return quarter(m[1]!, m[2], undefined);
  m = /^([1-4])(?:st|nd|rd|th) quarter(?: (?:(fy|cy) ?)?(\d{4}|\d{2}))?$/.exec(s);
  if (m) return quarter(m[1]!, m[3], m[2]);

  // Month ranges: "Jan-Mar 2025", "Jan to Mar 25", "January - March".
  m = /^([a-z]+)\.? ?(?:-|–|—|to|through|thru) ?([a-z]+)\.?(?:[ \-/']+'?(\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const first = monthNumbers.get(m[1]!);
    const last = monthNumbers.get(m[2]!);
    const year = m[3] === undefined ? null : fullYear(m[3]);
    if (first !== undefined && last !== undefined && last > first && (year === null || saneYear(year))) {
      return { kind: 'range', firstMonth: first, monthCount: last - first + 1, year };
    }
    return null;
  }

  // Years.
  m = new RegExp(`^${calendarWords} ?'?(\\d{4}|\\d{2})$`).exec(s);
  if (m) {
    const year = fullYear(m[1]!);
    return saneYear(year) ? { kind: 'year', year, calendar: true, yearMarked: true, twoYears: false } : null;
  }
  m = new RegExp(`^(?:${yearWords} ?)?'?(\\d{4}|\\d{2}) ?[-/–] ?'?(\\d{4}|\\d{2})$`).exec(s);
  if (m) {
    const year = twoYear(m[1]!, m[2]!);
    return year === null ? null : { kind: 'year', year, calendar: false, yearMarked: true, twoYears: true };
  }
  m = new RegExp(`^(fy|f/y|fiscal year|fiscal|financial year) ?'?(\\d{4}|\\d{2})$`).exec(s);
  if (m) {
    const year = fullYear(m[2]!);
    return saneYear(year) ? { kind: 'year', year, calendar: false, yearMarked: true, twoYears: false } : null;
  }
  m = new RegExp(`^(?:${yearWords} )?(\\d{4})(?: ${yearWords})?$`).exec(s);
  if (m) {
    const year = Number(m[1]);
    return saneYear(year) ? { kind: 'year', year, calendar: false, yearMarked: false, twoYears: false } : null;
  }
  if (wholeYearAlone.test(s) || (totalOf && wholeYearBeforeTotal.test(s))) return { kind: 'year', year: null, calendar: false, yearMarked: false, twoYears: false };
  return null;
}

function quarter(q: string, yearText: string | undefined, marker: string | undefined): SpanCore | null {
  const year = yearText === undefined ? null : fullYear(yearText);
  if (yearText !== undefined && !saneYear(year)) return null;
  return { kind: 'quarter', quarter: Number(q) as 1 | 2 | 3 | 4, year, calendar: marker === 'cy', yearMarked: marker === 'fy' };
}

/**
 * The span a header or a period cell names, or null when it names none. Dates are months; a
 * whole number from 1900 to 2200 is a year; text is read as the module comment says.
 */
export function parsePeriodLabel(value: string | number | boolean | Date | null | undefined): PeriodSpan | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: 'month', period: periodOfDate(value) };
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 2200
      ? { kind: 'year', year: value, calendar: false, yearMarked: false, twoYears: false }
      : null;
  }
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '' || s.length > 60) return null;
  // The fast path: most period cells are months.
  const month = parseMonthText(s);
  if (month !== null) return { kind: 'month', period: month };
  if (totalWords.test(s)) return { kind: 'total' };
  const { core, qualifier, totalOf } = stripWords(s.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim());
  const span = core === '' ? null : parseCore(core, totalOf);
  if (span === null) return null;
  const out: PeriodSpan = { ...span };
  if (qualifier !== undefined) out.qualifier = qualifier;
  if (totalOf && span.kind !== 'total') out.totalOf = true;
  return out;
}

/** True when the span's months depend on the plan's year ("Jan", "Q1", "Full year"). */
export function spanNeedsYear(span: PeriodSpan): boolean {
  switch (span.kind) {
    case 'month-no-year':
      return true;
    case 'quarter':
    case 'range':
    case 'year':
      return span.year === null;
    default:
      return false;
  }
}

/**
 * The periods a span covers, in order. `planFiscalYear` gives the year of a span whose label has
 * none (required then: RangeError without it). A total covers no periods (an empty list).
 */
export function spanMonths(span: PeriodSpan, fiscalStartMonth: number, planFiscalYear?: number): string[] {
  const planYear = (): number => {
    if (planFiscalYear === undefined) throw new RangeError('this period label has no year: give the plan\u2019s fiscal year');
    return planFiscalYear;
  };
  switch (span.kind) {
    case 'total':
      return [];
    case 'month':
      return [span.period];
    case 'month-no-year': {
      const found = fiscalYearMonths(planYear(), fiscalStartMonth).find((p) => parsePeriod(p).month === span.month);
      return [found!];
    }
    case 'quarter': {
      if (span.calendar) {
        const year = span.year ?? planYear();
        return Array.from({ length: 3 }, (_, i) => period(year, (span.quarter - 1) * 3 + i + 1));
      }
      return fiscalYearMonths(span.year ?? planYear(), fiscalStartMonth).slice((span.quarter - 1) * 3, span.quarter * 3);
    }
    case 'range': {
      if (span.year !== null) return Array.from({ length: span.monthCount }, (_, i) => period(span.year!, span.firstMonth + i));
      const months = fiscalYearMonths(planYear(), fiscalStartMonth);
      const first = months.findIndex((p) => parsePeriod(p).month === span.firstMonth);
      return Array.from({ length: span.monthCount }, (_, i) => addMonths(months[first]!, i));
    }
    case 'year':
      if (span.calendar) return Array.from({ length: 12 }, (_, i) => period(span.year ?? planYear(), i + 1));
      return fiscalYearMonths(span.year ?? planYear(), fiscalStartMonth);
  }
}

function monthRangeText(periods: readonly string[]): string {
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const name = (p: string) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][parsePeriod(p).month - 1]!;
  return `${name(first)} ${parsePeriod(first).year} – ${name(last)} ${parsePeriod(last).year}`;
}

/** How a span reads in lineage and previews: "FY2025", "Q1 FY2025", "Jan–Mar 2025", "Mar 2025", "Total". */
export function spanLabel(span: PeriodSpan): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const q = span.qualifier === undefined ? '' : ` ${span.qualifier}`;
  switch (span.kind) {
    case 'total':
      return 'Total';
    case 'month':
      return `${names[parsePeriod(span.period).month - 1]} ${parsePeriod(span.period).year}${q}`;
    case 'month-no-year':
      return `${names[span.month - 1]}${q}`;
    case 'quarter':
      return `Q${span.quarter}${span.year === null ? '' : span.calendar ? ` ${span.year}` : ` FY${span.year}`}${q}`;
    case 'range':
      return `${names[span.firstMonth - 1]}–${names[span.firstMonth + span.monthCount - 2]}${span.year === null ? '' : ` ${span.year}`}${q}`;
    case 'year':
      return `${span.year === null ? 'Full year' : span.calendar ? `CY${span.year}` : `FY${span.year}`}${q}`;
  }
}

/**
 * What the user should be told about how a span was read, or null when it reads only one way:
 * a month or quarter without a year (taken from the plan), a bare year or a quarter's year read
 * as the fiscal year when the fiscal year is not the calendar year, a two-year label in a
 * calendar-year workspace.
 */
export function spanWarning(span: PeriodSpan, fiscalStartMonth: number, planFiscalYear?: number): string | null {
  const label = spanLabel(span);
  if (spanNeedsYear(span)) {
    return planFiscalYear === undefined
      ? `"${label}" has no year: it is taken from the plan`
      : `"${label}" has no year: read as in FY${planFiscalYear} (${monthRangeText(spanMonths(span, fiscalStartMonth, planFiscalYear))})`;
  }
  if ((span.kind === 'year' || span.kind === 'quarter') && !span.calendar && span.year !== null) {
    if (span.kind === 'year' && span.twoYears && fiscalStartMonth === 1) {
      return `"${label}" names two years but the workspace's fiscal year is the calendar year: read as ${span.year}`;
    }
    if (!span.yearMarked && fiscalStartMonth !== 1) {
      return `${span.kind === 'year' ? `"${span.year}"` : `"Q${span.quarter} ${span.year}"`} read as ${label} (${monthRangeText(spanMonths(span, fiscalStartMonth))}), the fiscal year ending in ${span.year}`;
    }
  }
  return null;
}

/**
 * A period from a year column and a month column: year 2025 / "2025" / "FY2025" / "FY25", month
 * 1–12 / "01" / "Jan" / "January" (or a full month such as "2025-01", which must agree with the
 * year). A fiscal-year cell ("FY2025") reads the month within that fiscal year; a plain year is
 * the calendar year.
 */
export function periodFromYearMonth(
  yearCell: string | number | boolean | Date | null | undefined,
  monthCell: string | number | boolean | Date | null | undefined,
  fiscalStartMonth = 1,
): { ok: true; period: string } | { ok: false; message: string } {
  let year: number | null = null;
  let fiscal = false;
  if (typeof yearCell === 'number' && Number.isInteger(yearCell)) year = yearCell;
  else if (typeof yearCell === 'string') {
    const s = yearCell.trim().toLowerCase();
    const m = /^(fy|f\/y)? ?'?(\d{4}|\d{2})$/.exec(s);
    if (m) {
      year = fullYear(m[2]!);
      fiscal = m[1] !== undefined;
    }
  }
  if (!saneYear(year)) return { ok: false, message: `"${String(yearCell ?? '')}" is not a year` };

  let month: number | undefined;
  if (typeof monthCell === 'number' && Number.isInteger(monthCell)) month = monthCell;
  else if (monthCell instanceof Date && !Number.isNaN(monthCell.getTime())) month = monthCell.getUTCMonth() + 1;
  else if (typeof monthCell === 'string') {
    const s = monthCell.trim().toLowerCase().replace(/\s+/g, ' ');
    if (/^\d{1,2}$/.test(s)) month = Number(s);
    else {
      month = monthNumbers.get(s.replace(/\.$/, ''));
      const full = month === undefined ? parseMonthText(s) : null;
      if (full !== null) {
        const p = parsePeriod(full);
        if (!fiscal && p.year !== year) return { ok: false, message: `month "${monthCell}" is not in year ${year}` };
        month = p.month;
      }
    }
  }
  if (month === undefined || month < 1 || month > 12) return { ok: false, message: `"${String(monthCell ?? '')}" is not a month` };
  if (!fiscal) return { ok: true, period: period(year, month) };
  const found = fiscalYearMonths(year, fiscalStartMonth).find((p) => parsePeriod(p).month === month);
  return { ok: true, period: found! };
}
