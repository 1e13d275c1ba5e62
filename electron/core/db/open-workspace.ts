/**
 * Opening a workspace file. The file is untrusted (D7): it is inspected read-only first, refused
 * untouched when it is corrupt (D6), not ours, or from a newer version (D5); only then is it opened
 * for writing, backed up and migrated in one transaction (D4), with WAL + synchronous=FULL (D1)
 * and foreign keys checked after (D8).
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/result';
import { sealHistory } from '../history/change';
import { backupDir, listBackups } from './backups';
import { connect } from './connect';
import type { Db } from './database';
import { loadMigrations, type Migration } from './migrations';
import * as schema from './schema';
import { writeTransaction } from './transactions';

export { backupDir, listBackups };

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

const expectedSchemas = new WeakMap<Migration[], Map<number, SchemaObjects>>();

/** The schema our own migrations produce at `version`, built once in memory and remembered. */
function expectedSchema(migrations: Migration[], version: number): SchemaObjects {
  let byVersion = expectedSchemas.get(migrations);
  if (!byVersion) expectedSchemas.set(migrations, (byVersion = new Map()));
  let objects = byVersion.get(version);
  if (!objects) {
    const scratch = connect(':memory:');
    try {
      for (const m of migrations.slice(0, version)) for (const statement of m.statements) scratch.exec(statement);
      objects = schemaObjects(scratch);
    } finally {
      scratch.close();
    }
    byVersion.set(version, objects);
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

function inspect(path: string, migrations: Migration[]): { fresh: boolean; version: number } {
  const latest = migrations.length;
  let probe: Database.Database;
  try {
    probe = connect(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new AppError('refused', `Cannot open ${basename(path)}: ${(err as Error).message}`);
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
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') throw new AppError('refused', `${basename(path)} is not a Quartermaster workspace (not a SQLite database).`);
      throw new AppError('refused', `${basename(path)} is damaged: ${oneLine((err as Error).message)}`, corruptDetails(path));
    }
    if (header.app === 0 && header.version === 0 && header.tables === 0) return { fresh: true, version: 0 };
    if (header.app !== APPLICATION_ID) {
      throw new AppError('refused', `${basename(path)} is not a Quartermaster workspace (it is some other SQLite database).`);
    }
    let check: unknown;
    try {
      // quick_check reads every page of the file. Mapping the file lets it read them in place
      // instead of copying each into the page cache: about 15 % of the check on a 1 GB
      // workspace. The probe is read-only and closed straight after, so nothing writes through
      // the mapping; SQLite caps the size at its own compile-time limit.
      probe.pragma(`mmap_size = ${QUICK_CHECK_MMAP_BYTES}`);
      check = probe.pragma('quick_check', { simple: true });
    } catch (err) {
      throw new AppError('refused', `${basename(path)} is damaged: ${oneLine((err as Error).message)}`, corruptDetails(path));
    }
    if (check !== 'ok') {
      throw new AppError('refused', `${basename(path)} is damaged (integrity check: ${oneLine(check)}).`, corruptDetails(path));
    }
    if (header.version > latest) {
      throw new AppError(
        'refused',
        `${basename(path)} was saved by a newer version of Quartermaster (schema ${header.version}; this version knows up to ${latest}). Update Quartermaster to open it.`,
        { schemaVersion: header.version, supported: latest },
      );
    }
    const odd = foreignObjects(schemaObjects(probe), expectedSchema(migrations, header.version));
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

/** SQLite's check reports run over many lines; a refusal is one line a person can read. */
function oneLine(text: unknown, max = 200): string {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function corruptDetails(path: string): { newestBackup: string | null } {
  return { newestBackup: listBackups(path)[0] ?? null };
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

export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  const now = options.now ?? (() => new Date());
  if (!existsSync(path)) {
    if (!options.create) throw new AppError('not_found', `No workspace at ${path}.`);
    mkdirSync(dirname(path), { recursive: true });
    connect(path).close();
  }
  const { fresh, version } = inspect(path, migrations);
  if (fresh && !options.create) {
    throw new AppError('refused', `${basename(path)} is not a Quartermaster workspace (it is an empty database).`);
  }
  const sqlite = connect(path, { fileMustExist: true });
  const db = drizzle({ client: sqlite, schema }) as Db;
  try {
    applyPragmas(sqlite, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    if (!fresh && version < latest) {
      backupTo(sqlite, join(backupDir(path), `before-v${latest}-from-v${version}-${stamp(now())}.sqlite`));
    }
    try {
      migrate(db, migrations, version);
    } catch (err) {
      throw new AppError('refused', `Could not upgrade ${basename(path)}; it was left as it was. ${(err as Error).message}`);
    }
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return {
    path,
    db,
    sqlite,
    schemaVersion: latest,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Integrity and schema check for `cli check`: null when sound, else a one-line reason. */
export function checkWorkspace(path: string, migrations = loadMigrations()): string | null {
  if (!existsSync(path)) return `no such file: ${path}`;
  try {
    const { fresh } = inspect(path, migrations);
    if (fresh) return `${basename(path)} is not a Quartermaster workspace (it is an empty database).`;
    const probe = connect(path, { readonly: true, fileMustExist: true });
    try {
      const integrity = probe.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') return `${basename(path)} is damaged (integrity check: ${oneLine(integrity)}).`;
      const fk = probe.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) return `${basename(path)} has ${fk.length} broken reference(s) between rows.`;
    } finally {
      probe.close();
    }
    // An older schema is sound: it is upgraded, with a backup, the next time it is opened.
    return null;
  } catch (err) {
    return err instanceof AppError ? err.message : (err as Error).message;
  }
}
