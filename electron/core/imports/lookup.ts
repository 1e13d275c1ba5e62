/**
 * What the pipeline needs to know about the workspace, read once per plan or commit: departments
 * and accounts by code, which departments can hold figures, people by name and department.
 */
import type { AccountType } from '../../../shared/budget';
import type { Ctx } from '../context';
import { normalizeHeader } from './headers';

export interface DepartmentInfo {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  manager: string | null;
  children: number;
  /** 1 when the department itself holds budget lines or actuals, else 0. */
  figures: number;
}

export interface AccountInfo {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  active: boolean;
}

export interface PersonInfo {
  id: string;
  departmentId: string;
  name: string;
  title: string | null;
  fte: number;
  annualSalaryMinor: number | null;
  startDate: string | null;
  endDate: string | null;
  status: 'active' | 'open';
}

export interface Lookup {
  departments: Map<string, DepartmentInfo>;
  departmentsById: Map<string, DepartmentInfo>;
  /** Normalised department name → code, for sheets named "Marketing". */
  departmentCodeByName: Map<string, string>;
  accounts: Map<string, AccountInfo>;
  accountsById: Map<string, AccountInfo>;
  accountCodeByName: Map<string, string>;
}

export function loadLookup(ctx: Ctx): Lookup {
  const sqlite = ctx.db.$client;
  const departmentRows = sqlite
    .prepare(
      `SELECT d.id, d.code, d.name, d.parent_id AS parentId, d.manager,
              (SELECT count(*) FROM departments c WHERE c.parent_id = d.id) AS children,
              (EXISTS (SELECT 1 FROM budget_lines l WHERE l.department_id = d.id) OR EXISTS (SELECT 1 FROM actuals x WHERE x.department_id = d.id)) AS figures
         FROM departments d`,
    )
    .all() as DepartmentInfo[];
  const accountRows = (sqlite.prepare('SELECT id, code, name, type, active FROM accounts').all() as Array<Omit<AccountInfo, 'active'> & { active: number }>).map(
    (a) => ({ ...a, active: a.active === 1 }),
  );
  return {
    departments: new Map(departmentRows.map((d) => [d.code, d])),
    departmentsById: new Map(departmentRows.map((d) => [d.id, d])),
    departmentCodeByName: new Map(departmentRows.map((d) => [normalizeHeader(d.name), d.code])),
    accounts: new Map(accountRows.map((a) => [a.code, a])),
    accountsById: new Map(accountRows.map((a) => [a.id, a])),
    accountCodeByName: new Map(accountRows.map((a) => [normalizeHeader(a.name), a.code])),
  };
}

export function peopleOf(ctx: Ctx): PersonInfo[] {
  return ctx.db.$client
    .prepare(
      `SELECT id, department_id AS departmentId, name, title, fte, annual_salary_minor AS annualSalaryMinor,
              start_date AS startDate, end_date AS endDate, status FROM people`,
    )
    .all() as PersonInfo[];
}

/** People are matched by name (case and spacing aside) within a department. */
export function personKey(departmentCode: string, name: string): string {
  return `${departmentCode}\u0000${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}
