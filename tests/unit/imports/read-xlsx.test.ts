import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../../electron/core/imports/read/read-workbook';
import { readXlsx } from '../../../electron/core/imports/read/read-xlsx';
import { AppError } from '../../../shared/result';
import { fixturePath } from '../../helpers/fixtures';
import { buildZip, deflatedEntry, workbookShell, zerosEntry } from './read-inputs';

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but the read succeeded');
}

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));

describe('readXlsx on the fixtures', () => {
  it('reads the marketing budget: merged title, month dates, cached formula totals', async () => {
    const wb = await readXlsx(bytesOf('budget-marketing-fy2027.xlsx'), 'budget-marketing-fy2027.xlsx');
    expect(wb.format).toBe('xlsx');
    expect(wb.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Budget']);
    const sheet = wb.sheets[0]!;
    expect(sheet.merges).toEqual(['A1:F1']);
    expect(sheet.rows[0]![0]).toBe('Marketing — FY2027 budget submission');
    // Only the top-left cell of a merge holds the value.
    expect(sheet.rows[0]!.slice(1)).toEqual([]);
    expect(sheet.rows[3]).toEqual([]);
    expect(sheet.rows[4]![2]).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(sheet.rows[4]![13]).toEqual(new Date(Date.UTC(2027, 11, 1)));
    expect(sheet.rows[5]!.slice(0, 3)).toEqual(['6000', 'Salaries & wages', 34600]);
    expect(sheet.rows[5]![14]).toBe(476900);
    expect(sheet.rows[7]![15]).toBe('Two trade shows');
    expect(sheet.rows[12]![0]).toBe('Total Marketing');
    expect(sheet.rows[12]![2]).toBe(68850);
    expect(sheet.formulasWithoutResult).toBeUndefined();
  });

  it('reads the HR export: dates, numbers, empty text as null', async () => {
    const wb = await readWorkbook(bytesOf('people-hr-export.xlsx'), 'people-hr-export.xlsx');
    const sheet = wb.sheets[0]!;
    expect(sheet.name).toBe('Employees');
    expect(sheet.rows).toHaveLength(63);
    expect(sheet.rows[0]![0]).toBe('Employee ID');
    expect(sheet.rows[1]).toEqual(['E1001', 'Dana Whitfield', 'Chief Executive Officer', '100', null, 1, 139000, new Date(Date.UTC(2018, 4, 1)), null, 'Active']);
    expect(sheet.rows[62]![1]).toBe('TBH — Fleet Dispatcher');
    expect(sheet.rows[62]![9]).toBe('Open');
  });
});

describe('readXlsx on cell kinds', () => {
  it('flattens rich text and hyperlinks, keeps booleans and error text, remembers uncached formulas', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Kinds');
    ws.getCell('A1').value = { richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] };
    ws.getCell('B1').value = { text: 'Intranet', hyperlink: 'https://example.invalid/' };
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = { error: '#REF!' };
    ws.getCell('E1').value = { formula: 'A9*2' }; // never calculated: no cached result
    ws.getCell('F1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('G1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2027, 2, 4)) };
    ws.getCell('A3').value = 'after a blank row';
    book.addWorksheet('Second').getCell('B2').value = 7;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const wb = await readXlsx(bytes, 'kinds.xlsx');
    const [kinds, second] = wb.sheets;
    expect(kinds!.rows[0]).toEqual(['Rich text', 'Intranet', true, '#REF!', null, '#DIV/0!', new Date(Date.UTC(2027, 2, 4))]);
    expect(kinds!.rows[1]).toEqual([]);
    expect(kinds!.rows[2]).toEqual(['after a blank row']);
    expect(kinds!.formulasWithoutResult).toEqual(['E1']);
    expect(second!.rows).toEqual([[], [null, 7]]);
  });
});

