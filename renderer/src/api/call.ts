/**
 * The typed client: `call('budget.grid', {planId, departmentId})` resolves with the output
 * type the contract declares, or throws an ApiError carrying the server's code and message.
 * Queries have a deadline, so no screen waits forever on a lost answer. Mutations run one at a
 * time, in the order they were made (an undo pressed right after an edit must undo that edit),
 * and are never given up on: a slow one may still commit, and a retry would do it twice.
 */
import { isMutation, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { isResult } from '../../../shared/result';
import { ApiError } from './api-error';
import { send } from './transport';

export interface CallOptions {
  /** Milliseconds before the call is given up. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 20_000;

let mutations: Promise<unknown> = Promise.resolve();

export function call<M extends MethodName>(method: M, input: MethodInput<M>, options: CallOptions = {}): Promise<MethodOutput<M>> {
  if (!isMutation(method)) return callNow(method, input, options.timeoutMs ?? defaultTimeoutMs);
  const next = mutations.then(() => callNow(method, input, null));
  mutations = next.catch(() => undefined);
  return next;
}

async function callNow<M extends MethodName>(method: M, input: MethodInput<M>, timeoutMs: number | null): Promise<MethodOutput<M>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    if (timeoutMs === null) return;
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
  if (!raw.ok) throw ApiError.from(raw.error);
  // The server has already checked the value against the contract's output schema.
  return raw.value as MethodOutput<M>;
}
