// S4, property-tested: any text whose first character is = + - @ tab or CR comes out of both
// writers with a leading apostrophe and otherwise intact; any other text comes out unchanged;
// numbers (negative ones start with "-") stay numbers. Then once more end to end, through a
// department's name in a real workspace.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportText, xlsxText } from '../../../electron/core/export/cell-text';
import { needsNeutralizing } from '../../../electron/core/export/spreadsheet-text';
import { tableCsvBytes } from '../../../electron/core/export/table-csv';
import { exportTable } from '../../../electron/core/export/table-export';
import type { Table } from '../../../electron/core/export/table-model';
import { tableXlsxBytes } from '../../../electron/core/export/table-xlsx';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg } from '../imports/workbooks';
import { readCsv, readXlsx } from './read-back';

const dangerous = ['=', '+', '-', '@', '\t', '\r'];
/** Characters that matter here (CSV and XML specials, Excel's _xHHHH_ escapes, controls), then any grapheme. */
const unit = fc.oneof(
  fc.constantFrom(...dangerous, '\n', '"', ',', ';', ' ', "'", '_', 'x', '0', 'D', '\u0001', '\u0000', '\ud800', 'é', '😀'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const anyText = fc.string({ unit, maxLength: 24 });
const dangerousText = fc.tuple(fc.constantFrom(...dangerous), anyText).map(([first, rest]) => first + rest);
/** Text with no control characters and a harmless first character: it must come back exactly. */
const safeText = fc
  .string({ unit, maxLength: 24 })
  .map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff]/g, ''))
  .filter((s) => !needsNeutralizing(s) && !/[\ud800-\udfff]/.test(s) && s !== '');

/** What the file must say: controls XML cannot hold dropped, then the apostrophe if it starts dangerously. */
function expected(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return needsNeutralizing(clean) ? `'${clean}` : clean;
}

function table(texts: string[], amounts: number[]): Table {
  return {
    sheetName: 'Property',
    title: 'Property',
    fileStem: 'property',
    columns: [
      { header: 'Name', kind: 'text' },
      { header: 'Amount', kind: 'money' },
    ],
    rows: texts.map((t, i) => [t, amounts[i % amounts.length] ?? 0]),
  };
}

const amounts = fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 5 });

async function roundTrip(texts: string[], minors: number[]) {
  const t = table(texts, minors);
  const x = await readXlsx((await tableXlsxBytes(t)).toString('base64'));
  const c = readCsv(tableCsvBytes(t).toString('base64'));
  // exceljs reads an empty shared string back as an empty cell.
  return { xlsx: x.rows.map((r) => [r[0] ?? '', r[1]]), csv: c.rows };
}

describe('S4: text cells in the writers', () => {
  it('dangerous text gets a leading apostrophe in xlsx and csv, and reads back otherwise intact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dangerousText, { minLength: 1, maxLength: 20 }), amounts, async (texts, minors) => {
        const back = await roundTrip(texts, minors);
        texts.forEach((text, i) => {
          const want = expected(text);
          expect(want.startsWith("'")).toBe(true);
          expect(back.xlsx[i]![0]).toBe(want);
          expect(back.csv[i]![0]).toBe(want);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('safe text is unchanged in both formats, and money stays a number however it is signed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(safeText, { minLength: 1, maxLength: 20 }), amounts, async (texts, minors) => {
        const back = await roundTrip(texts, minors);
        texts.forEach((text, i) => {
          expect(back.xlsx[i]![0]).toBe(text);
          expect(back.csv[i]![0]).toBe(text);
          const minor = minors[i % minors.length]!;
          expect(back.xlsx[i]![1]).toBe(minor / 100);
          expect(Math.round(Number(back.csv[i]![1]) * 100)).toBe(minor);
          expect(back.csv[i]![1]).toMatch(/^-?\d+\.\d{2}$/);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('any text at all: what is read back never starts with a dangerous character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 20 }), async (texts) => {
        const back = await roundTrip(texts, [0]);
        texts.forEach((text, i) => {
          for (const v of [back.xlsx[i]![0], back.csv[i]![0]]) {
            expect(needsNeutralizing(String(v))).toBe(false);
            expect(v).toBe(expected(text));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the traps found on the way: controls before "=", Excel\'s _xHHHH_ escapes, a carriage return', async () => {
    const traps = ['\u0001=HYPERLINK("x")', '_x003D_HYPERLINK("x")', '_x005F_x003D_1', '\r=1+1', '\t@SUM(A1)', '-2+3', '+1', '@x', '=1'];
    const back = await roundTrip(traps, [-150]);
    expect(back.xlsx.map((r) => r[0])).toEqual(['\'=HYPERLINK("x")', '_x003D_HYPERLINK("x")', '_x005F_x003D_1', "'\r=1+1", "'\t@SUM(A1)", "'-2+3", "'+1", "'@x", "'=1"]);
    expect(back.csv.map((r) => r[0])).toEqual(back.xlsx.map((r) => r[0]));
    expect(back.xlsx[0]![1]).toBe(-1.5);
    expect(back.csv[0]![1]).toBe('-1.50');
    expect(xlsxText('_x0041_')).toBe('_x005F_x0041_');
    expect(exportText('\u0000=1')).toBe("'=1");
  });
});

describe('S4 end to end: a department name in a real workspace', () => {
  let t: TempWorkspace;
  beforeAll(() => {
    t = tempWorkspace();
    seedOrg(t.ctx);
  });
  afterAll(() => t.cleanup());

  it('whatever the name, the budget export in both formats shows it neutralised', async () => {
    const rename = t.ctx.db.$client.prepare("UPDATE departments SET name = ? WHERE id = 'd210'");
    await fc.assert(
      fc.asyncProperty(fc.oneof(dangerousText, safeText, fc.constant('=HYPERLINK("http://evil.example","x")')), async (name) => {
        rename.run(name);
        // What the database gives back (SQLite stores a lone surrogate as three bytes it then reads as U+FFFD each).
        const stored = t.ctx.db.$client.prepare("SELECT name FROM departments WHERE id = 'd210'").pluck().get() as string;
        const want = expected(stored);
        expect(needsNeutralizing(want)).toBe(false);
        const x = await readXlsx((await exportTable(t.ctx, { view: 'budget', format: 'xlsx', planId: 'p27' })).base64);
        const c = readCsv((await exportTable(t.ctx, { view: 'budget', format: 'csv', planId: 'p27' })).base64);
        const xlsxNames = x.rows.filter((r) => r[0] === '210').map((r) => r[1] ?? '');
        const csvNames = c.rows.filter((r) => r[0] === '210').map((r) => r[1]);
        expect(xlsxNames.length).toBe(3);
        expect(xlsxNames).toEqual([want, want, want]);
        expect(csvNames).toEqual([want, want, want]);
      }),
      { numRuns: 25 },
    );
  });
});
