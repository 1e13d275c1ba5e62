/**
 * The aggregate SQL behind the grid and the variance view. Every figure for a department is a sum
 * over its whole subtree, computed by SQLite on the covering indexes (budget_lines_rollup,
 * actuals_rollup): lines are never loaded into JavaScript to be added up.
 */
import type { AccountType } from '../../../shared/budget';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';

/** The department and everything under it. A parent_id cycle cannot occur (the org service refuses it). */
const SUBTREE = `subtree(id) AS (
  SELECT @departmentId
  UNION ALL
  SELECT d.id FROM departments d JOIN subtree s ON d.parent_id = s.id
)`;

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
      `WITH RECURSIVE up(id, code, name, parent_id, depth) AS (
         SELECT id, code, name, parent_id, 0 FROM departments WHERE id = @departmentId
         UNION ALL
         SELECT d.id, d.code, d.name, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id
         WHERE up.depth < 256
       )
       SELECT id, code, name FROM up ORDER BY depth`,
    )
    .all({ departmentId }) as DepartmentStep[];
}

/** How many departments the subtree holds and how many of them are leaves (a leaf counts itself). */
export function subtreeShape(ctx: Ctx, departmentId: string): { departments: number; leaves: number } {
  const row = client(ctx)
    .prepare(
      `WITH RECURSIVE ${SUBTREE}
       SELECT count(*) AS departments,
              coalesce(sum(NOT EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = s.id)), 0) AS leaves
       FROM subtree s`,
    )
    .get({ departmentId }) as { departments: number; leaves: number };
  return row;
}

export interface RollupCell {
  accountId: string;
  period: string;
  amountMinor: number;
  /** Only for a leaf, where each cell is exactly one line; null for sums. */
  source: string | null;
}

/**
 * The grid's one aggregate: amounts per account × month over the subtree, read from the covering
 * index budget_lines_rollup. A leaf is its own subtree and each of its cells is exactly one line,
 * so its query names the department directly (the unique cell index, in grouping order) and
 * MAX(source) is that line's source.
 * Parameters: @planId, @departmentId, @from, @to.
 */
export function rollupSql(leaf: boolean): string {
  if (leaf) {
    return `SELECT account_id AS accountId, period, sum(amount_minor) AS amountMinor, max(source) AS source
      FROM budget_lines
      WHERE plan_id = @planId AND department_id = @departmentId AND period BETWEEN @from AND @to
      GROUP BY account_id, period`;
  }
  return `WITH RECURSIVE ${SUBTREE}
    SELECT account_id AS accountId, period, sum(amount_minor) AS amountMinor, NULL AS source
    FROM budget_lines
    WHERE plan_id = @planId AND department_id IN (SELECT id FROM subtree) AND period BETWEEN @from AND @to
    GROUP BY account_id, period`;
}

export function rollupCells(ctx: Ctx, planId: string, departmentId: string, from: string, to: string, leaf: boolean): RollupCell[] {
  return client(ctx).prepare(rollupSql(leaf)).all({ planId, departmentId, from, to }) as RollupCell[];
}

/** Parameters: @path (JSON array of ids, nearest first), @topId, @topBand, @planId, @from, @to. */
export const pathTotalsSql = `WITH RECURSIVE
       path(idx, id) AS (SELECT CAST(key AS INTEGER), value FROM json_each(@path)),
       tree(id, band) AS (
         SELECT @topId, @topBand
         UNION ALL
         SELECT d.id, coalesce((SELECT p.idx FROM path p WHERE p.id = d.id), t.band)
         FROM departments d JOIN tree t ON d.parent_id = t.id
       ),
       per AS (
         SELECT t.band,
           (SELECT sum(b.amount_minor) FROM budget_lines b
             WHERE b.plan_id = @planId AND b.department_id = t.id AND b.period BETWEEN @from AND @to) AS total,
           (SELECT sum(b.amount_minor) FROM budget_lines b
             WHERE b.plan_id = @planId AND b.department_id = t.id AND b.period BETWEEN @from AND @to
               AND b.account_id IN (SELECT id FROM accounts WHERE type = 'revenue')) AS revenue
         FROM tree t
       )
       SELECT band, coalesce(sum(total), 0) AS total, coalesce(sum(revenue), 0) AS revenue FROM per GROUP BY band`;

export interface SpendRevenue {
  spend: number;
  revenue: number;
}

/**
 * Plan-year totals for every department on a path (nearest first) in one pass over the top's
 * subtree. Each department in that subtree is tagged with the nearest path member above it
 * ("band"); a path member's subtree is then bands 0..i. Sums are taken per department by
 * streaming its index range, which avoids sorting a million rows for a GROUP BY.
 */
