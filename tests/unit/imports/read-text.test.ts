/**
 * Text at the boundary (text.ts, csv-detect.ts, row-rules.ts): every string the readers hand on is
 * well-formed and NFC; an over-long cell is cut at a character boundary with a warning naming the
 * cell; a CSV's encoding is decided on evidence from the whole file, and a UTF-8 file with one
 * stray Windows-1252 byte stays UTF-8 ("Zürich", not "ZÃ¼rich") with that line reported.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsvText } from '../../../electron/core/imports/read/csv-detect';
import { readCsv } from '../../../electron/core/imports/read/read-csv';
import { readWorkbookContained } from '../../../electron/core/imports/read/read-contained';
import { readXlsx } from '../../../electron/core/imports/read/read-xlsx';
import { cleanCellText, clipText, cutAtCodePoint } from '../../../electron/core/imports/read/text';
import { isWellFormed } from '../../../shared/text';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
const emoji = '\u{1F600}'; // two UTF-16 units
const noWarnings = (): void => undefined;

describe('cutting and cleaning text', () => {
  it('a cut never splits a character made of two UTF-16 units', () => {
    const text = `${'a'.repeat(199)}${emoji}tail`;
    expect(text.slice(0, 200).endsWith('\ud83d')).toBe(true); // what a plain slice does
    expect(cutAtCodePoint(text, 200)).toBe('a'.repeat(199));
    expect(isWellFormed(cutAtCodePoint(text, 200))).toBe(true);
    expect(cutAtCodePoint(text, 201)).toBe(`${'a'.repeat(199)}${emoji}`);
    expect(clipText('short', 200)).toEqual({ text: 'short', clipped: false });
    expect(clipText(text, 200)).toEqual({ text: 'a'.repeat(199), clipped: true });
  });

  it('lone surrogates become U+FFFD, with a warning; text is made NFC', () => {
    const seen: string[] = [];
    const cleaned = cleanCellText('Z\ud83drich \udc00', { maxCellChars: 100 }, (kind, { lone }) => seen.push(`${kind}:${lone}`));
    expect(cleaned).toBe('Z\ufffdrich \ufffd');
    expect(seen).toEqual(['broken-text:2']);
    expect(cleanCellText('Chloe\u0301 Durand', { maxCellChars: 100 }, noWarnings)).toBe('Chlo\u00e9 Durand');
    expect(cleanCellText('\u212b', { maxCellChars: 100 }, noWarnings)).toBe('\u00c5'); // Angstrom sign → Å
  });
});

describe('CSV cells', () => {
  it('a cell over 32,767 characters is cut there, with a warning naming the cell', () => {
    const wb = readCsv(utf8(`Account,Notes\n6000,${'n'.repeat(8 * 1024 * 1024)}\n`), 'notes.csv');
    expect(wb.sheets[0]!.rows[1]).toEqual(['6000', 'n'.repeat(32_767)]);
    expect(wb.readWarnings).toEqual([
      { ref: 'notes.csv!B2', message: "the cell holds 8,388,608 characters; only the first 32,767 were kept (Excel's limit for a cell)" },
    ]);
  });

  it('the cut falls before an emoji, not through it', () => {
    const wb = readCsv(utf8(`Notes\n${'a'.repeat(32_766)}${emoji}b\n`), 'notes.csv');
    const cell = wb.sheets[0]!.rows[1]![0] as string;
    expect(cell).toBe('a'.repeat(32_766));
    expect(isWellFormed(cell)).toBe(true);
  });

  it('twenty over-long cells are named, the rest counted in one line', () => {
    const rows = Array.from({ length: 25 }, (_, r) => `${r},${'x'.repeat(33_000)}`).join('\n');
    const warnings = readCsv(utf8(`Row,Notes\n${rows}\n`), 'many.csv').readWarnings ?? [];
    expect(warnings).toHaveLength(21);
    expect(warnings[0]!.ref).toBe('many.csv!B2');
    expect(warnings[19]!.ref).toBe('many.csv!B21');
    expect(warnings[20]).toEqual({ ref: 'many.csv', message: '5 more cells were cut to 32,767 characters' });
  });

  it('names written with a combining accent come out NFC, like the same name typed precomposed', () => {
    const wb = readCsv(utf8('code,manager\n420,Chloe\u0301 Durand\n'), 'departments.csv');
    expect(wb.sheets[0]!.rows[1]).toEqual(['420', 'Chlo\u00e9 Durand']);
  });
});

describe('a CSV\'s encoding, decided on evidence', () => {
  it('a UTF-8 file with one Windows-1252 byte stays UTF-8; the byte is read as Windows-1252 and its line named', () => {
    // Line 3 was pasted from an old system: "Café" with é as the single byte 0xE9.
    const file = bytes('Department,City\n210,Zürich\n220,Caf', [0xe9], '\n230,Genève\n');
    const wb = readCsv(file, 'sites.csv');
    expect(wb.sheets[0]!.rows).toEqual([
      ['Department', 'City'],
      ['210', 'Zürich'],
      ['220', 'Café'],
      ['230', 'Genève'],
    ]);
    expect(wb.csv?.encoding).toBe('utf-8');
    expect(wb.csv?.evidence).toEqual({ reason: 'mostly-utf-8', utf8Sequences: 2, invalidBytes: 1, invalidLines: [3] });
    expect(wb.readWarnings).toEqual([
      { ref: 'sites.csv line 3', message: 'holds a byte that is not UTF-8 (the rest of the file is); it was read as Windows-1252' },
    ]);
  });

  it('a Windows-1252 file is read as Windows-1252, with the evidence', () => {
    const file = new Uint8Array(Buffer.from('Vendor,City\nCafé Lumière,Zürich\nBäckerei,Köln\n', 'latin1'));
    const wb = readCsv(file, 'vendors.csv');
    expect(wb.sheets[0]!.rows[1]).toEqual(['Café Lumière', 'Zürich']);
    expect(wb.csv?.encoding).toBe('windows-1252');
    expect(wb.csv?.evidence).toEqual({ reason: 'windows-1252', utf8Sequences: 0, invalidBytes: 5, invalidLines: [2, 3] });
    expect(wb.readWarnings).toBeUndefined();
  });

  it('more stray bytes than UTF-8 characters: Windows-1252, and a warning that says what it weighed', () => {
    // One accidental valid pair ("Ã©" in Windows-1252 is C3 A9, which is "é" in UTF-8) among many 1252 bytes.
    const file = new Uint8Array(Buffer.from('Name\nCafÃ©\nRené\nJosé\nAndré\n', 'latin1'));
    const wb = readCsv(file, 'names.csv');
    expect(wb.csv?.encoding).toBe('windows-1252');
    expect(wb.sheets[0]!.rows[1]).toEqual(['CafÃ©']);
    expect(wb.readWarnings).toEqual([
      { ref: 'names.csv', message: 'was read as Windows-1252: 3 bytes cannot be UTF-8, against 1 character that could; read it as UTF-8 if names look wrong' },
    ]);
  });

  it('UTF-8 forced by the user: stray bytes show as U+FFFD and say so', () => {
    const wb = readCsv(bytes('City\nZürich\nCaf', [0xe9], '\n'), 'sites.csv', { encoding: 'utf-8' });
    expect(wb.sheets[0]!.rows[2]).toEqual(['Caf\ufffd']);
    expect(wb.csv?.evidence?.reason).toBe('chosen');
    expect(wb.readWarnings).toEqual([
      { ref: 'sites.csv line 3', message: '1 byte in the file is not UTF-8 and shows as "\ufffd"; read it as Windows-1252 if that looks wrong' },
    ]);
  });

  it('the evidence counts sequences the way UTF-8 defines them (no overlong forms, no surrogates)', () => {
    expect(decodeCsvText(utf8('plain ascii\n')).evidence.reason).toBe('ascii');
    expect(decodeCsvText(utf8(`a ${emoji} and € \n`)).evidence).toEqual({ reason: 'utf-8', utf8Sequences: 2, invalidBytes: 0, invalidLines: [] });
    // C0 80 (overlong NUL) and ED A0 80 (a surrogate written as UTF-8) are not UTF-8: five stray bytes, no valid sequence.
    const odd = decodeCsvText(bytes('x', [0xc0, 0x80], '\ny', [0xed, 0xa0, 0x80], '\n'));
    expect(odd.evidence).toEqual({ reason: 'windows-1252', utf8Sequences: 0, invalidBytes: 5, invalidLines: [1, 2] });
    expect(isWellFormed(odd.text)).toBe(true);
  });
});

describe('xlsx cells', () => {
  it('an over-long cell is cut with a warning naming the sheet and cell; text comes out NFC', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Notes');
    sheet.addRow(['Account', 'Notes']);
    sheet.addRow(['6000', `${'n'.repeat(40_000)}`]);
    sheet.addRow(['6100', 'Chloe\u0301']);
    const wb = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'notes.xlsx');
    expect((wb.sheets[0]!.rows[1]![1] as string).length).toBe(32_767);
    expect(wb.sheets[0]!.rows[2]).toEqual(['6100', 'Chlo\u00e9']);
    expect(wb.readWarnings).toEqual([
      { ref: 'notes.xlsx!Notes!B2', message: "the cell holds 40,000 characters; only the first 32,767 were kept (Excel's limit for a cell)" },
    ]);
  });
});

describe('through the contained reader', () => {
  it('a streamed CSV brings its warnings and its encoding evidence across', async () => {
    // Big enough to be streamed in chunks; a stray byte early, an over-long cell late.
    const rows = Array.from({ length: 20_000 }, (_, r) => `2027-01,210,6000,${r}.00,`).join('\n');
    const file = bytes('Month,Dept,Account,Amount,Note\n2027-01,210,6000,1.00,Z\u00fcrich caf', [0xe9], `\n${rows}\n2027-01,210,6000,2.00,${'n'.repeat(40_000)}\n`);
    let streamedRows = 0;
    const wb = await readWorkbookContained(file, 'gl.csv', {
      onRows: (partial) => {
        streamedRows = partial.sheets[0]!.rows.length;
      },
    });
    expect(streamedRows).toBeGreaterThan(0);
    expect(wb.sheets[0]!.rows[1]![4]).toBe('Zürich café');
    expect(wb.csv?.evidence).toEqual({ reason: 'mostly-utf-8', utf8Sequences: 1, invalidBytes: 1, invalidLines: [2] });
    expect(wb.readWarnings).toEqual([
      { ref: 'gl.csv line 2', message: 'holds a byte that is not UTF-8 (the rest of the file is); it was read as Windows-1252' },
      { ref: 'gl.csv!E20003', message: "the cell holds 40,000 characters; only the first 32,767 were kept (Excel's limit for a cell)" },
    ]);
  }, 60_000);
});
