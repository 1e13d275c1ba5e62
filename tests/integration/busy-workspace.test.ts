// Two real processes writing one workspace (issue 11 §4, "busy database"): a write begins
// IMMEDIATE and waits for the other writer under busy_timeout; a wait longer than that is the
// typed "busy" refusal (its own error code and CLI exit code), never an internal error or a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { busyMessage } from '../../electron/core/db/storage-errors';
import { openSession } from '../../electron/core/session';
import { exitBusy } from '../../electron/cli/cli-io';
import { cliNodeArgs } from '../helpers/cli';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process that takes the workspace's write lock (BEGIN IMMEDIATE plus a write, as a
 * Quartermaster commit does), says "locked", holds it for `holdMs` and commits.
 */
function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE workspace SET name = name").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('COMMIT');
    db.close();
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) {
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

/** The CLI in a child process, without blocking this one (the lock holder's output is read meanwhile). */
function spawnCliAsync(cwd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, cliNodeArgs(args), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => {
  ws.cleanup();
});

describe('a write while another process writes', () => {
  it('waits for the other writer and then succeeds (an edit, then an undo)', async () => {
    let holder = await holdWriteLock(ws.path, 1000);
    const started = Date.now();
    const created = await ws.session.call('accounts.create', { code: '6000', name: 'Salaries', type: 'expense' });
    expect(created).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThan(300);
    expect(await exited(holder)).toBe(0);

    holder = await holdWriteLock(ws.path, 800);
    const undone = await ws.session.call('history.undo', {});
    expect(undone).toMatchObject({ ok: true, value: { label: expect.stringContaining('6000') } });
    expect(await exited(holder)).toBe(0);
  });

  it('gives the typed busy refusal when the other writer holds on past the timeout', async () => {
    const impatient = openSession(ws.path, { origin: 'test', busyTimeoutMs: 200 });
    try {
      const holder = await holdWriteLock(ws.path, 2000);
      const result = await impatient.call('accounts.create', { code: '6100', name: 'Rent', type: 'expense' });
      expect(result).toEqual({ ok: false, error: { code: 'busy', message: busyMessage } });
      expect(await exited(holder)).toBe(0);
      // Nothing was half-written, and once the other writer is done the same edit goes through.
      expect(await impatient.call('accounts.list', {})).toEqual({ ok: true, value: [] });
      expect(await impatient.call('accounts.create', { code: '6100', name: 'Rent', type: 'expense' })).toMatchObject({ ok: true });
    } finally {
      impatient.close();
    }
  });
});

describe('an import while another process writes', () => {
  const csv = 'code,name,parent_code,manager\n100,Larkspur Freight,,\n200,Operations,100,\n';
  const file = { name: 'departments.csv', base64: Buffer.from(csv).toString('base64') };

  it('the commit waits for the other writer and then writes', async () => {
    const preview = (await ws.session.call('imports.preview', { file, options: { kind: 'departments' } })) as { ok: true; value: unknown };
    expect(preview.ok).toBe(true);
    const holder = await holdWriteLock(ws.path, 1000);
    const committed = await ws.session.call('imports.commit', { plan: preview.value });
    expect(committed).toMatchObject({ ok: true });
    expect(await exited(holder)).toBe(0);
    expect(await ws.session.call('org.listDepartments', {})).toMatchObject({ ok: true, value: [{ code: '100' }, { code: '200' }] });
  });

  it('two cli imports of one file at once: both finish (one writes, the other finds nothing to do), neither crashes', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${1000 + i},Department ${i},,`).join('\n');
    const path = join(ws.dir, 'many-departments.csv');
    writeFileSync(path, `code,name,parent_code,manager\n${rows}\n`);
    ws.session.close();
    const [a, b] = await Promise.all([
      spawnCliAsync(ws.dir, ['import', ws.path, path, '--kind', 'departments', '--json']),
      spawnCliAsync(ws.dir, ['import', ws.path, path, '--kind', 'departments', '--json']),
    ]);
    for (const run of [a, b]) {
      expect(run.stderr).not.toMatch(/SqliteError|database is locked|\n {4}at /);
      expect(run.status).toBe(0);
    }
    const session = openSession(ws.path, { origin: 'test' });
    try {
      const listed = (await session.call('org.listDepartments', {})) as { ok: true; value: unknown[] };
      expect(listed.value).toHaveLength(3000);
    } finally {
      session.close();
    }
  }, 120_000);

  it('cli import says the workspace is busy, with its own exit code, when the other writer holds on', async () => {
    const path = join(ws.dir, 'departments.csv');
    writeFileSync(path, csv);
    ws.session.close();
    // Longer than the CLI's start-up plus its busy_timeout (5 s).
    const holder = await holdWriteLock(ws.path, 20_000);
    try {
      const run = await spawnCliAsync(ws.dir, ['import', ws.path, path, '--kind', 'departments']);
      expect(run.stderr.trim()).toBe(busyMessage);
      expect(run.status).toBe(exitBusy);
    } finally {
      holder.kill();
      await exited(holder);
    }
  }, 60_000);
});
