/**
 * Long rows read ahead where they are parsed (long-rows.ts): once the first rows settle the
 * mapping, the worker reads every later row by the plan's LongRowSpec and the plan takes the
 * blocks it sends. Every test holds the outcome to planImport's plan of the same file read in one
 * piece — deterministically here, by cutting the file into chunks in process and passing each
 * block through structured clone as the worker would, and once through the real worker — and the
 * figure diff built as records arrive to the diff of all of them at the end.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/core/imports/commit';
import { cellKeys } from '../../../electron/core/imports/cell-keys';
import { HEADER_SEARCH_ROWS } from '../../../electron/core/imports/detect';
import { planFigures, type CurrentLine, type FigurePlan } from '../../../electron/core/imports/diff';
import { loadLookup, type Lookup } from '../../../electron/core/imports/lookup';
import { LongRowScanner, type LongRowBlock } from '../../../electron/core/imports/long-rows';
import type { CellValue, WorkbookData } from '../../../electron/core/imports/model';
import { planImport, startPlan, type PlanSession } from '../../../electron/core/imports/preview';
import { planImportContained } from '../../../electron/core/imports/preview-contained';
import { packRows, unpackRows } from '../../../electron/core/imports/read/packed-rows';
import { readWorkbookContained } from '../../../electron/core/imports/read/read-contained';
import { readCsv, readCsvStreamed } from '../../../electron/core/imports/read/read-csv';
import { readWorkbook } from '../../../electron/core/imports/read/read-workbook';
import type { CellChange, FigureRecord, ImportOptions } from '../../../shared/imports';
import { fixturePath } from '../../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

const encode = (text: string) => new TextEncoder().encode(text);

let ws: TempWorkspace;
beforeAll(async () => {
  ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
  for (const name of ['departments.csv', 'accounts.csv']) {
    commitImport(ws.ctx, planImport(ws.ctx, await readWorkbook(new Uint8Array(readFileSync(fixturePath(name))), name)));
  }
});
afterAll(() => ws.cleanup());

/**
 * planImportContained's session, in process: the file cut into chunks of `chunkChars`; the first
 * `rowChunks` chunks (at least one) given as rows (read one by one, or scanned by the session when
 * `scanLongRows`), the rest read ahead by the session's spec, each block cloned as postMessage
 * would clone it.
 */
function planReadAhead(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
  { chunkChars, rowChunks, scanLongRows }: { chunkChars: number; rowChunks: number; scanLongRows: boolean },
): { plan: ReturnType<PlanSession['finish']>; blocks: number } {
  const chunks: CellValue[][][] = [];
  let csv: WorkbookData['csv'];
  let sheetName = '';
  const { workbook, streamed } = readCsvStreamed(
    bytes,
    fileName,
    {},
    undefined,
    (rows, head) => {
      chunks.push(rows);
      csv = head.csv;
      sheetName = head.sheetName;
    },
    chunkChars,
  );
  if (!streamed) return { plan: planImport(ws.ctx, workbook, options), blocks: 0 };
  const partial: WorkbookData = { fileName, format: 'csv', hash: '', sheets: [{ name: sheetName, rows: [], merges: [] }], csv };
  let session: PlanSession | undefined;
  let scanner: LongRowScanner | undefined;
  let start = 0;
  let blocks = 0;
  chunks.forEach((rows, k) => {
    if (scanner && k >= rowChunks) {
      session!.readLongRows(structuredClone(scanner.scan(rows, start)) as LongRowBlock);
      blocks++;
    } else {
      partial.sheets[0]!.rows.push(...unpackRows(packRows(rows)));
      // As planImportContained: the plan starts once the header search's rows are all there.
      if (!session && partial.sheets[0]!.rows.length >= HEADER_SEARCH_ROWS) {
        session = startPlan(ws.ctx, partial, options, { releaseRows: true, scanLongRows });
        const spec = session.longRowSpec();
        if (spec) scanner = new LongRowScanner(structuredClone(spec));
      }
      session?.readAvailable();
    }
    start += rows.length;
  });
  partial.hash = workbook.hash;
  if (!session) return { plan: planImport(ws.ctx, partial, options), blocks };
  return { plan: session.finish(), blocks };
}

