/** Where a workspace's backups live: `<name>.backups/` beside it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export function backupDir(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.backups`);
}

/** Backups of a workspace, newest first. */
export function listBackups(path: string): string[] {
  const dir = backupDir(path);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a));
}
