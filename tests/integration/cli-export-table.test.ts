// `export --format xlsx|csv` end to end, as a user runs it: a child process on the demo company in
// a temp folder. The figures are checked against the JSON export of the same file (the stored
// lines themselves, summed over each department's subtree), an oracle that shares no code with
// the grid and variance queries the table export reads through.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceExportSchema, type WorkspaceExport } from '../../shared/export';
import { cliInProcess, cliSandbox, sha256File } from '../helpers/cli';
import { fixturePath } from '../helpers/fixtures';

const sandbox = cliSandbox('qm-cli-export-');
const { cli } = sandbox;
let doc: WorkspaceExport;

function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1).replace(/\r?\n$/, ''), { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Every department code in the subtree under `code`, itself included, from the JSON export. */
function subtree(code: string): Set<string> {
  const out = new Set([code]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of doc.departments) {
      if (d.parentCode !== null && out.has(d.parentCode) && !out.has(d.code)) {
        out.add(d.code);
        grew = true;
      }
    }
  }
  return out;
}

function budgetSum(plan: string, code: string, account: string, from: string, to: string): number {
  const depts = subtree(code);
  return doc.budgetLines
    .filter((l) => l.plan === plan && depts.has(l.departmentCode) && l.accountCode === account && l.period >= from && l.period <= to)
    .reduce((s, l) => s + l.amountMinor, 0);
}

function actualSum(code: string, account: string, from: string, to: string): number {
  const depts = subtree(code);
  return doc.actuals
    .filter((l) => depts.has(l.departmentCode) && l.accountCode === account && l.period >= from && l.period <= to)
    .reduce((s, l) => s + l.amountMinor, 0);
}

beforeAll(() => {
  expect(cli('init', 'demo.sqlite', '--demo', '--as-of', '2026-11-21').status).toBe(0);
  const imported = cli('import', 'demo.sqlite', fixturePath('budget-warehouse-fy2027.csv'), '--plan', 'FY2027 · Base');
  expect(imported.status).toBe(0);
  doc = workspaceExportSchema.parse(JSON.parse(cli('export', 'demo.sqlite').stdout));
}, 120_000);