// Every kind of row a long sheet holds: plain ones, and ones with a problem or a question in them.
const period = fc.constantFrom('2026-01', '2026-02', '2026-03', 'Mar 2026', ' 2026-04', '2027-01', 'junk', '');
const department = fc.constantFrom('210', '210', '220', '420', ' 220', '200', '999', '', 'Total');
const account = fc.constantFrom('6000', '6000', '6100', '4000', '6300 ', '7777', '', 'Total', 'Subtotal travel');
const description = fc.constantFrom('Salaries', 'Salaries', 'Travel', '', 'Total travel', '"a, b"', '__proto__');
const amount = fc.oneof(
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: -1e5, max: 1e5 }).map(String),
  fc.constantFrom('', '', ' 7', '0', '-0', '12.5', '12.345', 'tbd', '(1,234.50)', '"1,234.50"', '1e3', '-', '12-'),
);
const row = fc.record({ period, department, account, description, amount, credit: amount, blank: fc.integer({ min: 0, max: 40 }) });
const layout = fc.record({
  debitCredit: fc.boolean(),
  departmentColumn: fc.boolean(),
  nameColumn: fc.boolean(),
  duplicates: fc.constantFrom<'sum' | 'refuse'>('sum', 'refuse'),
  unknownCodes: fc.constantFrom<ImportOptions['unknownCodes']>('refuse', 'create', [{ from: '7777', to: '6100' }]),
  kind: fc.constantFrom<'actuals' | 'budget'>('actuals', 'actuals', 'budget'),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function longCsv(l: Layout, rows: readonly Row[]): { text: string; options: ImportOptions } {
  const header = ['Period', ...(l.departmentColumn ? ['Cost Center'] : []), 'GL Account', ...(l.nameColumn ? ['Description'] : []), ...(l.debitCredit ? ['Debit', 'Credit'] : ['Amount'])];
  const lines = rows.map((r) =>
    r.blank === 0
      ? ''
      : [r.period, ...(l.departmentColumn ? [r.department] : []), r.account, ...(l.nameColumn ? [r.description] : []), ...(l.debitCredit ? [r.amount, r.credit] : [r.amount])].join(','),
  );
  const options: ImportOptions = {
    duplicates: l.duplicates,
    unknownCodes: l.unknownCodes,
    ...(l.departmentColumn ? {} : { departmentCode: '210' }),
    ...(l.kind === 'budget' ? { kind: 'budget' as const, planName: 'FY2026 · Base' } : { kind: 'actuals' as const }),
  };
  return { text: `${[header.join(','), ...lines].join('\n')}\n`, options };
}

describe('long rows read ahead in blocks', () => {
  it('plan exactly as planImport, for random long files, chunks and spec latencies, rows given read one by one or scanned', () => {
    let blocks = 0;
    fc.assert(
      fc.property(layout, fc.array(row, { minLength: 1, maxLength: 400, size: 'max' }), fc.constantFrom(257, 1000, 4096), fc.integer({ min: 1, max: 3 }), fc.boolean(), (l, rows, chunkChars, rowChunks, scanLongRows) => {
        const { text, options } = longCsv(l, rows);
        const bytes = encode(text);
        const ahead = planReadAhead(bytes, 'gl.csv', options, { chunkChars, rowChunks, scanLongRows });
        blocks += ahead.blocks;
        expect(ahead.plan).toEqual(planImport(ws.ctx, readCsv(bytes, 'gl.csv'), options));
      }),
      { numRuns: 150 },
    );
    expect(blocks).toBeGreaterThan(500);
  });

  it('plan the team’s GL export (debit and credit) and a grown copy of it exactly as planImport', () => {
    const text = readFileSync(fixturePath('actuals-fy2026-gl-export.csv'), 'utf8');
    const [header, ...rows] = text.replace(/\r\n/g, '\n').trimEnd().split('\n');
    const grown = `${[header, ...Array.from({ length: 20 }, () => rows).flat()].join('\n')}\n`;
    for (const [name, file] of [
      ['actuals-fy2026-gl-export.csv', text],
      ['gl-grown.csv', grown],
    ] as const) {
      const bytes = encode(file);
      let blocks = 0;
      for (const options of [{}, { duplicates: 'refuse' }, { unknownCodes: 'create' }] as ImportOptions[]) {
        for (const [rowChunks, scanLongRows] of [
          [1, false],
          [2, true],
        ] as const) {
          const ahead = planReadAhead(bytes, name, options, { chunkChars: 2000, rowChunks, scanLongRows });
          blocks += ahead.blocks;
          expect(ahead.plan).toEqual(planImport(ws.ctx, readCsv(bytes, name), options));
        }
      }
      expect(blocks).toBeGreaterThan(0);
    }
  });

  it('are read by the worker once the plan asks, and the plan is planImport’s', async () => {
    const odd = ['2026-01,210,6000,Salaries,tbd', '2026-13,210,6000,Salaries,1', ',,,,', '2026-02,210,,Salaries,5', 'Total,,,,999', '2026-02,999,6000,Salaries,5', '2026-02,210,6000,Salaries,5'];
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      i % 997 === 0 ? odd[(i / 997) % odd.length]! : `2026-${String((i % 12) + 1).padStart(2, '0')},${['210', '220', '420'][i % 3]},${['6000', '6100', '6300', '4000'][i % 4]},Line ${i % 50},${i}.${i % 100}`,
    );
    const bytes = encode(`Period,Cost Center,GL Account,Description,Amount\n${lines.join('\n')}\n`);
    let blocks = 0;
    let rowsAhead = 0;
    await readWorkbookContained(bytes, 'big-gl.csv', {
      onRows: (partial, stream) => {
        const session = startPlan(ws.ctx, partial, {});
        const spec = session.longRowSpec();
        expect(spec).not.toBeNull();
        stream.readLongRows(spec!, (block) => {
          blocks++;
          rowsAhead += block.kinds.length;
        });
      },
    });
    expect(blocks).toBeGreaterThan(0);
    expect(rowsAhead).toBeGreaterThan(30_000);
    const expected = planImport(ws.ctx, await readWorkbook(bytes, 'big-gl.csv'));
    expect(expected.errorCount).toBeGreaterThan(0);
    expect(await planImportContained(ws.ctx, bytes, 'big-gl.csv', {})).toEqual(expected);
  });
});

/** planFigures as it was written before records were compared as they arrive: all of them, at the end. */
function referencePlanFigures(kind: 'budget' | 'actuals', planId: string | null, records: readonly FigureRecord[], lookup: Lookup): FigurePlan {
  const departmentIdOf = (code: string) => lookup.departments.get(code)?.id;
  const periodsByDepartment = new Map<string, Set<string>>();
  for (const r of records) {
    const id = departmentIdOf(r.departmentCode);
    if (id === undefined) continue;
    if (!periodsByDepartment.has(id)) periodsByDepartment.set(id, new Set());
    if (kind === 'actuals') periodsByDepartment.get(id)!.add(r.period);
  }
  const sqlite = ws.ctx.db.$client;
  const lines: CurrentLine[] = [];
  for (const d of periodsByDepartment.keys()) {
    if (kind === 'budget' && planId === null) break;
    const select = `SELECT id, department_id AS departmentId, account_id AS accountId, period, amount_minor AS amountMinor, source, import_batch_id AS importBatchId`;
    const rows =
      kind === 'budget'
        ? sqlite.prepare(`${select} FROM budget_lines WHERE plan_id = ? AND department_id = ? ORDER BY account_id, period`).all(planId, d)
        : sqlite.prepare(`${select} FROM actuals WHERE department_id = ? ORDER BY account_id, period`).all(d);
    for (const l of rows as CurrentLine[]) if (kind === 'budget' || periodsByDepartment.get(d)!.has(l.period)) lines.push({ ...l });
  }
  const key = cellKeys();
  const byCell = new Map(lines.map((l) => [key(l.departmentId, l.accountId, l.period), l]));
  const covered = new Set<number | string>();
  const perDepartment = new Map<string, { before: number; after: number }>();
  const tallyOf = (code: string) => perDepartment.get(code) ?? perDepartment.set(code, { before: 0, after: 0 }).get(code)!;
  const plan: FigurePlan = { fresh: [], updates: [], removes: [], diff: { changed: [], added: [], removed: [], unchanged: 0, totals: { before: 0, after: 0 }, perDepartment: [] } };
  for (const record of records) {
    const departmentId = departmentIdOf(record.departmentCode);
    const accountId = lookup.accounts.get(record.accountCode)?.id;
    const k = departmentId === undefined || accountId === undefined ? undefined : key(departmentId, accountId, record.period);
    const existing = k === undefined ? undefined : byCell.get(k);
    if (existing) {
      covered.add(k!);
      plan.updates.push({ record, existing });
    } else plan.fresh.push(record);
    if (!existing || existing.amountMinor !== record.amountMinor) {
      const { departmentCode, accountCode, period, source } = record;
      const change: CellChange = { departmentCode, accountCode, period, before: existing?.amountMinor ?? null, after: record.amountMinor, source };
      (existing ? plan.diff.changed : plan.diff.added).push(change);
    } else plan.diff.unchanged++;
    const t = tallyOf(record.departmentCode);
    t.before += existing?.amountMinor ?? 0;
    t.after += record.amountMinor;
  }
  for (const line of lines) {
    if (covered.has(key(line.departmentId, line.accountId, line.period))) continue;
    const code = lookup.departmentsById.get(line.departmentId)?.code ?? line.departmentId;
    const t = tallyOf(code);
    t.before += line.amountMinor;
    if (line.importBatchId === null) t.after += line.amountMinor;
    else {
      plan.removes.push(line);
      const accountCode = lookup.accountsById.get(line.accountId)?.code ?? line.accountId;
      plan.diff.removed.push({ departmentCode: code, accountCode, period: line.period, before: line.amountMinor, after: null, source: line.source });
    }
  }
  plan.diff.perDepartment = [...perDepartment].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  plan.diff.totals = plan.diff.perDepartment.reduce((s, t) => ({ before: s.before + t.before, after: s.after + t.after }), { before: 0, after: 0 });
  return plan;
}

describe('the figure diff, built as records arrive', () => {
  it('is the diff of all the records at the end, over imported and typed lines, for actuals and budgets', () => {
    const cell = fc.record({ department: fc.constantFrom('210', '220', '420'), account: fc.constantFrom('6000', '6100', '6300', '4000'), month: fc.integer({ min: 1, max: 4 }), amount: fc.integer({ min: -500, max: 500 }) });
    const file = (cells: ReadonlyArray<typeof cell extends fc.Arbitrary<infer T> ? T : never>) =>
      encode(`Period,Cost Center,GL Account,Amount\n${cells.map((c) => `2026-0${c.month},${c.department},${c.account},${c.amount}`).join('\n')}\n`);
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40, size: 'max' }), fc.array(cell, { maxLength: 40, size: 'max' }), fc.constantFrom<'actuals' | 'budget'>('actuals', 'budget'), (first, second, kind) => {
        const options: ImportOptions = kind === 'budget' ? { kind, planName: 'FY2026 · Base' } : { kind };
        const sqlite = ws.ctx.db.$client;
        sqlite.exec('SAVEPOINT diff_test');
        try {
          const earlier = planImport(ws.ctx, readCsv(file(first), 'first.csv'), options);
          if (earlier.errorCount === 0) commitImport(ws.ctx, earlier);
          const plan = planImport(ws.ctx, readCsv(file(second), 'second.csv'), options);
          const lookup = loadLookup(ws.ctx);
          const records = plan.records?.kind === kind ? plan.records.rows : [];
          const planId = plan.target?.planId ?? null;
          const reference = referencePlanFigures(kind, planId, records, lookup);
          expect(planFigures(ws.ctx, kind, planId, records, lookup)).toEqual(reference);
          if (plan.figureDiff) expect(plan.figureDiff).toEqual(reference.diff);
        } finally {
          sqlite.exec('ROLLBACK TO diff_test; RELEASE diff_test');
        }
      }),
      { numRuns: 60 },
    );
  });
});
