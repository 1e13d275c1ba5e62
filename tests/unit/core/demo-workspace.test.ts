import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, createDemoWorkspace } from '../../../electron/core/demo/demo-workspace';
import { exportJson } from '../../../electron/core/export/json-export';
import { historyState } from '../../../electron/core/history/history-service';
import { listDepartments } from '../../../electron/core/org/department-service';
import { openSession } from '../../../electron/core/session';
import { getWorkspaceInfo } from '../../../electron/core/workspace/workspace-service';
import { workspaceExportSchema, type WorkspaceExport } from '../../../shared/export';
import { addMonths } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { fixturePath } from '../../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';


/** The fixtures are plain CSV without quoted fields; a header row names the columns. */
function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(fixturePath(name), 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

function demo(asOf: string, fiscalYearStartMonth = 1): { t: TempWorkspace; exported: WorkspaceExport } {
  const t = tempWorkspace({ init: { name: 'Larkspur Freight', fiscalYearStartMonth } });
  buildDemo(t.ctx, { asOf });
  return { t, exported: exportJson(t.ctx) };
}

const sum = (xs: { amountMinor: number }[]) => xs.reduce((s, x) => s + x.amountMinor, 0);

function between(values: number[], low: number, high: number): void {
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) {
    expect(v).toBeGreaterThan(low);
    expect(v).toBeLessThan(high);
  }
}

