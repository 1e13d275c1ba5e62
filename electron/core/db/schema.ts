/**
 * The workspace schema. Money is integer minor units; periods are "YYYY-MM"; dates "YYYY-MM-DD";
 * timestamps ISO-8601 UTC text; keys are text UUIDs. Migrations in /migrations are generated from
 * this file by `npm run db:generate` and are append-only.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

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
    /** Business impact ratings (1–5) at or above this are not tolerable: the suggested RTO is the first horizon that reaches it. */
    impactTolerance: integer('impact_tolerance').notNull().default(4),
    /** Risks whose residual score (likelihood × impact) is above this are flagged for the board. */
    riskAppetite: integer('risk_appetite').notNull().default(12),
    /** BCP 47 tag that decides how dates are shown (day-first for en-GB, month-first for en-US). Last: added by ALTER TABLE. */
    locale: text('locale').notNull().default('en-GB'),
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
    // For the continuity call tree. Last, because it was added by ALTER TABLE.
    phone: text('phone'),
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
    /** A cell note (e.g. from an imported comment column); null when there is none. Added by ALTER TABLE after import_batch_id. */
    note: text('note'),
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
    /** A cell note; last, added by ALTER TABLE. */
    note: text('note'),
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
 * A name in an imported file confirmed by the user as meaning a department, account or person
 * code, remembered per source (the same key as import_mappings) so the next file from that source
 * matches itself. `name_key` is normaliseNameKey(name) (shared/name-match.ts). A preference like
 * import_mappings: not audited.
 */
export const importEntityMatches = sqliteTable(
  'import_entity_matches',
  {
    sourceKey: text('source_key').notNull(),
    kind: text('kind', { enum: ['department', 'account', 'person'] }).notNull(),
    nameKey: text('name_key').notNull(),
    targetCode: text('target_code').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceKey, t.kind, t.nameKey] }),
    check('import_entity_matches_kind', sql`${t.kind} IN ('department', 'account', 'person')`),
  ],
);

/**
 * Exchange rates the director keeps: how many workspace-currency units one unit of `currency` is
 * worth in `period` ("YYYY-MM"). `rate` is an exact decimal written as text ("1.08", "0.0067"):
 * conversions use integer arithmetic on it (shared/currency.ts), never a binary float. Audited.
 */
