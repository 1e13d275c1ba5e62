/**
 * A table as an xlsx workbook of one sheet: the header in row 1 (frozen, bold, with a filter) so
 * the sheet stays machine-readable, money as real numbers in major units with an accounting
 * format, percentages as fractions with a % format, instants as real dates (UTC), and column
 * widths fitted to what they hold. Text cells are neutralised (S4, cell-text.ts): exceljs writes
 * them as text, but Excel turns "=…" into a formula as soon as someone edits the cell or saves the
 * sheet as CSV.
 */
import type ExcelJS from 'exceljs';
import { exportText, xlsxText } from './cell-text';
import type { ColumnKind, Table, TableCell } from './table-model';

export const moneyFormat = '#,##0.00;(#,##0.00)';
export const percentFormat = '0.0%';
export const countFormat = '0';
export const instantFormat = 'yyyy-mm-dd hh:mm:ss';

const numberFormats: Partial<Record<ColumnKind, string>> = {
  money: moneyFormat,
  percent: percentFormat,
  count: countFormat,
  instant: instantFormat,
};

/** Excel's rules for sheet names: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either end. */
export function safeSheetName(text: string): string {
  const name = text
    .replace(/[\\/?*[\]:\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return name === '' || name.toLowerCase() === 'history' ? 'Export' : name;
}

function cellValue(kind: ColumnKind, cell: TableCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number') {
    if (kind === 'money') return cell / 100;
    if (kind === 'text') return xlsxText(String(cell));
    return cell;
  }
  if (kind === 'instant') {
    const ms = Date.parse(cell);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return xlsxText(cell);
}

const widthBounds: Record<ColumnKind, { min: number; max: number }> = {
  text: { min: 8, max: 60 },
  money: { min: 13, max: 22 },
  percent: { min: 10, max: 12 },
  count: { min: 7, max: 14 },
  instant: { min: 20, max: 20 },
};

/** Characters the widest cell needs, within bounds for its kind; numbers count their formatted width. */
function columnWidth(table: Table, index: number): number {
  const column = table.columns[index]!;
  const { min, max } = widthBounds[column.kind];
  let widest = column.header.length;
  for (const row of table.rows) {
    const cell = row[index] ?? null;
    if (cell === null) continue;
    const chars = typeof cell === 'number' && column.kind === 'money' ? Math.abs(Math.trunc(cell / 100)).toLocaleString('en-US').length + 4 : String(cell).length;
    if (chars > widest) widest = chars;
    if (widest >= max) break;
  }
  return Math.min(max, Math.max(min, widest + 2));
}

export async function tableXlsxBytes(table: Table): Promise<Buffer> {
  // Loaded on first use, as in the templates: exceljs is slow to load and most calls never need it.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Quartermaster';
  book.title = exportText(table.title);
  const ws = book.addWorksheet(safeSheetName(table.sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => {
    const numFmt = numberFormats[c.kind];
    return { header: xlsxText(c.header), width: columnWidth(table, i), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  // The header row itself is text: the column's number format must not apply to it.
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  for (const row of table.rows) ws.addRow(table.columns.map((c, i) => cellValue(c.kind, row[i] ?? null)));
  if (table.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
