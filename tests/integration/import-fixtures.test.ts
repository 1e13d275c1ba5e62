/**
 * Every sample file the project keeps (tests/fixtures) imported into a fresh, empty workspace
 * for Larkspur Freight in the order a director would: departments, accounts, people, budgets,
 * actuals. Expected figures are computed here from the files themselves (papaparse and exceljs
 * read directly), not copied from the importer's output. Then: the same files again change
 * nothing; a corrected file shows its diff and replaces; undoing a batch restores exactly what
 * was there; a refused import leaves the workspace byte-for-byte as it was.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCells } from '../../electron/core/budget/grid-service';
import { undo } from '../../electron/core/history/history-service';
import { commitImport } from '../../electron/core/imports/commit';
import { listImportBatches, undoImportBatch } from '../../electron/core/imports/history';
import type { WorkbookData } from '../../electron/core/imports/model';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import { parseAmount } from '../../shared/money';
import { snapshot } from '../helpers/db-snapshot';
import { importFixturesInOrder } from '../helpers/fixture-imports';
import { fixtureOrder, fixturePath } from '../helpers/fixtures';
import { refusal } from '../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
});
afterAll(() => ws.cleanup());

function read(name: string, bytes = readFileSync(fixturePath(name))): Promise<WorkbookData> {
  return readWorkbook(bytes, name);
}

function csvRows(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(fixturePath(name), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function cents(text: string): number {
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.minor === null) throw new Error(`not an amount: ${text}`);
  return parsed.minor;
}

/** Every table's rows, sorted: "the workspace's content", for proving nothing changed. */
function contentHash(): string {
  const db = ws.ctx.db.$client;
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) hash.update(JSON.stringify([t, db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort()]));
  return hash.digest('hex');
}

function sumsBy(sqlText: string, ...params: unknown[]): Map<string, number> {
  const rows = ws.ctx.db.$client.prepare(sqlText).all(...params) as { k: string; v: number }[];
  return new Map(rows.map((r) => [r.k, r.v]));
}

const planId = () => ws.ctx.db.$client.prepare("SELECT id FROM plans WHERE name = 'FY2027 · Base'").pluck().get() as string;

