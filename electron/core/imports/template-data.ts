/**
 * What a manager's budget template holds, read from the workspace: for each leaf department of
 * the chosen ones, every account it can budget (active accounts, plus inactive ones that already
 * have lines in this plan, so a re-import covers every line it pre-filled), the plan's current
 * values and last fiscal year's actuals as a reference. Budget lines live only on leaves, so a
 * parent department chosen means the leaves under it.
 */
import type { AccountType } from '../../../shared/budget';
import { fiscalYearMonths } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { requirePlan } from '../budget/budget-queries';
import { compareCodes } from '../org/department-service';
import type { Ctx } from '../context';
import { getSettings } from '../workspace/workspace-service';

export interface TemplateAccountRow {
  code: string;
  name: string;
  type: AccountType;
  /** Minor units per plan month; null where the plan has no line. */
  values: Array<number | null>;
  /** Last fiscal year's actuals, minor units; null when there are none. */
  reference: number | null;
}

export interface TemplateDepartment {
  code: string;
  name: string;
  accounts: TemplateAccountRow[];
}

export interface TemplateData {
  company: string;
  currency: string;
  planName: string;
  fiscalYear: number;
  /** The plan's twelve periods, in fiscal order. */
  months: string[];
  referenceYear: number;
  /** Last month of the reference year with any actual, for the instructions line. */
  referenceThrough: string | null;
  departments: TemplateDepartment[];
}

interface DepartmentLite {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** The leaves under the chosen departments (each leaf once, in code order); every leaf when none is chosen. */
function leavesOf(ctx: Ctx, chosenIds: readonly string[] | undefined): DepartmentLite[] {
  const all = ctx.db.$client.prepare('SELECT id, code, name, parent_id AS parentId FROM departments').all() as DepartmentLite[];
  const byId = new Map(all.map((d) => [d.id, d]));
  const children = new Map<string, DepartmentLite[]>();
  for (const d of all) if (d.parentId !== null) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const leaves = new Map<string, DepartmentLite>();
  const collect = (d: DepartmentLite, seen: Set<string>) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    const kids = children.get(d.id) ?? [];
    if (kids.length === 0) leaves.set(d.id, d);
    for (const k of kids) collect(k, seen);
  };
  const roots = chosenIds ?? all.map((d) => d.id);
  for (const id of roots) {
    const d = byId.get(id);
    if (!d) throw new AppError('not_found', 'A chosen department no longer exists.');
    collect(d, new Set());
  }
  return [...leaves.values()].sort((a, b) => compareCodes(a.code, b.code));
}

const typeOrder: Record<AccountType, number> = { revenue: 0, expense: 1, capex: 2 };

export function templateData(ctx: Ctx, planId: string, departmentIds?: readonly string[]): TemplateData {
  const plan = requirePlan(ctx, planId);
  const settings = getSettings(ctx);
  const months = fiscalYearMonths(plan.fiscalYear, settings.fiscalYearStartMonth);
  const referenceYear = plan.fiscalYear - 1;
  const referenceMonths = fiscalYearMonths(referenceYear, settings.fiscalYearStartMonth);
  const leaves = leavesOf(ctx, departmentIds);
  if (leaves.length === 0) throw new AppError('not_found', 'There is no department to write a template for.');
  const sqlite = ctx.db.$client;
  const accounts = (
    sqlite.prepare('SELECT id, code, name, type, active FROM accounts').all() as Array<{ id: string; code: string; name: string; type: AccountType; active: number }>
  ).sort((a, b) => typeOrder[a.type] - typeOrder[b.type] || compareCodes(a.code, b.code));
  const linesOf = sqlite.prepare('SELECT account_id AS accountId, period, amount_minor AS amountMinor FROM budget_lines WHERE plan_id = ? AND department_id = ?');
  // One aggregate per department over the reference year's months: the (department, account, period) index answers it.
  const actualsOf = sqlite.prepare(
    'SELECT account_id AS accountId, sum(amount_minor) AS total FROM actuals WHERE department_id = ? AND period BETWEEN ? AND ? GROUP BY account_id',
  );
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const departments = leaves.map((d): TemplateDepartment => {
    const values = new Map<string, Array<number | null>>();
    for (const line of linesOf.all(planId, d.id) as Array<{ accountId: string; period: string; amountMinor: number }>) {
      const i = monthIndex.get(line.period);
      if (i === undefined) continue;
      const row = values.get(line.accountId) ?? Array.from({ length: 12 }, () => null);
      row[i] = line.amountMinor;
      values.set(line.accountId, row);
    }
    const reference = new Map(
      (actualsOf.all(d.id, referenceMonths[0], referenceMonths[11]) as Array<{ accountId: string; total: number }>).map((r) => [r.accountId, r.total]),
    );
    return {
      code: d.code,
      name: d.name,
      accounts: accounts
        .filter((a) => a.active === 1 || values.has(a.id))
        .map((a) => ({
          code: a.code,
          name: a.name,
          type: a.type,
          values: values.get(a.id) ?? Array.from({ length: 12 }, () => null),
          reference: reference.get(a.id) ?? null,
        })),
    };
  });
  const through = sqlite
    .prepare('SELECT max(period) AS last FROM actuals WHERE period BETWEEN ? AND ?')
    .get(referenceMonths[0], referenceMonths[11]) as { last: string | null };
  return {
    company: settings.name,
    currency: settings.currency,
    planName: plan.name,
    fiscalYear: plan.fiscalYear,
    months,
    referenceYear,
    referenceThrough: through.last,
    departments,
  };
}
