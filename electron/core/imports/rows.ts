/**
 * Reading data rows under a header by their mapping: rows are arrays and columns are found
 * through the mapping's column numbers, so no header text ever becomes an object key (S3).
 * Blank rows and total/subtotal rows are recognised here and never become data.
 */
import type { ColumnMapping, ImportField } from '../../../shared/imports';
import { cellText, isBlankText } from './headers';
import type { CellValue, SheetData } from './model';
import { isTotalLabel } from './months';

export interface MappedSheet {
  sheet: SheetData;
  headerRow: number;
  mapping: ColumnMapping[];
}

/** The first column mapped to `field`, if any. */
export function columnOf(mapping: readonly ColumnMapping[], field: ImportField): number | undefined {
  return mapping.find((m) => m.field === field)?.column;
}

export function cell(row: readonly CellValue[], column: number | undefined): CellValue {
  if (column === undefined) return null;
  return row[column] ?? null;
}

export function isBlankRow(row: readonly CellValue[]): boolean {
  // A loop rather than every(): the same answer (a hole is skipped, as every() skips it), without a closure per row.
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || (typeof v === 'string' && isBlankText(v))) continue;
    if (v === undefined && !(c in row)) continue;
    return false;
  }
  return true;
}

/**
 * "Total", "Subtotal", "Total expenses" in one of the row's label columns (or its first filled cell).
 * When the sheet has a code column (account or department code), a row is a total only if that
 * cell is empty or is itself the total label: "Total Rewards" with code 6150 is a real row.
 */
export function totalRowKind(row: readonly CellValue[], labelColumns: readonly number[], codeColumn?: number): 'total' | 'subtotal' | null {
  if (codeColumn !== undefined) {
    const code = cell(row, codeColumn);
    if (cellText(code) !== '' && !isTotalLabel(code)) return null;
  }
  for (const c of labelColumns) {
    const kind = isTotalLabel(cell(row, c));
    if (kind) return kind;
  }
  // The first filled cell (what cellText reads as non-empty); only text can be a total label.
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      return isTotalLabel(v);
    }
    if (v instanceof Date && Number.isNaN(v.getTime())) continue;
    return null;
  }
  return null;
}

/**
 * A code as written: text trimmed, a number as its digits (6000, not 6000.0). Excel keeps codes
 * typed as numbers as numbers; a code is never a fraction, so one with a fraction is returned as is
 * and refused later as unknown.
 */
export function codeText(value: CellValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  return cellText(value);
}

export interface DataRow {
  /** 0-based sheet row. */
  index: number;
  cells: readonly CellValue[];
}

/** The rows below the header, without blank rows. */
export function* dataRows(mapped: MappedSheet): Generator<DataRow> {
  for (let r = mapped.headerRow + 1; r < mapped.sheet.rows.length; r++) {
    const cells = mapped.sheet.rows[r] ?? [];
    if (isBlankRow(cells)) continue;
    yield { index: r, cells };
  }
}
