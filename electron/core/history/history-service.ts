/**
 * Undo and redo over the recorded changes. Because the changes live in the workspace file,
 * undo works across reloads and restarts.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/result';
import type { HistoryState } from '../../../shared/workspace';
import type { Ctx } from '../context';
import { auditedTables, auditRows, changes, type AuditedTableName } from '../db/schema';
import { rawRows } from './row-store';
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

/** Restores one side of every row image of a change; undo walks the writes backwards. */
function replay(ctx: Ctx, changeId: string, direction: Direction): void {
  const rows = ctx.db
    .select()
    .from(auditRows)
    .where(eq(auditRows.changeId, changeId))
    .orderBy(direction === 'undo' ? desc(auditRows.id) : asc(auditRows.id))
    .all();
  for (const r of rows) {
    if (!isAuditedTable(r.tableName)) throw new Error(`audit row names an unknown table: ${r.tableName}`);
    const target = direction === 'undo' ? r.before : r.after;
    const current = direction === 'undo' ? r.after : r.before;
    const image = target === null ? null : (JSON.parse(target) as Record<string, unknown> & { id: string | number });
    const rowId = image?.id ?? (JSON.parse(current!) as { id: string | number }).id;
    if (image === null) rawRows.remove(ctx, r.tableName, rowId);
    else if (current === null) rawRows.insert(ctx, r.tableName, image);
    else rawRows.update(ctx, r.tableName, rowId, image);
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
