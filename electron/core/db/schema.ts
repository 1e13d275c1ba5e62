/**
 * The workspace schema. Money is integer minor units; periods are "YYYY-MM"; dates "YYYY-MM-DD";
 * timestamps ISO-8601 UTC text; keys are text UUIDs. Migrations in /migrations are generated from
 * this file by `npm run db:generate` and are append-only.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const workspace = sqliteTable(
  'workspace',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull(),
    createdAt: text('created_at').notNull(),
    // Printed on the board pack's cover and footer. Last, because they were added by ALTER TABLE.
    preparedBy: text('prepared_by').notNull().default(''),
    confidentiality: text('confidentiality').notNull().default('Confidential. Prepared for the board of directors; not for distribution.'),
  },
  (t) => [
    check('workspace_single_row', sql`${t.id} = 1`),
    check('workspace_fiscal_month', sql`${t.fiscalYearStartMonth} BETWEEN 1 AND 12`),
  ],
);

export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => departments.id),
    manager: text('manager'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('departments_code').on(t.code), index('departments_parent').on(t.parentId)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    title: text('title'),
    fte: real('fte').notNull(),
    annualSalaryMinor: integer('annual_salary_minor'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    status: text('status', { enum: ['active', 'open'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('people_department').on(t.departmentId),
    check('people_status', sql`${t.status} IN ('active', 'open')`),
  ],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['revenue', 'expense', 'capex'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('accounts_code').on(t.code),
    check('accounts_type', sql`${t.type} IN ('revenue', 'expense', 'capex')`),
  ],
);

export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    scenario: text('scenario').notNull(),
    status: text('status', { enum: ['draft', 'approved', 'locked'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('plans_name').on(t.name),
    uniqueIndex('plans_year_scenario').on(t.fiscalYear, t.scenario),
    check('plans_status', sql`${t.status} IN ('draft', 'approved', 'locked')`),
  ],
);

/*
 * Rollups are not declared here. department_ancestors (the tree's closure), budget_rollup and
 * actual_rollup (each strict ancestor's sums over its subtree) are WITHOUT ROWID tables, which
 * drizzle cannot express, and they are written only by the triggers that keep them equal to the
 * lines. Tables and triggers live in migrations/0002_rollup-triggers.sql; budget-queries.ts reads
 * the tables with SQL.
 * drizzle-kit never sees them, so it never proposes to drop or rebuild them.
 */

/**
 * What budget lines and actuals both hold: an amount for one department, account and month, and
 * where it came from (`file!sheet!cell` for imported values, null for typed ones).
 */
function figureColumns() {
  return {
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    period: text('period').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    source: text('source'),
    updatedAt: text('updated_at').notNull(),
  };
}

/** Which import batch wrote a figure (null when typed, copied or generated): undo-by-batch and re-import find their lines by it. */
function importBatchColumn() {
  return text('import_batch_id').references((): AnySQLiteColumn => importBatches.id);
}

export const budgetLines = sqliteTable(
  'budget_lines',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    ...figureColumns(),
    // Last, because it was added by ALTER TABLE: the schema's order is the order row images are written in.
    importBatchId: importBatchColumn(),
  },
  (t) => [
    // Also serves a department's own lines (plan, department prefix) and everything done per plan.
    uniqueIndex('budget_lines_cell').on(t.planId, t.departmentId, t.accountId, t.period),
    index('budget_lines_account').on(t.accountId),
    index('budget_lines_department').on(t.departmentId),
    index('budget_lines_import_batch').on(t.importBatchId),
  ],
);

export const actuals = sqliteTable(
  'actuals',
  {
    id: text('id').primaryKey(),
    ...figureColumns(),
    importBatchId: importBatchColumn(),
  },
  (t) => [
    uniqueIndex('actuals_cell').on(t.departmentId, t.accountId, t.period),
    index('actuals_account').on(t.accountId),
    index('actuals_import_batch').on(t.importBatchId),
  ],
);

/** One user-visible change (an edit, a paste, a delete): the unit of undo and redo. */
export const changes = sqliteTable(
  'changes',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    origin: text('origin').notNull(),
    state: text('state', { enum: ['done', 'undone', 'discarded'] }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('changes_seq').on(t.seq), index('changes_state_seq').on(t.state, t.seq)],
);

/** Row images before and after each write of a change: what undo restores and audits read. */
export const auditRows = sqliteTable(
  'audit_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    changeId: text('change_id')
      .notNull()
      .references(() => changes.id),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_rows_change').on(t.changeId), index('audit_rows_row').on(t.tableName, t.rowId)],
);

/**
 * One committed import: what file, which sheets, where it went and how much it wrote. Audited, so
 * the batch row is part of its own change: undoing the change removes the batch with its rows.
 * `seq` is the number users see ("import #12"); `undone_at` is set when the batch is undone as a
 * batch (a later change), which keeps it listed in the import history.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['departments', 'accounts', 'people', 'budget', 'actuals'] }).notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    /** JSON array of sheet names. */
    sheets: text('sheets').notNull(),
    planId: text('plan_id').references(() => plans.id),
    /** JSON array of the department ids whose figures or people the batch wrote. */
    departmentIds: text('department_ids').notNull(),
    rowsImported: integer('rows_imported').notNull(),
    cellsImported: integer('cells_imported').notNull(),
    origin: text('origin').notNull(),
    changeId: text('change_id')
      .notNull()
      .references(() => changes.id),
    createdAt: text('created_at').notNull(),
    undoneAt: text('undone_at'),
  },
  (t) => [
    uniqueIndex('import_batches_seq').on(t.seq),
    index('import_batches_plan').on(t.planId),
    check('import_batches_kind', sql`${t.kind} IN ('departments', 'accounts', 'people', 'budget', 'actuals')`),
  ],
);

/**
 * The column mapping last used for a file layout, keyed by a hash of the kind and the normalised
 * header row, so the next file with the same headers maps itself. A preference, not data: not
 * audited, and undoing an import does not forget it.
 */
export const importMappings = sqliteTable('import_mappings', {
  sourceKey: text('source_key').primaryKey(),
  /** JSON array of {header, field}: headers stay values, never object keys (S3). */
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The director's commentary for the board pack, one per reporting period; the id is the period
 * key ("2026-09", "2026-Q3", "FY2026"). Audited: editing it is an undoable change like any other.
 */
export const reportCommentary = sqliteTable('report_commentary', {
  id: text('id').primaryKey(),
  text: text('text').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The tables whose rows changes may write, by SQL name: undo finds them here. */
export const auditedTables = {
  workspace,
  departments,
  people,
  accounts,
  plans,
  budget_lines: budgetLines,
  actuals,
  import_batches: importBatches,
  report_commentary: reportCommentary,
} as const;
export type AuditedTableName = keyof typeof auditedTables;
