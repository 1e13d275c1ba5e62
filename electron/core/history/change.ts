/**
 * Every write goes through a change: one transaction that records, for each row it touches, the
 * row before and after. Undo and redo replay those images; "where did this number come from"
 * reads them. Services write rows only through the Writer handed to them here.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { auditRows, changes, type auditedTables, type AuditedTableName } from '../db/schema';
import { rawRows, readRow, type Row } from './row-store';
import { writeTransaction } from '../db/transactions';

type TableOf<N extends AuditedTableName> = (typeof auditedTables)[N];
export type RowOf<N extends AuditedTableName> = TableOf<N>['$inferSelect'];
/** A row to insert: nullable columns added later (e.g. import_batch_id) may be left out and are null. */
export type NewRowOf<N extends AuditedTableName> = TableOf<N>['$inferInsert'];

export interface Writer {
  readonly changeId: string;
  insert<N extends AuditedTableName>(table: N, row: NewRowOf<N>): void;
  update<N extends AuditedTableName>(table: N, id: RowOf<N>['id'], patch: Partial<RowOf<N>>): RowOf<N>;
  remove<N extends AuditedTableName>(table: N, id: RowOf<N>['id']): void;
}

function nextSeq(ctx: Ctx): number {
  const row = ctx.db.select({ max: sql<number | null>`max(${changes.seq})` }).from(changes).get();
  return (row?.max ?? 0) + 1;
}

/**
 * Forgets every change that could still be redone, with its row images: once a new change is
 * made (or history is cleared) they can never be replayed, and keeping them would only grow the file.
 */
export function dropRedoable(ctx: Pick<Ctx, 'db'>): void {
  const undone = ctx.db.select({ id: changes.id }).from(changes).where(eq(changes.state, 'undone'));
  ctx.db.delete(auditRows).where(inArray(auditRows.changeId, undone)).run();
  ctx.db.delete(changes).where(eq(changes.state, 'undone')).run();
}

/**
 * Makes everything done so far permanent: nothing before this point can be undone any more, but
 * the row images stay as the audit trail. Used where going back would break a promise (a locked
 * plan stays locked) or could no longer be done faithfully (after a schema upgrade).
 */
export function sealHistory(ctx: Pick<Ctx, 'db'>): void {
  dropRedoable(ctx);
  ctx.db.update(changes).set({ state: 'discarded' }).where(eq(changes.state, 'done')).run();
}

function recordedAnything(ctx: Ctx, changeId: string): boolean {
  return ctx.db.select({ id: auditRows.id }).from(auditRows).where(eq(auditRows.changeId, changeId)).limit(1).get() !== undefined;
}

/**
 * Runs `fn` inside one transaction as one undoable change labelled `label`. A change that
 * writes something discards what could have been redone, as in every editor; one that writes
 * nothing leaves no trace at all. Returns what `fn` returns.
 */
export function withChange<T>(ctx: Ctx, label: string, fn: (w: Writer) => T): T {
  return writeTransaction(ctx.db, () => {
    const changeId = ctx.newId();
    const at = ctx.now().toISOString();
    ctx.db.insert(changes).values({ id: changeId, seq: nextSeq(ctx), label, origin: ctx.origin, state: 'done', at }).run();
    const audit = (table: AuditedTableName, rowId: string | number, before: unknown, after: unknown) => {
      ctx.db
        .insert(auditRows)
        .values({
          changeId,
          tableName: table,
          rowId: String(rowId),
          before: before === undefined ? null : JSON.stringify(before),
          after: after === undefined ? null : JSON.stringify(after),
        })
        .run();
    };
    const writer: Writer = {
      changeId,
      insert(table, row) {
        rawRows.insert(ctx, table, row as Row);
        audit(table, (row as Row).id, undefined, readRow(ctx, table, (row as Row).id));
      },
      update(table, id, patch) {
        const before = readRow(ctx, table, id);
        if (!before) throw new Error(`${table} row ${String(id)} vanished during a change`);
        rawRows.update(ctx, table, id, patch);
        const after = readRow(ctx, table, id)!;
        audit(table, id, before, after);
        return after as never;
      },
      remove(table, id) {
        const before = readRow(ctx, table, id);
        if (!before) return;
        rawRows.remove(ctx, table, id);
        audit(table, id, before, undefined);
      },
    };
    const result = fn(writer);
    // Services may also record row images in bulk with SQL (see plan copies), so ask the table.
    if (recordedAnything(ctx, changeId)) dropRedoable(ctx);
    else ctx.db.delete(changes).where(eq(changes.id, changeId)).run();
    return result;
  });
}
