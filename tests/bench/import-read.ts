/**
 * `npx tsx tests/bench/import-read.ts`: the readers against the bare parsers they wrap, on a
 * 100,000-row long-format actuals CSV and a 50-sheet budget workbook (generated here). The issue
 * wants the whole importer within 2× the bare parse; this prints the reading step's share.
 * It prints figures and asserts nothing.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readCsv } from '../../electron/core/imports/read/read-csv';
import { readWorkbookContained } from '../../electron/core/imports/read/read-contained';
import { readXlsx } from '../../electron/core/imports/read/read-xlsx';

function csvBytes(rows: number): Uint8Array {
  const parts = ['Posting Period,Cost Center,GL Account,Description,Debit,Credit\n'];
  for (let i = 0; i < rows; i++) {
    parts.push(`2026-${String((i % 12) + 1).padStart(2, '0')},${200 + (i % 40)},${6000 + (i % 90) * 10},line ${i},${(i * 7.31).toFixed(2)},\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

async function workbookBytes(sheets: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2027, m, 1)));
  for (let s = 0; s < sheets; s++) {
    const ws = book.addWorksheet(`${200 + s} Dept ${s}`);
    ws.addRow([`Department ${200 + s} — FY2027 budget`]);
    ws.mergeCells('A1:F1');
    ws.addRow([]);
    ws.addRow(['Account', 'Description', ...months, 'FY total']);
    for (let a = 0; a < 40; a++) {
      const r = ws.rowCount + 1;
      ws.addRow([String(6000 + a * 10), `Account ${a}`, ...months.map((_, m) => 1000 + a * 10 + m), { formula: `SUM(C${r}:N${r})`, result: 12 * (1000 + a * 10) + 66 }]);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function time<T>(fn: () => T | Promise<T>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function line(label: string, bare: number, ours: number, contained: number): void {
  console.log(
    `${label.padEnd(34)} bare ${bare.toFixed(0).padStart(6)} ms   reader ${ours.toFixed(0).padStart(6)} ms (${(ours / bare).toFixed(2)}×)   in worker ${contained.toFixed(0).padStart(6)} ms (${(contained / bare).toFixed(2)}×)`,
  );
}

const csv = csvBytes(100_000);
const text = new TextDecoder().decode(csv);
line(
  `csv 100,000 rows (${(csv.byteLength / 1048576).toFixed(1)} MB)`,
  await time(() => Papa.parse(text, { delimiter: ',' })),
  await time(() => readCsv(csv, 'actuals.csv')),
  await time(() => readWorkbookContained(csv, 'actuals.csv')),
);

const xlsx = await workbookBytes(50);
line(
  `xlsx 50 sheets (${(xlsx.byteLength / 1048576).toFixed(1)} MB)`,
  await time(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(xlsx) as unknown as Parameters<ExcelJS.Xlsx['load']>[0])),
  await time(() => readXlsx(xlsx, 'budgets.xlsx')),
  await time(() => readWorkbookContained(xlsx, 'budgets.xlsx')),
);
