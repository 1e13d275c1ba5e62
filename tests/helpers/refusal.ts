import { AppError } from '../../shared/result';

/** Runs `fn`, which must be refused with an AppError, and returns that error for inspection. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** Awaits `fn`, which must be refused with an AppError, and returns that error for inspection. */
export async function asyncRefusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but the call succeeded');
}
