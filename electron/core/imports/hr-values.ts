/**
 * THE rules for reading HR exports: a status word as the app's people status, and dates in the
 * file's own order (day-first or month-first, detected from the column, or chosen by the user).
 * The people importer and any later HR reader use this module.
 *
 * The app stores 'active' and 'open' (shared/org.ts personStatusSchema); a leaver is a person with
 * an end date, so 'leaver' here tells the importer to skip the row or set its end date — never to
 * import the person as active. An unknown word is null: the importer asks, it does not guess.
 *
 * Dates: a two-digit year is read with Excel's pivot (00–29 → 2000s, 30–99 → 1900s), so
 * "07/05/11" is 2011 and a birth year "65" is 1965. A number is read as an Excel date serial only
 * in a column whose header names a date: an employee ID column is never turned into dates.
 */

export type HrStatus = 'active' | 'leaver' | 'open';

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const statusWords = new Map<string, HrStatus>();
for (const w of [
  'active', 'employed', 'current', 'on leave', 'leave', 'leave of absence', 'loa', 'parental leave', 'maternity leave', 'paternity leave',
  'sick leave', 'sabbatical', 'suspended', 'probation', 'on probation', 'full time', 'part time', 'a', 'working', 'permanent', 'temporary',
  'contractor', 'in post', 'hired', 'filled',
]) statusWords.set(w, 'active');
for (const w of [
  'inactive', 'terminated', 'termed', 'voluntarily terminated', 'involuntarily terminated', 'voluntary termination', 'involuntary termination',
  'resigned', 'retired', 'left', 'leaver', 'deceased', 'dismissed', 'laid off', 'redundant', 'made redundant', 'former', 'former employee',
  'ex employee', 'separated', 'withdrawn', 'end of contract', 'contract ended', 'i', 't', 'departed', 'quit',
]) statusWords.set(w, 'leaver');
for (const w of [
  'open', 'vacant', 'vacancy', 'requisition', 'req', 'open req', 'open requisition', 'to be hired', 'tbh', 'tbd', 'to be determined',
  'new hire', 'new role', 'new position', 'open position', 'open role', 'unfilled', 'hiring', 'recruiting', 'budgeted', 'planned', 'approved to hire',
]) statusWords.set(w, 'open');

/** A status word as active / leaver / open role, or null when the word is not known (ask the user). */
export function hrStatus(value: string | null | undefined): HrStatus | null {
  if (value === null || value === undefined) return null;
  const k = key(value);
  if (k === '') return null;
  return statusWords.get(k) ?? null;
}

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface DateOrderEvidence {
  /** Values whose first field is over 12: only day-first reads them. */
  dayFirst: number;
  /** Values whose second field is over 12: only month-first reads them. */
  monthFirst: number;
  /** Values starting with a four-digit year. */
  yearFirst: number;
  /** Values that read both ways (both fields 12 or less, and not equal). */
  ambiguous: number;
  /** Values with the month as a word ("7 May 2011", "May 7, 2011"): one reading. */
  named: number;
  /** Values that are no date in any order. */
  unreadable: number;
}

export interface DateOrderDetection {
  /** The order to read the column in; null when the data cannot say and no hint was given, or it contradicts itself. */
  order: DateOrder | null;
  /** True when the order came from the hint, not the data: the user should confirm it. */
  fromHint: boolean;
  evidence: DateOrderEvidence;
  reason: string;
}

const monthNames = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n <= 29 ? 2000 + n : 1900 + n;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Three numeric fields ("07/05/2011", "2011-05-07", "7.5.11", with an optional time after), or null. */
const numericDate = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]m)?z?)?$/;

/** A date with the month as a word, in either order: "7 May 2011", "07-May-11", "May 7, 2011", "May 7 2011". */
function namedMonthDate(s: string): string | null {
  let m = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/.]([a-z]+)\.?,?[ \-/.]('?\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthNames.get(m[2]!);
    return month === undefined ? null : isoDate(fullYear(m[3]!.replace("'", '')), month, Number(m[1]));
  }
  m = /^([a-z]+)\.?[ \-/.](\d{1,2})(?:st|nd|rd|th)?,?[ \-/.]('?\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthNames.get(m[1]!);
    return month === undefined ? null : isoDate(fullYear(m[3]!.replace("'", '')), month, Number(m[2]));
  }
  return null;
}

/** A date's text read in `order`, as "YYYY-MM-DD", or null when it is no date in that order. A named month reads the same in any order. */
export function parseDateWithOrder(text: string, order: DateOrder): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return null;
  const m = numericDate.exec(s);
  if (!m) return namedMonthDate(s);
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  if (a.length === 4) return c.length > 2 ? null : isoDate(Number(a), Number(b), Number(c));
  if (c.length !== 4 && c.length !== 2) return null;
  if (order === 'ymd') return null;
  const year = fullYear(c);
  return order === 'dmy' ? isoDate(year, Number(b), Number(a)) : isoDate(year, Number(a), Number(b));
}

/**
 * Which order a column of date texts is written in. Any value with a first field over 12 is
 * day-first evidence, a second field over 12 month-first evidence; a column with both is
 * contradictory (null). A column where every value reads both ways takes `hint` (the workspace
 * locale's order) and says so, or is null without one.
 */
