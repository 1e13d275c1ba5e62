/**
 * The SQL behind the grid, the variance view and plan sizes. Every figure for a department is a
 * sum over its whole subtree: its own lines (normally only leaves have any) plus its rows in
 * budget_rollup / actual_rollup, which triggers keep equal to the sums over its strict
 * descendants' lines (migrations/0002_rollup-triggers.sql). A department's figures are therefore a
 * few thousand rows read by key however many lines lie under it, and no query here walks the tree
 * over the lines or adds lines up in JavaScript.
 */
import type { AccountType } from '../../../shared/budget';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';

export interface PlanRow {
  id: string;
  name: string;
  fiscalYear: number;
  scenario: string;
  status: 'draft' | 'approved' | 'locked';
}

export interface DepartmentStep {
  id: string;
  code: string;
  name: string;
}

export interface AccountRow {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  active: boolean;
}

function client(ctx: Ctx) {
  return ctx.db.$client;
}

export function findPlan(ctx: Ctx, planId: string): PlanRow | undefined {
  return client(ctx)
    .prepare('SELECT id, name, fiscal_year AS fiscalYear, scenario, status FROM plans WHERE id = ?')
    .get(planId) as PlanRow | undefined;
}

export function requirePlan(ctx: Ctx, planId: string): PlanRow {
  const plan = findPlan(ctx, planId);
  if (!plan) throw new AppError('not_found', 'That plan no longer exists.');
  return plan;
}