describe('demo workspace (fiscal year = calendar year, as of 2026-11-21)', () => {
  let t: TempWorkspace;
  let e: WorkspaceExport;
  beforeAll(() => {
    ({ t, exported: e } = demo('2026-11-21'));
  });
  afterAll(() => t.cleanup());

  it('exports a valid document', () => {
    expect(() => workspaceExportSchema.parse(e)).not.toThrow();
  });

  it('has exactly the departments and accounts of the sample spreadsheets', () => {
    const deps = readCsv('departments.csv');
    expect(e.departments).toEqual(
      deps
        .map((d) => ({ code: d.code, name: d.name, parentCode: d.parent_code || null, manager: d.manager }))
        .sort((a, b) => (a.code! < b.code! ? -1 : 1)),
    );
    const accts = readCsv('accounts.csv');
    expect(e.accounts).toEqual(
      accts.map((a) => ({ code: a.code, name: a.name, type: a.type, active: true })).sort((a, b) => (a.code! < b.code! ? -1 : 1)),
    );
  });

  it('has about sixty people with open roles, part-timers and leavers', () => {
    expect(e.people.length).toBeGreaterThanOrEqual(55);
    expect(e.people.length).toBeLessThanOrEqual(70);
    const open = e.people.filter((p) => p.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(open.length).toBeLessThanOrEqual(6);
    for (const p of open) expect(p.name).toMatch(/^Open role — /);
    expect(e.people.filter((p) => p.fte < 1).length).toBeGreaterThanOrEqual(2);
    const ended = e.people.filter((p) => p.endDate !== null);
    expect(ended.length).toBeGreaterThanOrEqual(1);
    expect(ended.length).toBeLessThanOrEqual(2);
    for (const p of e.people) {
      expect(e.departments.some((d) => d.code === p.departmentCode)).toBe(true);
      if (p.endDate !== null) expect(p.endDate >= p.startDate!).toBe(true);
      if (p.status === 'active') expect(p.startDate! <= '2026-11-21').toBe(true);
    }
    // Every manager named in the org chart is on the roster.
    for (const d of e.departments) expect(e.people.some((p) => p.name === d.manager && p.departmentCode === d.code)).toBe(true);
  });

  it('has this year approved and next year as two drafts, named FY · scenario', () => {
    expect(e.plans).toEqual([
      { name: 'FY2026 · Base', fiscalYear: 2026, scenario: 'Base', status: 'approved' },
      { name: 'FY2027 · Base', fiscalYear: 2027, scenario: 'Base', status: 'draft' },
      { name: 'FY2027 · Growth', fiscalYear: 2027, scenario: 'Growth', status: 'draft' },
    ]);
  });

  it('puts monthly lines on every leaf department and only on leaves', () => {
    const leaves = listDepartments(t.ctx).filter((d) => d.childCount === 0);
    expect(leaves.map((d) => d.code)).toEqual(['210', '220', '230', '300', '410', '420', '500', '600']);
    const months = Array.from({ length: 12 }, (_, i) => addMonths('2026-01', i));
    for (const plan of e.plans) {
      const lines = e.budgetLines.filter((l) => l.plan === plan.name);
      const planMonths = months.map((m) => addMonths(m, (plan.fiscalYear - 2026) * 12));
      for (const leaf of leaves) {
        const own = lines.filter((l) => l.departmentCode === leaf.code);
        expect(new Set(own.map((l) => l.period))).toEqual(new Set(planMonths));
        expect(own.some((l) => l.accountCode === '6000')).toBe(true);
      }
      expect(lines.every((l) => leaves.some((d) => d.code === l.departmentCode))).toBe(true);
    }
  });

  it('has amounts of the size the managers’ spreadsheets show', () => {
    const cur = e.budgetLines.filter((l) => l.plan === 'FY2026 · Base');
    const monthly = (dept: string, account: string) => cur.filter((l) => l.departmentCode === dept && l.accountCode === account).map((l) => l.amountMinor / 100);
    between(monthly('210', '6000'), 40_000, 70_000);
    between(monthly('210', '6300'), 12_000, 20_000);
    between(monthly('220', '6400'), 15_000, 28_000);
    between(monthly('410', '4000'), 350_000, 600_000);
    // Seasonal revenue: the strongest month is clearly above the weakest.
    const rev = monthly('410', '4000');
    expect(Math.max(...rev) / Math.min(...rev)).toBeGreaterThan(1.15);
  });

  it('budgets salaries from the roster', () => {
    const cur = e.budgetLines.filter((l) => l.plan === 'FY2026 · Base' && l.accountCode === '6000');
    for (const dept of ['210', '220', '230', '300', '410', '420', '500', '600']) {
      const roster = e.people.filter((p) => p.departmentCode === dept).reduce((s, p) => s + (p.annualSalaryMinor ?? 0), 0);
      const budget = sum(cur.filter((l) => l.departmentCode === dept));
      // Open roles are budgeted from their target start, so the year is a little under a full roster.
      expect(budget / roster).toBeGreaterThan(0.8);
      expect(budget / roster).toBeLessThanOrEqual(1.0001);
    }
  });

  it('has actuals for every month up to the one before the as-of date, and none after', () => {
    const periods = [...new Set(e.actuals.map((a) => a.period))].sort();
    expect(periods).toEqual(Array.from({ length: 10 }, (_, i) => addMonths('2026-01', i)));
    // Every budgeted salary line of a past month has its actual.
    const pastSalaryLines = e.budgetLines.filter((l) => l.plan === 'FY2026 · Base' && l.accountCode === '6000' && l.period < '2026-11');
    for (const l of pastSalaryLines) {
      expect(e.actuals.some((a) => a.departmentCode === l.departmentCode && a.accountCode === '6000' && a.period === l.period)).toBe(true);
    }
  });

  it('tells the stories a director should notice', () => {
    const budget = (dept: string, account: string, from: string, to: string) =>
      sum(e.budgetLines.filter((l) => l.plan === 'FY2026 · Base' && l.departmentCode === dept && l.accountCode === account && l.period >= from && l.period <= to));
    const actual = (dept: string, account: string, from: string, to: string) =>
      sum(e.actuals.filter((l) => l.departmentCode === dept && l.accountCode === account && l.period >= from && l.period <= to));
    const ratio = (dept: string, account: string, from: string, to: string) => actual(dept, account, from, to) / budget(dept, account, from, to);

    expect(ratio('220', '6400', '2026-07', '2026-10')).toBeGreaterThan(1.08); // fuel from mid-year
    expect(ratio('220', '6400', '2026-01', '2026-06')).toBeLessThan(1.04);
    expect(ratio('420', '6600', '2026-01', '2026-10')).toBeLessThan(0.88); // marketing underspend
    expect(ratio('410', '4000', '2026-04', '2026-06')).toBeLessThan(0.96); // a soft quarter
    // Finance: one month of professional services far over budget.
    const months = Array.from({ length: 10 }, (_, i) => addMonths('2026-01', i));
    const overruns = months.filter((m) => ratio('300', '6500', m, m) > 2);
    expect(overruns).toHaveLength(1);
  });

  it('gives every person on the roster a fictional phone number, and none to open roles', () => {
    const numbers = e.people.filter((p) => p.status === 'active').map((p) => p.phone);
    for (const n of numbers) expect(n).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of e.people.filter((x) => x.status === 'open')) expect(p.phone).toBeNull();
  });

  it('has the critical processes of a freight company, with a full impact analysis and consistent objectives', () => {
    const tiers = Object.fromEntries(e.processes.map((p) => [p.name, p.tier]));
    expect(tiers).toEqual({
      'Customer service': 2,
      'Dispatch & route planning': 1,
      'Fleet maintenance': 3,
      'Invoicing & billing': 3,
      Payroll: 2,
      'Warehouse operations': 1,
    });
    const keys = new Set(e.people.map((p) => p.key));
    for (const p of e.processes) {
      expect(keys.has(p.ownerPerson!)).toBe(true);
      expect(e.people.find((x) => x.key === p.ownerPerson)!.departmentCode).toBe(p.ownerDepartmentCode);
      expect(p.impacts.map((r) => r.horizonHours)).toEqual([4, 24, 72, 168, 336]);
      for (const r of p.impacts) for (const v of [r.financial, r.customer, r.regulatory, r.reputational, r.safety]) expect(v).not.toBeNull();
      expect(p.rtoHours! <= p.mtpdHours!).toBe(true);
      expect(p.rpoHours! <= p.rtoHours!).toBe(true);
      expect(p.costPerDayMinor).toBeGreaterThan(0);
      // The RTO the analysis suggests at the default tolerance: the first horizon rated 4 or more.
      const suggested = p.impacts.find((r) => [r.financial, r.customer, r.regulatory, r.reputational, r.safety].some((v) => v! >= e.workspace.impactTolerance))?.horizonHours;
      if (p.rtoReason === null) expect(p.rtoHours).toBe(suggested);
      else expect(p.rtoHours).not.toBe(suggested);
    }
    expect(e.processes.filter((p) => p.rtoReason !== null).map((p) => p.name)).toEqual(['Customer service']);
    expect(e.workspace).toMatchObject({ impactTolerance: 4, riskAppetite: 12 });
  });

  it('has vendors, systems and sites, one vendor out of contract', () => {
    expect(e.vendors).toHaveLength(5);
    expect(e.vendors.filter((v) => v.contractEnd! < '2026-11-21').map((v) => v.name)).toEqual(['Harbor Payroll Bureau']);
    for (const v of e.vendors) {
      expect(v.phone).toMatch(/555-01\d{2}$/);
      expect(v.email).toMatch(/\.example$/);
    }
    expect(e.assets.map((a) => `${a.kind}: ${a.name}`)).toEqual([
      'site: Eastgate overflow warehouse',
      'site: Main depot',
      'system: E-mail and phones',
      'system: Payroll system',
      'system: Transport management system (TMS)',
      'system: Warehouse management system (WMS)',
    ]);
  });

  it('names what each process depends on, key people among them', () => {
    for (const p of e.processes) expect(e.dependencies.filter((d) => d.process === p.name).length).toBeGreaterThanOrEqual(2);
    const keyPeople = e.dependencies.filter((d) => d.kind === 'person').map((d) => d.target);
    expect(keyPeople).toEqual(expect.arrayContaining(['220/Nadia Petrova', '500/Ingrid Berg', '220/Viktor Horvat']));
    expect(new Set(e.dependencies.map((d) => d.kind))).toEqual(new Set(['person', 'process', 'system', 'site', 'vendor']));
    // The plan that cannot be met: a forklift contractor slower than the warehouse's RTO.
    const warehouse = e.processes.find((p) => p.name === 'Warehouse operations')!;
    const liftline = e.vendors.find((v) => v.name === 'Liftline Forklift Services')!;
    expect(liftline.recoveryHours! > warehouse.rtoHours!).toBe(true);
  });

  it('has a plan per Tier 1 and 2 process and a loss-of-site plan, with the gaps a director should find', () => {
    const withPlan = new Set(e.continuityPlans.map((p) => p.process));
    for (const p of e.processes) expect(withPlan.has(p.name)).toBe(p.tier <= 2);
    const site = e.continuityPlans.find((p) => p.scenario === 'site' && p.process === null)!;
    expect(site.activationCriteria).not.toBe('');
    for (const plan of e.continuityPlans) {
      expect(plan.steps.length).toBeGreaterThanOrEqual(4);
      expect(plan.steps.length).toBeLessThanOrEqual(8);
      for (const s of plan.steps) expect(s.withinHours).toBeGreaterThan(0);
      // Each step within no less time than the one before it.
      expect(plan.steps.map((s) => s.withinHours)).toEqual([...plan.steps.map((s) => s.withinHours!)].sort((a, b) => a - b));
      expect(plan.callTree.length).toBeGreaterThanOrEqual(3);
      expect(plan.callTree.length).toBeLessThanOrEqual(8);
      expect(plan.callTree.filter((c) => c.calledBy === null)).toHaveLength(1);
    }
    // One gap on the call trees: a Tier-1 step owner with no alternate.
    const noAlternate = e.continuityPlans.flatMap((p) => p.callTree.filter((c) => c.alternate === null).map((c) => `${p.name}: ${c.person}`));
    expect(noAlternate).toEqual(['Warehouse recovery: 210/Femi Adebayo']);
    expect(e.continuityPlans.find((p) => p.name === 'Warehouse recovery')!.steps.some((s) => s.owner === '210/Femi Adebayo')).toBe(true);
    // One plan not reviewed for over a year; one process whose plan was never exercised.
    expect(e.continuityPlans.filter((p) => p.reviewedOn! < '2025-11-21').map((p) => p.name)).toEqual(['Payroll continuity']);
    const exercised = new Set(e.exercises.map((x) => x.plan));
    expect(e.continuityPlans.filter((p) => !exercised.has(p.name)).map((p) => p.process)).toEqual(['Customer service']);
  });

  it('has a tabletop with findings and actions, and walkthroughs, all in the past year', () => {
    const tabletop = e.exercises.find((x) => x.kind === 'tabletop')!;
    expect(tabletop.plan).toBe('Loss of the main depot');
    expect(tabletop.heldOn).toBe('2026-04-21');
    expect(tabletop.findings).not.toBe('');
    expect(tabletop.actions.length).toBeGreaterThanOrEqual(3);
    expect(tabletop.actions.some((a) => a.done)).toBe(true);
    expect(tabletop.actions.some((a) => !a.done && a.dueOn! < '2026-11-21')).toBe(true);
    expect(e.exercises.filter((x) => x.kind === 'walkthrough').length).toBeGreaterThanOrEqual(1);
    for (const x of e.exercises) {
      expect(x.heldOn > '2025-11-21' && x.heldOn < '2026-11-21').toBe(true);
      expect(x.nextDue! > '2026-11-21').toBe(true);
    }
  });

  it('has a dozen risks in every category, a few above the appetite', () => {
    expect(e.risks).toHaveLength(12);
    expect(new Set(e.risks.map((r) => r.category))).toEqual(new Set(['operational', 'financial', 'compliance', 'people', 'supplier', 'technology', 'safety']));
    for (const r of e.risks) {
      expect(r.residualLikelihood).toBeLessThanOrEqual(r.inherentLikelihood);
      expect(r.residualImpact).toBeLessThanOrEqual(r.inherentImpact);
      expect(r.owner).not.toBeNull();
      expect(r.mitigations.length).toBeGreaterThanOrEqual(1);
      expect(r.processes.length + r.vendors.length).toBeGreaterThanOrEqual(1);
    }
    const above = e.risks.filter((r) => r.residualLikelihood * r.residualImpact > e.workspace.riskAppetite);
    expect(above.length).toBeGreaterThanOrEqual(2);
    expect(above.length).toBeLessThanOrEqual(4);
    expect(new Set(e.risks.flatMap((r) => r.mitigations.map((m) => m.status)))).toEqual(new Set(['planned', 'in_progress', 'done']));
  });

  it('leaves nothing to undo', () => {
    expect(historyState(t.ctx)).toEqual({ canUndo: false, undoLabel: null, canRedo: false, redoLabel: null });
  });
});

