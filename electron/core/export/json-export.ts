/**
 * The whole workspace as one JSON document (format "quartermaster-workspace", version 1; schema in
 * shared/export.ts). Every read happens inside one read transaction (D9), so the document is one
 * state of the workspace even while another connection writes. Rows are read as raw arrays; lines
 * are read per plan and department, so a plan of a million lines is a few hundred indexed queries.
 */
import type { AccountType, PlanStatus } from '../../../shared/budget';
import type { WorkspaceExport } from '../../../shared/export';
import type { Ctx } from '../context';
import { getSettings } from '../workspace/workspace-service';

type Cell = string | number | null;

const queries = {
  departments: `
    SELECT d.code, d.name, p.code, d.manager
    FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
    ORDER BY d.code, d.id`,
  accounts: `SELECT code, name, type, active FROM accounts ORDER BY code, id`,
  // Every exported field takes part in the order, so rows that differ only in their ids still come
  // out in the same order from two workspaces with the same content.
  people: `
    SELECT p.name, p.title, d.code, p.fte, p.annual_salary_minor, p.start_date, p.end_date, p.status
    FROM people p JOIN departments d ON d.id = p.department_id
    ORDER BY d.code, p.name, p.title, p.start_date, p.end_date, p.status, p.fte, p.annual_salary_minor`,
  plans: `SELECT name, fiscal_year, scenario, status FROM plans ORDER BY fiscal_year, scenario, name`,
  departmentIds: `SELECT id, code FROM departments ORDER BY code, id`,
  planIds: `SELECT id, name FROM plans ORDER BY fiscal_year, scenario, name`,
  // One plan and department at a time through the cell index: each answer is small enough to sort
  // cheaply, where one sorted query over a million lines spends seconds in a temporary B-tree.
  budgetLines: `
    SELECT a.code, b.period, b.amount_minor, b.source
    FROM budget_lines b JOIN accounts a ON a.id = b.account_id
    WHERE b.plan_id = ? AND b.department_id = ? AND b.amount_minor <> 0
    ORDER BY a.code, b.period`,
  actuals: `
    SELECT a.code, x.period, x.amount_minor, x.source
    FROM actuals x JOIN accounts a ON a.id = x.account_id
    WHERE x.department_id = ? AND x.amount_minor <> 0
    ORDER BY a.code, x.period`,
} as const;

export function exportJson(ctx: Ctx): WorkspaceExport {
  const client = ctx.db.$client;
  const rows = (name: keyof typeof queries, ...params: string[]): Cell[][] => client.prepare(queries[name]).raw().all(...params) as Cell[][];
  const str = (v: Cell) => v as string;
  const strOrNull = (v: Cell) => v as string | null;
  const num = (v: Cell) => v as number;

  const deptIds = () => rows('departmentIds') as [string, string][];

  const readBudgetLines = (): WorkspaceExport['budgetLines'] => {
    const out: WorkspaceExport['budgetLines'] = [];
    const lines = client.prepare(queries.budgetLines).raw();
    const depts = deptIds();
    for (const [planId, plan] of rows('planIds') as [string, string][]) {
      for (const [deptId, departmentCode] of depts) {
        for (const r of lines.all(planId, deptId) as Cell[][]) {
          out.push({ plan, departmentCode, accountCode: str(r[0]!), period: str(r[1]!), amountMinor: num(r[2]!), source: strOrNull(r[3]!) });
        }
      }
    }
    return out;
  };

  const readActuals = (): WorkspaceExport['actuals'] => {
    const out: WorkspaceExport['actuals'] = [];
    const lines = client.prepare(queries.actuals).raw();
    for (const [deptId, departmentCode] of deptIds()) {
      for (const r of lines.all(deptId) as Cell[][]) {
        out.push({ departmentCode, accountCode: str(r[0]!), period: str(r[1]!), amountMinor: num(r[2]!), source: strOrNull(r[3]!) });
      }
    }
    return out;
  };

  const read = client.transaction((): WorkspaceExport => {
    const settings = getSettings(ctx);
    return {
      format: 'quartermaster-workspace',
      version: 1,
      workspace: { name: settings.name, currency: settings.currency, fiscalYearStartMonth: settings.fiscalYearStartMonth },
      departments: rows('departments').map((r) => ({ code: str(r[0]!), name: str(r[1]!), parentCode: strOrNull(r[2]!), manager: strOrNull(r[3]!) })),
      accounts: rows('accounts').map((r) => ({ code: str(r[0]!), name: str(r[1]!), type: r[2] as AccountType, active: r[3] === 1 })),
      people: rows('people').map((r) => ({
        name: str(r[0]!),
        title: strOrNull(r[1]!),
        departmentCode: str(r[2]!),
        fte: num(r[3]!),
        annualSalaryMinor: r[4] as number | null,
        startDate: strOrNull(r[5]!),
        endDate: strOrNull(r[6]!),
        status: r[7] as 'active' | 'open',
      })),
      plans: rows('plans').map((r) => ({ name: str(r[0]!), fiscalYear: num(r[1]!), scenario: str(r[2]!), status: r[3] as PlanStatus })),
      budgetLines: readBudgetLines(),
      actuals: readActuals(),
    };
  });
  // DEFERRED takes the read snapshot at the first SELECT and holds it until every query is done.
  return read.deferred();
}
