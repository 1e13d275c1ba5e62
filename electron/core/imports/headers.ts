/**
 * Header texts: how a header cell reads as text, how two headers are compared (case, spaces and
 * punctuation do not matter), and what each column of a header row is — a field candidate, a
 * month, a quarter or a full-year total. Header text is only ever compared or used as a Map key.
 */
import { parseMonth, parseQuarter, isFullYearHeader } from './months';
import type { CellValue } from './model';

/** A cell as display text: "" for empty; numbers as they print; dates as YYYY-MM-DD. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return trimText(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Printable ASCII other than a space: never trimmed. */
function inkAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/** text.trim(), without the call for text that starts and ends with printable ASCII (nearly every cell). */
export function trimText(text: string): string {
  return text.length > 0 && inkAscii(text.charCodeAt(0)) && inkAscii(text.charCodeAt(text.length - 1)) ? text : text.trim();
}

/** text.trim() === '', answered at once for text that starts with printable ASCII. */
export function isBlankText(text: string): boolean {
  return !(text.length > 0 && inkAscii(text.charCodeAt(0))) && text.trim() === '';
}

/** "Cost Center", "cost_center" and "COST-CENTER " all read "costcenter". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export type HeaderKind =
  | { type: 'month'; period: string }
  | { type: 'quarter'; quarter: number; year: number | null }
  | { type: 'total' }
  | { type: 'text'; text: string }
  | { type: 'empty' };

export function classifyHeader(value: CellValue | undefined): HeaderKind {
  if (value === undefined || value === null) return { type: 'empty' };
  const month = parseMonth(value);
  if (month) return { type: 'month', period: month };
  const quarter = parseQuarter(value);
  if (quarter) return { type: 'quarter', ...quarter };
  if (isFullYearHeader(value)) return { type: 'total' };
  const text = cellText(value);
  return text === '' ? { type: 'empty' } : { type: 'text', text };
}
