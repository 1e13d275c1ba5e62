/**
 * How much of a file the readers will take on. Spreadsheets arrive by mail from people we trust
 * but files we do not: every reader checks these before the work grows, so a hostile or broken
 * file costs a refusal, not the app.
 */
import { AppError } from '../../../../shared/result';

export interface ReadLimits {
  /** The file itself, as bytes on disk. */
  maxFileBytes: number;
  /** The sum of every zip entry once inflated (xlsx): counted on real bytes, not declared sizes. */
  maxInflatedBytes: number;
  /** Entries in the zip (xlsx); a real workbook has tens, a hostile one may have millions. */
  maxZipEntries: number;
  /** Rows, over all sheets. */
  maxRows: number;
  /**
   * Columns in any row: Excel's own limit (XFD). Checked in the reader, before anything plans an
   * import on the main thread: a 2.7-million-column CSV would otherwise block it for half a minute.
   */
  maxColumns: number;
  /** Characters of text in any one row, once over-long cells are cut: a header of this size is no header. */
  maxRowChars: number;
  /** Characters a cell keeps (Excel's own limit); longer text is cut, with a warning naming the cell. */
  maxCellChars: number;
}

export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxRows: 1_100_000,
  maxColumns: 16_384,
  maxRowChars: 1024 * 1024,
  maxCellChars: 32_767,
});

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...defaultReadLimits, ...limits };
}

/** "200 MB": limits are shown to users, who think in whole megabytes. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.ceil(bytes / 1024)} KB`;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Every reader refusal starts with the file's name, so a message stands on its own in a list. */
export function refuse(fileName: string, sentence: string, details?: unknown): AppError {
  return new AppError('refused', `${fileName} ${sentence}`, details);
}

/** A row with more columns than any spreadsheet has: refused, naming the row and the limit. */
export function refuseWideRow(fileName: string, rowNumber: number, columns: number, limits: ReadLimits): AppError {
  return refuse(
    fileName,
    `has ${columns.toLocaleString('en-US')} columns in row ${rowNumber}; Quartermaster reads at most ${limits.maxColumns.toLocaleString('en-US')} columns (Excel's own limit). Is it the file you meant, and is it separated the way it says?`,
  );
}

/** A row holding more text than any header or line of figures: refused, naming the row and the limit. */
export function refuseLongRow(fileName: string, rowNumber: number, chars: number, limits: ReadLimits): AppError {
  return refuse(
    fileName,
    `holds ${chars.toLocaleString('en-US')} characters of text in row ${rowNumber}; Quartermaster reads rows of at most ${limits.maxRowChars.toLocaleString('en-US')} characters.`,
  );
}

export function checkFileSize(bytes: Uint8Array, fileName: string, limits: ReadLimits): void {
  if (bytes.byteLength === 0) throw refuse(fileName, 'is empty: there is nothing to import.');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw refuse(
      fileName,
      `is larger than ${formatMegabytes(limits.maxFileBytes)}; Quartermaster does not import files that big. Split it and import the parts.`,
    );
  }
}
