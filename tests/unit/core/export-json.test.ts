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
  createPerson(t.ctx, person({ name: 'Sean Gallagher', title: 'HGV Driver', annualSalaryMinor: 58_000_00, startDate: '2020-06-01', phone: '+1 312 555 0100' }));
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

/**
 * The continuity and risk registers, written straight into the tables in an order the export must
 * not echo: two namesakes, steps and call tree entries out of position order, links and
 * mitigations in reverse.
 */
function seedRegisters() {
  seed();
  const sql = t.ctx.db.$client;
  const at = '2026-11-21T12:00:00.000Z';
  const id = (table: string) => (sql.prepare('SELECT id FROM people WHERE name = ?').pluck().get(table) as string);
  const fleet = sql.prepare("SELECT id FROM departments WHERE code = '220'").pluck().get() as string;
  sql.prepare("INSERT INTO people (id, department_id, name, fte, status, created_at, updated_at) VALUES ('twin', ?, 'Open role — HGV driver', 1, 'open', ?, ?)").run(fleet, at, at);
  sql.exec(`UPDATE workspace SET impact_tolerance = 3, risk_appetite = 10`);
  const sean = id('Sean Gallagher');
  const aisha = id('Aisha Rahman');
  const insert = (table: string, row: Record<string, unknown>) =>
    sql.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
  insert('vendors', { id: 'v2', name: 'Northline Fuel', service: 'Diesel', contract_end: '2027-01-31', annual_spend_minor: 100, recovery_hours: 12, created_at: at, updated_at: at });
  insert('vendors', { id: 'v1', name: 'Acme Telematics', service: 'TMS', phone: '555-0101', created_at: at, updated_at: at });
  insert('assets', { id: 'a2', kind: 'system', name: 'TMS', recovery_hours: 4, created_at: at, updated_at: at });
  insert('assets', { id: 'a1', kind: 'site', name: 'Depot', created_at: at, updated_at: at });
  insert('processes', { id: 'p2', name: 'Warehouse', tier: 1, owner_department_id: fleet, owner_person_id: 'twin', rto_hours: 24, mtpd_hours: 72, peak_months: '[11,12]', created_at: at, updated_at: at });
  insert('processes', { id: 'p1', name: 'Dispatch', tier: 1, rto_hours: 4, rto_reason: 'Contract', created_at: at, updated_at: at });
  insert('process_impacts', { id: 'i2', process_id: 'p1', horizon_hours: 24, financial: 5, customer: 5 });
  insert('process_impacts', { id: 'i1', process_id: 'p1', horizon_hours: 4, financial: 2, safety: 1 });
  insert('dependencies', { id: 'd3', process_id: 'p2', kind: 'process', depends_on_process_id: 'p1', created_at: at });
  insert('dependencies', { id: 'd2', process_id: 'p1', kind: 'vendor', vendor_id: 'v2', recovery_hours: 2, notes: 'cards', created_at: at });
  insert('dependencies', { id: 'd1', process_id: 'p1', kind: 'person', person_id: sean, created_at: at });
  insert('dependencies', { id: 'd4', process_id: 'p1', kind: 'site', asset_id: 'a1', created_at: at });
  insert('continuity_plans', { id: 'c1', name: 'Site loss', scenario: 'site', activation_criteria: 'Fire', reviewed_on: '2026-01-31', created_at: at, updated_at: at });
  insert('continuity_plans', { id: 'c2', name: 'Dispatch plan', process_id: 'p1', created_at: at, updated_at: at });
  insert('plan_steps', { id: 's2', plan_id: 'c1', position: 1, action: 'Second', owner_person_id: aisha, within_hours: 4 });
  insert('plan_steps', { id: 's1', plan_id: 'c1', position: 0, action: 'First', owner_person_id: 'twin', within_hours: 0.5 });
  // The caller comes second in position order, so calledBy points forward.
  insert('call_tree_entries', { id: 'e1', plan_id: 'c1', person_id: sean, alternate_person_id: aisha, position: 1 });
  insert('call_tree_entries', { id: 'e2', plan_id: 'c1', person_id: aisha, parent_entry_id: 'e1', position: 0 });
  insert('exercises', { id: 'x1', plan_id: 'c1', kind: 'tabletop', held_on: '2026-04-21', findings: 'No forklift', next_due: '2027-04-21', created_at: at });
  insert('exercise_actions', { id: 'xa2', exercise_id: 'x1', action: 'Later', owner_person_id: sean, due_on: '2026-09-01', done: 0 });
  insert('exercise_actions', { id: 'xa1', exercise_id: 'x1', action: 'Sooner', due_on: '2026-05-01', done: 1 });
  insert('risks', { id: 'r2', title: 'Ransomware', category: 'technology', owner_person_id: sean, inherent_likelihood: 4, inherent_impact: 5, residual_likelihood: 3, residual_impact: 5, created_at: at, updated_at: at });
  insert('risks', { id: 'r1', title: 'Diesel price', category: 'financial', inherent_likelihood: 3, inherent_impact: 3, residual_likelihood: 2, residual_impact: 3, review_date: '2027-01-01', created_at: at, updated_at: at });
  insert('risk_mitigations', { id: 'm2', risk_id: 'r2', action: 'Backups', status: 'in_progress', owner_person_id: 'twin', due_on: '2027-02-01' });
  insert('risk_mitigations', { id: 'm1', risk_id: 'r2', action: 'MFA', status: 'done' });
  insert('risk_links', { id: 'l3', risk_id: 'r2', vendor_id: 'v1' });
  insert('risk_links', { id: 'l2', risk_id: 'r2', process_id: 'p2' });
  insert('risk_links', { id: 'l1', risk_id: 'r2', process_id: 'p1' });
}

