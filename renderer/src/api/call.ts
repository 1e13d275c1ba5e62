/**
 * The typed client: `call('budget.grid', {planId, departmentId})` resolves with the output
 * type the contract declares, or throws an ApiError carrying the server's code and message.
 * Every call has a deadline, so no screen waits forever on a lost answer.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { isResult } from '../../../shared/result';
import { ApiError } from './api-error';
import { send } from './transport';

export interface CallOptions {
  /** Milliseconds before the call is given up. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 20_000;

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: CallOptions = {},
): Promise<MethodOutput<M>> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ApiError('timeout', `Quartermaster did not answer within ${Math.round(timeoutMs / 1000)} s (${method}). Try again.`));
    }, timeoutMs);
  });
  let raw: unknown;
  try {
    raw = await Promise.race([send(method, input, controller.signal), deadline]);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('transport', 'Could not reach the Quartermaster workspace. Is it still running?');
  } finally {
    clearTimeout(timer);
  }
  if (!isResult(raw)) throw new ApiError('transport', `Unexpected answer to ${method}.`);
  if (!raw.ok) throw new ApiError(raw.error.code, raw.error.message, raw.error.details);
  // The server has already checked the value against the contract's output schema.
  return raw.value as MethodOutput<M>;
}
