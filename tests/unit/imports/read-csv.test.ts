import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../electron/core/imports/read/read-csv';
import { readWorkbook } from '../../../electron/core/imports/read/read-workbook';
import { fixturePath } from '../../helpers/fixtures';
import { refusal } from '../../helpers/refusal';
import { millionRowCsv } from './read-inputs';

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const lineCount = (name: string): number => readFileSync(fixturePath(name), 'utf8').split(/\r?\n/).filter((l) => l !== '').length;

describe('readCsv on the fixtures', () => {
  it('departments: one sheet named for the file, empty cells are null', () => {
    const wb = readCsv(bytesOf('departments.csv'), 'departments.csv');
    expect(wb.format).toBe('csv');
    // "Chloé" is the file's one character beyond ASCII, written as UTF-8.
    expect(wb.csv).toEqual({ encoding: 'utf-8', delimiter: ',', decimalComma: false, evidence: { reason: 'utf-8', utf8Sequences: 1, invalidBytes: 0, invalidLines: [] } });
    expect(wb.readWarnings).toBeUndefined();
    const sheet = wb.sheets[0]!;
    expect(sheet.name).toBe('departments');
    expect(sheet.merges).toEqual([]);
    expect(sheet.rows).toHaveLength(lineCount('departments.csv'));
    expect(sheet.rows[0]).toEqual(['code', 'name', 'parent_code', 'manager']);
    expect(sheet.rows[1]).toEqual(['100', 'Larkspur Freight', null, 'Dana Whitfield']);
  });

  it('accounts: codes stay text', () => {
    const sheet = readCsv(bytesOf('accounts.csv'), 'accounts.csv').sheets[0]!;
    expect(sheet.rows).toHaveLength(lineCount('accounts.csv'));
    expect(sheet.rows[1]).toEqual(['4000', 'Freight revenue', 'revenue']);
  });

  it('warehouse budget: quoted thousands stay text, no decimal comma', () => {
    const wb = readWorkbook(bytesOf('budget-warehouse-fy2027.csv'), 'budget-warehouse-fy2027.csv');
    return wb.then((book) => {
      const sheet = book.sheets[0]!;
      expect(book.csv?.decimalComma).toBe(false);
      expect(sheet.rows).toHaveLength(lineCount('budget-warehouse-fy2027.csv'));
      expect(sheet.rows[0]).toEqual(['Department', 'Account', 'Month', 'Amount', 'Comment']);
      expect(sheet.rows[1]).toEqual(['210', '6000', '2027-01', '57,159.79', null]);
    });
  });

  it('GL actuals export: separate debit and credit columns, blanks are null', () => {
    const sheet = readCsv(bytesOf('actuals-fy2026-gl-export.csv'), 'actuals-fy2026-gl-export.csv').sheets[0]!;
    expect(sheet.rows).toHaveLength(lineCount('actuals-fy2026-gl-export.csv'));
    expect(sheet.rows[1]).toEqual(['2026-01', '210', '6000', 'Salaries & wages 2026-01', '51888.68', null]);
    expect(sheet.rows.at(-1)).toEqual(['2026-09', '220', '6410', 'Warranty refund', null, '350.00']);
  });
});

