// Full disk, read-only, damaged and busy told apart (issue 11 §4): each its own error code,
// message and CLI exit code; only damage offers a backup; a read-only workspace still opens
// (read-only), checks and exports. The disks are real: small tmpfs mounts, remounted read-only or
// filled up. Where this machine cannot mount (not root, no mount), those tests are skipped with
// the reason printed.
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitDamaged, exitDiskFull, exitOk, exitReadOnly } from '../../electron/cli/cli-io';
import { checkWorkspaceFile, openWorkspace } from '../../electron/core/db/open-workspace';
import { openSession } from '../../electron/core/session';
import { createEmptyWorkspace } from '../../electron/core/workspace/create-workspace';
import { tryOpenWorkspace } from '../../electron/main/workspace-files';
import { runCli } from '../../electron/cli/run-cli';
import { sha256File } from '../helpers/cli';
import { refusal } from '../helpers/refusal';

const scratch = mkdtempSync(join(tmpdir(), 'qm-storage-'));
const mounted: string[] = [];

/** A tmpfs of `size` at a new folder, or the reason there cannot be one here. */
function mountTmpfs(name: string, size: string): { dir: string } | { skip: string } {
  const dir = join(scratch, name);
  mkdirSync(dir);
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root, and chmod cannot make a folder read-only to root' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    return { skip: `mount -t tmpfs failed here: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}` };
  }
  mounted.push(dir);
  return { dir };
}

function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
}

afterAll(() => {
  for (const dir of mounted.reverse()) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

async function seedAsync(path: string): Promise<void> {
  createEmptyWorkspace(path, { name: 'Acme', currency: 'USD', fiscalYearStartMonth: 1 }, 'test').close();
  const session = openSession(path, { origin: 'test' });
  try {
    expect(await session.call('accounts.create', { code: '6000', name: 'Salaries', type: 'expense' })).toMatchObject({ ok: true });
  } finally {
    session.close();
  }
}

/** runCli in this process, its output read once the command has finished (async commands too). */
async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: () => '2026-11-21' });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('a read-only workspace (its disk remounted read-only)', () => {
  let dir = '';
  let skip: string | null = null;
  beforeAll(async () => {
    const m = mountTmpfs('ro', '16m');
    if ('skip' in m) {
      skip = m.skip;
      console.warn(`storage-failures: read-only tests skipped: ${skip}`);
      return;
    }
    dir = m.dir;
    await seedAsync(join(dir, 'ws.sqlite'));
    // A workspace whose last changes are still in its -wal (as after a crash), copied while open.
    const live = new Database(join(dir, 'live.sqlite'));
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.exec('CREATE TABLE t (x INTEGER)');
    live.exec('INSERT INTO t VALUES (1)');
    copyFileSync(join(dir, 'live.sqlite'), join(dir, 'crashed.sqlite'));
    copyFileSync(join(dir, 'live.sqlite-wal'), join(dir, 'crashed.sqlite-wal'));
    live.close();
    remountReadOnly(dir);
  });

  it('opens read-only: reads work, a write is refused as read-only (not damaged, not internal)', async (ctx) => {
    if (skip) ctx.skip();
    const path = join(dir, 'ws.sqlite');
    const before = sha256File(path);
    const session = openSession(path, { origin: 'test' });
    try {
      expect(session.workspace.readOnly).toMatch(/read-only disk/);
      expect(await session.call('accounts.list', {})).toMatchObject({ ok: true, value: [{ code: '6000' }] });
      const write = await session.call('accounts.create', { code: '6100', name: 'Rent', type: 'expense' });
      expect(write).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/^ws\.sqlite is read-only \(it is on a read-only disk\), so nothing was saved/) } });
    } finally {
      session.close();
    }
    expect(sha256File(path)).toBe(before);
  });

  it('the desktop opens it (read-only) and offers no backup', (ctx) => {
    if (skip) ctx.skip();
    const outcome = tryOpenWorkspace(join(dir, 'ws.sqlite'));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.session.workspace.readOnly).not.toBeNull();
      outcome.session.close();
    }
  });

  it('check passes and export works; writing the export into the read-only folder is exit 4', async (ctx) => {
    if (skip) ctx.skip();
    const path = join(dir, 'ws.sqlite');
    expect(checkWorkspaceFile(path)).toBeNull();
    const check = await cli('check', path);
    expect(check.status).toBe(exitOk);
    const json = await cli('export', path, '--format', 'json');
    expect(json.status).toBe(exitOk);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'quartermaster-workspace', accounts: [{ code: '6000' }] });
    const out = await cli('export', path, '--format', 'json', '--out', join(dir, 'out.json'));
    expect(out.status).toBe(exitReadOnly);
    expect(out.stderr).toMatch(/read-only/);
    expect(out.stderr).not.toMatch(/damaged/);
  });

  it('refuses, as read-only and with the reason, a file whose last changes are in a -wal it cannot merge', async (ctx) => {
    if (skip) ctx.skip();
    const path = join(dir, 'crashed.sqlite');
    const err = refusal(() => openWorkspace(path));
    expect(err.code).toBe('read_only');
    expect(err.message).toMatch(/crashed\.sqlite-wal/);
    expect(err.details).toBeUndefined();
    const outcome = tryOpenWorkspace(path);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'read_only' }, newestBackup: null });
  });
});

