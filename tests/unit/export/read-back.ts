/**
 * Reads an exported table back the way a user's spreadsheet would: xlsx with exceljs, csv with
 * papaparse. Every cell comes back as what the file holds, not what we meant to write.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect } from 'vitest';

export interface XlsxBack {
  ws: ExcelJS.Worksheet;
  header: string[];
  /** Data rows (header excluded), each as long as the header; empty cells are null. */
  rows: ExcelJS.CellValue[][];
}

export async function readXlsx(base64: string): Promise<XlsxBack> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  const ws = book.worksheets[0]!;
  const width = ws.getRow(1).cellCount;
  const values = (n: number) => Array.from({ length: width }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? null);
  const header = values(1).map((v) => String(v));
  const rows: ExcelJS.CellValue[][] = [];
  for (let n = 2; n <= ws.rowCount; n++) rows.push(values(n));
  return { ws, header, rows };
}

export interface CsvBack {
  text: string;
  header: string[];
  rows: string[][];
}

export function readCsv(base64: string): CsvBack {
  const raw = Buffer.from(base64, 'base64').toString('utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const text = raw.slice(1);
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const data = parsed.data;
  // The file ends with CRLF, which papaparse reads as one last empty row.
  expect(data[data.length - 1]).toEqual(['']);
  const [header = [], ...rows] = data.slice(0, -1);
  return { text, header, rows };
}

/** A csv money field back to minor units; it must be a plain decimal with a dot and two places. */
export function csvMinor(field: string): number | null {
  if (field === '') return null;
  expect(field).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(field) * 100);
}

/** An xlsx money cell back to minor units; it must be a real number, exactly the major amount. */
export function xlsxMinor(value: ExcelJS.CellValue, minor: number | null): void {
  if (minor === null) {
    expect(value).toBeNull();
    return;
  }
  expect(typeof value).toBe('number');
  expect(value).toBe(minor / 100);
  expect(Math.round((value as number) * 100)).toBe(minor);
}
