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