describe('demo determinism and as-of handling', () => {
  it('gives byte-identical exports for the same as-of date', () => {
    const a = demo('2026-11-21');
    const b = demo('2026-11-21');
    try {
      expect(JSON.stringify(b.exported)).toBe(JSON.stringify(a.exported));
    } finally {
      a.t.cleanup();
      b.t.cleanup();
    }
  });

  it('a later as-of date in the same year only adds months of actuals', () => {
    const a = demo('2026-05-02');
    const b = demo('2026-09-30');
    try {
      expect(b.exported.budgetLines).toEqual(a.exported.budgetLines);
      expect(b.exported.people).toEqual(a.exported.people);
      // The registers keep their shape; their dates move with the as-of date.
      expect(b.exported.processes.map((p) => ({ ...p, reviewDate: null }))).toEqual(a.exported.processes.map((p) => ({ ...p, reviewDate: null })));
      expect(b.exported.exercises.map((x) => x.heldOn)).not.toEqual(a.exported.exercises.map((x) => x.heldOn));
      expect(a.exported.actuals).toEqual(b.exported.actuals.filter((x) => x.period < '2026-05'));
      expect(b.exported.actuals.some((x) => x.period === '2026-08')).toBe(true);
      expect(b.exported.actuals.some((x) => x.period >= '2026-09')).toBe(false);
    } finally {
      a.t.cleanup();
      b.t.cleanup();
    }
  });

  it('has no actuals in the first month of a fiscal year', () => {
    const { t, exported } = demo('2027-01-15');
    try {
      expect(exported.actuals).toEqual([]);
      expect(exported.plans.map((p) => `${p.name} ${p.status}`)).toEqual(['FY2027 · Base approved', 'FY2028 · Base draft', 'FY2028 · Growth draft']);
    } finally {
      t.cleanup();
    }
  });

  it('follows a fiscal year that starts in April', () => {
    const { t, exported } = demo('2026-11-21', 4);
    try {
      // FY2027 runs April 2026 to March 2027.
      expect(exported.plans.map((p) => p.name)).toEqual(['FY2027 · Base', 'FY2028 · Base', 'FY2028 · Growth']);
      const cur = exported.budgetLines.filter((l) => l.plan === 'FY2027 · Base').map((l) => l.period);
      expect(cur.reduce((a, b) => (a < b ? a : b))).toBe('2026-04');
      expect(cur.reduce((a, b) => (a > b ? a : b))).toBe('2027-03');
      expect([...new Set(exported.actuals.map((a) => a.period))].sort()).toEqual([
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ]);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a workspace that is not set up, not empty, or a bad date', () => {
    const bare = tempWorkspace({ init: false });
    const ready = tempWorkspace();
    try {
      expect(() => buildDemo(bare.ctx, { asOf: '2026-11-21' })).toThrow(AppError);
      expect(() => buildDemo(ready.ctx, { asOf: '2026-02-30' })).toThrow(/real date/);
      buildDemo(ready.ctx, { asOf: '2026-11-21' });
      const before = JSON.stringify(exportJson(ready.ctx));
      expect(() => buildDemo(ready.ctx, { asOf: '2026-11-21' })).toThrow(/only be added to an empty workspace/);
      expect(JSON.stringify(exportJson(ready.ctx))).toBe(before);
    } finally {
      bare.cleanup();
      ready.cleanup();
    }
  });
});

describe('createDemoWorkspace', () => {
  it('creates, fills and closes a new workspace file; refuses to overwrite one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-demo-'));
    try {
      const path = join(dir, 'Larkspur.sqlite');
      const counts = createDemoWorkspace(path, { asOf: '2026-11-21' });
      expect(counts).toMatchObject({ departments: 11, plans: 3, vendors: 5, assets: 6, processes: 6, continuityPlans: 5, exercises: 4, risks: 12 });
      expect(existsSync(path)).toBe(true);

      const session = openSession(path);
      try {
        expect(getWorkspaceInfo(session.ctx)).toMatchObject({ name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 });
        const e = exportJson(session.ctx);
        expect(e.people).toHaveLength(counts.people);
        expect(e.budgetLines).toHaveLength(counts.budgetLines);
        expect(e.actuals).toHaveLength(counts.actuals);
        expect(e.dependencies).toHaveLength(counts.dependencies);
        expect(e.processes).toHaveLength(counts.processes);
        expect(e.risks).toHaveLength(counts.risks);
      } finally {
        session.close();
      }
      expect(() => createDemoWorkspace(path, { asOf: '2026-11-21', name: 'Other' })).toThrow(/already set up/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