describe('readCsv conventions', () => {
  it('Windows-1252 is detected when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array(Buffer.from('Vendor,Amount\nCafé Lumière,12.50\n', 'latin1'));
    const wb = readCsv(bytes, 'vendors.csv');
    expect(wb.csv?.encoding).toBe('windows-1252');
    expect(wb.sheets[0]!.rows[1]).toEqual(['Café Lumière', '12.50']);
    // 0x80 is the euro sign in Windows-1252 (not a C1 control as in Latin-1).
    const euro = readCsv(new Uint8Array([0x61, 0x0a, 0x80, 0x35, 0x0a]), 'euro.csv');
    expect(euro.sheets[0]!.rows[1]).toEqual(['€5']);
  });

  it('semicolons, decimal commas and a UTF-8 BOM are detected; the BOM does not reach the header', () => {
    const text = '\uFEFFKonto;Bezeichnung;Betrag\r\n6000;Löhne;1.234,50\r\n6100;Reisen;12,5\r\n6200;Software;-3.000,00\r\n';
    const wb = readCsv(utf8(text), 'budget-de.csv');
    expect(wb.csv).toEqual({ encoding: 'utf-8', delimiter: ';', decimalComma: true, evidence: { reason: 'bom', utf8Sequences: 1, invalidBytes: 0, invalidLines: [] } });
    expect(wb.sheets[0]!.rows).toEqual([
      ['Konto', 'Bezeichnung', 'Betrag'],
      ['6000', 'Löhne', '1.234,50'],
      ['6100', 'Reisen', '12,5'],
      ['6200', 'Software', '-3.000,00'],
    ]);
  });

  it('a semicolon file with decimal points is not taken for decimal comma; tabs and pipes are guessed', () => {
    expect(readCsv(utf8('a;b\n1;1,234.50\n2;12.5\n'), 'x.csv').csv).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      decimalComma: false,
      evidence: { reason: 'ascii', utf8Sequences: 0, invalidBytes: 0, invalidLines: [] },
    });
    expect(readCsv(utf8('a\tb\tc\n1\t2\t3\n'), 'x.tsv').csv?.delimiter).toBe('\t');
    expect(readCsv(utf8('a|b|c\n1|2|3\n'), 'x.txt').csv?.delimiter).toBe('|');
  });

  it('choices made in the preview override detection', () => {
    const bytes = new Uint8Array(Buffer.from('a;b\n1;2,5\n', 'latin1'));
    const wb = readCsv(bytes, 'x.csv', { encoding: 'windows-1252', delimiter: ',', decimalComma: false });
    expect(wb.csv).toEqual({ encoding: 'windows-1252', delimiter: ',', decimalComma: false, evidence: { reason: 'chosen', utf8Sequences: 0, invalidBytes: 0, invalidLines: [] } });
    expect(wb.sheets[0]!.rows).toEqual([['a;b'], ['1;2', '5']]);
  });

  it('S3: headers named __proto__ and constructor are just text', () => {
    const wb = readCsv(utf8('code,__proto__,constructor,toString\n100,polluted,yes,no\n'), 'evil.csv');
    const [header, row] = wb.sheets[0]!.rows;
    expect(header).toEqual(['code', '__proto__', 'constructor', 'toString']);
    expect(row).toEqual(['100', 'polluted', 'yes', 'no']);
    expect(Array.isArray(header)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(header)).toBe(Array.prototype);
  });

  it('blank rows in the middle keep their place (cell references stay true); trailing ones go', () => {
    const rows = readCsv(utf8('a,b\n\n,\n1,2\n\n\n'), 'gaps.csv').sheets[0]!.rows;
    expect(rows).toEqual([['a', 'b'], [], [], ['1', '2']]);
  });
});

describe('S2: bad csv input is refused with a clear sentence', () => {
  it('empty, blank-only and binary files', () => {
    expect(refusal(() => readCsv(new Uint8Array(0), 'none.csv')).message).toBe('none.csv is empty: there is nothing to import.');
    expect(refusal(() => readCsv(utf8('\uFEFF\n\n'), 'blank.csv')).message).toBe('blank.csv is empty: there is nothing to import.');
    expect(refusal(() => readCsv(new Uint8Array([1, 0, 2, 0, 3]), 'bin.csv')).message).toBe('bin.csv is not a CSV file: it holds binary data, not text.');
    expect(refusal(() => readCsv(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'u16.csv')).message).toMatch(/^u16\.csv is saved as UTF-16/);
  });

  it('an unclosed quote', () => {
    const err = refusal(() => readCsv(utf8('a,b\n1,"never closed\n2,3\n'), 'quotes.csv'));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/^quotes\.csv has a quoted cell that is never closed or is malformed/);
  });

  it('over the byte cap and over the row cap', () => {
    const bytes = utf8('a,b\n' + '1,2\n'.repeat(2000));
    expect(refusal(() => readCsv(bytes, 'big.csv', {}, { maxFileBytes: 4096 })).message).toBe(
      'big.csv is larger than 4 KB; Quartermaster does not import files that big. Split it and import the parts.',
    );
    expect(refusal(() => readCsv(bytes, 'long.csv', {}, { maxRows: 1000 })).message).toBe(
      'long.csv has more than 1,000 rows; Quartermaster does not import files that big.',
    );
    expect(readCsv(bytes, 'fits.csv', {}, { maxRows: 2001 }).sheets[0]!.rows).toHaveLength(2001);
  });

  it('a 1,000,000-row CSV reads within the default limits', () => {
    const bytes = millionRowCsv();
    const started = performance.now();
    const wb = readCsv(bytes, 'actuals-1m.csv');
    const ms = performance.now() - started;
    expect(wb.sheets[0]!.rows).toHaveLength(1_000_001);
    expect(wb.sheets[0]!.rows[1_000_000]).toEqual(['2026-04', '210', '6999', 'line 999999', '999999.99', null]);
    console.info(`read 1,000,000-row CSV (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB) in ${ms.toFixed(0)} ms`);
  });
});
