/**
 * The importer as the app runs it: a CSV's rows streamed from the reader's worker in chunks and
 * planned while they arrive. Everything here holds it to the one-piece path: the streamed rows
 * are readCsv's rows, and the plan is planImport's plan of the file read in process — on the
 * team's sample files, on big files made from them, and on random files.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainCellMinor, parseCellAmountGeneral } from '../../../electron/core/imports/amounts';
import { CellIndex } from '../../../electron/core/imports/cell-keys';
import { commitImport } from '../../../electron/core/imports/commit';
import type { CellValue, WorkbookData } from '../../../electron/core/imports/model';
import { planImport } from '../../../electron/core/imports/preview';
import { planImportContained } from '../../../electron/core/imports/preview-contained';
import { Problems } from '../../../electron/core/imports/problems';
import { prewarmReader, readerWorkersStarted, readWorkbookContained, stopReader } from '../../../electron/core/imports/read/read-contained';
import { packRows, unpackRows } from '../../../electron/core/imports/read/packed-rows';
import { readCsv, readCsvStreamed } from '../../../electron/core/imports/read/read-csv';
import { readWorkbook } from '../../../electron/core/imports/read/read-workbook';
import type { ImportOptions } from '../../../shared/imports';
import { fixturePath } from '../../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

const encode = (text: string) => new TextEncoder().encode(text);

/** readCsvStreamed's answer put together: the rows it sent, then the workbook it returned. */
function streamedWorkbook(bytes: Uint8Array, fileName: string, chunkChars?: number): { workbook: WorkbookData; streamed: boolean } {
  const sent: CellValue[][] = [];
  let csv: WorkbookData['csv'];
  const { workbook, streamed } = readCsvStreamed(
    bytes,
    fileName,
    {},
    undefined,
    (rows, head) => {
      sent.push(...rows);
      csv = head.csv;
    },
    chunkChars,
  );
  if (!streamed) return { workbook, streamed };
  expect(workbook.sheets[0]!.rows).toEqual([]);
  expect(workbook.csv).toEqual(csv);
  return { workbook: { ...workbook, sheets: [{ ...workbook.sheets[0]!, rows: sent }] }, streamed };
}

/** readCsv's answer, or its refusal message. */
function outcome(read: () => WorkbookData): WorkbookData | string {
  try {
    return read();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

// Cells that put every kind of CSV trouble near chunk boundaries: quotes, doubled quotes, line
// breaks and delimiters inside quotes, blank lines, decimal commas, stray quotes.
const cellText = fc.oneof(
  fc.constantFrom('', ' ', '6000', '1.234,50', '1,234.50', '-12.5', 'tbd', 'Total', '2026-03', '"', 'a"b'),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
  fc.constantFrom('"x\ny"', '"a,b"', '"a;b"', '"\r\n"'),
);
const csvText = fc
  .tuple(
    fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 60 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
    fc.integer({ min: 5000, max: 5100 }),
    fc.constantFrom('', '\n', '\n\n\n', '\r\n,,\r\n'),
  )
  .map(([rows, delimiter, newline, repeat, tail]) => {
    // Enough rows to pass the 5,000 rows held back for the decimal convention, then the random ones.
    const filler = Array.from({ length: repeat }, (_, i) => (i % 97 === 0 ? '' : ['210', '6000', '2026-01', `${i},5`].join(delimiter)));
    return [...filler, ...rows.map((r) => r.join(delimiter))].join(newline) + tail;
  });

describe('a CSV streamed in chunks', () => {
  it('is readCsv, row for row, wherever the chunks break (random files)', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(64, 257, 4096), (text, chunkChars) => {
        const bytes = encode(text);
        const whole = outcome(() => readCsv(bytes, 'random.csv'));
        const streamed = outcome(() => streamedWorkbook(bytes, 'random.csv', chunkChars).workbook);
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('streams a big clean file and falls back, word for word, on a quote error, the row cap and an empty file', () => {
    const big = ['Period,Cost Center,GL Account,Amount', ...Array.from({ length: 12_000 }, (_, i) => `2026-01,210,6000,${i}.25`)].join('\n') + '\n\n';
    const clean = streamedWorkbook(encode(big), 'big.csv', 1000);
    expect(clean.streamed).toBe(true);
    expect(clean.workbook).toEqual(readCsv(encode(big), 'big.csv'));

    const badQuote = `${big}2026-02,210,"6000,1\n`;
    expect(outcome(() => streamedWorkbook(encode(badQuote), 'q.csv', 1000).workbook)).toBe(outcome(() => readCsv(encode(badQuote), 'q.csv')));
    expect(outcome(() => readCsv(encode(badQuote), 'q.csv'))).toMatch(/^q\.csv has a quoted cell that is never closed/);

    const limits = { maxRows: 11_000 };
    const sink = () => undefined;
    expect(outcome(() => readCsvStreamed(encode(big), 'cap.csv', {}, limits, sink, 1000).workbook)).toBe(outcome(() => readCsv(encode(big), 'cap.csv', {}, limits)));
    expect(outcome(() => readCsvStreamed(encode('\n'.repeat(6000)), 'blank.csv', {}, undefined, sink, 1000).workbook)).toBe('blank.csv is empty: there is nothing to import.');
  });
});

describe('the importer: read in the worker, planned while it is read', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
    for (const name of ['departments.csv', 'accounts.csv']) {
      const plan = planImport(ws.ctx, await readWorkbook(new Uint8Array(readFileSync(fixturePath(name))), name));
      commitImport(ws.ctx, plan);
    }
  });
  afterAll(() => ws.cleanup());

  async function samePlan(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<void> {
    const expected = planImport(ws.ctx, await readWorkbook(bytes, fileName), options);
    const actual = await planImportContained(ws.ctx, bytes, fileName, {}, options);
    expect(actual).toEqual(expected);
  }

  it.each([
    ['departments.csv', {}],
    ['people-hr-export.xlsx', {}],
    ['budget-marketing-fy2027.xlsx', { planName: 'FY2027 · Base' }],
    ['budget-warehouse-fy2027.csv', { planName: 'FY2027 · Base' }],
    ['actuals-fy2026-gl-export.csv', {}],
  ] as Array<[string, ImportOptions]>)('gives planImport’s plan for %s', async (name, options) => {
    await samePlan(new Uint8Array(readFileSync(fixturePath(name))), name, options);
  });

  it('gives planImport’s plan for a GL export grown past a chunk, problems and all', async () => {
    const text = readFileSync(fixturePath('actuals-fy2026-gl-export.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd();
    const [header, ...rows] = text.split('\n');
    // 100 copies (duplicate cells, summed with a warning each) and a placeholder where an amount belongs.
    const grown = [header, ...Array.from({ length: 100 }, () => rows).flat(), rows[0]!.replace(/,[^,]*$/, ',tbd')].join('\n') + '\n';
    expect(grown.length).toBeGreaterThan(256 * 1024);
    const bytes = encode(grown);
    let chunks = 0;
    await readWorkbookContained(bytes, 'gl-grown.csv', { onRows: () => chunks++ });
    expect(chunks).toBeGreaterThan(1);
    await samePlan(bytes, 'gl-grown.csv');
    await samePlan(bytes, 'gl-grown.csv', { duplicates: 'refuse' });
    await samePlan(bytes, 'gl-grown.csv', { unknownCodes: 'create' });
  });

  it('gives planImport’s plan for random long actuals files of 20,000 rows', async () => {
    const line = fc.record({
      period: fc.constantFrom('2026-01', '2026-02', 'Mar 2026', 'junk', ''),
      department: fc.constantFrom('210', '420', '999', '', 'Total'),
      account: fc.constantFrom('6000', '6100', '4000', '7777', ''),
      amount: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n / 100).toFixed(2)), fc.constantFrom('', 'tbd', '(1,234.50)', '12-')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 20_000, maxLength: 20_000 }), async (lines) => {
        const text = ['Period,Cost Center,GL Account,Amount', ...lines.map((l) => `${l.period},${l.department},${l.account},${l.amount}`)].join('\n');
        await samePlan(encode(text), 'random-actuals.csv');
      }),
      { numRuns: 4 },
    );
  });
});

