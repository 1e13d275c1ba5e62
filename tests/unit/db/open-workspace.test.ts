import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMigrations, type Migration } from '../../../electron/core/db/migrations';
import { APPLICATION_ID, checkWorkspace, checkWorkspaceFile, listBackups, openWorkspace } from '../../../electron/core/db/open-workspace';
import { openSession } from '../../../electron/core/session';
import { refusal } from '../../helpers/refusal';

const fixedNow = () => new Date('2026-11-21T12:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Schema and every row of every table, as one hash: "the workspace's content". */
function contentHash(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    const objects = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
    hash.update(JSON.stringify(objects));
    hash.update(String(db.pragma('user_version', { simple: true })));
    for (const o of objects.filter((x) => x.type === 'table' && !x.name.startsWith('sqlite_'))) {
      // Rows as sorted JSON: WITHOUT ROWID tables (the rollups) have no rowid to order by.
      const rows = db.prepare(`SELECT * FROM "${o.name}"`).all().map((r) => JSON.stringify(r));
      hash.update(JSON.stringify(rows.sort()));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function seededWorkspace(name = 'ws.sqlite'): string {
  const path = join(dir, name);
  const ws = openWorkspace(path, { create: true, now: fixedNow });
  ws.sqlite
    .prepare("INSERT INTO workspace (id, name, currency, fiscal_year_start_month, created_at) VALUES (1, 'Acme', 'USD', 1, 'x')")
    .run();
  ws.sqlite
    .prepare("INSERT INTO accounts (id, code, name, type, active, created_at, updated_at) VALUES ('a1', '6000', 'Salaries', 'expense', 1, 'x', 'x')")
    .run();
  ws.close();
  return path;
}


describe('opening a workspace', () => {
  it('sets WAL, synchronous=FULL, foreign keys and our application id (D1, D7)', () => {
    const ws = openWorkspace(join(dir, 'new.sqlite'), { create: true });
    try {
      expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.sqlite.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(ws.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('does not create a file unless asked', () => {
    const path = join(dir, 'missing.sqlite');
    expect(refusal(() => openWorkspace(path)).code).toBe('not_found');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a workspace from a newer version and leaves it untouched (D5)', () => {
    const path = seededWorkspace();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const before = fileHash(path);
    const err = refusal(() => openWorkspace(path));
    expect(err.message).toMatch(/newer version of Quartermaster/);
    expect(fileHash(path)).toBe(before);
    expect(checkWorkspace(path)).toMatch(/newer version/);
  });

  it('refuses a file that is not SQLite, and a SQLite file of another program (D7)', () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'this is a text file renamed to .sqlite, long enough to look like a header'.repeat(20));
    const before = fileHash(text);
    expect(refusal(() => openWorkspace(text)).message).toMatch(/not a Quartermaster workspace/);
    expect(fileHash(text)).toBe(before);

    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expect(refusal(() => openWorkspace(other)).message).toMatch(/not a Quartermaster workspace/);
    expect(checkWorkspace(other)).toMatch(/not a Quartermaster workspace/);
  });

  it('detects corruption through check and after an unclean shutdown, and never touches the original (D6)', () => {
    const path = seededWorkspace();
    const corrupt = join(dir, 'corrupt.sqlite');
    copyFileSync(path, corrupt);
    const bytes = readFileSync(corrupt);
    // Flip bytes across the second page onward (the first page holds the header we check first).
    for (let i = 4096 + 16; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(corrupt, bytes);
    const before = fileHash(corrupt);
    expect(checkWorkspaceFile(corrupt)).toMatchObject({ code: 'damaged', message: expect.stringMatching(/^corrupt\.sqlite is damaged/) });
    expect(checkWorkspace(path)).toBeNull();
    // Writes left in a -wal beside it: the last writer did not close; opening reads every page first.
    writeFileSync(`${corrupt}-wal`, 'unmerged writes of a session that never closed');
    const err = refusal(() => openWorkspace(corrupt));
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/^corrupt\.sqlite is damaged/);
    expect(fileHash(corrupt)).toBe(before);
  });

  it('names the newest backup when a damaged workspace has one', () => {
    const path = seededWorkspace();
    // Open with one more (harmless) migration: that takes a backup first.
    const extra: Migration = { version: loadMigrations().length + 1, tag: 'extra', statements: ['CREATE TABLE extra (x INTEGER)'], hash: 'x' };
    openWorkspace(path, { migrations: [...loadMigrations(), extra], now: fixedNow }).close();
    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    const bytes = readFileSync(path);
    for (let i = 4096 + 16; i < bytes.length; i += 53) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(path, bytes);
    rmSync(`${path}-wal`, { force: true });
    const err = refusal(() => openWorkspace(path, { migrations: [...loadMigrations(), extra] }));
    expect(err.message).toMatch(/damaged/);
    expect(err.details).toEqual({ newestBackup: backups[0] });
  });
});

describe('what a workspace file may contain', () => {
  it('refuses a file that carries schema objects we did not create, and leaves it untouched (D7)', () => {
    const path = seededWorkspace();
    const db = new Database(path);
    db.exec("CREATE TRIGGER quiet_rewrite AFTER INSERT ON budget_lines BEGIN UPDATE budget_lines SET amount_minor = 0; END");
    db.close();
    const before = fileHash(path);
    const err = refusal(() => openWorkspace(path));
    expect(err.message).toMatch(/unexpected or altered parts \(trigger quiet_rewrite\)/);
    expect(fileHash(path)).toBe(before);
    expect(checkWorkspace(path)).toMatch(/trigger quiet_rewrite/);
  });

  it('refuses a file whose tables were altered', () => {
    const path = seededWorkspace();
    const db = new Database(path);
    db.exec('ALTER TABLE accounts ADD COLUMN payload TEXT');
    db.close();
    expect(refusal(() => openWorkspace(path)).message).toMatch(/table accounts/);
  });

  it("gives a damaged file's reason on one line", () => {
    const path = seededWorkspace();
    const bytes = readFileSync(path);
    for (let i = 8192; i < Math.min(bytes.length, 8192 + 4096); i++) bytes[i] = 0xff;
    writeFileSync(path, bytes);
    const reason = checkWorkspace(path);
    expect(reason).not.toBeNull();
    expect(reason).not.toMatch(/\n/);
  });
});

describe('migrations', () => {
  it('upgrade a workspace with data in it: backup first, data kept, foreign keys checked (D4, D8)', () => {
    const path = seededWorkspace();
    const old = new Database(path);
    old.exec(`INSERT INTO changes (id, seq, label, origin, state, at) VALUES ('c1', 1, 'Add 6000', 'app', 'done', 'x'), ('c2', 2, 'Rename 6000', 'app', 'undone', 'x');
              INSERT INTO audit_rows (change_id, table_name, row_id, before, after) VALUES ('c1', 'accounts', 'a1', NULL, '{}'), ('c2', 'accounts', 'a1', '{}', '{}');`);
    old.close();
    const v1 = loadMigrations();
    const v2: Migration = {
      version: v1.length + 1,
      tag: 'add-account-note',
      statements: ['ALTER TABLE accounts ADD COLUMN note TEXT', "UPDATE accounts SET note = 'kept: ' || name"],
      hash: 'test',
    };
    const ws = openWorkspace(path, { migrations: [...v1, v2], now: fixedNow });
    try {
      expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(v2.version);
      expect(ws.sqlite.prepare('SELECT code, note FROM accounts').all()).toEqual([{ code: '6000', note: 'kept: Salaries' }]);
    } finally {
      ws.close();
    }
    const [backup] = listBackups(path);
    expect(backup).toMatch(new RegExp(`before-v${v2.version}-from-v${v1.length}-20261121T120000Z\\.sqlite$`));
    // Nothing from before the upgrade can be undone: its row images belong to the old schema.
    const history = new Database(path, { readonly: true });
    expect(history.prepare('SELECT id, state FROM changes').all()).toEqual([{ id: 'c1', state: 'discarded' }]);
    expect(history.prepare('SELECT change_id FROM audit_rows').pluck().all()).toEqual(['c1']);
    history.close();
    const copy = new Database(backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(v1.length);
    expect(copy.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    copy.close();
  });

  it('a failing migration leaves schema and data exactly as they were (D4)', () => {
    const path = seededWorkspace();
    const before = contentHash(path);
    const broken: Migration = {
      version: loadMigrations().length + 1,
      tag: 'broken',
      statements: ['CREATE TABLE half_done (x INTEGER)', "UPDATE accounts SET name = 'changed'", 'INSERT INTO no_such_table VALUES (1)'],
      hash: 'test',
    };
    const err = refusal(() => openWorkspace(path, { migrations: [...loadMigrations(), broken], now: fixedNow }));
    expect(err.message).toMatch(/left as it was/);
    expect(contentHash(path)).toBe(before);
  });

  it('a migration that breaks a foreign key is rolled back (D8)', () => {
    const path = seededWorkspace();
    const before = contentHash(path);
    const orphan: Migration = {
      version: loadMigrations().length + 1,
      tag: 'orphan',
      statements: ["INSERT INTO people (id, department_id, name, fte, status, created_at, updated_at) VALUES ('p1', 'nowhere', 'Ghost', 1, 'active', 'x', 'x')"],
      hash: 'test',
    };
    const err = refusal(() => openWorkspace(path, { migrations: [...loadMigrations(), orphan] }));
    expect(err.message).toMatch(/foreign key/);
    expect(contentHash(path)).toBe(before);
    const ws = openWorkspace(path);
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    ws.close();
  });

  it('the committed journal has no gaps and every migration has SQL', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.statements.length).toBeGreaterThan(0);
    });
  });
});

/** A workspace with enough rows to span many pages, and its last page overwritten: the schema reads, the data does not hold. */
function workspaceWithDamagedLastPage(name = 'late.sqlite'): string {
  const path = seededWorkspace(name);
  const db = new Database(path);
  const insert = db.prepare("INSERT INTO accounts (id, code, name, type, active, created_at, updated_at) VALUES (?, ?, ?, 'expense', 1, 'x', 'x')");
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`acc-${i}`, String(10000 + i), `Account number ${i} with a name long enough to fill pages`);
  })();
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xa5, bytes.length - 4096, bytes.length);
  writeFileSync(path, bytes);
  return path;
}

