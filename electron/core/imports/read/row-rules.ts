/**
 * The rules every row a reader hands on has passed (text.ts says why): no more columns than Excel
 * has, no more text than a row of a budget could hold, no cell over Excel's cell limit (cut and
 * named), no broken characters (replaced and named). Applied in the reader — in the worker —
 * so nothing on the main thread ever sees a row that breaks them.
 */
import { type CellValue, sourceRef } from '../model';
import { refuseLongRow, refuseWideRow, type ReadLimits } from './limits';
import { type EncodingEvidence, ReadWarnings, cleanCellText } from './text';

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export class RowRules {
  readonly warnings = new ReadWarnings();

  constructor(
    private readonly fileName: string,
    private readonly sheetName: string,
    private readonly limits: ReadLimits,
  ) {}

  /**
   * A CSV row as papaparse gives it (text cells), changed in place: empty cells become null, a
   * row of nothing but empty cells becomes [], an over-long cell is cut. `r` is its 0-based index.
   * The text is already well-formed and NFC (decoded and normalised as a whole).
   */
  csvRow(row: (string | null)[], r: number): CellValue[] {
    if (row.length > this.limits.maxColumns) throw refuseWideRow(this.fileName, r + 1, row.length, this.limits);
    let empty = true;
    let chars = 0;
    for (let c = 0; c < row.length; c++) {
      let cell = row[c];
      if (cell === '' || cell === null || cell === undefined) {
        row[c] = null;
        continue;
      }
      empty = false;
      if (cell.length > this.limits.maxCellChars) row[c] = cell = this.text(cell, r, c);
      chars += cell.length;
    }
    if (chars > this.limits.maxRowChars) throw refuseLongRow(this.fileName, r + 1, chars, this.limits);
    return empty ? [] : row;
  }

  /** An xlsx row's width, checked before its cells are looked at. */
  checkColumns(columns: number, r: number): void {
    if (columns > this.limits.maxColumns) throw refuseWideRow(this.fileName, r + 1, columns, this.limits);
  }

  /** An xlsx row's text, once its cells are read. */
  checkRowText(chars: number, r: number): void {
    if (chars > this.limits.maxRowChars) throw refuseLongRow(this.fileName, r + 1, chars, this.limits);
  }

  /** One cell's text, cleaned (text.ts), each change recorded as a warning naming the cell. */
  text(value: string, r: number, c: number): string {
    return cleanCellText(value, this.limits, (kind, { lone, length }) => {
      const ref = (): string => sourceRef(this.fileName, this.sheetName, r, c);
      if (kind === 'cut') {
        this.warnings.add(
          'cut',
          () => ({ ref: ref(), message: `the cell holds ${plural(length, 'character')}; only the first ${this.limits.maxCellChars.toLocaleString('en-US')} were kept (Excel's limit for a cell)` }),
          (more) => ({ ref: this.fileName, message: `${plural(more, 'more cell')} were cut to ${this.limits.maxCellChars.toLocaleString('en-US')} characters` }),
        );
      } else {
        this.warnings.add(
          'broken-text',
          () => ({ ref: ref(), message: `the cell held ${plural(lone, 'broken character')} (half of a pair that makes one character); shown as "\u{fffd}"` }),
          (more) => ({ ref: this.fileName, message: `${plural(more, 'more cell')} held broken characters, shown as "\u{fffd}"` }),
        );
      }
    });
  }

  /** What the encoding decision is worth saying (csv-detect.ts): the lines read otherwise than the rest. */
  encoding(encoding: 'utf-8' | 'windows-1252', evidence: EncodingEvidence): void {
    const { reason, invalidBytes, invalidLines, utf8Sequences } = evidence;
    if (invalidBytes === 0) return;
    if (encoding === 'utf-8' && reason !== 'chosen') {
      // invalidLines names the first few lines only (csv-detect.ts); the count covers the rest.
      for (const line of invalidLines) {
        this.warnings.list.push({ ref: `${this.fileName} line ${line}`, message: 'holds a byte that is not UTF-8 (the rest of the file is); it was read as Windows-1252' });
      }
      if (invalidBytes > invalidLines.length) {
        this.warnings.list.push({ ref: this.fileName, message: `${plural(invalidBytes, 'byte')} in all are not UTF-8 and were read, each on its own, as Windows-1252` });
      }
    } else if (encoding === 'utf-8') {
      this.warnings.list.push({
        ref: `${this.fileName} line ${invalidLines[0] ?? 1}`,
        message: `${plural(invalidBytes, 'byte')} in the file ${invalidBytes === 1 ? 'is not UTF-8 and shows' : 'are not UTF-8 and show'} as "\u{fffd}"; read it as Windows-1252 if that looks wrong`,
      });
    } else if (utf8Sequences > 0) {
      this.warnings.list.push({
        ref: this.fileName,
        message: `was read as Windows-1252: ${plural(invalidBytes, 'byte')} cannot be UTF-8, against ${plural(utf8Sequences, 'character')} that could; read it as UTF-8 if names look wrong`,
      });
    }
  }
}