describe('the fixtures, in order, into a fresh workspace', () => {
  it('imports every file with the right totals', async () => {
    for (const { name, result } of await importFixturesInOrder(ws.ctx)) {
      expect(result.batchId, name).not.toBeNull();
    }
    const db = ws.ctx.db.$client;

    const departments = csvRows('departments.csv');
    const tree = db.prepare('SELECT d.code, p.code AS parent, d.name, d.manager FROM departments d LEFT JOIN departments p ON p.id = d.parent_id ORDER BY d.code').all();
    expect(tree).toEqual(
      departments
        .map((d) => ({ code: d.code, parent: d.parent_code || null, name: d.name, manager: d.manager || null }))
        .sort((a, b) => a.code!.localeCompare(b.code!)),
    );

    const accounts = csvRows('accounts.csv');
    expect(db.prepare('SELECT code, name, type FROM accounts ORDER BY code').all()).toEqual(
      accounts.map((a) => ({ code: a.code, name: a.name, type: a.type })).sort((a, b) => a.code!.localeCompare(b.code!)),
    );

    const hr = new ExcelJS.Workbook();
    await hr.xlsx.readFile(fixturePath('people-hr-export.xlsx'));
    const staff: { salary: number; open: boolean }[] = [];
    hr.worksheets[0]!.eachRow((row, r) => {
      if (r === 1) return;
      staff.push({ salary: Number(row.getCell(7).value) * 100, open: String(row.getCell(10).value) === 'Open' });
    });
    const people = db.prepare("SELECT count(*) AS n, sum(annual_salary_minor) AS salaries, sum(status = 'open') AS open FROM people").get();
    expect(people).toEqual({ n: staff.length, salaries: staff.reduce((s, p) => s + p.salary, 0), open: staff.filter((p) => p.open).length });

    // Budgets: the marketing template's month cells (not its FY total column or total row), and the warehouse csv.
    const expectedBudget = new Map<string, number>();
    const marketing = new ExcelJS.Workbook();
    await marketing.xlsx.readFile(fixturePath('budget-marketing-fy2027.xlsx'));
    marketing.worksheets[0]!.eachRow((row) => {
      const code = String(row.getCell(1).value ?? '');
      if (!/^\d{4}$/.test(code)) return;
      for (let c = 3; c <= 14; c++) expectedBudget.set('420', (expectedBudget.get('420') ?? 0) + Math.round(Number(row.getCell(c).value) * 100));
    });
    for (const r of csvRows('budget-warehouse-fy2027.csv')) expectedBudget.set(r.Department!, (expectedBudget.get(r.Department!) ?? 0) + cents(r.Amount!));
    expect(sumsBy('SELECT d.code AS k, sum(l.amount_minor) AS v FROM budget_lines l JOIN departments d ON d.id = l.department_id WHERE l.plan_id = ? GROUP BY d.code', planId())).toEqual(
      expectedBudget,
    );
    const warehouseLines = csvRows('budget-warehouse-fy2027.csv').length;
    expect(db.prepare("SELECT count(*) FROM budget_lines l JOIN departments d ON d.id = l.department_id WHERE d.code = '210'").pluck().get()).toBe(warehouseLines);
    // The roll-up to the top reads the same total as the lines (the triggers kept it).
    expect(db.prepare("SELECT sum(amount_minor) FROM budget_rollup r JOIN departments d ON d.id = r.department_id WHERE d.code = '100'").pluck().get()).toBe(
      [...expectedBudget.values()].reduce((a, b) => a + b, 0),
    );

    // Actuals: revenue is credit − debit, spend is debit − credit (refund credits lower an expense).
    const types = new Map(accounts.map((a) => [a.code!, a.type!]));
    const expectedActuals = new Map<string, number>();
    for (const r of csvRows('actuals-fy2026-gl-export.csv')) {
      const net = (r.Debit ? cents(r.Debit) : 0) - (r.Credit ? cents(r.Credit) : 0);
      const key = `${r['Cost Center']}|${r['GL Account']}`;
      expectedActuals.set(key, (expectedActuals.get(key) ?? 0) + (types.get(r['GL Account']!) === 'revenue' ? -net : net));
    }
    expect(
      sumsBy("SELECT d.code || '|' || a.code AS k, sum(x.amount_minor) AS v FROM actuals x JOIN departments d ON d.id = x.department_id JOIN accounts a ON a.id = x.account_id GROUP BY k"),
    ).toEqual(expectedActuals);
    for (const v of expectedActuals.values()) expect(v).toBeGreaterThan(0);

    // Every value remembers its cell and its batch.
    const source = db.prepare("SELECT l.source, b.seq FROM budget_lines l JOIN import_batches b ON b.id = l.import_batch_id JOIN departments d ON d.id = l.department_id JOIN accounts a ON a.id = l.account_id WHERE d.code = '420' AND a.code = '6000' AND l.period = '2027-01'").get();
    expect(source).toEqual({ source: 'budget-marketing-fy2027.xlsx!Budget!C6', seq: 4 });
    expect(listImportBatches(ws.ctx).map((b) => [b.batch, b.kind, b.fileName])).toEqual(
      fixtureOrder.map(([name], i) => [`#${i + 1}`, expect.any(String), name]).reverse(),
    );
  });

  it('importing the same files again changes nothing and says so', async () => {
    const before = contentHash();
    for (const [name, options] of fixtureOrder) {
      const plan = planImport(ws.ctx, await read(name), options);
      expect(plan.identical, name).toBe(true);
      expect(plan.sameFileAs, name).toMatch(/^#\d+$/);
      const result = commitImport(ws.ctx, plan);
      expect(result).toMatchObject({ identical: true, batchId: null });
    }
    expect(contentHash()).toBe(before);
  });

  it('a corrected file shows its diff, replaces the previous import, and undoing it restores exactly', async () => {
    const original = readFileSync(fixturePath('budget-warehouse-fy2027.csv'), 'utf8');
    // One amount changed, the capital line dropped; line endings kept as the file has them.
    const corrected = original.replace(/^210,6000,2027-01,"[^"]*"/m, '210,6000,2027-01,"60,000.00"').replace(/^210,1500,[^\n]*\n?/m, '');
    expect(corrected).not.toBe(original);
    const beforeState = snapshot(ws.ctx);
    const plan = planImport(ws.ctx, await read('budget-warehouse-fy2027.csv', Buffer.from(corrected)));
    expect(plan.identical).toBe(false);
    expect(plan.figureDiff?.changed).toEqual([
      { departmentCode: '210', accountCode: '6000', period: '2027-01', before: 5715979, after: 6000000, source: 'budget-warehouse-fy2027.csv!D2' },
    ]);
    expect(plan.figureDiff?.removed.map((c) => [c.accountCode, c.period, c.before])).toEqual([['1500', '2027-04', 4200000]]);
    const totals = plan.figureDiff?.totals ?? { before: 0, after: 0 };
    expect(totals.after - totals.before).toBe(6000000 - 5715979 - 4200000);
    const result = commitImport(ws.ctx, plan);
    expect(result.batch).toBe('#7');
    const count = ws.ctx.db.$client.prepare("SELECT count(*) FROM budget_lines l JOIN departments d ON d.id = l.department_id WHERE d.code = '210'").pluck().get();
    expect(count).toBe(48);

    const undone = undoImportBatch(ws.ctx, result.batchId!);
    expect(undone.label).toBe('Undo import #7 (budget-warehouse-fy2027.csv)');
    const after = snapshot(ws.ctx);
    expect({ ...after, import_batches: [] }).toEqual({ ...beforeState, import_batches: [] });
    expect(listImportBatches(ws.ctx)[0]).toMatchObject({ batch: '#7', undoneAt: expect.any(String) });
    expect(refusal(() => undoImportBatch(ws.ctx, result.batchId!)).message).toMatch(/already undone/);

    // The undo is itself undoable: Edit › Undo puts the corrected import back.
    undo(ws.ctx);
    expect(ws.ctx.db.$client.prepare("SELECT count(*) FROM budget_lines l JOIN departments d ON d.id = l.department_id WHERE d.code = '210'").pluck().get()).toBe(48);
    // And undoing the commit itself (linear undo) goes back to the original import exactly.
    undo(ws.ctx);
    expect({ ...snapshot(ws.ctx) }).toEqual(beforeState);
  });

  it('refuses to undo a batch whose cells were changed afterwards, writing nothing', () => {
    const marketing = listImportBatches(ws.ctx).find((b) => b.fileName === 'budget-marketing-fy2027.xlsx')!;
    const ids = ws.ctx.db.$client.prepare("SELECT d.id AS d, a.id AS a FROM departments d, accounts a WHERE d.code = '420' AND a.code = '6100'").get() as { d: string; a: string };
    setCells(ws.ctx, { planId: planId(), cells: [{ departmentId: ids.d, accountId: ids.a, period: '2027-05', amountMinor: 123 }] });
    const before = contentHash();
    const err = refusal(() => undoImportBatch(ws.ctx, marketing.id));
    expect(err.message).toMatch(/Cannot undo import #4 \(budget-marketing-fy2027\.xlsx\): 1 row it wrote was changed afterwards by "Edit 420 Marketing · 6100 Travel · May 2027"/);
    expect(contentHash()).toBe(before);
  });

  it('a refused import leaves the workspace exactly as it was', async () => {
    const before = contentHash();
    const bad = 'Department,Account,Month,Amount\n210,6000,2027-01,100\n210,9999,2027-02,tbd\n';
    const plan = planImport(ws.ctx, await read('h4.csv', Buffer.from(bad)));
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => `${p.ref}: ${p.message}`)).toEqual([
      'h4.csv!D3: "tbd" where an amount belongs',
    ]);
    expect(refusal(() => commitImport(ws.ctx, plan)).code).toBe('refused');
    const unknown = planImport(ws.ctx, await read('h5.csv', Buffer.from('Department,Account,Month,Amount\n210,9999,2027-02,5\n')));
    expect(unknown.problems.map((p) => p.message)).toEqual(['account 9999 is not in the chart of accounts; add it, create it (--create-missing), or map it to an existing code (--codes "9999=CODE")']);
    expect(refusal(() => commitImport(ws.ctx, unknown)).code).toBe('refused');
    // A plan edited after the preview (or forged over IPC) is checked again by the commit.
    const forged = planImport(ws.ctx, await read('h6.csv', Buffer.from('Department,Account,Month,Amount\n210,6000,2027-02,5\n')));
    const tampered = { ...forged, records: { kind: 'budget' as const, rows: [{ ...forged.records!.rows[0]!, accountCode: '9999' } as never] } };
    expect(refusal(() => commitImport(ws.ctx, tampered)).message).toMatch(/changed since this import was previewed/);
    expect(contentHash()).toBe(before);
  });
});