describe('exportJson', () => {
  it('writes exactly the documented format', () => {
    seed();
    const e: WorkspaceExport = exportJson(t.ctx);
    expect(workspaceExportSchema.parse(e)).toEqual(e);
    expect(Object.keys(e)).toEqual([
      'format',
      'version',
      'workspace',
      'departments',
      'accounts',
      'people',
      'plans',
      'budgetLines',
      'actuals',
      'vendors',
      'assets',
      'processes',
      'dependencies',
      'continuityPlans',
      'exercises',
      'risks',
      'currencyRates',
      'seasonalityProfiles',
      'report',
    ]);
    expect(e.format).toBe('quartermaster-workspace');
    expect(e.version).toBe(2);
    expect(e.workspace).toEqual({ name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4, impactTolerance: 4, riskAppetite: 12, locale: 'en-GB' });
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
      {
        key: '210/Aisha Rahman',
        name: 'Aisha Rahman',
        title: null,
        departmentCode: '210',
        fte: 0.5,
        annualSalaryMinor: null,
        startDate: null,
        endDate: '2026-12-31',
        status: 'active',
        phone: null,
      },
      {
        key: '220/Open role — HGV driver',
        name: 'Open role — HGV driver',
        title: null,
        departmentCode: '220',
        fte: 1,
        annualSalaryMinor: null,
        startDate: null,
        endDate: null,
        status: 'open',
        phone: null,
      },
      {
        key: '220/Sean Gallagher',
        name: 'Sean Gallagher',
        title: 'HGV Driver',
        departmentCode: '220',
        fte: 1,
        annualSalaryMinor: 5_800_000,
        startDate: '2020-06-01',
        endDate: null,
        status: 'active',
        phone: '+1 312 555 0100',
      },
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
    expect(e.processes.length).toBeGreaterThan(0);
    expect(isSorted(e.vendors, (v) => [v.name])).toBe(true);
    expect(isSorted(e.assets, (a) => [a.kind, a.name])).toBe(true);
    expect(isSorted(e.processes, (p) => [p.name])).toBe(true);
    for (const p of e.processes) expect(isSorted(p.impacts, (r) => [r.horizonHours])).toBe(true);
    expect(isSorted(e.dependencies, (d) => [d.process, d.kind, d.target])).toBe(true);
    expect(isSorted(e.continuityPlans, (p) => [p.name])).toBe(true);
    expect(isSorted(e.exercises, (x) => [x.plan, x.heldOn])).toBe(true);
    expect(isSorted(e.risks, (r) => [r.title])).toBe(true);
    for (const r of e.risks) {
      expect(isSorted(r.processes, (n) => [n])).toBe(true);
      expect(isSorted(r.vendors, (n) => [n])).toBe(true);
    }
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

  it('exports the registers by natural keys, sorted, with person keys that tell namesakes apart', () => {
    seedRegisters();
    const e = exportJson(t.ctx);
    expect(workspaceExportSchema.parse(e)).toEqual(e);
    expect(e.workspace).toMatchObject({ impactTolerance: 3, riskAppetite: 10 });
    expect(e.people.map((p) => p.key)).toEqual(['210/Aisha Rahman', '220/Open role — HGV driver', '220/Open role — HGV driver #2', '220/Sean Gallagher']);
    expect(e.vendors).toEqual([
      { name: 'Acme Telematics', service: 'TMS', contactName: null, phone: '555-0101', email: null, contractEnd: null, annualSpendMinor: null, recoveryHours: null },
      { name: 'Northline Fuel', service: 'Diesel', contactName: null, phone: null, email: null, contractEnd: '2027-01-31', annualSpendMinor: 100, recoveryHours: 12 },
    ]);
    expect(e.assets).toEqual([
      { kind: 'site', name: 'Depot', description: null, recoveryHours: null },
      { kind: 'system', name: 'TMS', description: null, recoveryHours: 4 },
    ]);
    expect(e.processes.map((p) => p.name)).toEqual(['Dispatch', 'Warehouse']);
    expect(e.processes[0]).toEqual({
      name: 'Dispatch',
      description: null,
      ownerDepartmentCode: null,
      ownerPerson: null,
      tier: 1,
      rtoHours: 4,
      rtoReason: 'Contract',
      rpoHours: null,
      mtpdHours: null,
      costPerDayMinor: null,
      peakMonths: [],
      reviewDate: null,
      impacts: [
        { horizonHours: 4, financial: 2, customer: null, regulatory: null, reputational: null, safety: 1 },
        { horizonHours: 24, financial: 5, customer: 5, regulatory: null, reputational: null, safety: null },
      ],
    });
    const twin = e.processes[1]!.ownerPerson;
    expect(twin).toMatch(/^220\/Open role — HGV driver( #2)?$/);
    expect(e.processes[1]).toMatchObject({ ownerDepartmentCode: '220', peakMonths: [11, 12], mtpdHours: 72 });
    expect(e.dependencies).toEqual([
      { process: 'Dispatch', kind: 'person', target: '220/Sean Gallagher', recoveryHours: null, notes: null },
      { process: 'Dispatch', kind: 'site', target: 'Depot', recoveryHours: null, notes: null },
      { process: 'Dispatch', kind: 'vendor', target: 'Northline Fuel', recoveryHours: 2, notes: 'cards' },
      { process: 'Warehouse', kind: 'process', target: 'Dispatch', recoveryHours: null, notes: null },
    ]);
    expect(e.continuityPlans).toEqual([
      { name: 'Dispatch plan', process: 'Dispatch', scenario: null, activationCriteria: '', workarounds: '', reviewedOn: null, steps: [], callTree: [] },
      {
        name: 'Site loss',
        process: null,
        scenario: 'site',
        activationCriteria: 'Fire',
        workarounds: '',
        reviewedOn: '2026-01-31',
        steps: [
          { action: 'First', owner: twin, withinHours: 0.5 },
          { action: 'Second', owner: '210/Aisha Rahman', withinHours: 4 },
        ],
        callTree: [
          { person: '210/Aisha Rahman', alternate: null, calledBy: 1 },
          { person: '220/Sean Gallagher', alternate: '210/Aisha Rahman', calledBy: null },
        ],
      },
    ]);
    expect(e.exercises).toEqual([
      {
        plan: 'Site loss',
        kind: 'tabletop',
        heldOn: '2026-04-21',
        participants: '',
        summary: '',
        findings: 'No forklift',
        nextDue: '2027-04-21',
        actions: [
          { action: 'Sooner', owner: null, dueOn: '2026-05-01', done: true },
          { action: 'Later', owner: '220/Sean Gallagher', dueOn: '2026-09-01', done: false },
        ],
      },
    ]);
    expect(e.risks.map((r) => r.title)).toEqual(['Diesel price', 'Ransomware']);
    expect(e.risks[1]).toEqual({
      title: 'Ransomware',
      description: '',
      category: 'technology',
      owner: '220/Sean Gallagher',
      inherentLikelihood: 4,
      inherentImpact: 5,
      residualLikelihood: 3,
      residualImpact: 5,
      reviewDate: null,
      mitigations: [
        { action: 'MFA', status: 'done', owner: null, dueOn: null },
        { action: 'Backups', status: 'in_progress', owner: twin, dueOn: '2027-02-01' },
      ],
      processes: ['Dispatch', 'Warehouse'],
      vendors: ['Acme Telematics'],
    });
  });

  it('exports an empty workspace', () => {
    const e = exportJson(t.ctx);
    expect(e).toEqual({
      format: 'quartermaster-workspace',
      version: 2,
      workspace: { name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4, impactTolerance: 4, riskAppetite: 12, locale: 'en-GB' },
      departments: [],
      accounts: [],
      people: [],
      plans: [],
      budgetLines: [],
      actuals: [],
      vendors: [],
      assets: [],
      processes: [],
      dependencies: [],
      continuityPlans: [],
      exercises: [],
      risks: [],
      currencyRates: [],
      seasonalityProfiles: [],
      report: { preparedBy: '', confidentiality: 'Confidential. Prepared for the board of directors; not for distribution.', commentary: [] },
    });
  });
});
