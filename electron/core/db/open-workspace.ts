/**
 * Opening a workspace file. The file is untrusted (D7): it is inspected read-only first, refused
 * untouched when it is corrupt (D6), not ours, or from a newer version (D5); only then is it opened
 * for writing, backed up and migrated in one transaction (D4), with WAL + synchronous=FULL (D1)
 * and foreign keys checked after (D8). A file or folder that cannot be written is opened
 * read-only instead: it can be read, checked and exported, and every write is refused as such.
 * Failures of the storage itself (busy, read-only, full disk, damage) are told apart
 * (storage-errors.ts).
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/result';
import { sealHistory } from '../history/change';
import { startBackgroundCheck, type BackgroundCheck, type BackgroundCheckOptions, type IntegrityState } from './background-check';
import { backupDir, listBackups } from './backups';
import { connect, openReader, walHoldsChanges } from './connect';
import type { Db } from './database';
import { loadMigrations, type Migration } from './migrations';
import * as schema from './schema';
import { damagedError, errorCodeOf, notWritable, oneLine, readOnlyError, storageError } from './storage-errors';
import { writeTransaction } from './transactions';

export { backupDir, listBackups };
export type { IntegrityState };

/** "QMS1": marks a SQLite file as a Quartermaster workspace (PRAGMA application_id). */
export const APPLICATION_ID = 0x514d5331;

const QUICK_CHECK_MMAP_BYTES = 2 ** 31;

/**
 * How long a write waits for another process's write (the CLI importing while the app is open)
 * before it gives up with a "busy" message. Long enough for an ordinary import's commit, short
 * enough that a window is not frozen for long.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export type { Db };

export interface Workspace {
  path: string;
  db: Db;
  sqlite: Database.Database;
  schemaVersion: number;
  /** Why the workspace was opened read-only (its file or folder cannot be written), or null. */
  readOnly: string | null;
  /** What the deep check found: at open (after an unclean shutdown), in the background, or not yet. */
  integrity(): IntegrityState;
  close(): void;
}

export interface OpenOptions {
  /** Create an empty workspace when the file does not exist (default false). */
  create?: boolean;
  migrations?: Migration[];
  /** Used to name backups; tests pass a fixed clock. */
  now?: () => Date;
  /** How long a write waits for another writer (default DEFAULT_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /**
   * Run the deep check in a worker after opening, when it was not run while opening (default: no;
   * the app and serve mode ask for it, the CLI's `check` runs it on demand).
   */
  backgroundCheck?: BackgroundCheckOptions | false;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Writes a consistent copy through VACUUM INTO a temporary file, checks it, then renames it into
 * place (D3): never a byte copy of a live database.
 */
export function backupTo(sqlite: Database.Database, target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.partial`;
  rmSync(temp, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(temp);
  const check = connect(temp, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup failed its check: ${String(result)}`);
  } finally {
    check.close();
  }
  renameSync(temp, target);
  return target;
}

type SchemaObjects = Map<string, string | null>;

/** Every object of a schema (tables, indexes, triggers, views) but SQLite's own, with its SQL. */
function schemaObjects(db: Database.Database): SchemaObjects {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql]));
}

// Keyed by the migrations' content, not the array: each open loads the migrations afresh, and
// building the schema in memory (~70 ms) is most of what a fast open costs.
const expectedSchemas = new Map<string, SchemaObjects>();

/** The schema our own migrations produce at `version`, built once in memory and remembered. */
function expectedSchema(migrations: Migration[], version: number): SchemaObjects {
  const key = createHash('sha256')
    .update(JSON.stringify(migrations.slice(0, version).map((m) => m.statements)))
    .digest('hex');
  let objects = expectedSchemas.get(key);
  if (!objects) {
    const scratch = connect(':memory:');
    try {
      for (const m of migrations.slice(0, version)) for (const statement of m.statements) scratch.exec(statement);
      objects = schemaObjects(scratch);
    } finally {
      scratch.close();
    }
    expectedSchemas.set(key, objects);
  }
  return objects;
}

