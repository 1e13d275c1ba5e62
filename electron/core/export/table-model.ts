/**
 * A table on its way to a spreadsheet: typed columns and plain cells, built once from the same
 * services the screens read and then written as xlsx or csv. Keeping the figures in their stored
 * form here (minor units, fractions, ISO instants) leaves each writer to decide how its format
 * shows them, and the two formats cannot disagree about a value.
 */

/**
 * text: shown as it is, after S4 neutralising. money: integer minor units, written as major
 * units. percent: a fraction (0.125 is 12.5 %). count: a whole number. instant: an ISO timestamp,
 * written as UTC date and time.
 */
export type ColumnKind = 'text' | 'money' | 'percent' | 'count' | 'instant';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
}

/** null is an empty cell; a text column holds strings, every other kind numbers (instant: strings). */
export type TableCell = string | number | null;

export interface Table {
  /** The worksheet's name (made safe for Excel by the writer). */
  sheetName: string;
  /** What the table holds, for the workbook's title property: plan, department, period. */
  title: string;
  /** The file name without extension, already safe on every desktop system. */
  fileStem: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

/** A name any file system accepts and a shell needs no quotes for: "FY2026 · Base" → "FY2026-Base". */
export function fileSafePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** Minor units as a plain decimal with two places ("-1234.50"): exact, no float rounding on the way. */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-11-21T12:00:00.000Z" → "2026-11-21 12:00:00" (UTC); null when it is not an instant. */
export function instantText(iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