export const currencyRates = sqliteTable(
  'currency_rates',
  {
    id: text('id').primaryKey(),
    currency: text('currency').notNull(),
    period: text('period').notNull(),
    rate: text('rate').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('currency_rates_currency_period').on(t.currency, t.period),
    check('currency_rates_currency', sql`length(${t.currency}) = 3 AND ${t.currency} = upper(${t.currency})`),
    check('currency_rates_period', sql`${t.period} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
  ],
);

/**
 * A named seasonality profile: twelve non-negative integer weights in fiscal order (the first is
 * the fiscal year's first month), as a JSON array. Spreading an annual figure by it uses
 * shared/spread.ts. Audited.
 */
export const seasonalityProfiles = sqliteTable(
  'seasonality_profiles',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    weights: text('weights').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('seasonality_profiles_name').on(t.name)],
);

/**
 * The director's commentary for the board pack, one per reporting period; the id is the period
 * key ("2026-09", "2026-Q3", "FY2026"). Audited: editing it is an undoable change like any other.
 */
export const reportCommentary = sqliteTable('report_commentary', {
  id: text('id').primaryKey(),
  text: text('text').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/*
 * Business continuity (ISO 22301 terms) and the risk register. Durations are in hours (real, so
 * 0.5 h is possible); a week is 168 h. Money is minor units. Every table is audited: each edit is
 * an undoable change.
 */

/** Suppliers the company depends on, with their own stated recovery time. */
export const vendors = sqliteTable(
  'vendors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    service: text('service').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    contractEnd: text('contract_end'),
    annualSpendMinor: integer('annual_spend_minor'),
    recoveryHours: real('recovery_hours'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('vendors_name').on(t.name)],
);

/** Systems/applications and sites/facilities a process can depend on. */
export const assets = sqliteTable(
  'assets',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['system', 'site'] }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    recoveryHours: real('recovery_hours'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('assets_kind_name').on(t.kind, t.name), check('assets_kind', sql`${t.kind} IN ('system', 'site')`)],
);

/** A critical process (business function) and its recovery objectives. */
export const processes = sqliteTable(
  'processes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    ownerDepartmentId: text('owner_department_id').references(() => departments.id),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    tier: integer('tier').notNull(),
    rtoHours: real('rto_hours'),
    /** Why the RTO differs from the one the impact analysis suggests; null when it does not. */
    rtoReason: text('rto_reason'),
    rpoHours: real('rpo_hours'),
    mtpdHours: real('mtpd_hours'),
    costPerDayMinor: integer('cost_per_day_minor'),
    /** JSON array of month numbers 1–12. */
    peakMonths: text('peak_months').notNull().default('[]'),
    reviewDate: text('review_date'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('processes_name').on(t.name),
    check('processes_tier', sql`${t.tier} BETWEEN 1 AND 4`),
    check('processes_rpo', sql`${t.rpoHours} IS NULL OR ${t.rpoHours} >= 0`),
    check('processes_rto', sql`${t.rtoHours} IS NULL OR ${t.rtoHours} > 0`),
    check('processes_rto_mtpd', sql`${t.rtoHours} IS NULL OR ${t.mtpdHours} IS NULL OR ${t.rtoHours} <= ${t.mtpdHours}`),
  ],
);

/** Business impact analysis: how bad an outage of the process is after each horizon, rated 1–5 per dimension. */
export const processImpacts = sqliteTable(
  'process_impacts',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id),
    /** 4, 24, 72, 168 or 336 hours. */
    horizonHours: integer('horizon_hours').notNull(),
    financial: integer('financial'),
    customer: integer('customer'),
    regulatory: integer('regulatory'),
    reputational: integer('reputational'),
    safety: integer('safety'),
  },
  (t) => [
    uniqueIndex('process_impacts_cell').on(t.processId, t.horizonHours),
    check('process_impacts_horizon', sql`${t.horizonHours} IN (4, 24, 72, 168, 336)`),
    check(
      'process_impacts_ratings',
      sql`coalesce(${t.financial}, 1) BETWEEN 1 AND 5 AND coalesce(${t.customer}, 1) BETWEEN 1 AND 5 AND coalesce(${t.regulatory}, 1) BETWEEN 1 AND 5 AND coalesce(${t.reputational}, 1) BETWEEN 1 AND 5 AND coalesce(${t.safety}, 1) BETWEEN 1 AND 5`,
    ),
  ],
);

/** What a process needs to run: exactly one of a person, another process, an asset or a vendor. */
export const dependencies = sqliteTable(
  'dependencies',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id),
    kind: text('kind', { enum: ['person', 'process', 'system', 'site', 'vendor'] }).notNull(),
    personId: text('person_id').references(() => people.id),
    dependsOnProcessId: text('depends_on_process_id').references((): AnySQLiteColumn => processes.id),
    assetId: text('asset_id').references(() => assets.id),
    vendorId: text('vendor_id').references(() => vendors.id),
    /** Its own recovery time where known; null falls back to the asset's or vendor's. */
    recoveryHours: real('recovery_hours'),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('dependencies_process').on(t.processId),
    index('dependencies_person').on(t.personId),
    index('dependencies_vendor').on(t.vendorId),
    index('dependencies_asset').on(t.assetId),
    index('dependencies_on_process').on(t.dependsOnProcessId),
    check(
      'dependencies_target',
      sql`(${t.kind} = 'person' AND ${t.personId} IS NOT NULL AND ${t.dependsOnProcessId} IS NULL AND ${t.assetId} IS NULL AND ${t.vendorId} IS NULL)
        OR (${t.kind} = 'process' AND ${t.dependsOnProcessId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.assetId} IS NULL AND ${t.vendorId} IS NULL)
        OR (${t.kind} IN ('system', 'site') AND ${t.assetId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.dependsOnProcessId} IS NULL AND ${t.vendorId} IS NULL)
        OR (${t.kind} = 'vendor' AND ${t.vendorId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.dependsOnProcessId} IS NULL AND ${t.assetId} IS NULL)`,
    ),
  ],
);

/** A recovery plan, for one process or for a scenario (loss of site, IT, a key supplier, people). */
export const continuityPlans = sqliteTable(
  'continuity_plans',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    processId: text('process_id').references(() => processes.id),
    scenario: text('scenario', { enum: ['site', 'it', 'supplier', 'people'] }),
    activationCriteria: text('activation_criteria').notNull().default(''),
    workarounds: text('workarounds').notNull().default(''),
    reviewedOn: text('reviewed_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('continuity_plans_name').on(t.name),
    index('continuity_plans_process').on(t.processId),
    check('continuity_plans_scope', sql`${t.processId} IS NOT NULL OR ${t.scenario} IS NOT NULL`),
  ],
);

/** One recovery step: who does what, within how long of activation. Ordered by position. */
export const planSteps = sqliteTable(
  'plan_steps',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => continuityPlans.id),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    ownerPersonId: text('owner_person_id')
      .notNull()
      .references(() => people.id),
    withinHours: real('within_hours'),
  },
  (t) => [index('plan_steps_plan').on(t.planId, t.position), index('plan_steps_owner').on(t.ownerPersonId)],
);

/** The call tree: each entry is a person called by the entry above it (null for the first caller), with an alternate. */
export const callTreeEntries = sqliteTable(
  'call_tree_entries',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => continuityPlans.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    parentEntryId: text('parent_entry_id').references((): AnySQLiteColumn => callTreeEntries.id),
    alternatePersonId: text('alternate_person_id').references(() => people.id),
    position: integer('position').notNull(),
  },
  (t) => [
    index('call_tree_plan').on(t.planId),
    index('call_tree_person').on(t.personId),
    index('call_tree_alternate').on(t.alternatePersonId),
    index('call_tree_parent').on(t.parentEntryId),
  ],
);

/** A tabletop, walkthrough or full test of a plan, and what it found. */
export const exercises = sqliteTable(
  'exercises',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => continuityPlans.id),
    kind: text('kind', { enum: ['tabletop', 'walkthrough', 'full'] }).notNull(),
    heldOn: text('held_on').notNull(),
    participants: text('participants').notNull().default(''),
    summary: text('summary').notNull().default(''),
    findings: text('findings').notNull().default(''),
    nextDue: text('next_due'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('exercises_plan').on(t.planId), check('exercises_kind', sql`${t.kind} IN ('tabletop', 'walkthrough', 'full')`)],
);

export const exerciseActions = sqliteTable(
  'exercise_actions',
  {
    id: text('id').primaryKey(),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercises.id),
    action: text('action').notNull(),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    dueOn: text('due_on'),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('exercise_actions_exercise').on(t.exerciseId), index('exercise_actions_owner').on(t.ownerPersonId)],
);

export const riskCategories = ['operational', 'financial', 'compliance', 'people', 'supplier', 'technology', 'safety'] as const;

/** The risk register: inherent and residual likelihood × impact, 1–5 each. */
export const risks = sqliteTable(
  'risks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category', { enum: riskCategories }).notNull(),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    residualLikelihood: integer('residual_likelihood').notNull(),
    residualImpact: integer('residual_impact').notNull(),
    reviewDate: text('review_date'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('risks_owner').on(t.ownerPersonId),
    check('risks_category', sql`${t.category} IN ('operational', 'financial', 'compliance', 'people', 'supplier', 'technology', 'safety')`),
    check(
      'risks_scores',
      sql`${t.inherentLikelihood} BETWEEN 1 AND 5 AND ${t.inherentImpact} BETWEEN 1 AND 5 AND ${t.residualLikelihood} BETWEEN 1 AND 5 AND ${t.residualImpact} BETWEEN 1 AND 5`,
    ),
  ],
);

export const riskMitigations = sqliteTable(
  'risk_mitigations',
  {
    id: text('id').primaryKey(),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id),
    action: text('action').notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'done'] }).notNull(),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    dueOn: text('due_on'),
  },
  (t) => [
    index('risk_mitigations_risk').on(t.riskId),
    index('risk_mitigations_owner').on(t.ownerPersonId),
    check('risk_mitigations_status', sql`${t.status} IN ('planned', 'in_progress', 'done')`),
  ],
);

/** Which processes and vendors a risk threatens: exactly one of the two per row. */
export const riskLinks = sqliteTable(
  'risk_links',
  {
    id: text('id').primaryKey(),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id),
    processId: text('process_id').references(() => processes.id),
    vendorId: text('vendor_id').references(() => vendors.id),
  },
  (t) => [
    index('risk_links_risk').on(t.riskId),
    index('risk_links_process').on(t.processId),
    index('risk_links_vendor').on(t.vendorId),
    check('risk_links_target', sql`(${t.processId} IS NULL) <> (${t.vendorId} IS NULL)`),
  ],
);

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
  currency_rates: currencyRates,
  seasonality_profiles: seasonalityProfiles,
  vendors,
  assets,
  processes,
  process_impacts: processImpacts,
  dependencies,
  continuity_plans: continuityPlans,
  plan_steps: planSteps,
  call_tree_entries: callTreeEntries,
  exercises,
  exercise_actions: exerciseActions,
  risks,
  risk_mitigations: riskMitigations,
  risk_links: riskLinks,
} as const;
export type AuditedTableName = keyof typeof auditedTables;