/**
 * A file that says it is ours must also hold exactly our schema: an extra trigger or view in a
 * crafted file would run its SQL on every edit (D7).
 */
function foreignObjects(actual: SchemaObjects, expected: SchemaObjects): string[] {
  const odd: string[] = [];
  for (const [key, sql] of actual) if (!expected.has(key) || expected.get(key) !== sql) odd.push(key);
  for (const key of expected.keys()) if (!actual.has(key)) odd.push(`${key} (missing)`);
  return odd;
}

/** A failure to read the file as SQLite at all, as the refusal it means. */
function unreadable(path: string, err: unknown): AppError {
  const code = errorCodeOf(err);
  if (code === 'SQLITE_NOTADB') {
    // Backups mean it was a workspace once: then a header that is no longer SQLite's is damage.
    if (listBackups(path).length > 0) return damagedError(path, 'it can no longer be read as a SQLite database');
    return new AppError('refused', `${basename(path)} is not a Quartermaster workspace (not a SQLite database).`);
  }
  if (code === 'SQLITE_CANTOPEN' && walHoldsChanges(path) && notWritable(path) !== null) {
    const name = basename(path);
    return new AppError(
      'read_only',
      `${name} is read-only (${notWritable(path)}) and its last changes are still in ${name}-wal, which SQLite can only merge or read where it may write. Make the folder writable, or copy ${name} together with ${name}-wal to a writable folder, and open it there. Nothing was changed.`,
    );
  }
  return storageError(err, path) ?? new AppError('refused', `Cannot open ${basename(path)}: ${oneLine((err as Error).message)}`);
}

interface Inspection {
  fresh: boolean;
  version: number;
}

/**
 * Reads the file without writing: SQLite's header, our application id and schema version, our
 * schema exactly (D7), and — when `deep` — every page (quick_check, D6).
 */
