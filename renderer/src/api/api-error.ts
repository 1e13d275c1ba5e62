import type { ErrorCode } from '../../../shared/result';

/** Codes the server sends, plus the two that only the client can see. */
export type ApiErrorCode = ErrorCode | 'timeout' | 'transport';

/**
 * A refused or failed call. `message` is written for the user; the renderer shows it as is
 * and never shows a stack.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** The message to show for anything caught around a call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong; nothing was changed.';
}
