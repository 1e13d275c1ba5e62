import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, updateAccount } from '../../../electron/core/budget/account-service';
import { buildDemo } from '../../../electron/core/demo/demo-workspace';
import { exportJson } from '../../../electron/core/export/json-export';
import { createDepartment } from '../../../electron/core/org/department-service';
import { createPerson, type PersonCreate } from '../../../electron/core/org/people-service';
import { workspaceExportSchema, type WorkspaceExport } from '../../../shared/export';
import { insertActual, insertBudgetLine, insertPlan } from '../../helpers/raw-figures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4 } });
});
afterEach(() => t.cleanup());

function isSorted<T>(items: T[], key: (item: T) => (string | number)[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = key(items[i - 1]!);
    const b = key(items[i]!);
    const cmp = a.findIndex((v, j) => v !== b[j]);
    if (cmp !== -1 && a[cmp]! > b[cmp]!) return false;
  }
  return true;
}

/** A small workspace written in deliberately unsorted order, with sources, zeros and an inactive account. */
function seed() {
  const root = createDepartment(t.ctx, { code: '100', name: 'Larkspur Freight', parentId: null, manager: 'Dana Whitfield' });
  const ops = createDepartment(t.ctx, { code: '200', name: 'Operations', parentId: root.id });
  const fleet = createDepartment(t.ctx, { code: '220', name: 'Fleet', parentId: ops.id, manager: 'Tomasz Wrobel' });
  const warehouse = createDepartment(t.ctx, { code: '210', name: 'Warehouse', parentId: ops.id });
  const fuel = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
  const revenue = createAccount(t.ctx, { code: '4000', name: 'Freight revenue', type: 'revenue' });
  const capex = createAccount(t.ctx, { code: '1500', name: 'Equipment (capital)', type: 'capex' });
  updateAccount(t.ctx, { id: capex.id, active: false });
  const person = (p: Partial<PersonCreate>): PersonCreate => ({
    departmentId: fleet.id,
    name: 'X',
    title: null,
    fte: 1,
    annualSalaryMinor: null,
    startDate: null,
    endDate: null,
    status: 'active',
    ...p,
  });
  createPerson(t.ctx, person({ name: 'Sean Gallagher', title: 'HGV Driver', annualSalaryMinor: 58_000_00, startDate: '2020-06-01' }));
  createPerson(t.ctx, person({ name: 'Open role — HGV driver', status: 'open' }));
  createPerson(t.ctx, person({ name: 'Aisha Rahman', departmentId: warehouse.id, fte: 0.5, endDate: '2026-12-31' }));

  const growth = insertPlan(t.ctx, { fiscalYear: 2027, scenario: 'Growth' });
  const base27 = insertPlan(t.ctx, { fiscalYear: 2027, scenario: 'Base', status: 'approved' });
  const base28 = insertPlan(t.ctx, { fiscalYear: 2028, scenario: 'Base' });
  insertBudgetLine(t.ctx, growth, { departmentId: fleet.id, accountId: fuel.id, period: '2026-05', amountMinor: 2_100_000, source: 'budget-fleet.xlsx!Budget!D14' });
  insertBudgetLine(t.ctx, base27, { departmentId: fleet.id, accountId: fuel.id, period: '2026-05', amountMinor: 2_000_000 });
  insertBudgetLine(t.ctx, base27, { departmentId: fleet.id, accountId: fuel.id, period: '2026-04', amountMinor: -150 });
  insertBudgetLine(t.ctx, base27, { departmentId: warehouse.id, accountId: fuel.id, period: '2026-04', amountMinor: 0 });
  insertBudgetLine(t.ctx, base27, { departmentId: fleet.id, accountId: revenue.id, period: '2026-04', amountMinor: 47_000_000 });
  insertBudgetLine(t.ctx, base28, { departmentId: warehouse.id, accountId: capex.id, period: '2027-06', amountMinor: 3_800_000 });
  insertActual(t.ctx, { departmentId: fleet.id, accountId: fuel.id, period: '2026-05', amountMinor: 2_212_345, source: 'gl.csv!gl!E7' });
  insertActual(t.ctx, { departmentId: fleet.id, accountId: fuel.id, period: '2026-04', amountMinor: 1_999_999 });
  insertActual(t.ctx, { departmentId: warehouse.id, accountId: fuel.id, period: '2026-04', amountMinor: 0 });
}