export function allAccounts(ctx: Ctx): AccountRow[] {
  const rows = client(ctx).prepare('SELECT id, code, name, type, active FROM accounts').all() as Array<
    Omit<AccountRow, 'active'> & { active: number }
  >;
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

/** The department, then its parent, up to the root (nearest first). Empty when it does not exist. */
export function ancestorPath(ctx: Ctx, departmentId: string): DepartmentStep[] {
  return client(ctx)
    .prepare(
      `SELECT d.id, d.code, d.name FROM department_ancestors a JOIN departments d ON d.id = a.ancestor_id
       WHERE a.descendant_id = ? ORDER BY a.depth`,
    )
    .all(departmentId) as DepartmentStep[];
}

/** How many departments the subtree holds and how many of them are leaves (a leaf counts itself). */
export function subtreeShape(ctx: Ctx, departmentId: string): { departments: number; leaves: number } {
  return client(ctx)
    .prepare(
      `SELECT count(*) AS departments,
              coalesce(sum(NOT EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = a.descendant_id)), 0) AS leaves
       FROM department_ancestors a WHERE a.ancestor_id = ?`,
    )
    .get(departmentId) as { departments: number; leaves: number };
}

export interface RollupCell {
  accountId: string;
  period: string;
  amountMinor: number;
  /** A leaf's line's source (each of its cells is exactly one line); null for sums. */
  source: string | null;
  /** The import batch that wrote that line ("import #12") and when; null for typed values and sums. */
  batchSeq: number | null;
  importedAt: string | null;
}

/**
 * The grid's one query: amounts per account × month over the department's subtree, as its own
 * lines (the cell index's plan, department prefix) plus its rollup rows (the rollup key's
 * department, plan prefix). Each part is bounded by accounts × months, so the GROUP BY, which only
 * matters if a department ever holds both, sorts a few thousand rows at most.
 * Parameters: @planId, @departmentId, @from, @to.
 */
export const rollupCellsSql = `SELECT account_id AS accountId, period, sum(amount) AS amountMinor, max(source) AS source,
    max(batch_seq) AS batchSeq, max(imported_at) AS importedAt FROM (
    SELECT budget_lines.account_id, budget_lines.period, budget_lines.amount_minor AS amount, budget_lines.source,
      import_batches.seq AS batch_seq, import_batches.created_at AS imported_at
    FROM budget_lines LEFT JOIN import_batches ON import_batches.id = budget_lines.import_batch_id
    WHERE budget_lines.plan_id = @planId AND budget_lines.department_id = @departmentId AND budget_lines.period BETWEEN @from AND @to
    UNION ALL
    SELECT account_id, period, amount_minor, NULL, NULL, NULL FROM budget_rollup
    WHERE department_id = @departmentId AND plan_id = @planId AND period BETWEEN @from AND @to
  )
  GROUP BY account_id, period`;

export function rollupCells(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): RollupCell[] {
  return client(ctx).prepare(rollupCellsSql).all({ planId, departmentId, from, to }) as RollupCell[];
}

const REVENUE_ONLY = `AND account_id IN (SELECT id FROM accounts WHERE type = 'revenue')`;

/**
 * SQL for the plan budget of the subtree under the department `dept` names (a column of the outer
 * query), over @planId and @from..@to. Restricting to revenue turns each part into one seek per
 * revenue account, since account_id follows the department and plan in both keys.
 */
function subtreeBudgetSql(dept: string, revenueOnly: boolean): string {
  const only = revenueOnly ? REVENUE_ONLY : '';
  return `((SELECT coalesce(sum(amount_minor), 0) FROM budget_rollup
      WHERE department_id = ${dept} AND plan_id = @planId ${only} AND period BETWEEN @from AND @to)
    + (SELECT coalesce(sum(amount_minor), 0) FROM budget_lines
      WHERE plan_id = @planId AND department_id = ${dept} ${only} AND period BETWEEN @from AND @to))`;
}

/** The same for actuals over @from..@to. */
function subtreeActualSql(dept: string, revenueOnly: boolean): string {
  const only = revenueOnly ? REVENUE_ONLY : '';
  return `((SELECT coalesce(sum(amount_minor), 0) FROM actual_rollup
      WHERE department_id = ${dept} ${only} AND period BETWEEN @from AND @to)
    + (SELECT coalesce(sum(amount_minor), 0) FROM actuals
      WHERE department_id = ${dept} ${only} AND period BETWEEN @from AND @to))`;
}

/** Plan totals of the department and of each of its ancestors. Parameters: @departmentId, @planId, @from, @to. */
export const pathTotalsSql = `SELECT a.depth, ${subtreeBudgetSql('a.ancestor_id', false)} AS total, ${subtreeBudgetSql('a.ancestor_id', true)} AS revenue
  FROM department_ancestors a WHERE a.descendant_id = @departmentId ORDER BY a.depth`;

export interface SpendRevenue {
  spend: number;
  revenue: number;
}

/** Plan totals over [from, to] for the department and each ancestor up to the root, nearest first. */
export function pathTotals(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): SpendRevenue[] {
  const rows = client(ctx).prepare(pathTotalsSql).all({ departmentId, planId, from, to }) as Array<{ total: number; revenue: number }>;
  return rows.map((r) => ({ spend: r.total - r.revenue, revenue: r.revenue }));
}

export interface AccountBudgetActual {
  accountId: string;
  budget: number;
  actual: number;
}

/**
 * Budget and actual per account over the subtree for [from, to]; accounts with neither are absent.
 * Parameters: @planId, @departmentId, @from, @to.
 */
export const budgetVsActualSql = `SELECT account_id AS accountId, sum(budget) AS budget, sum(actual) AS actual FROM (
    SELECT account_id, amount_minor AS budget, 0 AS actual FROM budget_lines
    WHERE plan_id = @planId AND department_id = @departmentId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT account_id, amount_minor, 0 FROM budget_rollup
    WHERE department_id = @departmentId AND plan_id = @planId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT account_id, 0, amount_minor FROM actuals
    WHERE department_id = @departmentId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT account_id, 0, amount_minor FROM actual_rollup
    WHERE department_id = @departmentId AND period BETWEEN @from AND @to
  )
  GROUP BY account_id`;

export function budgetVsActualByAccount(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): AccountBudgetActual[] {
  return client(ctx).prepare(budgetVsActualSql).all({ planId, departmentId, from, to }) as AccountBudgetActual[];
}

export interface ChildBudgetActual {
  departmentId: string;
  code: string;
  name: string;
  budgetTotal: number;
  budgetRevenue: number;
  actualTotal: number;
  actualRevenue: number;
}

/** Parameters: @departmentId (the parent), @planId, @from, @to. */
export const childrenBudgetVsActualSql = `SELECT d.id AS departmentId, d.code, d.name,
    ${subtreeBudgetSql('d.id', false)} AS budgetTotal, ${subtreeBudgetSql('d.id', true)} AS budgetRevenue,
    ${subtreeActualSql('d.id', false)} AS actualTotal, ${subtreeActualSql('d.id', true)} AS actualRevenue
  FROM departments d WHERE d.parent_id = @departmentId`;

/** Each direct child of the department, with budget and actual of its whole subtree, split revenue / rest. */
export function childrenBudgetVsActual(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): ChildBudgetActual[] {
  return client(ctx).prepare(childrenBudgetVsActualSql).all({ planId, departmentId, from, to }) as ChildBudgetActual[];
}

/**
 * The last month in [from, to] with any actual anywhere in the workspace. Every actual is either
 * on a top-level department or under one, so the top-level departments' rollup rows and own
 * actuals hold them all.
 */
export function lastActualPeriod(ctx: Ctx, from: string, to: string): string | null {
  const row = client(ctx)
    .prepare(
      `SELECT max(p) AS last FROM (
         SELECT (SELECT max(r.period) FROM actual_rollup r WHERE r.department_id = d.id AND r.period BETWEEN @from AND @to) AS p
         FROM departments d WHERE d.parent_id IS NULL
         UNION ALL
         SELECT (SELECT max(x.period) FROM actuals x WHERE x.department_id = d.id AND x.period BETWEEN @from AND @to)
         FROM departments d WHERE d.parent_id IS NULL
       )`,
    )
    .get({ from, to }) as { last: string | null };
  return row.last;
}

/**
 * Lines per plan, counted the way lastActualPeriod finds months: the top-level departments'
 * rollup rows carry the line counts of everything under them, and their own lines are counted
 * directly. A few thousand rows per plan instead of a count over every line. The correlated
 * form pins the join order: joined the other way round, SQLite may walk the plan's lines.
 * Parameter: @planId.
 */
export const planLineCountSql = `SELECT coalesce(sum(
    (SELECT coalesce(sum(r.line_count), 0) FROM budget_rollup r WHERE r.department_id = d.id AND r.plan_id = @planId)
    + (SELECT count(*) FROM budget_lines l WHERE l.plan_id = @planId AND l.department_id = d.id)), 0) AS n
  FROM departments d WHERE d.parent_id IS NULL`;

export function planLineCount(ctx: Ctx, planId: string): number {
  return (client(ctx).prepare(planLineCountSql).get({ planId }) as { n: number }).n;
}

export interface PeriodBudgetActual {
  period: string;
  budgetTotal: number;
  budgetRevenue: number;
  actualTotal: number;
  actualRevenue: number;
}

/**
 * Budget and actual per month over the department's subtree for [from, to], each split into the
 * total and its revenue part; months with neither are absent. The same four sources as
 * budgetVsActualSql, grouped by month instead of account. Parameters: @planId, @departmentId, @from, @to.
 */
export const budgetVsActualByPeriodSql = `SELECT period, sum(budget) AS budgetTotal, sum(budget * revenue) AS budgetRevenue,
    sum(actual) AS actualTotal, sum(actual * revenue) AS actualRevenue FROM (
    SELECT period, account_id, amount_minor AS budget, 0 AS actual FROM budget_lines
    WHERE plan_id = @planId AND department_id = @departmentId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT period, account_id, amount_minor, 0 FROM budget_rollup
    WHERE department_id = @departmentId AND plan_id = @planId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT period, account_id, 0, amount_minor FROM actuals
    WHERE department_id = @departmentId AND period BETWEEN @from AND @to
    UNION ALL
    SELECT period, account_id, 0, amount_minor FROM actual_rollup
    WHERE department_id = @departmentId AND period BETWEEN @from AND @to
  ) AS f JOIN (SELECT id, type = 'revenue' AS revenue FROM accounts) AS a ON a.id = f.account_id
  GROUP BY period ORDER BY period`;

export function budgetVsActualByPeriod(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): PeriodBudgetActual[] {
  return client(ctx).prepare(budgetVsActualByPeriodSql).all({ planId, departmentId, from, to }) as PeriodBudgetActual[];
}