describe('cli export --format xlsx', () => {
  it('writes the budget of the default plan, every figure equal to the stored lines summed over the subtree', async () => {
    const run = cli('export', 'demo.sqlite', '--format', 'xlsx', '--view', 'budget', '--out', 'budget.xlsx');
    expect(run.stderr).toMatch(/^wrote budget\.xlsx \(\d+ rows\)/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(sandbox.dir, 'budget.xlsx'));
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('Budget FY2026 · Base');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const months = header.slice(6, 18) as string[];
    expect(months[0]).toBe('2026-01');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount - 1).toBe(doc.departments.length * doc.accounts.length);
    let nonZero = 0;
    for (let n = 2; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const code = row.getCell(1).value as string;
      const account = row.getCell(4).value as string;
      let total = 0;
      months.forEach((m, i) => {
        const v = row.getCell(7 + i).value;
        const want = budgetSum('FY2026 · Base', code, account, m, m);
        total += want;
        if (want !== 0) nonZero++;
        expect(v === null ? 0 : Math.round((v as number) * 100)).toBe(want);
      });
      expect(Math.round((row.getCell(19).value as number) * 100)).toBe(total);
    }
    expect(nonZero).toBeGreaterThan(100);
    expect(readdirSync(sandbox.dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('refuses to write over an existing file (exit 1) and leaves it as it was', () => {
    writeFileSync(join(sandbox.dir, 'precious.xlsx'), 'not to be overwritten');
    const before = sha256File(join(sandbox.dir, 'precious.xlsx'));
    const run = cli('export', 'demo.sqlite', '--format', 'xlsx', '--view', 'imports', '--out', 'precious.xlsx');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/precious\.xlsx already exists/);
    expect(sha256File(join(sandbox.dir, 'precious.xlsx'))).toBe(before);
  });

  it('refuses an unknown plan, naming the plans, and an unknown department; writes nothing', () => {
    const plan = cli('export', 'demo.sqlite', '--format', 'xlsx', '--view', 'budget', '--plan', 'FY2031 · Dream', '--out', 'dream.xlsx');
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain('There is no plan named "FY2031 · Dream". Plans: "FY2027 · Base", "FY2027 · Growth", "FY2026 · Base".');
    const dept = cli('export', 'demo.sqlite', '--format', 'csv', '--view', 'variance', '--department', '999', '--out', 'dream.csv');
    expect(dept.status).toBe(1);
    expect(dept.stderr).toMatch(/There is no department 999/);
    expect(existsSync(join(sandbox.dir, 'dream.xlsx')) || existsSync(join(sandbox.dir, 'dream.csv'))).toBe(false);
  });

  it('refuses a missing workspace (exit 1) and creates nothing', () => {
    const run = cli('export', 'missing.sqlite', '--format', 'xlsx', '--view', 'budget', '--out', 'm.xlsx');
    expect(run.status).toBe(1);
    expect(existsSync(join(sandbox.dir, 'missing.sqlite')) || existsSync(join(sandbox.dir, 'm.xlsx'))).toBe(false);
  });
});

describe('cli export --format csv', () => {
  it('writes variance for a department and months to stdout, the same bytes as --out, figures equal to the stored lines', () => {
    const args = ['export', 'demo.sqlite', '--format', 'csv', '--view', 'variance', '--plan', 'fy2026 · base', '--department', '200', '--from', '2026-03', '--to', '2026-06'];
    const toStdout = cli(...args);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stderr).toBe('');
    const toFile = cli(...args, '--out', 'variance.csv');
    expect(toFile.status).toBe(0);
    const file = readFileSync(join(sandbox.dir, 'variance.csv'), 'utf8');
    expect(file.endsWith('\r\n')).toBe(true);
    expect(toStdout.stdout).toBe(`${file.replace(/\r\n$/, '')}\n`);

    const [header, ...rows] = parseCsv(file);
    expect(header).toEqual(['Department code', 'Department name', 'Account code', 'Account name', 'Type', 'Budget', 'Actual', 'Variance', 'Variance %', 'Fav/Unfav']);
    const accounts = rows.filter((r) => r[2] !== '');
    expect(accounts.length).toBeGreaterThan(5);
    for (const r of accounts) {
      expect(r[0]).toBe('200');
      const budget = budgetSum('FY2026 · Base', '200', r[2]!, '2026-03', '2026-06');
      const actual = actualSum('200', r[2]!, '2026-03', '2026-06');
      expect(r.slice(5, 8)).toEqual([budget, actual, actual - budget].map((m) => (m / 100).toFixed(2)));
    }
    expect(rows.filter((r) => r[2] === '').map((r) => r[3])).toEqual(['Total revenue', 'Total expenses', 'Total capital expenditure']);
  });

  it('writes the import history, the imported file on its row', () => {
    const run = cli('export', 'demo.sqlite', '--format', 'csv', '--view', 'imports');
    expect(run.status).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout.replace(/\n$/, '\r\n'));
    expect(header).toEqual(['Seq', 'Date (UTC)', 'Kind', 'File', 'Hash', 'Sheets', 'Plan', 'Departments', 'Rows', 'Cells', 'Who', 'Undone (UTC)']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 0: '1', 2: 'budget', 3: 'budget-warehouse-fy2027.csv', 6: 'FY2027 · Base', 7: '210', 10: 'cli', 11: '' });
  });
});

describe('cli export usage errors', () => {
  it('spawned: --format xlsx without --out is exit 2 with the usage text, and nothing is written', () => {
    const run = cli('export', 'demo.sqlite', '--format', 'xlsx', '--view', 'budget');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out FILE/);
    expect(run.stderr).toMatch(/Usage: npm run cli/);
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--format', 'xlsx', '--out', 'u.xlsx'], /needs --view/],
    [['--format', 'csv'], /needs --view/],
    [['--format', 'csv', '--view', 'ledger'], /--view must be one of: budget, variance, imports/],
    [['--format', 'ods', '--view', 'budget'], /--format must be one of: json, xlsx, csv/],
    [['--format', 'csv', '--view', 'imports', '--plan', 'FY2026 · Base'], /--view imports takes no/],
    [['--format', 'csv', '--view', 'budget', '--from', '2026-01'], /apply to --view variance only/],
    [['--format', 'csv', '--view', 'variance', '--from', '2026-13'], /--from must be a month as YYYY-MM/],
    [['--format', 'csv', '--view', 'variance', '--to', 'June'], /--to must be a month/],
    [['--format', 'csv', '--view', 'budget', '--plan', ' '], /--plan needs/],
    [['--format', 'csv', '--view', 'budget', '--department', ''], /--department needs/],
    [['--format', 'csv', '--view', 'budget', '--out', ''], /--out needs a file name/],
    [['--view', 'budget'], /--view applies to --format xlsx or csv only/],
    [['--format', 'json', '--plan', 'FY2026 · Base'], /--plan applies to --format xlsx or csv only/],
    [['--format', 'csv', '--view', 'budget', '--sheet', 'x'], /Unknown option/],
  ])('%j is a usage error (exit 2), nothing written', async (flags, message) => {
    const before = readdirSync(sandbox.dir).sort();
    const r = cliInProcess(['export', join(sandbox.dir, 'demo.sqlite'), ...flags]);
    expect(await r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: npm run cli/);
    expect(readdirSync(sandbox.dir).sort()).toEqual(before);
  });
});