describe('opening fast (issue 11: no full check between the user and the first screen)', () => {
  it('a cleanly closed workspace opens without reading every page; the background check then finds the damage (D6)', async () => {
    const path = workspaceWithDamagedLastPage();
    const before = fileHash(path);
    const damage: string[] = [];
    const ws = openWorkspace(path, { backgroundCheck: { delayMs: 0, onDamage: (d) => damage.push(d) } });
    try {
      await vi.waitFor(() => expect(ws.integrity().state).not.toBe('checking'), { timeout: 20_000 });
      expect(ws.integrity()).toMatchObject({ state: 'damaged', detail: expect.stringMatching(/^integrity check: /) });
      expect(damage).toHaveLength(1);
    } finally {
      ws.close();
    }
    expect(fileHash(path)).toBe(before);
  });

  it('without a background check the state says unchecked, and check finds the damage on demand', () => {
    const path = workspaceWithDamagedLastPage();
    const ws = openWorkspace(path);
    try {
      expect(ws.integrity()).toEqual({ state: 'unchecked' });
    } finally {
      ws.close();
    }
    expect(checkWorkspaceFile(path)?.code).toBe('damaged');
  });

  it('the app can poll what the background check found through workspace.info', async () => {
    const path = workspaceWithDamagedLastPage();
    const session = openSession(path, { origin: 'test', backgroundCheck: { delayMs: 0 } });
    try {
      await vi.waitFor(
        async () => {
          const info = await session.call('workspace.info', {});
          expect(info).toMatchObject({ ok: true, value: { storage: { readOnly: null, integrity: 'damaged', problem: expect.stringMatching(/^integrity check: /) } } });
        },
        { timeout: 20_000 },
      );
    } finally {
      session.close();
    }
  });

  it('a sound workspace is reported ok by the background check', async () => {
    const path = seededWorkspace();
    const ws = openWorkspace(path, { backgroundCheck: { delayMs: 0 } });
    try {
      await vi.waitFor(() => expect(ws.integrity().state).toBe('ok'), { timeout: 20_000 });
    } finally {
      ws.close();
    }
  });

  it('after a process was killed with the workspace open, the next open reads every page first', async () => {
    const path = seededWorkspace();
    const script = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(path)});
      db.prepare("UPDATE workspace SET name = 'Acme 2'").run();
      process.stdout.write('written\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => c.toString().includes('written') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(`${path}-wal`)).toBe(true);
    const ws = openWorkspace(path, { now: fixedNow });
    try {
      expect(ws.integrity()).toEqual({ state: 'ok', checkedAt: '2026-11-21T12:00:00.000Z' });
      expect(ws.sqlite.prepare('SELECT name FROM workspace').pluck().get()).toBe('Acme 2');
    } finally {
      ws.close();
    }
    // Closed cleanly: the -wal is gone, so the next open is the fast one.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openWorkspace(path);
    expect(again.integrity()).toEqual({ state: 'unchecked' });
    again.close();
  });
});
