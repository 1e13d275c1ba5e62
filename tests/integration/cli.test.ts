// The CLI end to end, as a user runs it: a child process on real files in a temp folder.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { workspaceExportSchema } from '../../shared/export';
import { cliSandbox, sha256File } from '../helpers/cli';

const sandbox = cliSandbox('qm-cli-');
const { cli } = sandbox;

describe('cli init', () => {
  it('creates an empty workspace with the given settings', () => {
    const run = cli('init', 'acme.sqlite', '--name', 'Acme', '--currency', 'EUR', '--fiscal-start-month', '4');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('acme.sqlite');
    const exported = cli('export', 'acme.sqlite', '--format', 'json');
    expect(exported.status).toBe(0);
    const doc = workspaceExportSchema.parse(JSON.parse(exported.stdout));
    expect(doc.version).toBe(2);
    expect(doc.workspace).toEqual({ name: 'Acme', currency: 'EUR', fiscalYearStartMonth: 4, impactTolerance: 4, riskAppetite: 12, locale: 'en-GB' });
    expect(doc.departments).toEqual([]);
    expect(doc.budgetLines).toEqual([]);
    expect(doc.processes).toEqual([]);
    expect(doc.risks).toEqual([]);
  });

  it('names an empty workspace after its file by default', () => {
    expect(cli('init', 'North Depot.sqlite').status).toBe(0);
    const doc = workspaceExportSchema.parse(JSON.parse(cli('export', 'North Depot.sqlite').stdout));
    expect(doc.workspace).toEqual({ name: 'North Depot', currency: 'USD', fiscalYearStartMonth: 1, impactTolerance: 4, riskAppetite: 12, locale: 'en-GB' });
  });

  it('creates the demo company, deterministic for an as-of date', () => {
    expect(cli('init', 'demo1.sqlite', '--demo', '--as-of', '2026-11-21').status).toBe(0);
    expect(cli('init', 'demo2.sqlite', '--demo', '--as-of', '2026-11-21').status).toBe(0);
    const one = cli('export', 'demo1.sqlite', '--format', 'json');
    const two = cli('export', 'demo2.sqlite', '--format', 'json');
    const doc = workspaceExportSchema.parse(JSON.parse(one.stdout));
    expect(doc.workspace.name).toBe('Larkspur Freight');
    expect(doc.departments.length).toBeGreaterThan(5);
    expect(doc.people.length).toBeGreaterThan(20);
    expect(doc.budgetLines.length).toBeGreaterThan(100);
    expect(doc.actuals.length).toBeGreaterThan(0);
    expect(doc.version).toBe(2);
    expect(doc.processes.length).toBeGreaterThanOrEqual(5);
    expect(doc.risks).toHaveLength(12);
    expect(one.stdout).toBe(two.stdout);
  });

  it('renames the demo with --name', () => {
    expect(cli('init', 'demo-named.sqlite', '--demo', '--as-of', '2026-11-21', '--name', 'Acme Haulage').status).toBe(0);
    expect(workspaceExportSchema.parse(JSON.parse(cli('export', 'demo-named.sqlite').stdout)).workspace.name).toBe('Acme Haulage');
  });

  it('refuses an existing file (exit 1) and leaves it untouched', () => {
    writeFileSync(join(sandbox.dir, 'precious.sqlite'), 'not to be overwritten');
    const before = sha256File(join(sandbox.dir, 'precious.sqlite'));
    for (const args of [['init', 'precious.sqlite'], ['init', 'precious.sqlite', '--demo']]) {
      const run = cli(...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/exists/);
    }
    expect(sha256File(join(sandbox.dir, 'precious.sqlite'))).toBe(before);
  });
});

describe('cli export', () => {
  it('writes pretty JSON to --out atomically, leaving no temp file', () => {
    const run = cli('export', 'demo1.sqlite', '--format', 'json', '--out', 'demo1.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(join(sandbox.dir, 'demo1.json'), 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "quartermaster-workspace",\n/);
    expect(text).toBe(`${cli('export', 'demo1.sqlite').stdout}`);
    workspaceExportSchema.parse(JSON.parse(text));
    expect(readdirSync(sandbox.dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('refuses a missing workspace with exit 1 and creates nothing', () => {
    const run = cli('export', 'missing.sqlite');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No workspace/);
    expect(existsSync(join(sandbox.dir, 'missing.sqlite'))).toBe(false);
  });

  it('refuses an --out folder that does not exist with exit 1', () => {
    const run = cli('export', 'acme.sqlite', '--out', join(sandbox.dir, 'no/such/folder/x.json'));
    expect(run.status).toBe(1);
  });
});

describe('cli check', () => {
  it('passes a sound workspace', () => {
    const run = cli('check', 'demo1.sqlite');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok: demo1\.sqlite \(schema \d+/);
  });

  it('refuses a corrupt copy (exit 3, damaged) and leaves the original as it was', () => {
    const original = join(sandbox.dir, 'demo1.sqlite');
    const before = sha256File(original);
    const copy = join(sandbox.dir, 'corrupt.sqlite');
    copyFileSync(original, copy);
    const bytes = readFileSync(copy);
    // Scribble over pages past the header: the file still looks like SQLite, its contents do not hold.
    for (let i = 4096; i < bytes.length; i += 4096) bytes.fill(0xa5, i + 100, i + 1200);
    writeFileSync(copy, bytes);
    const run = cli('check', 'corrupt.sqlite');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^corrupt\.sqlite is damaged/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(sha256File(original)).toBe(before);
  });

  it('refuses a file that is not SQLite', () => {
    writeFileSync(join(sandbox.dir, 'notes.sqlite'), 'Quarterly notes, definitely not a database.\n'.repeat(200));
    const run = cli('check', 'notes.sqlite');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a Quartermaster workspace/);
  });

  it('refuses another application’s SQLite file', () => {
    const other = new Database(join(sandbox.dir, 'other-app.sqlite'));
    other.exec('CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO songs (title) VALUES (\'x\');');
    other.close();
    const run = cli('check', 'other-app.sqlite');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a Quartermaster workspace/);
  });

  it('refuses a workspace from a newer version, untouched', () => {
    const future = join(sandbox.dir, 'future.sqlite');
    copyFileSync(join(sandbox.dir, 'acme.sqlite'), future);
    const db = new Database(future);
    db.pragma('user_version = 999');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256File(future);
    const run = cli('check', 'future.sqlite');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/newer version/);
    const exported = cli('export', 'future.sqlite');
    expect(exported.status).toBe(1);
    expect(sha256File(future)).toBe(before);
  });

  it('refuses a missing file', () => {
    expect(cli('check', 'nowhere.sqlite').status).toBe(1);
  });
});

describe('cli usage (the full table runs in-process in cli-usage.test.ts)', () => {
  it('prints help with exit 0', () => {
    for (const args of [['--help'], ['init', '--help']]) {
      const run = cli(...args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Usage: npm run cli/);
    }
  });

  it.each([
    [['frobnicate']],
    [['init', 'x.sqlite', '--currency', 'usd']],
    [['init', 'x.sqlite', '--fiscal-start-month', '13']],
    [['export', 'acme.sqlite', '--format', 'xml']],
  ])('%j is a usage error (exit 2) that changes nothing', (args) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage: npm run cli/);
    expect(existsSync(join(sandbox.dir, 'x.sqlite'))).toBe(false);
  });
});
