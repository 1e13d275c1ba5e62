/**
 * The neutral shape every spreadsheet is read into before anything interprets it: sheets of
 * rows of plain cell values, with the cell reference each came from. Readers (read/) produce it
 * from xlsx or csv bytes; the pipeline (detect, map, validate, commit) only ever sees this.
 * Values are what the file holds: a formula's cached result, never the formula evaluated.
 */
import type { EncodingEvidence, ReadWarning } from './read/text';

/** A cell's value as read: text stays text (amount parsing is the pipeline's job). */
export type CellValue = string | number | boolean | Date | null;

export interface SheetData {
  /** The sheet's name ("Budget"); for csv, the file name without its extension. */
  name: string;
  /** Row-major, 0-based: rows[r][c] is the cell at column c of row r (A1 = rows[0][0]). Short rows are allowed. */
  rows: CellValue[][];
  /** Merged ranges as A1 references ("A1:N1"), top-left cell holding the value. */
  merges: string[];
  /** xlsx only: cells ("O6") holding a formula Excel never calculated; they read as null. */
  formulasWithoutResult?: string[];
}

export interface WorkbookData {
  fileName: string;
  format: 'xlsx' | 'csv';
  /** sha256 of the file's bytes, hex: the same file twice is recognised by it. */
  hash: string;
  sheets: SheetData[];
  /** csv only: what was detected (or chosen), so the preview can say it and offer to change it. */
  csv?: { encoding: 'utf-8' | 'windows-1252'; delimiter: string; decimalComma: boolean; evidence?: EncodingEvidence };
  /**
   * What the reader changed on the way in, each naming its cell or line (read/text.ts): a cell cut
   * to Excel's 32,767 characters, broken characters replaced, bytes read in another encoding than
   * the rest. For the preview to list as warnings; absent when there is nothing to say.
   */
  readWarnings?: ReadWarning[];
}

/** "D7" for rows[6][3]. */
export function cellRef(row: number, column: number): string {
  let c = column + 1;
  let letters = '';
  while (c > 0) {
    const rem = (c - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

const textFile = /\.(?:csv|tsv|tab|txt)$/i;

/**
 * A sheet as references name it: "budget.xlsx!Budget" — but a CSV's one sheet is named after its
 * file, so "x.csv!x!D4" would say the name twice: its sheet is just "x.csv".
 */
export function sheetPrefix(fileName: string, sheet: string): string {
  return textFile.test(fileName) && sheet === fileName.slice(0, fileName.lastIndexOf('.')) ? fileName : `${fileName}!${sheet}`;
}

/** "budget.xlsx!Budget!D7" ("x.csv!D7" for a CSV): where a value came from, as stored in `source` and shown to users. */
export function sourceRef(fileName: string, sheet: string, row: number, column: number): string {
  return `${sheetPrefix(fileName, sheet)}!${cellRef(row, column)}`;
}