describe('S2: bad xlsx input is refused with a clear sentence', () => {
  it('text renamed .xlsx', async () => {
    const err = await refusedWith(readWorkbook(new TextEncoder().encode('code,name\n100,Ops\n'), 'budget.xlsx'));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/^budget\.xlsx is not an Excel workbook \(\.xlsx\)/);
  });

  it('an empty file, whatever its name', async () => {
    for (const name of ['empty.xlsx', 'empty.csv']) {
      const err = await refusedWith(readWorkbook(new Uint8Array(0), name));
      expect(err.message).toBe(`${name} is empty: there is nothing to import.`);
    }
  });

  it('a truncated workbook (a real one cut in half)', async () => {
    const whole = bytesOf('budget-marketing-fy2027.xlsx');
    const err = await refusedWith(readXlsx(whole.subarray(0, whole.byteLength >> 1), 'cut.xlsx'));
    expect(err.message).toMatch(/^cut\.xlsx is damaged: its zip structure is incomplete or corrupt/);
  });

  it('a password-protected workbook (CFB with EncryptionInfo) and an old .xls', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]);
    const err = await refusedWith(readWorkbook(encrypted, 'secret.xlsx'));
    expect(err.message).toBe('secret.xlsx is password-protected; save it without a password and import again.');
    const old = Buffer.concat([header, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(64)]);
    const xls = await refusedWith(readWorkbook(old, 'old.xls'));
    expect(xls.message).toMatch(/^old\.xls is not an Excel workbook \(\.xlsx\): it is an old Excel 97–2003 file/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = buildZip([deflatedEntry('word/document.xml', '<w/>')]);
    const err = await refusedWith(readXlsx(zip, 'letter.xlsx'));
    expect(err.message).toMatch(/^letter\.xlsx is not an Excel workbook \(\.xlsx\)\. It is a zip file/);
  });

  it('a zip bomb: one entry of 300 MB of zeros, refused on inflated bytes at the 200 MB default', async () => {
    const bomb = await zerosEntry('xl/worksheets/sheet1.xml', 300);
    const zip = buildZip([...workbookShell(), bomb]);
    expect(zip.byteLength).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const err = await refusedWith(readXlsx(zip, 'bomb.xlsx'));
    expect(err.message).toBe('bomb.xlsx expands to more than 200 MB; it is not a workbook Quartermaster will open.');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a zip bomb whose declared sizes lie (small sizes declared, 300 MB inside)', async () => {
    const bomb = { ...(await zerosEntry('xl/worksheets/sheet1.xml', 300)), declaredSize: 1234 };
    const err = await refusedWith(readXlsx(buildZip([...workbookShell(), bomb]), 'liar.xlsx'));
    expect(err.message).toMatch(/^liar\.xlsx is damaged or crafted: its contents do not match the sizes it declares/);
  });

  it('many honest entries that add up past the cap are counted on real bytes', async () => {
    const parts = await Promise.all([1, 2, 3, 4].map((i) => zerosEntry(`xl/media/image${i}.bin`, 3)));
    const err = await refusedWith(readXlsx(buildZip([...workbookShell(), ...parts]), 'many.xlsx', { maxInflatedBytes: 10 * 1024 * 1024 }));
    expect(err.message).toBe('many.xlsx expands to more than 10 MB; it is not a workbook Quartermaster will open.');
  });

  it('too many zip entries', async () => {
    const entries = [...workbookShell(), ...Array.from({ length: 30 }, (_, i) => deflatedEntry(`x/${i}.xml`, '<a/>'))];
    const err = await refusedWith(readXlsx(buildZip(entries), 'crowded.xlsx', { maxZipEntries: 20 }));
    expect(err.message).toMatch(/^crowded\.xlsx holds 32 files inside its zip/);
  });

  it('a file over the size cap', async () => {
    const err = await refusedWith(readXlsx(bytesOf('people-hr-export.xlsx'), 'big.xlsx', { maxFileBytes: 1000 }));
    expect(err.message).toBe('big.xlsx is larger than 1 KB; Quartermaster does not import files that big. Split it and import the parts.');
  });

  it('a workbook with more rows than the cap', async () => {
    const err = await refusedWith(readXlsx(bytesOf('people-hr-export.xlsx'), 'hr.xlsx', { maxRows: 10 }));
    expect(err.message).toBe('hr.xlsx has more than 10 rows; Quartermaster does not import files that big.');
  });

  it('an unsupported kind of file', async () => {
    const err = await refusedWith(readWorkbook(new TextEncoder().encode('%PDF-1.7'), 'board-pack.pdf'));
    expect(err.message).toMatch(/^board-pack\.pdf is not a file Quartermaster can import/);
  });
});
