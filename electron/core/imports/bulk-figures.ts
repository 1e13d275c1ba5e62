/**
 * Writing an import's new figures in bulk. A 100,000-row actuals file written row by row through
 * the Writer spent most of its time building an audit statement and re-reading each row; here
 * the rows go in with prepared multi-row statements and their row images are recorded with one
 * INSERT … SELECT, exactly as plan copies do (plan-service.ts), in the Writer's image format
 * (drizzle's property names, schema order), so undo, redo and undo-by-batch replay them like any
 * other change. Only new rows come here; updates and removals stay with the Writer.
 */
import type { FigureRecord } from '../../../shared/imports';
import type { Ctx } from '../context';
import { imageSql } from '../history/row-store';
import type { Lookup } from './lookup';

export interface FreshFigures {
  table: 'budget_lines' | 'actuals';
  planId: string | null;
  batchId: string;
  changeId: string;
  at: string;
  records: readonly FigureRecord[];
}

/**
 * Inserts the records as new rows of the batch and audits them. Must run inside the change, before
 * any existing row is updated to this batch: the images are selected by batch id.
 */
export function insertFreshFigures(ctx: Ctx, lookup: Lookup, f: FreshFigures): void {
  if (f.records.length === 0) return;
  const sqlite = ctx.db.$client;
  const columns =
    f.table === 'budget_lines'
      ? 'id, plan_id, department_id, account_id, period, amount_minor, source, updated_at, import_batch_id, note'
      : 'id, department_id, account_id, period, amount_minor, source, updated_at, import_batch_id, note';
  const row = `(${columns.split(', ').map(() => '?').join(', ')})`;
  // Rows go in a hundred to a statement: each statement that fires the rollup triggers opens and
  // closes a statement journal, so one per row was a good part of the cost. Same rows, same order.
  const perStatement = 100;
  const statement = (rows: number) => sqlite.prepare(`INSERT INTO ${f.table} (${columns}) VALUES ${Array<string>(rows).fill(row).join(', ')}`);
  const many = f.records.length >= perStatement ? statement(perStatement) : null;
  const one = statement(1);
  const values = (r: FigureRecord, out: unknown[]) => {
    const departmentId = lookup.departments.get(r.departmentCode)!.id;
    const accountId = lookup.accounts.get(r.accountCode)!.id;
    // better-sqlite3 binds a whole JS number as an integer, so amounts stay INTEGER as the Writer stores them.
    // A comment or notes column's text becomes the cell's note.
    if (f.table === 'budget_lines') out.push(ctx.newId(), f.planId, departmentId, accountId, r.period, r.amountMinor, r.source, f.at, f.batchId, r.note ?? null);
    else out.push(ctx.newId(), departmentId, accountId, r.period, r.amountMinor, r.source, f.at, f.batchId, r.note ?? null);
  };
  const params: unknown[] = [];
  let i = 0;
  for (; many !== null && i + perStatement <= f.records.length; i += perStatement) {
    params.length = 0;
    for (let k = i; k < i + perStatement; k++) values(f.records[k]!, params);
    many.run(params);
  }
  for (; i < f.records.length; i++) {
    params.length = 0;
    values(f.records[i]!, params);
    one.run(params);
  }
  const image = imageSql(f.table);
  sqlite
    .prepare(
      `INSERT INTO audit_rows (change_id, table_name, row_id, before, after)
       SELECT @changeId, @table, id, NULL, ${image} FROM ${f.table} WHERE import_batch_id = @batchId ORDER BY rowid`,
    )
    .run({ changeId: f.changeId, table: f.table, batchId: f.batchId });
}
