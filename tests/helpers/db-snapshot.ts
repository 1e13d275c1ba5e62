/**
 * Every row of the audited tables, in id order: compare two snapshots to prove that an undo put
 * the workspace back exactly as it was, and a redo exactly as it became.
 */
import type { Ctx } from '../../electron/core/context';
import { auditedTables, type AuditedTableName } from '../../electron/core/db/schema';

export type Snapshot = Record<string, unknown[]>;

export function snapshot(ctx: Ctx, tables: AuditedTableName[] = Object.keys(auditedTables) as AuditedTableName[]): Snapshot {
  const out: Snapshot = {};
  for (const table of tables) {
    // Table names come from the schema's own list, never from input.
    out[table] = ctx.db.$client.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();
  }
  return out;
}
