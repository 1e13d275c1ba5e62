/**
 * What went wrong underneath the workspace, told apart so the message is true: another writer
 * holds it (busy), it cannot be written (read-only), the disk is full, the file is damaged, or the
 * disk itself failed. Each is its own error code (and CLI exit code); only damage offers a backup,
 * because opening an older copy is the wrong answer to a full disk or a read-only folder.
 */
import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/result';
import { listBackups } from './backups';

export const busyMessage = 'The workspace is busy (another Quartermaster is writing to it). Try again in a moment.';

/**
 * Below this much free space an I/O error while writing is taken to be a full disk: SQLite reports
 * a failed write of its -wal or -shm file as "disk I/O error", not as SQLITE_FULL.
 */
const LOW_SPACE_BYTES = 8 * 1024 * 1024;

/** SQLite's and Node's error codes ('SQLITE_BUSY_SNAPSHOT', 'ENOSPC'), or undefined. */
export function errorCodeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One line a person can read: SQLite's check reports run over many lines. */
export function oneLine(text: unknown, max = 200): string {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Bytes free to this user on the disk holding `path` (a file or folder), or null when unknown. */
export function freeBytes(path: string): number | null {
  try {
    const stats = statfsSync(existsSync(path) ? path : dirname(path));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.floor(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why this process may not write `path` (the file, or the folder its -wal and -shm go in), or null. */
export function notWritable(path: string): string | null {
  const targets = existsSync(path) ? [path, dirname(path)] : [dirname(path)];
  for (const target of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = errorCodeOf(err);
      if (code === 'EROFS') return `${target === path ? 'it is' : 'its folder is'} on a read-only disk`;
      if (code === 'EACCES' || code === 'EPERM') return `${target === path ? 'the file' : 'its folder'} cannot be written with your permissions`;
    }
  }
  return null;
}

function what(path: string | undefined): string {
  return path === undefined ? 'The workspace' : basename(path);
}

export function busyError(): AppError {
  return new AppError('busy', busyMessage);
}

export function readOnlyError(path: string | undefined, reason?: string | null): AppError {
  return new AppError(
    'read_only',
    `${what(path)} is read-only${reason ? ` (${reason})` : ' (its file or folder cannot be written)'}, so nothing was saved. It can still be read, checked and exported; to change it, make it writable or copy it to a writable folder.`,
  );
}

export function diskFullError(path: string | undefined, free: number | null): AppError {
  const where = path === undefined ? 'the workspace' : basename(path);
  return new AppError(
    'disk_full',
    `The disk is full${free === null ? '' : ` (${formatBytes(free)} free)`}: there is not enough space to write ${where}. Nothing was saved; free some space and try again.`,
    free === null ? undefined : { freeBytes: free },
  );
}

export function damagedError(path: string | undefined, detail: string): AppError {
  return new AppError(
    'damaged',
    `${what(path)} is damaged: ${oneLine(detail)}`,
    path === undefined ? undefined : { newestBackup: listBackups(path)[0] ?? null },
  );
}

function ioError(path: string | undefined, detail: string): AppError {
  return new AppError(
    'io_error',
    `${what(path)} could not be read or written: the disk reported an error (${oneLine(detail)}). Nothing was saved; check the drive and try again.`,
  );
}

/**
 * A storage failure as the AppError it means, or null when `err` is not one (a bug, or already an
 * AppError). `path` is the workspace file: it names the file in messages, lets a write error on an
 * almost-full disk be called a full disk, and finds the backups offered for damage.
 */
export function storageError(err: unknown, path?: string): AppError | null {
  if (err instanceof AppError) return null;
  const code = errorCodeOf(err);
  if (code === undefined) return null;
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_')) {
    const primary = code.replace(/^(SQLITE_[A-Z]+?)(_[A-Z_]+)?$/, '$1');
    switch (primary) {
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return busyError();
      case 'SQLITE_READONLY':
      case 'SQLITE_PERM':
        return readOnlyError(path, path === undefined ? null : notWritable(path));
      case 'SQLITE_FULL':
        return diskFullError(path, path === undefined ? null : freeBytes(path));
      case 'SQLITE_CORRUPT':
      case 'SQLITE_NOTADB':
        return damagedError(path, message);
      case 'SQLITE_IOERR':
      case 'SQLITE_CANTOPEN': {
        if (path !== undefined) {
          const free = freeBytes(path);
          if (free !== null && free < LOW_SPACE_BYTES) return diskFullError(path, free);
          const reason = notWritable(path);
          if (reason !== null) return readOnlyError(path, reason);
        }
        return ioError(path, message);
      }
      default:
        return null;
    }
  }
  // Node's file-system errors: the file named is the one in the error (an export's --out, say).
  const file = (err as NodeJS.ErrnoException).path;
  const named = file === undefined ? undefined : file;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFullError(named ?? path, freeBytes(named ?? path ?? '.'));
    case 'EROFS':
      return new AppError('read_only', `${named ?? what(path)} is on a read-only disk, so it cannot be written. Nothing was saved.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('read_only', `${named ?? what(path)}: permission denied (it, or its folder, is read-only to you). Nothing was saved.`);
    case 'EIO':
      return ioError(named ?? path, message);
    default:
      return null;
  }
}
