/**
 * The chart of accounts. Accounts are never deleted, only deactivated: budget lines and actuals
 * keep pointing at them, and history must still read.
 */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Account, accountCreateSchema, accountUpdateSchema } from '../../../shared/budget';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { accounts } from '../db/schema';
import { withChange } from '../history/change';

type AccountRow = typeof accounts.$inferSelect;
export type AccountCreate = z.output<typeof accountCreateSchema>;
export type AccountUpdate = z.output<typeof accountUpdateSchema>;

function toAccount(row: AccountRow): Account {
  return { id: row.id, code: row.code, name: row.name, type: row.type, active: row.active };
}

/** Every account, inactive ones included, in code order. */
export function listAccounts(ctx: Ctx): Account[] {
  return ctx.db.select().from(accounts).orderBy(asc(accounts.code)).all().map(toAccount);
}

function requireAccount(ctx: Ctx, id: string): AccountRow {
  const row = ctx.db.select().from(accounts).where(eq(accounts.id, id)).get();
  if (!row) throw new AppError('not_found', 'That account no longer exists.');
  return row;
}

function requireCodeFree(ctx: Ctx, code: string, exceptId?: string): void {
  const holder = ctx.db.select().from(accounts).where(eq(accounts.code, code)).get();
  if (holder && holder.id !== exceptId) {
    throw new AppError('conflict', `Account code ${code} is already used by ${holder.name}.`);
  }
}

export function createAccount(ctx: Ctx, input: AccountCreate): Account {
  requireCodeFree(ctx, input.code);
  const at = isoNow(ctx);
  const row: AccountRow = { id: ctx.newId(), code: input.code, name: input.name, type: input.type, active: true, createdAt: at, updatedAt: at };
  withChange(ctx, `Add account ${row.code} ${row.name}`, (w) => w.insert('accounts', row));
  return toAccount(requireAccount(ctx, row.id));
}

/**
 * Edits, deactivates or reactivates an account. Changing the type is allowed even when figures
 * exist: it is how a miscategorised account is corrected, and every view derives from the type.
 */
export function updateAccount(ctx: Ctx, input: AccountUpdate): Account {
  const before = requireAccount(ctx, input.id);
  const patch: Partial<AccountRow> = {};
  if (input.code !== undefined && input.code !== before.code) {
    requireCodeFree(ctx, input.code, before.id);
    patch.code = input.code;
  }
  if (input.name !== undefined && input.name !== before.name) patch.name = input.name;
  if (input.type !== undefined && input.type !== before.type) patch.type = input.type;
  if (input.active !== undefined && input.active !== before.active) patch.active = input.active;
  const keys = Object.keys(patch);
  if (keys.length === 0) return toAccount(before);

  const name = `${before.code} ${before.name}`;
  let text = `Edit account ${name}`;
  if (keys.length === 1 && patch.active !== undefined) text = `${patch.active ? 'Reactivate' : 'Deactivate'} account ${name}`;
  else if (keys.length === 1 && patch.name !== undefined) text = `Rename account ${name} to ${patch.name}`;
  else if (keys.length === 1 && patch.code !== undefined) text = `Re-code account ${name} to ${patch.code}`;
  else if (keys.length === 1 && patch.type !== undefined) text = `Change type of account ${name} to ${patch.type}`;
  withChange(ctx, text, (w) => {
    w.update('accounts', before.id, { ...patch, updatedAt: isoNow(ctx) });
  });
  return toAccount(requireAccount(ctx, before.id));
}