export function pathTotals(ctx: Ctx, planId: string, pathIds: string[], from: string, to: string): SpendRevenue[] {
  if (pathIds.length === 0) return [];
  const top = pathIds.length - 1;
  const rows = client(ctx)
    .prepare(pathTotalsSql)
    .all({ path: JSON.stringify(pathIds), topId: pathIds[top], topBand: top, planId, from, to }) as Array<{
    band: number;
    total: number;
    revenue: number;
  }>;
  const byBand = new Map(rows.map((r) => [r.band, r]));
  const out: SpendRevenue[] = [];
  let total = 0;
  let revenue = 0;
  for (let i = 0; i <= top; i++) {
    total += byBand.get(i)?.total ?? 0;
    revenue += byBand.get(i)?.revenue ?? 0;
    out.push({ spend: total - revenue, revenue });
  }
  return out;
}

export interface AccountBudgetActual {
  accountId: string;
  budget: number;
  actual: number;
}

/** Budget and actual per account over the subtree for [from, to]; accounts with neither are absent. */
export function budgetVsActualByAccount(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): AccountBudgetActual[] {
  return client(ctx)
    .prepare(
      `WITH RECURSIVE ${SUBTREE},
       b AS (
         SELECT account_id, sum(amount_minor) AS amount FROM budget_lines
         WHERE plan_id = @planId AND department_id IN (SELECT id FROM subtree) AND period BETWEEN @from AND @to
         GROUP BY account_id
       ),
       x AS (
         SELECT account_id, sum(amount_minor) AS amount FROM actuals
         WHERE department_id IN (SELECT id FROM subtree) AND period BETWEEN @from AND @to
         GROUP BY account_id
       ),
       ids AS (SELECT account_id FROM b UNION SELECT account_id FROM x)
       SELECT ids.account_id AS accountId, coalesce(b.amount, 0) AS budget, coalesce(x.amount, 0) AS actual
       FROM ids LEFT JOIN b ON b.account_id = ids.account_id LEFT JOIN x ON x.account_id = ids.account_id`,
    )
    .all({ planId, departmentId, from, to }) as AccountBudgetActual[];
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

/** Each direct child of the department, with budget and actual of its whole subtree, split revenue / rest. */
export function childrenBudgetVsActual(ctx: Ctx, planId: string, departmentId: string, from: string, to: string): ChildBudgetActual[] {
  return client(ctx)
    .prepare(
      `WITH RECURSIVE
       tree(id, child) AS (
         SELECT id, id FROM departments WHERE parent_id = @departmentId
         UNION ALL
         SELECT d.id, t.child FROM departments d JOIN tree t ON d.parent_id = t.id
       ),
       revenue(id) AS (SELECT id FROM accounts WHERE type = 'revenue'),
       per AS (
         SELECT t.child,
           (SELECT sum(amount_minor) FROM budget_lines b
             WHERE b.plan_id = @planId AND b.department_id = t.id AND b.period BETWEEN @from AND @to) AS bt,
           (SELECT sum(amount_minor) FROM budget_lines b
             WHERE b.plan_id = @planId AND b.department_id = t.id AND b.period BETWEEN @from AND @to
               AND b.account_id IN (SELECT id FROM revenue)) AS br,
           (SELECT sum(amount_minor) FROM actuals x
             WHERE x.department_id = t.id AND x.period BETWEEN @from AND @to) AS xt,
           (SELECT sum(amount_minor) FROM actuals x
             WHERE x.department_id = t.id AND x.period BETWEEN @from AND @to
               AND x.account_id IN (SELECT id FROM revenue)) AS xr
         FROM tree t
       )
       SELECT d.id AS departmentId, d.code, d.name,
              coalesce(sum(per.bt), 0) AS budgetTotal, coalesce(sum(per.br), 0) AS budgetRevenue,
              coalesce(sum(per.xt), 0) AS actualTotal, coalesce(sum(per.xr), 0) AS actualRevenue
       FROM per JOIN departments d ON d.id = per.child
       GROUP BY d.id, d.code, d.name`,
    )
    .all({ planId, departmentId, from, to }) as ChildBudgetActual[];
}

/** The last month in [from, to] with any actual anywhere in the workspace; one index seek per department. */
export function lastActualPeriod(ctx: Ctx, from: string, to: string): string | null {
  const row = client(ctx)
    .prepare(
      `SELECT max(p) AS last FROM (
         SELECT (SELECT max(a.period) FROM actuals a WHERE a.department_id = d.id AND a.period BETWEEN @from AND @to) AS p
         FROM departments d
       )`,
    )
    .get({ from, to }) as { last: string | null };
  return row.last;
}