/** Fills the disk under `dir` until only about `leave` bytes are free. */
function fillDisk(dir: string, leave: number): void {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: the disk is full.
  }
  const size = statSync(filler).size;
  ftruncateSync(fd, Math.max(0, size - leave));
  closeSync(fd);
}

function free(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

describe('a full disk', () => {
  let dir = '';
  let skip: string | null = null;
  beforeAll(async () => {
    const m = mountTmpfs('full', '4m');
    if ('skip' in m) {
      skip = m.skip;
      console.warn(`storage-failures: full-disk tests skipped: ${skip}`);
      return;
    }
    dir = m.dir;
    await seedAsync(join(dir, 'ws.sqlite'));
  });

  it('an import that needs more room than there is: disk full (exit 5), nothing written', async (ctx) => {
    if (skip) ctx.skip();
    const path = join(dir, 'ws.sqlite');
    const csv = join(scratch, 'departments.csv');
    writeFileSync(csv, `code,name,parent_code,manager\n${Array.from({ length: 4000 }, (_, i) => `${1000 + i},Department number ${i} with a longish name,,Manager ${i}`).join('\n')}\n`);
    fillDisk(dir, 400 * 1024);
    const run = await cli('import', path, csv, '--kind', 'departments');
    expect(run.status).toBe(exitDiskFull);
    expect(run.stderr).toMatch(/^The disk is full \(\d+ KB free\)/);
    expect(run.stderr).not.toMatch(/damaged|SqliteError|\n {4}at /);
    rmSync(join(dir, 'filler.bin'));
    const session = openSession(path, { origin: 'test' });
    try {
      expect(await session.call('org.listDepartments', {})).toEqual({ ok: true, value: [] });
    } finally {
      session.close();
    }
  });

  it('export with 16 KB free: disk full (exit 5), not "damaged"', async (ctx) => {
    if (skip) ctx.skip();
    const path = join(dir, 'ws.sqlite');
    fillDisk(dir, 16 * 1024);
    expect(free(dir)).toBeLessThan(64 * 1024);
    try {
      const run = await cli('export', path, '--format', 'json');
      expect(run.status).toBe(exitDiskFull);
      expect(run.stderr).toMatch(/^The disk is full/);
      expect(run.stderr).not.toMatch(/damaged/);
      // The desktop says the same and offers no backup (the data is fine; the disk is full).
      const outcome = tryOpenWorkspace(path);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'disk_full' }, newestBackup: null });
    } finally {
      rmSync(join(dir, 'filler.bin'));
    }
    expect(checkWorkspaceFile(path)).toBeNull();
  });
});

describe('a damaged workspace', () => {
  it('is "damaged" (exit 3 from check) with its newest backup offered, and left untouched', async () => {
    const dir = join(scratch, 'damaged');
    mkdirSync(dir);
    const path = join(dir, 'ws.sqlite');
    await seedAsync(path);
    mkdirSync(join(dir, 'ws.backups'));
    writeFileSync(join(dir, 'ws.backups', 'before-v9-from-v8-20261121T120000Z.sqlite'), 'a backup');
    const bytes = readFileSync(path);
    for (let i = 4096 + 16; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(path, bytes);
    const before = sha256File(path);
    const check = await cli('check', path);
    expect(check.status).toBe(exitDamaged);
    expect(check.stderr).toMatch(/^ws\.sqlite is damaged/);
    const outcome = tryOpenWorkspace(path);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'damaged' }, newestBackup: join(dir, 'ws.backups', 'before-v9-from-v8-20261121T120000Z.sqlite') });
    expect(sha256File(path)).toBe(before);
  });
});
