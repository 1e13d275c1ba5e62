/**
 * Reading and writing single rows of the audited tables by id, with prepared statements kept per
 * connection. Undo of a large change replays tens of thousands of row images; preparing a
 * statement for each (and compiling the rollup triggers with it) was most of its cost.
 * Rows here use the schema's property names and values (e.g. booleans), as drizzle returns them,
 * because that is the shape the audit images are stored in.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Ctx } from '../context';
import { auditedTables, type AuditedTableName } from '../db/schema';

export type Row = Record<string, unknown> & { id: string | number };

interface TableInfo {
  sqlName: string;
  /** Property name → column, in the schema's order (the order images are written in). */
  columns: [string, SQLiteColumn][];
  byProperty: Map<string, SQLiteColumn>;
}

const tableInfo = new Map<AuditedTableName, TableInfo>();

function info(table: AuditedTableName): TableInfo {
  let found = tableInfo.get(table);
  if (!found) {
    const columns = Object.entries(getTableColumns(auditedTables[table])) as [string, SQLiteColumn][];
    found = { sqlName: getTableName(auditedTables[table]), columns, byProperty: new Map(columns) };
    tableInfo.set(table, found);
  }
  return found;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(ctx: Pick<Ctx, 'db'>, key: string, sql: () => string): Database.Statement {
  const client = ctx.db.$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map()));
  let statement = cache.get(key);
  if (!statement) cache.set(key, (statement = client.prepare(sql())));
  return statement;
}

/** Property-named values → named parameters by SQL column name, in the driver's representation. */
function toParameters(table: TableInfo, values: Record<string, unknown>): { names: string[]; params: Record<string, unknown> } {
  const names: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = table.byProperty.get(property);
    if (!column) throw new Error(`${table.sqlName} has no column for "${property}"`);
    names.push(column.name);
    params[column.name] = value === null ? null : column.mapToDriverValue(value);
  }
  return { names, params };
}

export function readRow(ctx: Pick<Ctx, 'db'>, table: AuditedTableName, id: string | number): Row | undefined {
  const t = info(table);
  const raw = prepared(ctx, `read ${table}`, () => `SELECT * FROM "${t.sqlName}" WHERE "id" = ?`).get(id) as Record<string, unknown> | undefined;
  if (!raw) return undefined;
  const row: Record<string, unknown> = {};
  for (const [property, column] of t.columns) {
    const value = raw[column.name];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as Row;
}

/** Raw row writes, no audit: used by the Writer and by undo/redo when they restore images. */
export const rawRows = {
  insert(ctx: Pick<Ctx, 'db'>, table: AuditedTableName, row: Row): void {
    const t = info(table);
    const { names, params } = toParameters(t, row);
    const columns = names.map((n) => `"${n}"`).join(', ');
    const values = names.map((n) => `@${n}`).join(', ');
    prepared(ctx, `insert ${table} ${names.join(',')}`, () => `INSERT INTO "${t.sqlName}" (${columns}) VALUES (${values})`).run(params);
  },
  update(ctx: Pick<Ctx, 'db'>, table: AuditedTableName, id: string | number, values: Record<string, unknown>): void {
    const t = info(table);
    const { names, params } = toParameters(t, values);
    if (names.length === 0) return;
    const set = names.map((n) => `"${n}" = @${n}`).join(', ');
    // "row_key" cannot clash with a column: every column name of ours is one of the schema's.
    prepared(ctx, `update ${table} ${names.join(',')}`, () => `UPDATE "${t.sqlName}" SET ${set} WHERE "id" = @row_key`).run({ ...params, row_key: id });
  },
  remove(ctx: Pick<Ctx, 'db'>, table: AuditedTableName, id: string | number): void {
    const t = info(table);
    prepared(ctx, `delete ${table}`, () => `DELETE FROM "${t.sqlName}" WHERE "id" = ?`).run(id);
  },
};

/**
 * A row's audit image built in SQL — the same JSON readRow gives JSON.stringify (property names
 * in schema order, booleans as true/false) — so hundreds of thousands of images cost one
 * statement. `alias` qualifies the columns (e.g. "l" for `FROM budget_lines l`).
 */
export function imageSql(table: AuditedTableName, alias?: string): string {
  const t = info(table);
  const q = (name: string) => (alias ? `${alias}."${name}"` : `"${name}"`);
  const parts = t.columns.map(([property, column]) => {
    const c = q(column.name);
    let value = c;
    if (column.dataType === 'boolean') value = `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} THEN json('true') ELSE json('false') END`;
    // A whole REAL is written as JavaScript writes the number: 1, not 1.0.
    else if (column.columnType === 'SQLiteReal') value = `CASE WHEN ${c} = CAST(${c} AS INTEGER) THEN CAST(${c} AS INTEGER) ELSE ${c} END`;
    return `'${property}', ${value}`;
  });
  return `json_object(${parts.join(', ')})`;
}

/** The tables whose rows undo and redo write in bulk: figures, whose rows never refer to each other. */
export const bulkTables: ReadonlySet<AuditedTableName> = new Set(['budget_lines', 'actuals']);

/** A range of one change's audit rows (ids lo…hi, all of one table), as a SQL filter on audit_rows `a`. */
export interface AuditRun {
  changeId: string;
  table: AuditedTableName;
  lo: number;
  hi: number;
}

const runFilter = 'a.change_id = @changeId AND a.table_name = @table AND a.id BETWEEN @lo AND @hi';

/** How an image's row id reads in SQL: audit rows hold it as text. */
function rowIdSql(t: TableInfo): string {
  const id = t.byProperty.get('id');
  return id && id.dataType === 'number' ? 'CAST(a.row_id AS INTEGER)' : 'a.row_id';
}

/** Bulk writes for undo and redo of a run of audit rows; only for bulkTables (no row refers to another). */
export const bulkRows = {
  /** Deletes, in one statement, every row the run's audit rows name. */
  removeAll(ctx: Pick<Ctx, 'db'>, run: AuditRun): void {
    const t = info(run.table);
    prepared(ctx, `bulk delete ${run.table}`, () => `DELETE FROM "${t.sqlName}" WHERE "id" IN (SELECT ${rowIdSql(t)} FROM audit_rows a WHERE ${runFilter})`).run(run);
  },
  /** Inserts, in one statement and in audit order, the `side` image of every audit row of the run. */
  insertAll(ctx: Pick<Ctx, 'db'>, run: AuditRun, side: 'before' | 'after', order: 'ASC' | 'DESC'): void {
    const t = info(run.table);
    const columns = t.columns.map(([, column]) => `"${column.name}"`).join(', ');
    // json_extract gives back what json_object stored: integers as integers, true/false as 1/0, null as NULL.
    const values = t.columns.map(([property]) => `json_extract(a."${side}", '$.${property}')`).join(', ');
    prepared(
      ctx,
      `bulk insert ${run.table} ${side} ${order}`,
      () => `INSERT INTO "${t.sqlName}" (${columns}) SELECT ${values} FROM audit_rows a WHERE ${runFilter} ORDER BY a.id ${order}`,
    ).run(run);
  },
};
