/**
 * Rows as they cross from the reader's worker: a CSV's cells are text, and most of it repeats (a
 * month, a department code, an account code on every row). Structured clone would copy every
 * cell's string and every row's array; packed, each distinct text of a chunk crosses once, in a
 * table, and the rows travel as indices into it (typed arrays, moved, not copied). Unpacked rows
 * equal the packed ones, and equal texts of a chunk come out as one string — which also makes
 * the importer's lookups by code cheaper. A table per chunk, not per file: it stays small (a
 * file-wide one grows with every distinct amount, and costs twice as much to keep).
 */
import type { CellValue } from '../model';

export interface PackedRows {
  /** The chunk's distinct texts. */
  strings: string[];
  /** Every cell of every row, in order: an index into the table, or -1 for an empty cell (null). */
  cells: Int32Array;
  /** Where each row's cells end in `cells`. */
  rowEnds: Int32Array;
}

/** The worker's side. Rows hold text or null (a CSV never holds anything else). */
export function packRows(rows: ReadonlyArray<readonly CellValue[]>): PackedRows {
  const index = new Map<string, number>();
  let total = 0;
  for (const row of rows) total += row.length;
  const cells = new Int32Array(total);
  const rowEnds = new Int32Array(rows.length);
  const strings: string[] = [];
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) {
        cells[at++] = -1;
        continue;
      }
      if (typeof value !== 'string') throw new Error('packed rows hold text only');
      let i = index.get(value);
      if (i === undefined) {
        i = strings.length;
        index.set(value, i);
        strings.push(value);
      }
      cells[at++] = i;
    }
    rowEnds[r] = at;
  }
  return { strings, cells, rowEnds };
}

/** The receiving side. */
export function unpackRows({ strings, cells, rowEnds }: PackedRows): CellValue[][] {
  const rows: CellValue[][] = new Array<CellValue[]>(rowEnds.length);
  let at = 0;
  for (let r = 0; r < rowEnds.length; r++) {
    const end = rowEnds[r]!;
    const row: CellValue[] = new Array<CellValue>(end - at);
    for (let c = 0; at < end; c++, at++) {
      const i = cells[at]!;
      row[c] = i < 0 ? null : strings[i]!;
    }
    rows[r] = row;
  }
  return rows;
}
