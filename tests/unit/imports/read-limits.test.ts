/**
 * Columns and row text are capped in the reader (limits.ts, row-rules.ts), in the worker, so a
 * hostile file is refused before anything on the main thread plans an import from it: a 10.8 MB
 * CSV of 2.7 million columns used to block serve mode for 36 s and hold 1.9 GB there. The files
 * are generated here, not committed.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultReadLimits } from '../../../electron/core/imports/read/limits';
import { readCsv } from '../../../electron/core/imports/read/read-csv';
import { readWorkbookContained } from '../../../electron/core/imports/read/read-contained';
import { readXlsx } from '../../../electron/core/imports/read/read-xlsx';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const wideRow = (columns: number): string => Array.from({ length: columns }, (_, c) => `c${c}`).join(',');

describe('columns', () => {
  it('the cap is Excel\'s own: 16,384 columns', () => {
    expect(defaultReadLimits.maxColumns).toBe(16_384);
  });

  it('a CSV with 16,384 columns is read; one more is refused, naming the row and the limit', () => {
    const ok = readCsv(utf8(`${wideRow(16_384)}\n1\n`), 'wide.csv');
    expect(ok.sheets[0]!.rows[0]).toHaveLength(16_384);
    expect(() => readCsv(utf8(`a,b\n${wideRow(16_385)}\n`), 'wide.csv')).toThrow(
      "wide.csv has 16,385 columns in row 2; Quartermaster reads at most 16,384 columns (Excel's own limit). Is it the file you meant, and is it separated the way it says?",
    );
  });

  it('a million-column CSV is refused in the worker: no row of it reaches this thread', async () => {
    const bytes = utf8(`${'a,'.repeat(1_000_000)}a\n1,2\n`);
    let rowsSeen = 0;
    const started = performance.now();
    await expect(
      readWorkbookContained(bytes, 'hostile.csv', {
        onRows: (partial) => {
          rowsSeen = partial.sheets[0]!.rows.length;
        },
      }),
    ).rejects.toThrow(/^hostile\.csv has 1,000,001 columns in row 1; Quartermaster reads at most 16,384 columns/);
    expect(rowsSeen).toBe(0);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('a streamed CSV whose wide row comes late is refused too', async () => {
    // ~400 KB of ordinary rows first, so rows have been streamed when the wide one arrives.
    const head = Array.from({ length: 20_000 }, (_, r) => `2027-01,210,6000,${r}.00`).join('\n');
    const bytes = utf8(`Month,Dept,Account,Amount\n${head}\n${wideRow(20_000)}\n`);
    await expect(readWorkbookContained(bytes, 'late.csv', { onRows: () => undefined })).rejects.toThrow(
      /^late\.csv has 20,000 columns in row 20002;/,
    );
  }, 60_000);
});

describe('text in one row', () => {
  it('a CSV row holding more than 1,048,576 characters is refused, naming the row', () => {
    const cells = Array.from({ length: 40 }, () => 'x'.repeat(30_000)).join(',');
    expect(() => readCsv(utf8(`a,b\n${cells}\n`), 'long.csv')).toThrow(
      'long.csv holds 1,200,000 characters of text in row 2; Quartermaster reads rows of at most 1,048,576 characters.',
    );
  });

  it('so is an xlsx row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Budget');
    sheet.addRow(['Account', 'Notes']);
    sheet.addRow(Array.from({ length: 40 }, () => 'x'.repeat(30_000)));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(readXlsx(bytes, 'long.xlsx')).rejects.toThrow(
      'long.xlsx holds 1,200,000 characters of text in row 2; Quartermaster reads rows of at most 1,048,576 characters.',
    );
  });
});
