/**
 * The one door every transport (Electron IPC, HTTP in serve mode, tests) goes through:
 * known method → zod-parsed input → handler → zod-checked output → Result. Nothing thrown
 * crosses; an unexpected error becomes a generic internal error and its cause is logged.
 */
import { type z } from 'zod';
import { contract, isMethodName, isMutation, type Handlers, type MethodName } from '../../../shared/contract';
import { AppError, type Result } from '../../../shared/result';
import { brokenTextMessage, brokenTextPath } from '../../../shared/text';
import { storageError } from '../db/storage-errors';
import { createLogger, type Logger } from '../log';

const defaultLog = createLogger('dispatch');

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Async because some handlers are (reading a spreadsheet happens in a worker); a synchronous
 * handler's answer goes through the same awaited path, so every transport treats both alike.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  payload: unknown,
  log: Logger = defaultLog,
  /** Tells a storage failure (busy, read-only, full disk, damage) by what it is; the session names its file. */
  classify: (err: unknown) => AppError | null = storageError,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` } };
  }
  const spec = contract[method];
  // Text that cannot be stored as UTF-8 is refused at the door, naming the field, never stored or silently changed.
  const broken = brokenTextPath(payload);
  if (broken !== null) return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}: ${brokenTextMessage(broken)}` } };
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${method}: ${describeIssues(parsed.error)}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value: unknown = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log.error(`output of ${method} broke its contract`, describeIssues(checked.error));
      // A mutation has already committed by now: say so rather than claim nothing changed.
      const message = isMutation(method)
        ? 'The change was saved, but Quartermaster could not read back its result. Reload the view to see it.'
        : 'Something went wrong inside Quartermaster; nothing was changed.';
      return { ok: false, error: { code: 'internal', message } };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() };
    const storage = classify(err);
    if (storage !== null) {
      log.warn(`${method} failed: ${storage.code}`, err);
      return { ok: false, error: storage.toData() };
    }
    log.error(`${method} failed`, err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Quartermaster; nothing was changed.' } };
  }
}

export type { MethodName };