export function detectDateOrder(values: Iterable<string | null | undefined>, hint?: 'dmy' | 'mdy'): DateOrderDetection {
  const e: DateOrderEvidence = { dayFirst: 0, monthFirst: 0, yearFirst: 0, ambiguous: 0, named: 0, unreadable: 0 };
  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (s === '') continue;
    const m = numericDate.exec(s);
    if (!m) {
      if (namedMonthDate(s) !== null) e.named++;
      else e.unreadable++;
      continue;
    }
    if (m[1]!.length === 4) {
      if (parseDateWithOrder(s, 'ymd') !== null) e.yearFirst++;
      else e.unreadable++;
      continue;
    }
    const dmy = parseDateWithOrder(s, 'dmy');
    const mdy = parseDateWithOrder(s, 'mdy');
    if (dmy !== null && mdy !== null) {
      if (dmy === mdy) e.named++; // 05/05/2011: the same either way, evidence of nothing
      else e.ambiguous++;
    } else if (dmy !== null) e.dayFirst++;
    else if (mdy !== null) e.monthFirst++;
    else e.unreadable++;
  }
  const counts = `${e.dayFirst} day-first only, ${e.monthFirst} month-first only, ${e.ambiguous} either way, ${e.yearFirst} year-first, ${e.unreadable} unreadable`;
  if (e.dayFirst > 0 && e.monthFirst > 0) return { order: null, fromHint: false, evidence: e, reason: `the column mixes day-first and month-first dates (${counts})` };
  if (e.dayFirst > 0) return { order: 'dmy', fromHint: false, evidence: e, reason: `day-first: ${counts}` };
  if (e.monthFirst > 0) return { order: 'mdy', fromHint: false, evidence: e, reason: `month-first: ${counts}` };
  if (e.ambiguous > 0) {
    return hint === undefined
      ? { order: null, fromHint: false, evidence: e, reason: `every date reads both day-first and month-first (${counts}): choose the order` }
      : { order: hint, fromHint: true, evidence: e, reason: `every date reads both ways; read ${hint === 'dmy' ? 'day-first' : 'month-first'} as the workspace locale writes dates (${counts})` };
  }
  if (e.yearFirst > 0) return { order: 'ymd', fromHint: false, evidence: e, reason: `year-first: ${counts}` };
  // Only named months or same-either-way dates: any order reads them alike.
  if (e.named > 0) return { order: hint ?? 'dmy', fromHint: false, evidence: e, reason: `every date reads one way (${counts})` };
  return { order: null, fromHint: false, evidence: e, reason: `no dates to tell by (${counts})` };
}

/** The day-first or month-first order a locale writes dates in: en-US (and a few others) month-first, the rest day-first. */
export function localeDateOrder(locale: string): 'dmy' | 'mdy' {
  return /^(en-us|en-ph|en-ca|es-us|en-um|en-as|en-gu|en-mp|en-vi|en-pr)$/i.test(locale) ? 'mdy' : 'dmy';
}

/* ------------------------------------------------------------------------------------------ */
/* Excel serials and date columns                                                              */
/* ------------------------------------------------------------------------------------------ */

const dateHeader = /\b(date|dob|birth|born|start|started|starting|end|ended|ending|hire|hired|joined|joining|join|left|leaving|leave date|termination|terminated|separation|effective|since|until|anniversary|expiry|expires|due)\b/;

/** Whether a header names a date ("Start date", "Hire Date", "DOB", "Termination"); "Employee ID" does not. */
export function isDateHeader(header: string): boolean {
  const k = key(header);
  // "Start ID", "Hire number": an identifier about a date is still an identifier.
  if (/\b(id|no|number|num|code|ref|count|days|years|months)$/.test(k)) return false;
  return dateHeader.test(k);
}

/** An Excel (1900 system) serial as "YYYY-MM-DD"; null outside 1950–2100 or when not a whole number. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 18264 || serial > 73415) return null;
  // Day 0 is 1899-12-30 once the 1900 leap-year bug (serial 60) is behind; every serial here is.
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export type DateCell = string | number | boolean | Date | null | undefined;

/**
 * A date cell as "YYYY-MM-DD": a Date as its UTC day, text in `order`, a number as an Excel serial
 * only when `dateColumn` (the header names a date). Null when the cell is no date.
 */
export function parseDateCell(value: DateCell, order: DateOrder, dateColumn: boolean): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return dateColumn ? excelSerialToDate(value) : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (dateColumn && /^\d{5}$/.test(t)) return excelSerialToDate(Number(t));
  return parseDateWithOrder(t, order);
}

/**
 * Whether a column holds dates: its header names a date, or its texts have date separators
 * ("07/05/11", "2011-05-07", "7 May 2011") — at least 80 % of its non-blank values. Bare numbers
 * never make a column a date column on their own.
 */
export function isDateColumn(header: string, values: readonly DateCell[]): { date: boolean; reason: string } {
  if (isDateHeader(header)) return { date: true, reason: `the header "${header}" names a date` };
  let dated = 0;
  let filled = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    filled++;
    if (v instanceof Date) dated++;
    else if (typeof v === 'string') {
      const s = v.trim().toLowerCase().replace(/\s+/g, ' ');
      if ((numericDate.test(s) && /[/.\-]/.test(s)) || namedMonthDate(s) !== null) dated++;
    }
  }
  if (filled > 0 && dated / filled >= 0.8) return { date: true, reason: `${dated} of ${filled} values are written as dates` };
  return { date: false, reason: filled === 0 ? 'the column is empty' : `only ${dated} of ${filled} values are written as dates, and the header "${header}" names no date` };
}
