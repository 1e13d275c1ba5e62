/**
 * Manager templates, round trip: export the templates of FY2027 · Base from the demo workspace,
 * fill some month cells as a manager would (numbers, and text such as "1,234.50"), import each
 * file back with no mapping given, and find exactly the filled values in the plan, each line's
 * source pointing at its template cell. Also: the protection a manager meets, and S4 (a
 * department or account named like a formula is written as inert text).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds, type Ctx } from '../../electron/core/context';
import { createDemoWorkspace } from '../../electron/core/demo/demo-workspace';
import { needsNeutralizing } from '../../electron/core/export/spreadsheet-text';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbookContained } from '../../electron/core/imports/read/read-contained';
import type { TemplateData } from '../../electron/core/imports/template-data';
import { buildTemplateWorkbook, exportBudgetTemplates, TEMPLATE_HEADER_ROW } from '../../electron/core/imports/templates';
import { openSession, type Session } from '../../electron/core/session';
import { createDepartment } from '../../electron/core/org/department-service';
import { runCli } from '../../electron/cli/run-cli';
import { redo, undo } from '../../electron/core/history/history-service';
import { readRow } from '../../electron/core/history/row-store';
import { FIXED_NOW } from '../helpers/temp-workspace';

let dir: string;
let session: Session;
let ctx: Ctx;
const planName = 'FY2027 · Base';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-templates-'));
  const path = join(dir, 'lark.sqlite');
  createDemoWorkspace(path, { asOf: '2026-11-21' });
  session = openSession(path, { origin: 'test', now: () => new Date(FIXED_NOW), newId: sequentialIds('10000000-0000-4000-8000-') });
  ctx = session.ctx;
});
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const sqlite = () => ctx.db.$client;
const planId = () => sqlite().prepare('SELECT id FROM plans WHERE name = ?').pluck().get(planName) as string;
const departmentId = (code: string) => sqlite().prepare('SELECT id FROM departments WHERE code = ?').pluck().get(code) as string;

/** The plan's lines of one department as "account|period" → amount and source. */
function linesOf(code: string): Map<string, { amountMinor: number; source: string | null }> {
  const rows = sqlite()
    .prepare(
      `SELECT a.code AS account, l.period, l.amount_minor AS amountMinor, l.source FROM budget_lines l
       JOIN accounts a ON a.id = l.account_id WHERE l.plan_id = ? AND l.department_id = ?`,
    )
    .all(planId(), departmentId(code)) as Array<{ account: string; period: string; amountMinor: number; source: string | null }>;
  return new Map(rows.map((r) => [`${r.account}|${r.period}`, { amountMinor: r.amountMinor, source: r.source }]));
}

const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12'];

/** Month cells of a template sheet as a manager sees them: "account|period" → amount in minor units, and the cell. */
function sheetValues(ws: ExcelJS.Worksheet): Map<string, { minor: number; cell: string }> {
  const out = new Map<string, { minor: number; cell: string }>();
  ws.eachRow((row, r) => {
    if (r <= TEMPLATE_HEADER_ROW) return;
    const code = row.getCell(1).value;
    if (typeof code !== 'string' || code === '') return;
    for (let m = 0; m < 12; m++) {
      const cell = row.getCell(3 + m);
      const v = cell.value;
      if (v === null || v === undefined || v === '') continue;
      const minor = typeof v === 'number' ? Math.round(v * 100) : Math.round(Number(String(v).replace(/,/g, '')) * 100);
      out.set(`${code}|${months[m]}`, { minor, cell: cell.address });
    }
  });
  return out;
}

async function importFile(file: string) {
  const workbook = await readWorkbookContained(file, basename(file));
  const plan = planImport(ctx, workbook);
  return { workbook, plan };
}

