/**
 * A table as CSV that opens right in Excel and LibreOffice whatever the user's locale settings
 * for text files: UTF-8 with a byte-order mark (without it Excel reads "Chloé" as Windows-1252),
 * commas, CRLF line ends, numbers with a dot decimal and no thousands separators, text quoted
 * only where it must be. Text cells are neutralised (S4): a CSV cell starting with "=" is a
 * formula to every spreadsheet that opens it.
 */
import Papa from 'papaparse';
import { exportText } from './cell-text';
import { instantText, minorToDecimal, type ColumnKind, type Table, type TableCell } from './table-model';

const bom = '\uFEFF';

function percentText(fraction: number): string {
  // In percent units: "12.50" under the header "Variance %", as a reader of the header expects.
  const text = (fraction * 100).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

export function csvField(kind: ColumnKind, cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    if (kind === 'instant') return instantText(cell) ?? exportText(cell);
    return exportText(cell);
  }
  switch (kind) {
    case 'money':
      return minorToDecimal(cell);
    case 'percent':
      return percentText(cell);
    case 'count':
      return String(Math.trunc(cell));
    default:
      // A number in a text column is still written as text would be: plainly.
      return exportText(String(cell));
  }
}

/** The CSV text, BOM first, every line (the last too) ending in CRLF. */
export function tableCsvText(table: Table): string {
  const fields = table.columns.map((c) => exportText(c.header));
  const data = table.rows.map((row) => table.columns.map((c, i) => csvField(c.kind, row[i] ?? null)));
  // As rows, not { fields, data }: that form ends a table without data rows with a line break of its own.
  return `${bom}${Papa.unparse([fields, ...data], { delimiter: ',', newline: '\r\n', quotes: false })}\r\n`;
}

export function tableCsvBytes(table: Table): Buffer {
  return Buffer.from(tableCsvText(table), 'utf8');
}
