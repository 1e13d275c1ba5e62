/**
 * Every SQLite connection the app makes goes through here. The desktop shell runs inside
 * Electron, whose Node has another ABI than the one `npm install` built better-sqlite3 for; it
 * points QM_SQLITE_BINDING at an addon built for Electron (build/prepare-electron-sqlite.mjs).
 * Plain Node (tests, CLI, serve mode) leaves it unset and uses the package's own build.
 */
import Database from 'better-sqlite3';

export function connect(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.QM_SQLITE_BINDING;
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
