/**
 * Tab-separated blocks as Excel, LibreOffice and Google Sheets put them on the clipboard: rows end
 * in \r\n or \n (usually one trailing), cells are separated by tabs, and a cell holding a tab,
 * newline or quote is quoted with doubled quotes. papaparse reads and writes exactly that.
 */
import Papa from 'papaparse';

export function parseTsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: '\t' });
  const rows = parsed.data;
  // The trailing newline spreadsheets add is not an empty last row.
  while (rows.length > 0 && rows.at(-1)!.length === 1 && rows.at(-1)![0] === '') rows.pop();
  return rows;
}

export function toTsv(rows: string[][]): string {
  return Papa.unparse(rows, { delimiter: '\t', newline: '\n' }) + '\n';
}
