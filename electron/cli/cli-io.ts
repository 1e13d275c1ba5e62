/**
 * What every CLI command shares: its streams, the exit codes, and the usage error that turns
 * into exit 2 with a short usage text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { currencySchema, fiscalStartMonthSchema } from '../../shared/workspace';
import { dateSchema } from '../../shared/periods';

export const exitOk = 0;
/** The input or workspace was refused; nothing was changed. */
export const exitRefused = 1;
export const exitUsage = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today as the user's calendar sees it; tests pin it. */
  today(): string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs in strict mode, with its complaints turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  return positionals[0]!;
}

export function dateFlag(value: string, flag: string): string {
  if (!dateSchema.safeParse(value).success) throw new UsageError(`${flag} must be a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

export function currencyFlag(value: string): string {
  const parsed = currencySchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--currency ${parsed.error.issues[0]?.message ?? 'is not valid'}, not "${value}"`);
  return value;
}

export function monthFlag(value: string, flag: string): number {
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!fiscalStartMonthSchema.safeParse(n).success) throw new UsageError(`${flag} must be a month number from 1 to 12, not "${value}"`);
  return n;
}

/** The local calendar date, YYYY-MM-DD: "today" means the user's day, not UTC's. */
export function onePositionalOrNone(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  return positionals[0];
}
