/**
 * What every CLI command shares: its streams, the exit codes, and the usage error that turns
 * into exit 2 with a short usage text.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError, type ErrorCode } from '../../shared/result';
import type { Ctx } from '../core/context';
import { storageError } from '../core/db/storage-errors';

// Argument parsing is shared with serve mode, so it lives below both, in core.
export { currencyFlag, dateFlag, monthFlag, onePositional, onePositionalOrNone, parseCommandArgs, UsageError } from '../core/command-args';

export const exitOk = 0;
/** The input or workspace was refused; nothing was changed. */
export const exitRefused = 1;
export const exitUsage = 2;
/** The workspace is damaged (its integrity check failed, or SQLite found it corrupt). */
export const exitDamaged = 3;
/** The workspace, or a file to be written, is read-only; the workspace can still be read. */
export const exitReadOnly = 4;
export const exitDiskFull = 5;
/** Another Quartermaster was writing to the workspace for longer than a write waits. */
export const exitBusy = 6;
/** The disk reported an error reading or writing. */
export const exitIoError = 7;

/** The exit code a refusal of this code gives: storage failures each have their own, the rest are 1. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'damaged':
      return exitDamaged;
    case 'read_only':
      return exitReadOnly;
    case 'disk_full':
      return exitDiskFull;
    case 'busy':
      return exitBusy;
    case 'io_error':
      return exitIoError;
    default:
      return exitRefused;
  }
}

/**
 * A refusal (an AppError) or a failure of the storage under the workspace (another writer, a full
 * disk, a read-only folder, damage), said in one line and turned into its exit code; null for
 * anything else. `args` are the command's: the first positional is the workspace file, which
 * names the file and lets a write error on an almost full disk be called a full disk.
 */
export function refusalExit(err: unknown, args: readonly string[], io: CliIo): number | null {
  if (err instanceof AppError) {
    io.err(err.message);
    return exitCodeFor(err.code);
  }
  const first = args[0];
  const storage = storageError(err, first !== undefined && !first.startsWith('-') ? first : undefined);
  if (storage === null) return null;
  io.err(storage.message);
  return exitCodeFor(storage.code);
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today as the user's calendar sees it; tests pin it. */
  today(): string;
}

/** Temp file beside the target, then rename: a reader never sees half a file (an older file there is replaced). */
export function writeAtomically(target: string, data: string | Uint8Array): void {
  const temp = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** The item a --plan / --process flag names: exact name first, then ignoring case; refused with the names there are. */
export function byName<T extends { name: string }>(items: T[], name: string, what: string, plural: string): T {
  const found = items.find((i) => i.name === name) ?? items.find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new AppError('not_found', `There is no ${what} named "${name}". ${plural}: ${items.map((i) => `"${i.name}"`).join(', ') || 'none'}.`);
  }
  return found;
}

/** The budget plan a --plan flag names, newest fiscal year first in the refusal's list. */
export function planByName(ctx: Ctx, name: string): { id: string; name: string } {
  const plans = ctx.db.$client.prepare('SELECT id, name FROM plans ORDER BY fiscal_year DESC, name').all() as { id: string; name: string }[];
  return byName(plans, name, 'plan', 'Plans');
}
