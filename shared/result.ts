/**
 * Errors cross every boundary (IPC, HTTP, CLI) as data, never as thrown objects.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'locked',
  'refused',
  'unknown_method',
  'forbidden',
  'internal',
  // The storage under the workspace, told apart so each gets a true message (electron/core/db/storage-errors.ts).
  'busy',
  'read_only',
  'disk_full',
  'damaged',
  'io_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** A refusal the user should read: thrown inside core, turned into data at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