function inspect(path: string, migrations: Migration[], deep: boolean): Inspection {
  const latest = migrations.length;
  let probe: Database.Database;
  try {
    probe = openReader(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    probe.pragma('trusted_schema = OFF');
    let header: { app: number; version: number; tables: number };
    try {
      header = {
        app: probe.pragma('application_id', { simple: true }) as number,
        version: probe.pragma('user_version', { simple: true }) as number,
        tables: (probe.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n,
      };
    } catch (err) {
      const code = errorCodeOf(err);
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CANTOPEN') throw unreadable(path, err);
      throw storageError(err, path) ?? damagedError(path, (err as Error).message);
    }
    if (header.app === 0 && header.version === 0 && header.tables === 0) return { fresh: true, version: 0 };
    if (header.app !== APPLICATION_ID) {
      throw new AppError('refused', `${basename(path)} is not a Quartermaster workspace (it is some other SQLite database).`);
    }
    if (deep) deepCheck(probe, path);
    if (header.version > latest) {
      throw new AppError(
        'refused',
        `${basename(path)} was saved by a newer version of Quartermaster (schema ${header.version}; this version knows up to ${latest}). Update Quartermaster to open it.`,
        { schemaVersion: header.version, supported: latest },
      );
    }
    let odd: string[];
    try {
      odd = foreignObjects(schemaObjects(probe), expectedSchema(migrations, header.version));
    } catch (err) {
      throw storageError(err, path) ?? damagedError(path, (err as Error).message);
    }
    if (odd.length > 0) {
      throw new AppError(
        'refused',
        `${basename(path)} is not a workspace this version of Quartermaster wrote: its schema has unexpected or altered parts (${oneLine(odd.slice(0, 3).join(', '))}${odd.length > 3 ? ', …' : ''}).`,
      );
    }
    return { fresh: false, version: header.version };
  } finally {
    probe.close();
  }
}

/** quick_check over every page: damage is refused with the newest backup offered (D6). */
function deepCheck(probe: Database.Database, path: string): void {
  let check: unknown;
  try {
    // quick_check reads every page of the file. Mapping the file lets it read them in place
    // instead of copying each into the page cache: about 15 % of the check on a 1 GB
    // workspace. The probe is read-only and closed straight after, so nothing writes through
    // the mapping; SQLite caps the size at its own compile-time limit.
    probe.pragma(`mmap_size = ${QUICK_CHECK_MMAP_BYTES}`);
    check = probe.pragma('quick_check', { simple: true });
  } catch (err) {
    throw storageError(err, path) ?? damagedError(path, (err as Error).message);
  } finally {
    probe.pragma('mmap_size = 0');
  }
  if (check !== 'ok') throw damagedError(path, `integrity check: ${oneLine(check)}`);
}

function applyPragmas(sqlite: Database.Database, busyTimeoutMs: number): void {
  // First: every pragma after it (journal_mode reads the file) then waits for a writer too.
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('cell_size_check = ON');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // A statement that fires triggers (every budget line and actual feeds the rollups) keeps a
  // statement journal; in a temp file it made a 100,000-row import or plan copy 3–8× slower.
  sqlite.pragma('temp_store = MEMORY');
}

function migrate(db: Db, migrations: Migration[], from: number): void {
  const sqlite = db.$client;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  // Foreign keys must be off while tables are rebuilt; the check below runs before commit.
  sqlite.pragma('foreign_keys = OFF');
  try {
    writeTransaction(db, () => {
      for (const m of pending) {
        for (const statement of m.statements) sqlite.exec(statement);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new Error(`migration left ${violations.length} foreign key violation(s)`);
      }
      // Row images recorded under the old schema cannot be replayed faithfully under the new
      // one: keep them as the audit trail, but nothing before the upgrade can be undone.
      if (from > 0) sealHistory({ db });
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      sqlite.pragma(`user_version = ${pending.at(-1)!.version}`);
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** A new empty database file at `path` (its folder made first); storage failures said as such. */
function createFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    connect(path).close();
  } catch (err) {
    throw storageError(err, path) ?? err;
  }
}

/** The workspace through a read-only connection: it reads like any other, and every write is refused. */
function openReadOnly(path: string, reason: string, inspection: Inspection, migrations: Migration[], busyTimeoutMs: number, integrity: Integrity): Workspace {
  if (inspection.fresh) throw readOnlyError(path, reason);
  if (inspection.version < migrations.length) {
    throw new AppError(
      'read_only',
      `${basename(path)} was written by an older version of Quartermaster and must be upgraded before it is used, which cannot be done while it is read-only (${reason}). Make it writable, or copy it to a writable folder, and open it there. Nothing was changed.`,
    );
  }
  let sqlite: Database.Database;
  try {
    sqlite = openReader(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('cell_size_check = ON');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle({ client: sqlite, schema }) as Db;
  return {
    path,
    db,
    sqlite,
    schemaVersion: inspection.version,
    readOnly: reason,
    integrity: integrity.status,
    close: () => {
      integrity.stop();
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Whether opening must read every page first. A clean close of the last connection checkpoints
 * and deletes the -wal; one still holding writes means a writer stopped without closing (a
 * crash, a kill, a power cut) — or another is open on it right now, when the check only costs time.
 * An upgrade is checked first too: it rewrites tables, and its backup must be of a sound file.
 */
function needsDeepCheck(path: string, migrations: Migration[]): boolean {
  // Non-empty: a reader leaves an empty -wal behind (it cannot delete it), and a reader harms nothing.
  if (walHoldsChanges(path)) return true;
  let probe: Database.Database | null = null;
  try {
    probe = openReader(path);
    const version = probe.pragma('user_version', { simple: true }) as number;
    return version > 0 && version < migrations.length;
  } catch {
    // inspect reads the header again and says what is wrong with it.
    return false;
  } finally {
    probe?.close();
  }
}

type Integrity = Pick<BackgroundCheck, 'status' | 'stop'>;

function integrityAfterOpen(path: string, checked: boolean, options: OpenOptions): Integrity {
  if (checked) {
    const state: IntegrityState = { state: 'ok', checkedAt: (options.now ?? (() => new Date()))().toISOString() };
    return { status: () => state, stop: () => undefined };
  }
  if (!options.backgroundCheck) {
    const state: IntegrityState = { state: 'unchecked' };
    return { status: () => state, stop: () => undefined };
  }
  return startBackgroundCheck(path, { now: options.now, ...options.backgroundCheck });
}

export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  const now = options.now ?? (() => new Date());
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!existsSync(path)) {
    if (!options.create) throw new AppError('not_found', `No workspace at ${path}.`);
    createFile(path);
  }
  const deep = needsDeepCheck(path, migrations);
  const inspection = inspect(path, migrations, deep);
  const { fresh, version } = inspection;
  if (fresh && !options.create) {
    throw new AppError('refused', `${basename(path)} is not a Quartermaster workspace (it is an empty database).`);
  }
  const integrity = integrityAfterOpen(path, deep || fresh, options);
  const readOnly = notWritable(path);
  if (readOnly !== null) {
    try {
      return openReadOnly(path, readOnly, inspection, migrations, busyTimeoutMs, integrity);
    } catch (err) {
      integrity.stop();
      throw err;
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = connect(path, { fileMustExist: true });
  } catch (err) {
    throw unreadable(path, err);
  }
  const db = drizzle({ client: sqlite, schema }) as Db;
  try {
    try {
      applyPragmas(sqlite, busyTimeoutMs);
      if (!fresh && version < latest) {
        backupTo(sqlite, join(backupDir(path), `before-v${latest}-from-v${version}-${stamp(now())}.sqlite`));
      }
    } catch (err) {
      throw storageError(err, path) ?? err;
    }
    try {
      migrate(db, migrations, version);
    } catch (err) {
      const storage = storageError(err, path);
      if (storage !== null) throw storage;
      throw new AppError('refused', `Could not upgrade ${basename(path)}; it was left as it was. ${(err as Error).message}`);
    }
  } catch (err) {
    integrity.stop();
    sqlite.close();
    throw err;
  }
  return {
    path,
    db,
    sqlite,
    schemaVersion: latest,
    readOnly: null,
    integrity: integrity.status,
    close: () => {
      integrity.stop();
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Integrity and schema check for `cli check`, read-only (a read-only folder is fine): null when
 * sound, else the refusal (damaged, not ours, newer, unreadable…) with its code.
 */
export function checkWorkspaceFile(path: string, migrations = loadMigrations()): AppError | null {
  if (!existsSync(path)) return new AppError('not_found', `no such file: ${path}`);
  try {
    const { fresh } = inspect(path, migrations, false);
    if (fresh) return new AppError('refused', `${basename(path)} is not a Quartermaster workspace (it is an empty database).`);
    const probe = openReader(path);
    try {
      let integrity: unknown;
      try {
        probe.pragma(`mmap_size = ${QUICK_CHECK_MMAP_BYTES}`);
        integrity = probe.pragma('integrity_check', { simple: true });
      } catch (err) {
        return storageError(err, path) ?? damagedError(path, (err as Error).message);
      }
      if (integrity !== 'ok') return damagedError(path, `integrity check: ${oneLine(integrity)}`);
      const fk = probe.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) return damagedError(path, `${fk.length} broken reference(s) between rows`);
    } finally {
      probe.close();
    }
    // An older schema is sound: it is upgraded, with a backup, the next time it is opened.
    return null;
  } catch (err) {
    if (err instanceof AppError) return err;
    return storageError(err, path) ?? new AppError('refused', oneLine((err as Error).message));
  }
}

/** checkWorkspaceFile's reason as one line, or null when sound. */
export function checkWorkspace(path: string, migrations = loadMigrations()): string | null {
  return checkWorkspaceFile(path, migrations)?.message ?? null;
}
