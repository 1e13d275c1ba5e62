/**
 * Undo and redo over the recorded changes. Because the changes live in the workspace file,
 * undo works across reloads and restarts.
 */
import { and, asc, between, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/result';
import type { HistoryState } from '../../../shared/workspace';
import type { Ctx } from '../context';
import { auditedTables, auditRows, changes, type AuditedTableName } from '../db/schema';
import { bulkRows, bulkTables, rawRows } from './row-store';
import { writeTransaction } from '../db/transactions';

type Direction = 'undo' | 'redo';

function isAuditedTable(name: string): name is AuditedTableName {
  return Object.hasOwn(auditedTables, name);
}

function nextUndo(ctx: Ctx) {
  return ctx.db.select().from(changes).where(eq(changes.state, 'done')).orderBy(desc(changes.seq)).limit(1).get();
}

/** Redo takes the earliest undone change: the one undone last. */
function nextRedo(ctx: Ctx) {
  return ctx.db.select().from(changes).where(eq(changes.state, 'undone')).orderBy(asc(changes.seq)).limit(1).get();
}

export function historyState(ctx: Ctx): HistoryState {
  const undo = nextUndo(ctx);
  const redo = nextRedo(ctx);
  return { canUndo: !!undo, undoLabel: undo?.label ?? null, canRedo: !!redo, redoLabel: redo?.label ?? null };
}

interface Run {
  tableName: string;
  kind: 'remove' | 'insert' | 'update';
  lo: number;
  hi: number;
}

/**
 * A change's audit rows as runs of consecutive rows of one table and one kind of write, in the
 * order `direction` replays them. Undo restores `before` images: a row with none was inserted by
 * the change and is removed; a row with no `after` was removed and comes back; others are updated.
 */
function runsOf(ctx: Ctx, changeId: string, direction: Direction): Run[] {
  const [target, current] = direction === 'undo' ? ['before', 'after'] : ['after', 'before'];
  return ctx.db.$client
    .prepare(
      `SELECT table_name AS tableName, kind, min(id) AS lo, max(id) AS hi FROM (
         SELECT id, table_name, kind, row_number() OVER (ORDER BY id) - row_number() OVER (PARTITION BY table_name, kind ORDER BY id) AS run
           FROM (SELECT id, table_name, CASE WHEN ${target} IS NULL THEN 'remove' WHEN ${current} IS NULL THEN 'insert' ELSE 'update' END AS kind
                   FROM audit_rows WHERE change_id = ?))
        GROUP BY table_name, kind, run ORDER BY lo ${direction === 'undo' ? 'DESC' : 'ASC'}`,
    )
    .all(changeId) as Run[];
}

/**
 * Restores one side of every row image of a change; undo walks the writes backwards. Runs of
 * figures (budget lines, actuals) that are removed or put back go in one statement each — a
 * plan copy's undo deletes its lines at once rather than one by one; everything else, and every
 * update, is replayed row by row in order.
 */
function replay(ctx: Ctx, changeId: string, direction: Direction): void {
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  for (const run of runsOf(ctx, changeId, direction)) {
    if (!isAuditedTable(run.tableName)) throw new Error(`audit row names an unknown table: ${run.tableName}`);
    const table = run.tableName;
    if (bulkTables.has(table) && run.kind !== 'update' && run.lo !== run.hi) {
      const range = { changeId, table, lo: run.lo, hi: run.hi };
      if (run.kind === 'remove') bulkRows.removeAll(ctx, range);
      else bulkRows.insertAll(ctx, range, direction === 'undo' ? 'before' : 'after', order);
      continue;
    }
    const rows = ctx.db
      .select()
      .from(auditRows)
      .where(and(eq(auditRows.changeId, changeId), between(auditRows.id, run.lo, run.hi)))
      .orderBy(direction === 'undo' ? desc(auditRows.id) : asc(auditRows.id))
      .all();
    for (const r of rows) {
      const target = direction === 'undo' ? r.before : r.after;
      const current = direction === 'undo' ? r.after : r.before;
      const image = target === null ? null : (JSON.parse(target) as Record<string, unknown> & { id: string | number });
      const rowId = image?.id ?? (JSON.parse(current!) as { id: string | number }).id;
      if (image === null) rawRows.remove(ctx, table, rowId);
      else if (current === null) rawRows.insert(ctx, table, image);
      else rawRows.update(ctx, table, rowId, image);
    }
  }
}

/** Locked plans stay locked: no undo or redo may write to one, or to its lines. */
function refuseLockedPlans(ctx: Ctx, changeId: string, label: string, direction: Direction): void {
  const locked = ctx.db.$client
    .prepare(
      `SELECT DISTINCT p.name FROM audit_rows a
         JOIN plans p ON p.id = CASE WHEN a.table_name = 'plans' THEN a.row_id
                                     ELSE coalesce(json_extract(a.after, '$.planId'), json_extract(a.before, '$.planId')) END
        WHERE a.change_id = ? AND a.table_name IN ('plans', 'budget_lines') AND p.status = 'locked'`,
    )
    .pluck()
    .all(changeId) as string[];
  if (locked.length > 0) {
    throw new AppError('locked', `Cannot ${direction} "${label}": ${locked.join(', ')} is locked, and locked plans stay as they are.`);
  }
}

function step(ctx: Ctx, direction: Direction): { label: string | null; state: HistoryState } {
  const label = writeTransaction(ctx.db, () => {
    const change = direction === 'undo' ? nextUndo(ctx) : nextRedo(ctx);
    if (!change) return null;
    refuseLockedPlans(ctx, change.id, change.label, direction);
    replay(ctx, change.id, direction);
    ctx.db
      .update(changes)
      .set({ state: direction === 'undo' ? 'undone' : 'done' })
      .where(eq(changes.id, change.id))
      .run();
    return change.label;
  });
  return { label, state: historyState(ctx) };
}

export const undo = (ctx: Ctx) => step(ctx, 'undo');
export const redo = (ctx: Ctx) => step(ctx, 'redo');