describe('exportJson', () => {
  it('writes exactly the documented format', () => {
    seed();
    const e: WorkspaceExport = exportJson(t.ctx);
    expect(workspaceExportSchema.parse(e)).toEqual(e);
    expect(Object.keys(e)).toEqual(['format', 'version', 'workspace', 'departments', 'accounts', 'people', 'plans', 'budgetLines', 'actuals']);
    expect(e.format).toBe('quartermaster-workspace');
    expect(e.version).toBe(1);
    expect(e.workspace).toEqual({ name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4 });
    expect(e.departments).toEqual([
      { code: '100', name: 'Larkspur Freight', parentCode: null, manager: 'Dana Whitfield' },
      { code: '200', name: 'Operations', parentCode: '100', manager: null },
      { code: '210', name: 'Warehouse', parentCode: '200', manager: null },
      { code: '220', name: 'Fleet', parentCode: '200', manager: 'Tomasz Wrobel' },
    ]);
    expect(e.accounts).toEqual([
      { code: '1500', name: 'Equipment (capital)', type: 'capex', active: false },
      { code: '4000', name: 'Freight revenue', type: 'revenue', active: true },
      { code: '6400', name: 'Fuel', type: 'expense', active: true },
    ]);
    expect(e.people).toEqual([
      { name: 'Aisha Rahman', title: null, departmentCode: '210', fte: 0.5, annualSalaryMinor: null, startDate: null, endDate: '2026-12-31', status: 'active' },
      { name: 'Open role — HGV driver', title: null, departmentCode: '220', fte: 1, annualSalaryMinor: null, startDate: null, endDate: null, status: 'open' },
      { name: 'Sean Gallagher', title: 'HGV Driver', departmentCode: '220', fte: 1, annualSalaryMinor: 5_800_000, startDate: '2020-06-01', endDate: null, status: 'active' },
    ]);
    expect(e.plans).toEqual([
      { name: 'FY2027 · Base', fiscalYear: 2027, scenario: 'Base', status: 'approved' },
      { name: 'FY2027 · Growth', fiscalYear: 2027, scenario: 'Growth', status: 'draft' },
      { name: 'FY2028 · Base', fiscalYear: 2028, scenario: 'Base', status: 'draft' },
    ]);
  });

  it('sorts lines by plan, department, account and period, keeps sources and omits zeros', () => {
    seed();
    const e = exportJson(t.ctx);
    expect(e.budgetLines).toEqual([
      { plan: 'FY2027 · Base', departmentCode: '220', accountCode: '4000', period: '2026-04', amountMinor: 47_000_000, source: null },
      { plan: 'FY2027 · Base', departmentCode: '220', accountCode: '6400', period: '2026-04', amountMinor: -150, source: null },
      { plan: 'FY2027 · Base', departmentCode: '220', accountCode: '6400', period: '2026-05', amountMinor: 2_000_000, source: null },
      { plan: 'FY2027 · Growth', departmentCode: '220', accountCode: '6400', period: '2026-05', amountMinor: 2_100_000, source: 'budget-fleet.xlsx!Budget!D14' },
      { plan: 'FY2028 · Base', departmentCode: '210', accountCode: '1500', period: '2027-06', amountMinor: 3_800_000, source: null },
    ]);
    expect(e.actuals).toEqual([
      { departmentCode: '220', accountCode: '6400', period: '2026-04', amountMinor: 1_999_999, source: null },
      { departmentCode: '220', accountCode: '6400', period: '2026-05', amountMinor: 2_212_345, source: 'gl.csv!gl!E7' },
    ]);
  });

  it('keeps every array sorted on the demo workspace', () => {
    buildDemo(t.ctx, { asOf: '2026-11-21' });
    const e = exportJson(t.ctx);
    expect(e.budgetLines.length).toBeGreaterThan(1000);
    const planIndex = new Map(e.plans.map((p, i) => [p.name, i]));
    expect(isSorted(e.departments, (d) => [d.code])).toBe(true);
    expect(isSorted(e.accounts, (a) => [a.code])).toBe(true);
    expect(isSorted(e.people, (p) => [p.departmentCode, p.name])).toBe(true);
    expect(isSorted(e.plans, (p) => [p.fiscalYear, p.scenario])).toBe(true);
    expect(isSorted(e.budgetLines, (l) => [planIndex.get(l.plan)!, l.departmentCode, l.accountCode, l.period])).toBe(true);
    expect(isSorted(e.actuals, (a) => [a.departmentCode, a.accountCode, a.period])).toBe(true);
  });

  it('reads one state of the workspace while another connection writes (D9)', () => {
    seed();
    const expected = JSON.stringify(exportJson(t.ctx));
    // A second connection commits a write in the middle of the export: between its first read and
    // its last. The export must not see it.
    const other = new Database(t.path);
    const client = t.ctx.db.$client;
    const original = client.prepare.bind(client);
    let injected = false;
    client.prepare = ((source: string) => {
      if (!injected && source.includes('FROM people')) {
        injected = true;
        other.prepare("UPDATE accounts SET name = 'Diesel' WHERE code = '6400'").run();
        other.prepare("UPDATE budget_lines SET amount_minor = 1 WHERE source IS NOT NULL").run();
      }
      return original(source);
    }) as typeof client.prepare;
    try {
      expect(JSON.stringify(exportJson(t.ctx))).toBe(expected);
      expect(injected).toBe(true);
    } finally {
      client.prepare = original;
      other.close();
    }
    // After the export the write is there.
    expect(exportJson(t.ctx).accounts.find((a) => a.code === '6400')?.name).toBe('Diesel');
  });

  it('exports an empty workspace', () => {
    const e = exportJson(t.ctx);
    expect(e).toEqual({
      format: 'quartermaster-workspace',
      version: 1,
      workspace: { name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4 },
      departments: [],
      accounts: [],
      people: [],
      plans: [],
      budgetLines: [],
      actuals: [],
    });
  });
});
