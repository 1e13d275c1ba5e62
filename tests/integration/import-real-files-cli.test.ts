// `cli import` with the choices a real file needs (issue 10): names confirmed with --codes, what a
// dry run shows as JSON, and an approved plan written into only with --into-approved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, sha256File } from '../helpers/cli';
import { fixturePath } from '../helpers/fixtures';

const sandbox = cliSandbox('qm-import-real-', { timeout: 20_000 });
const { cli } = sandbox;
const ws = () => join(sandbox.dir, 'ws.sqlite');

beforeAll(() => {
  expect(cli('init', 'ws.sqlite', '--name', 'Larkspur Freight').status).toBe(0);
  for (const file of ['departments.csv', 'accounts.csv']) expect(cli('import', 'ws.sqlite', fixturePath(file)).status, file).toBe(0);
});

describe('cli import of files that name, not code', () => {
  it('refuses a near miss naming the --codes line, which then imports it; the dry run lists mapping and matches', () => {
    writeFileSync(join(sandbox.dir, 'named.csv'), 'Org Unit,Expense Type,Month,Plan Amount\nMarketing,Travel,2027-01,100\nMarketting,Travel,2027-02,50\n');
    const before = sha256File(ws());
    const refused = cli('import', 'ws.sqlite', 'named.csv', '--plan', 'FY2027 · Base');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('named.csv!A3: department "Marketting" is not in the org — did you mean 420 Marketing? Confirm the match (on the command line: --codes "Marketting=420")');
    expect(sha256File(ws())).toBe(before);

    const dry = cli('import', 'ws.sqlite', 'named.csv', '--plan', 'FY2027 · Base', '--codes', 'Marketting=420', '--dry-run', '--json');
    expect(dry.status).toBe(0);
    const summary = JSON.parse(dry.stdout) as { mapping: unknown; matches: unknown };
    expect(summary.mapping).toEqual([
      {
        sheet: 'named',
        columns: [
          { letter: 'A', header: 'Org Unit', field: 'departmentCode', how: 'fuzzy' },
          { letter: 'B', header: 'Expense Type', field: 'accountCode', how: 'fuzzy' },
          { letter: 'C', header: 'Month', field: 'period', how: 'exact' },
          { letter: 'D', header: 'Plan Amount', field: 'amount', how: 'fuzzy' },
        ],
      },
    ]);
    expect(summary.matches, JSON.stringify(summary.matches)).toMatchObject([
      { entity: 'department', text: 'Marketing', status: 'exact', code: '420', how: 'name' },
      { entity: 'account', text: 'Travel', status: 'exact', code: '6100', how: 'name' },
      { entity: 'department', text: 'Marketting', status: 'confirmed', code: '420', how: 'given' },
    ]);
    expect(sha256File(ws())).toBe(before);

    const imported = cli('import', 'ws.sqlite', 'named.csv', '--plan', 'FY2027 · Base', '--codes', 'Marketting=420', '--json');
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ perDepartment: [{ code: '420', rows: 2, amountMinor: 15000 }], planCreated: true });
  });

  it('the dry run lists the spread of a quarterly figure: the cell, the total, the method and the months', () => {
    writeFileSync(join(sandbox.dir, 'quarters.csv'), 'Department,Account,Q1 2027,Q2 2027,Q3 2027,Q4 2027\n420,6100,100.00,0,0,0\n');
    const before = sha256File(ws());
    const dry = cli('import', 'ws.sqlite', 'quarters.csv', '--plan', 'FY2027 · Base', '--spread', 'even', '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    const summary = JSON.parse(dry.stdout) as { spreads: Array<{ source: string; totalMinor: number; method: string; months: Array<{ period: string; amountMinor: number }> }> };
    const q1 = summary.spreads.find((s) => s.source.endsWith('!C2'));
    expect(q1, JSON.stringify(summary.spreads)).toMatchObject({ totalMinor: 10000, method: 'evenly' });
    // 100.00 over three months by largest remainder: 33.34, 33.33, 33.33.
    expect(q1!.months).toEqual([
      { period: '2027-01', amountMinor: 3334 },
      { period: '2027-02', amountMinor: 3333 },
      { period: '2027-03', amountMinor: 3333 },
    ]);
    expect(sha256File(ws())).toBe(before);
  });

  it('an approved plan is written into only with --into-approved', () => {
    const db = new Database(ws());
    db.prepare("UPDATE plans SET status = 'approved' WHERE name = 'FY2027 · Base'").run();
    db.close();
    writeFileSync(join(sandbox.dir, 'more.csv'), 'Department,Account,Month,Amount\n420,6100,2027-03,70\n');
    const unnamed = cli('import', 'ws.sqlite', 'more.csv');
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain(
      'more.csv: there is no draft plan for FY2027; FY2027 · Base is approved (to import into it: --plan "FY2027 · Base" --into-approved); choose a plan (a new name such as "FY2027 · Revised" creates it)',
    );
    const refused = cli('import', 'ws.sqlite', 'more.csv', '--plan', 'FY2027 · Base');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/FY2027 · Base is approved: this import would change the approved plan, not create a new one\. Confirm it .*--into-approved/);
    const confirmed = cli('import', 'ws.sqlite', 'more.csv', '--plan', 'FY2027 · Base', '--into-approved');
    expect(confirmed.stderr).toBe('');
    expect(confirmed.status).toBe(0);
  });
});
