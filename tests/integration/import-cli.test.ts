// `cli import` end to end, as a user runs it: a child process, the contained reader, real files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, sha256File } from '../helpers/cli';
import { fixturePath } from '../helpers/fixtures';

// The time-out turns a CLI that does not exit (say, held open by the reader's worker) into a failure.
const sandbox = cliSandbox('qm-import-cli-', { timeout: 20_000 });
const { cli } = sandbox;

function query<T>(sqlText: string): T {
  const db = new Database(join(sandbox.dir, 'lark.sqlite'), { readonly: true });
  try {
    return db.prepare(sqlText).get() as T;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  expect(cli('init', 'lark.sqlite', '--name', 'Larkspur Freight').status).toBe(0);
});

describe('cli import', () => {
  it('imports every fixture in order (exit 0) with --json summaries', () => {
    const steps: Array<[string, string[], string, number]> = [
      ['departments.csv', [], 'departments', 11],
      ['accounts.csv', [], 'accounts', 13],
      ['people-hr-export.xlsx', [], 'people', 62],
      ['budget-marketing-fy2027.xlsx', ['--plan', 'FY2027 · Base'], 'budget', 72],
      ['budget-warehouse-fy2027.csv', [], 'budget', 49],
      ['actuals-fy2026-gl-export.csv', [], 'actuals', 63],
    ];
    steps.forEach(([file, extra, kind, cells], i) => {
      const run = cli('import', 'lark.sqlite', fixturePath(file), ...extra, '--json');
      expect(run.stderr, file).toBe('');
      expect(run.status, file).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ batch: `#${i + 1}`, kind, cellsImported: cells, errors: [] });
      expect(summary.batchId).toEqual(expect.any(String));
      expect(summary).toHaveProperty('perDepartment');
      expect(summary).toHaveProperty('perAccount');
      expect(summary).toHaveProperty('warnings');
    });
    const marketing = JSON.parse(cli('import', 'lark.sqlite', fixturePath('budget-marketing-fy2027.xlsx'), '--json').stdout) as { identical: boolean; batchId: null };
    expect(marketing).toMatchObject({ identical: true, batchId: null });
    expect(query<{ n: number }>('SELECT count(*) AS n FROM import_batches')).toEqual({ n: 6 });
  });

  it('the same file twice changes nothing and says so (exit 0)', () => {
    const before = sha256File(join(sandbox.dir, 'lark.sqlite'));
    const run = cli('import', 'lark.sqlite', fixturePath('budget-warehouse-fy2027.csv'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Nothing to import: budget-warehouse-fy2027\.csv changes nothing \(it is the same as import #5\)/);
    expect(sha256File(join(sandbox.dir, 'lark.sqlite'))).toBe(before);
  });

  it('refuses unknown codes (exit 1, nothing written) unless --create-missing', () => {
    writeFileSync(join(sandbox.dir, 'h4.csv'), 'Department,Account,Month,Amount\n210,6000,2027-03,10\n210,9999,2027-03,5\n');
    const before = sha256File(join(sandbox.dir, 'lark.sqlite'));
    const run = cli('import', 'lark.sqlite', 'h4.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/h4\.csv was not imported; nothing was written/);
    expect(run.stderr).toMatch(/h4\.csv!B3: account 9999 is not in the chart of accounts/);
    expect(sha256File(join(sandbox.dir, 'lark.sqlite'))).toBe(before);
    const json = cli('import', 'lark.sqlite', 'h4.csv', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ batchId: null, errors: [{ severity: 'error', ref: 'h4.csv!B3' }] });

    const dry = cli('import', 'lark.sqlite', 'h4.csv', '--create-missing', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run/);
    expect(sha256File(join(sandbox.dir, 'lark.sqlite'))).toBe(before);
    const created = cli('import', 'lark.sqlite', 'h4.csv', '--create-missing', '--json');
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ created: { accounts: ['9999'] }, batch: '#7' });
  });

  it('--map and --department let a file with odd headers in', () => {
    writeFileSync(join(sandbox.dir, 'odd.csv'), 'Ledger line,When,How much\n6100,2027-06,"1,000.00"\n');
    expect(cli('import', 'lark.sqlite', 'odd.csv', '--kind', 'budget', '--department', '210').status).toBe(1);
    const run = cli('import', 'lark.sqlite', 'odd.csv', '--kind', 'budget', '--department', '420', '--map', 'Ledger line=accountCode,When=period,How much=amount');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/420: 1 cell, 1,000\.00/);
  });

  it('refuses a file that is not a spreadsheet (exit 1)', () => {
    writeFileSync(join(sandbox.dir, 'fake.xlsx'), 'just some text, renamed');
    const before = sha256File(join(sandbox.dir, 'lark.sqlite'));
    const run = cli('import', 'lark.sqlite', 'fake.xlsx');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/fake\.xlsx/);
    expect(sha256File(join(sandbox.dir, 'lark.sqlite'))).toBe(before);
  });

  it.each([
    [['import']],
    [['import', 'lark.sqlite']],
    [['import', 'lark.sqlite', 'h4.csv', 'extra']],
    [['import', 'lark.sqlite', 'h4.csv', '--kind', 'forecast']],
    [['import', 'lark.sqlite', 'h4.csv', '--map', 'Amount']],
    [['import', 'lark.sqlite', 'h4.csv', '--kind', 'budget', '--map', 'Amount=salary']],
    [['import', 'lark.sqlite', 'h4.csv', '--bogus']],
  ])('%j is a usage error (exit 2)', (args) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage: npm run cli/);
  });
});
