/**
 * The statements a call prepares outside a transaction: a renderer or an export that reads every
 * figure in one read transaction prepares none.
 */
import type { Ctx } from '../../electron/core/context';

/** Runs `fn` and returns the first 80 characters of each statement it prepared outside a transaction. */
export async function preparedOutsideTransaction(ctx: Ctx, fn: () => unknown): Promise<string[]> {
  const client = ctx.db.$client;
  const original = client.prepare.bind(client);
  const outside: string[] = [];
  client.prepare = ((source: string) => {
    const statement = original(source);
    if (!client.inTransaction) outside.push(source.slice(0, 80));
    return statement;
  }) as typeof client.prepare;
  try {
    await fn();
  } finally {
    client.prepare = original;
  }
  return outside;
}
