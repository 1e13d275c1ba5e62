/**
 * Command-line arguments, for the CLI and serve mode alike: node:util parseArgs in strict mode and
 * the flags both take, each complaint a UsageError (exit 2 with the usage text).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateSchema } from '../../shared/periods';
import { currencySchema, fiscalStartMonthSchema } from '../../shared/workspace';

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

/** The one optional positional argument, if given. */
export function onePositionalOrNone(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  return positionals[0];
}
