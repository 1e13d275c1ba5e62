import type { AppErrorData, ErrorCode } from '../../../shared/result';

/** Codes the server sends, plus the two that only the client can see. */
export type ApiErrorCode = ErrorCode | 'timeout' | 'transport';

/**
 * A refused or failed call: the server's AppErrorData as it crossed the boundary (shared's
 * AppError cannot be extended, its code is the server's narrower set). `message` is written for
 * the user; the renderer shows it as is and never shows a stack.
 */
export class ApiError extends Error implements Omit<AppErrorData, 'code'> {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static from(data: AppErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}

/** The message to show for anything caught around a call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong; nothing was changed.';
}