describe('manager templates', () => {
  it('export per department, fill, re-import with no mapping: the plan holds exactly the filled values', async () => {
    const out = join(dir, 'per-department');
    const { files } = await exportBudgetTemplates(ctx, { planId: planId(), departmentIds: [departmentId('200'), departmentId('420')], layout: 'per-department-files', outDir: out });
    // Operations (200) means its leaves 210, 220, 230; Marketing is a leaf.
    expect(files.map((f) => basename(f))).toEqual([
      'FY2027 · Base budget — 210 Warehouse.xlsx',
      'FY2027 · Base budget — 220 Fleet.xlsx',
      'FY2027 · Base budget — 230 Customer Service.xlsx',
      'FY2027 · Base budget — 420 Marketing.xlsx',
    ]);

    const file = files[0]!;
    const before = linesOf('210');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('210 Warehouse');
    // The template is pre-filled with the plan's current values.
    const prefilled = sheetValues(ws);
    expect(new Map([...prefilled].map(([k, v]) => [k, v.minor]))).toEqual(new Map([...before].map(([k, v]) => [k, v.amountMinor])));

    // A manager edits: a number, a number where there was none, and text with a thousands separator.
    const accountRow = (code: string) => {
      let found = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === code) found = r;
      });
      return ws.getRow(found);
    };
    accountRow('6100').getCell(3).value = 2500;
    accountRow('6700').getCell(14).value = 1234.5;
    accountRow('6300').getCell(5).value = '1,234.50';
    await book.xlsx.writeFile(file);
    const filled = sheetValues(ws);

    const { plan } = await importFile(file);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.kind).toBe('budget');
    expect(plan.target?.planName).toBe(planName);
    const sheet = plan.sheets[0]!;
    expect(sheet).toMatchObject({ included: true, departmentCode: '210', departmentFrom: 'sheet name', layout: 'wide' });
    for (const m of sheet.mapping) {
      if (m.field === 'ignore') continue;
      expect(['exact', 'remembered', 'detected'], `${m.header} → ${m.field}`).toContain(m.how);
    }
    expect(sheet.mapping.find((m) => m.header === 'Account code')?.field).toBe('accountCode');
    expect(sheet.mapping.find((m) => m.header === 'FY total')?.field).toBe('total');
    // Last year's actuals beside the plan: a year column (shared/period-labels), neither data nor a check of the months.
    expect(sheet.mapping.find((m) => m.header === 'FY2026 actual')?.field).toBe('total');
    expect(sheet.mapping.filter((m) => m.field === 'month').map((m) => m.period)).toEqual(months);

    const result = commitImport(ctx, plan);
    expect(result.batchId).not.toBeNull();
    const after = linesOf('210');
    expect(new Map([...after].map(([k, v]) => [k, v.amountMinor]))).toEqual(new Map([...filled].map(([k, v]) => [k, v.minor])));
    expect(after.get('6300|2027-03')?.amountMinor).toBe(123_450);
    for (const [key, line] of after) expect(line.source, key).toBe(`${basename(file)}!210 Warehouse!${filled.get(key)!.cell}`);

    // New lines were written in bulk: their audit images are exactly what the Writer would record.
    const images = sqlite().prepare("SELECT row_id AS id, after FROM audit_rows WHERE table_name = 'budget_lines' AND change_id = (SELECT change_id FROM import_batches WHERE id = ?)").all(result.batchId) as Array<{ id: string; after: string | null }>;
    expect(images.length).toBeGreaterThan(0);
    for (const i of images) expect(JSON.parse(i.after!), i.id).toEqual(readRow(ctx, 'budget_lines', i.id));

    // The same file again changes nothing.
    const again = await importFile(file);
    expect(again.plan.identical).toBe(true);

    // Undo gives back exactly the lines there were; redo the import.
    undo(ctx);
    expect(linesOf('210')).toEqual(before);
    redo(ctx);
    expect(new Map([...linesOf('210')].map(([k, v]) => [k, v.amountMinor]))).toEqual(new Map([...filled].map(([k, v]) => [k, v.minor])));
  });

  it('one workbook holds a sheet per leaf and imports them all', async () => {
    const out = join(dir, 'one');
    const { files } = await exportBudgetTemplates(ctx, { planId: planId(), layout: 'one-workbook', outDir: out });
    expect(files).toHaveLength(1);
    const leaves = sqlite().prepare('SELECT code FROM departments d WHERE NOT EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = d.id) ORDER BY code').pluck().all() as string[];
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files[0]!);
    expect(book.worksheets.map((w) => w.name.split(' ')[0])).toEqual(leaves);
    const fleet = book.getWorksheet('220 Fleet')!;
    const fleetRow = fleet.getRow(TEMPLATE_HEADER_ROW + 2);
    fleetRow.getCell(4).value = 777;
    await book.xlsx.writeFile(files[0]!);

    const { plan } = await importFile(files[0]!);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.sheets.filter((s) => s.included).map((s) => s.departmentCode)).toEqual(leaves);
    commitImport(ctx, plan);
    for (const ws of book.worksheets) {
      const code = ws.name.split(' ')[0]!;
      expect(new Map([...linesOf(code)].map(([k, v]) => [k, v.amountMinor])), code).toEqual(new Map([...sheetValues(ws)].map(([k, v]) => [k, v.minor])));
    }
  });

  it('protects structure and fixed columns; month cells stay editable; refuses to overwrite', async () => {
    const out = join(dir, 'protected');
    const { files } = await exportBudgetTemplates(ctx, { planId: planId(), departmentIds: [departmentId('210')], layout: 'per-department-files', outDir: out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files[0]!);
    const ws = book.worksheets[0]!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    // In the file an option is written only when it is allowed; anything absent stays locked.
    expect(protection).toMatchObject({ sheet: true, formatColumns: true });
    for (const locked of ['insertRows', 'deleteRows', 'insertColumns', 'deleteColumns', 'sort', 'formatCells']) expect(protection[locked], locked).toBeFalsy();
    expect(protection).not.toHaveProperty('hashValue');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW });
    const row = ws.getRow(TEMPLATE_HEADER_ROW + 2);
    expect(row.getCell(1).protection?.locked).not.toBe(false);
    expect(row.getCell(2).protection?.locked).not.toBe(false);
    expect(row.getCell(3).protection?.locked).toBe(false);
    expect(row.getCell(14).protection?.locked).toBe(false);
    expect(row.getCell(15).protection?.locked).not.toBe(false);
    expect(row.getCell(16).protection?.locked).not.toBe(false);
    expect(row.getCell(3).numFmt).toBe('#,##0.00;(#,##0.00)');
    expect(row.getCell(15).formula).toMatch(/^SUM\(C\d+:N\d+\)$/);

    const files2 = readdirSync(out);
    await expect(exportBudgetTemplates(ctx, { planId: planId(), departmentIds: [departmentId('210')], layout: 'per-department-files', outDir: out })).rejects.toThrow(/already exists/);
    expect(readdirSync(out)).toEqual(files2);
  });

  it('writes a department named like a formula as inert text, and still imports it', async () => {
    createDepartment(ctx, { code: '999', name: '=HYPERLINK("http://evil.example","x")', parentId: null, manager: null });
    const out = join(dir, 'evil');
    const { files } = await exportBudgetTemplates(ctx, { planId: planId(), departmentIds: [departmentId('999')], layout: 'per-department-files', outDir: out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files[0]!);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A3').value).toBe(`999 =HYPERLINK("http://evil.example","x")`);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type === ExcelJS.ValueType.Formula ? cell.col : 0).toBeOneOf([0, 15])));
    ws.getRow(TEMPLATE_HEADER_ROW + 2).getCell(3).value = 10;
    await book.xlsx.writeFile(files[0]!);
    const { plan } = await importFile(files[0]!);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.sheets[0]!.departmentCode).toBe('999');
  });

  it('S4: no text written into a template is a formula or starts like one (property)', async () => {
    const risky = fc.oneof(fc.string(), fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "'=x"));
    await fc.assert(
      fc.asyncProperty(risky, risky, risky, async (company, departmentName, accountName) => {
        const data: TemplateData = {
          company: company || 'Co',
          currency: 'USD',
          planName,
          fiscalYear: 2027,
          months,
          referenceYear: 2026,
          referenceThrough: null,
          departments: [{ code: '210', name: departmentName || 'D', accounts: [{ code: '6100', name: accountName || 'A', type: 'expense', values: months.map(() => 100), reference: 5 }] }],
        };
        const written = await buildTemplateWorkbook(data, data.departments);
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(await written.xlsx.writeBuffer());
        back.worksheets[0]!.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) {
              expect(cell.col).toBe(15);
              return;
            }
            if (typeof cell.value === 'string') expect(needsNeutralizing(cell.value), JSON.stringify(cell.value)).toBe(false);
          }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('cli templates: writes, refuses to overwrite (exit 1), and checks its arguments (exit 2)', async () => {
    const path = join(dir, 'cli.sqlite');
    createDemoWorkspace(path, { asOf: '2026-11-21' });
    const out = join(dir, 'cli-out');
    const messages: string[] = [];
    const io = { out: (t: string) => messages.push(t), err: (t: string) => messages.push(t), today: () => '2026-11-21' };
    expect(await runCli(['templates', path, '--plan', planName, '--out', out, '--department', '210', '--department', '220'], io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['FY2027 · Base budget — 210 Warehouse.xlsx', 'FY2027 · Base budget — 220 Fleet.xlsx']);
    expect(await runCli(['templates', path, '--plan', planName, '--out', out, '--department', '210'], io)).toBe(1);
    expect(await runCli(['templates', path, '--plan', planName, '--out', out, '--one-workbook'], io)).toBe(0);
    expect(readdirSync(out)).toHaveLength(3);
    expect(await runCli(['templates', path, '--plan', 'FY2031 · Nope', '--out', out], io)).toBe(1);
    expect(await runCli(['templates', path, '--out', out], io)).toBe(2);
    expect(await runCli(['templates', path, '--plan', planName], io)).toBe(2);
  });
});