describe('pieces of the streamed path', () => {
  it('Problems.append lists as if every problem had been added to one collector', () => {
    const problem = fc.record({ severity: fc.constantFrom('error' as const, 'warning' as const), ref: fc.string({ maxLength: 3 }), message: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 1200 }), fc.nat(), (all, at) => {
        const split = all.length === 0 ? 0 : at % (all.length + 1);
        const one = new Problems('f.csv');
        for (const p of all) one.add(p.severity, p.ref, p.message);
        const first = new Problems('f.csv');
        const second = new Problems('f.csv');
        all.forEach((p, i) => (i < split ? first : second).add(p.severity, p.ref, p.message));
        first.append(second);
        expect([first.all(), first.errors, first.warnings]).toEqual([one.all(), one.errors, one.warnings]);
      }),
      { numRuns: 200 },
    );
  });

  it('packed rows unpack to the same rows', () => {
    const row = fc.array(fc.oneof(fc.constant(null), fc.constantFrom('', '6000', '2026-01', '__proto__'), fc.string({ maxLength: 5 })), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), (rows) => {
        expect(unpackRows(packRows(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('CellIndex finds what a Map finds, through growth, for small and fallback keys', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2 ** 30, max: 2 ** 40 }), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const index = new CellIndex();
        const map = new Map<number | string, number>();
        keys.forEach((k, i) => {
          expect(index.get(k)).toBe(map.get(k));
          if (!map.has(k)) {
            index.add(k, i);
            map.set(k, i);
          }
        });
        for (const k of keys) expect(index.get(k)).toBe(map.get(k));
      }),
      { numRuns: 100 },
    );
  });

  it('plainCellMinor answers only as the general cell parser does', () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100),
      fc.stringMatching(/^-?\d{0,15}(\.\d{0,3})?$/),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        const fast = plainCellMinor(v);
        if (fast === undefined) return;
        expect({ ok: true, minor: fast }).toEqual(parseCellAmountGeneral(v, { decimalComma: false }));
        expect(Object.is(fast, -0)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('a prewarmed reader is the one the next read uses; stopReader ends it', async () => {
    await stopReader();
    const before = readerWorkersStarted();
    prewarmReader();
    await readWorkbookContained(encode('a,b\n1,2\n'), 'tiny.csv');
    expect(readerWorkersStarted()).toBe(before + 1);
    await readWorkbookContained(encode('a,b\n1,2\n'), 'tiny.csv');
    expect(readerWorkersStarted()).toBe(before + 1);
    await stopReader();
    await readWorkbookContained(encode('a,b\n1,2\n'), 'tiny.csv');
    expect(readerWorkersStarted()).toBe(before + 2);
  });
});
