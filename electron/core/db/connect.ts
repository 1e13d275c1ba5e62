/**
 * Every SQLite connection the app makes goes through here. The desktop shell runs inside
 * Electron, whose Node has another ABI than the one `npm install` built better-sqlite3 for; it
 * points QM_SQLITE_BINDING at an addon built for Electron (build/prepare-electron-sqlite.mjs).
 * Plain Node (tests, CLI, serve mode) leaves it unset and uses the package's own build.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// better-sqlite3 reads this once, when its addon loads (on the first connection): `file:` URIs
// let a read-only folder's workspace be opened with ?immutable=1 (see openReader). A path that
// itself starts with "file:" is still taken as a path (connect puts ./ before it).
process.env.SQLITE_USE_URI ??= '1';

function open(name: string, options: Database.Options): Database.Database {
  const nativeBinding = process.env.QM_SQLITE_BINDING;
  return new Database(name, nativeBinding ? { ...options, nativeBinding } : options);
}

export function connect(path: string, options: Database.Options = {}): Database.Database {
  // A file really named "file:…" is a file, not a URI.
  return open(path.startsWith('file:') ? `./${path}` : path, options);
}

/** The `file:` URI that opens `path` as immutable: no locks, no -shm, nothing written. */
export function immutableUri(path: string): string {
  return `${pathToFileURL(resolve(path)).href}?immutable=1`;
}

/**
 * A read-only connection to a workspace, wherever it lies. Normally a plain read-only open. In a
 * folder that cannot be written, a WAL-mode file has no -shm to coordinate readers through, and
 * SQLite cannot open it; when no -wal holds changes either, every committed change is in the
 * file itself, so it is opened immutable (nobody can write there to change it under us). With a
 * non-empty -wal that cannot be done honestly (it would show the file without its last changes):
 * the error stands, and the caller says why.
 */
export function openReader(path: string): Database.Database {
  const reader = connect(path, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
    return reader;
  } catch (err) {
    reader.close();
    if ((err as { code?: string }).code !== 'SQLITE_CANTOPEN' || walHoldsChanges(path)) throw err;
    if (!process.env.SQLITE_USE_URI || process.env.SQLITE_USE_URI === '0') throw err;
    const immutable = open(immutableUri(path), { readonly: true, fileMustExist: true });
    try {
      immutable.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
    } catch (again) {
      immutable.close();
      throw again;
    }
    return immutable;
  }
}

/** Whether `<path>-wal` holds changes not yet written into the file itself. */
export function walHoldsChanges(path: string): boolean {
  const wal = `${path}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}
