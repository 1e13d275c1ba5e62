/**
 * File operations behind the File menu that do not need Electron: open with the refusal kept as
 * data, Save a Copy as a checked consistent copy, and recovering from a backup without touching
 * the damaged file or the backup itself.
 */
import { copyFileSync, constants, existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError, type AppErrorData } from '../../shared/result';
import { backgroundCheckDelayMs } from '../core/db/background-check';
import { backupTo, listBackups } from '../core/db/open-workspace';
import { openSession, type Session } from '../core/session';
import { getWorkspaceInfo } from '../core/workspace/workspace-service';

export type OpenOutcome = { ok: true; session: Session } | { ok: false; error: AppErrorData; newestBackup: string | null };

/**
 * Opens a workspace for the app. The deep check runs in the background a few seconds later (not
 * between the user and the first screen); `onDamage` hears if it finds damage.
 */
export function tryOpenWorkspace(path: string, onDamage?: (detail: string) => void): OpenOutcome {
  try {
    return { ok: true, session: openSession(path, { origin: 'app', backgroundCheck: { delayMs: backgroundCheckDelayMs, ...(onDamage ? { onDamage } : {}) } }) };
  } catch (err) {
    if (err instanceof AppError) {
      // Only damage offers a backup: a read-only folder, a full disk or another writer is not
      // cured by opening older data.
      const details = err.details as { newestBackup?: unknown } | undefined;
      const newestBackup = err.code === 'damaged' && typeof details?.newestBackup === 'string' ? details.newestBackup : null;
      return { ok: false, error: err.toData(), newestBackup };
    }
    return { ok: false, error: { code: 'internal', message: `Could not open ${basename(path)}: ${(err as Error).message}` }, newestBackup: null };
  }
}

/**
 * A name Quartermaster will not write to: an existing file, or a leftover -wal that a new
 * database there would pick up as its own.
 */
export function isTaken(target: string): boolean {
  return existsSync(target) || existsSync(`${target}-wal`);
}

/** The first free "<name> 2.sqlite", "<name> 3.sqlite", … beside a taken path (the path itself when free). */
export function freeName(target: string): string {
  if (!isTaken(target)) return target;
  const ext = extname(target) || '.sqlite';
  const stem = basename(target, extname(target)).replace(/ \d+$/, '');
  let candidate = target;
  for (let n = 2; isTaken(candidate); n++) candidate = join(dirname(target), `${stem} ${n}${ext}`);
  return candidate;
}

/**
 * Save a Copy: VACUUM INTO a temp file, checked, renamed (D3) — never a byte copy of the live
 * file. Refuses to write over any existing file: replacing a SQLite file beside a stale -wal
 * would corrupt it, and the live workspace itself must never be the target.
 */
export function saveCopy(session: Session, target: string): string {
  if (resolve(target) === resolve(session.workspace.path)) {
    throw new AppError('refused', 'A copy cannot replace the open workspace; choose another name.');
  }
  if (isTaken(target)) {
    throw new AppError('refused', `${basename(target)} already exists; Quartermaster never overwrites a file. Choose a new name.`);
  }
  return backupTo(session.workspace.sqlite, target);
}

/**
 * Puts the newest backup of a damaged workspace beside it under a new name and returns that
 * path. The damaged file and the backup both stay exactly as they were. A backup is a closed
 * file written by VACUUM INTO, so a plain copy of it is consistent.
 */
export function restoreNewestBackup(damaged: string): string | null {
  const backup = listBackups(damaged)[0];
  if (backup === undefined) return null;
  const base = basename(damaged, extname(damaged));
  const stem = basename(backup, extname(backup));
  let target = join(dirname(damaged), `${base} (from backup ${stem}).sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(damaged), `${base} (from backup ${stem}) ${n}.sqlite`);
  copyFileSync(backup, target, constants.COPYFILE_EXCL);
  return target;
}

/** Names the workspace for the title bar; null when its settings cannot be read. */
export function workspaceName(session: Pick<Session, 'ctx'>): string | null {
  // Straight to the service: the title is needed synchronously, and dispatch is async.
  try {
    return getWorkspaceInfo(session.ctx).name;
  } catch {
    return null;
  }
}
