/**
 * The whole workspace as one JSON document (format "quartermaster-workspace", version 2; schema in
 * shared/export.ts). Every read happens inside one read transaction (D9), so the document is one
 * state of the workspace even while another connection writes. Rows are read as raw arrays; lines
 * are read per plan and department, so a plan of a million lines is a few hundred indexed queries.
 *
 * Every array is sorted by what it exports, never by ids, so two workspaces with the same content
 * give the same document (and a restored workspace exports what it was restored from). The
 * continuity and risk rows are few; they are sorted here after their references are turned into
 * names and person keys.
 */
import type { AccountType, PlanStatus } from '../../../shared/budget';
import { exportFormat, exportVersion, type WorkspaceExport, type WorkspaceExportReport, type WrittenWorkspaceExport } from '../../../shared/export';
import type { Ctx } from '../context';
import { getSettings } from '../workspace/workspace-service';
import { readTransaction } from '../db/transactions';

type Cell = string | number | null;

const queries = {
  departments: `
    SELECT d.code, d.name, p.code, d.manager
    FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
    ORDER BY d.code, d.id`,
  accounts: `SELECT code, name, type, active FROM accounts ORDER BY code, id`,
  // Every exported field takes part in the order, so rows that differ only in their ids still come
  // out in the same order from two workspaces with the same content. Exact namesakes are told
  // apart by the order they were written in (a restore writes them in the file's order), which
  // keeps their keys, and the references that use them, stable through a restore.
  people: `
    SELECT p.name, p.title, d.code, p.fte, p.annual_salary_minor, p.start_date, p.end_date, p.status, p.phone, p.id
    FROM people p JOIN departments d ON d.id = p.department_id
    ORDER BY d.code, p.name, p.title, p.start_date, p.end_date, p.status, p.fte, p.annual_salary_minor, p.phone, p.rowid`,
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

type Key = string | number | boolean | null;

/** Orders by each value in turn; null first, then numbers and strings by value, false before true. */
function compareKeys(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function sortBy<T>(items: T[], key: (item: T) => Key[]): T[] {
  return items.map((item) => ({ item, k: key(item) })).sort((a, b) => compareKeys(a.k, b.k)).map((x) => x.item);
}

/**
 * The key each exported person is referred to by: `departmentCode/name`, and " #2", " #3" … for
 * namesakes in one department, in the export's order of people. Department codes hold no "/", so
 * the key reads back unambiguously.
 */
export function personKeys(people: readonly { departmentCode: string; name: string }[]): string[] {
  const used = new Set<string>();
  return people.map((p) => {
    const base = `${p.departmentCode}/${p.name}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base} #${n}`;
    used.add(key);
    return key;
  });
}

function parsePeakMonths(text: string): number[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((m): m is number => typeof m === 'number') : [];
}

/** The continuity register and the risk register, with ids turned into natural keys. */
function readRegisters(ctx: Ctx, keyOf: (personId: string | null) => string | null) {
  const client = ctx.db.$client;
  const all = <T>(sql: string): T[] => client.prepare(sql).all() as T[];

  const vendors = all<WorkspaceExport['vendors'][number] & { id: string }>(`
    SELECT id, name, service, contact_name AS contactName, phone, email, contract_end AS contractEnd,
           annual_spend_minor AS annualSpendMinor, recovery_hours AS recoveryHours
    FROM vendors ORDER BY name`);
  const assets = all<WorkspaceExport['assets'][number] & { id: string }>(`
    SELECT id, kind, name, description, recovery_hours AS recoveryHours FROM assets ORDER BY kind, name`);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const assetName = new Map(assets.map((a) => [a.id, a.name]));

  type ImpactRow = WorkspaceExport['processes'][number]['impacts'][number] & { processId: string };
  const impacts = all<ImpactRow>(`
    SELECT process_id AS processId, horizon_hours AS horizonHours, financial, customer, regulatory, reputational, safety
    FROM process_impacts ORDER BY horizon_hours`);
  const processRows = all<{
    id: string;
    name: string;
    description: string | null;
    ownerDepartmentCode: string | null;
    ownerPersonId: string | null;
    tier: number;
    rtoHours: number | null;
    rtoReason: string | null;
    rpoHours: number | null;
    mtpdHours: number | null;
    costPerDayMinor: number | null;
    peakMonths: string;
    reviewDate: string | null;
  }>(`
    SELECT p.id, p.name, p.description, d.code AS ownerDepartmentCode, p.owner_person_id AS ownerPersonId, p.tier,
           p.rto_hours AS rtoHours, p.rto_reason AS rtoReason, p.rpo_hours AS rpoHours, p.mtpd_hours AS mtpdHours,
           p.cost_per_day_minor AS costPerDayMinor, p.peak_months AS peakMonths, p.review_date AS reviewDate
    FROM processes p LEFT JOIN departments d ON d.id = p.owner_department_id
    ORDER BY p.name`);
  const processName = new Map(processRows.map((p) => [p.id, p.name]));
  const processes: WorkspaceExport['processes'] = processRows.map(({ id, ownerPersonId, peakMonths, ...p }) => ({
    name: p.name,
    description: p.description,
    ownerDepartmentCode: p.ownerDepartmentCode,
    ownerPerson: keyOf(ownerPersonId),
    tier: p.tier,
    rtoHours: p.rtoHours,
    rtoReason: p.rtoReason,
    rpoHours: p.rpoHours,
    mtpdHours: p.mtpdHours,
    costPerDayMinor: p.costPerDayMinor,
    peakMonths: parsePeakMonths(peakMonths),
    reviewDate: p.reviewDate,
    impacts: impacts.filter((r) => r.processId === id).map(({ processId: _, ...r }) => r),
  }));

  const dependencyRows = all<{
    processId: string;
    kind: WorkspaceExport['dependencies'][number]['kind'];
    personId: string | null;
    dependsOnProcessId: string | null;
    assetId: string | null;
    vendorId: string | null;
    recoveryHours: number | null;
    notes: string | null;
  }>(`
    SELECT process_id AS processId, kind, person_id AS personId, depends_on_process_id AS dependsOnProcessId,
           asset_id AS assetId, vendor_id AS vendorId, recovery_hours AS recoveryHours, notes
    FROM dependencies`);
  const dependencies: WorkspaceExport['dependencies'] = sortBy(
    dependencyRows.map((d) => ({
      process: processName.get(d.processId)!,
      kind: d.kind,
      target:
        d.kind === 'person'
          ? keyOf(d.personId)!
          : d.kind === 'process'
            ? processName.get(d.dependsOnProcessId!)!
            : d.kind === 'vendor'
              ? vendorName.get(d.vendorId!)!
              : assetName.get(d.assetId!)!,
      recoveryHours: d.recoveryHours,
      notes: d.notes,
    })),
    (d) => [d.process, d.kind, d.target, d.recoveryHours, d.notes],
  );

  const steps = all<{ planId: string; position: number; action: string; ownerPersonId: string; withinHours: number | null }>(`
    SELECT plan_id AS planId, position, action, owner_person_id AS ownerPersonId, within_hours AS withinHours FROM plan_steps`);
  const entries = all<{ id: string; planId: string; personId: string; parentEntryId: string | null; alternatePersonId: string | null; position: number }>(`
    SELECT id, plan_id AS planId, person_id AS personId, parent_entry_id AS parentEntryId, alternate_person_id AS alternatePersonId, position
    FROM call_tree_entries`);
  const planRows = all<{
    id: string;
    name: string;
    processId: string | null;
    scenario: WorkspaceExport['continuityPlans'][number]['scenario'];
    activationCriteria: string;
    workarounds: string;
    reviewedOn: string | null;
  }>(`
    SELECT id, name, process_id AS processId, scenario, activation_criteria AS activationCriteria, workarounds, reviewed_on AS reviewedOn
    FROM continuity_plans ORDER BY name`);
  const planName = new Map(planRows.map((p) => [p.id, p.name]));
  const continuityPlans: WorkspaceExport['continuityPlans'] = planRows.map((p) => {
    const ownSteps = sortBy(
      steps.filter((s) => s.planId === p.id).map((s) => ({ position: s.position, action: s.action, owner: keyOf(s.ownerPersonId)!, withinHours: s.withinHours })),
      (s) => [s.position, s.action, s.owner, s.withinHours],
    );
    const tree = sortBy(
      entries.filter((e) => e.planId === p.id),
      (e) => [e.position, keyOf(e.personId), keyOf(e.alternatePersonId)],
    );
    const indexOf = new Map(tree.map((e, i) => [e.id, i]));
    return {
      name: p.name,
      process: p.processId === null ? null : processName.get(p.processId)!,
      scenario: p.scenario,
      activationCriteria: p.activationCriteria,
      workarounds: p.workarounds,
      reviewedOn: p.reviewedOn,
      steps: ownSteps.map(({ position: _, ...s }) => s),
      callTree: tree.map((e) => ({
        person: keyOf(e.personId)!,
        alternate: keyOf(e.alternatePersonId),
        calledBy: e.parentEntryId === null ? null : (indexOf.get(e.parentEntryId) ?? null),
      })),
    };
  });

  const actions = all<{ exerciseId: string; action: string; ownerPersonId: string | null; dueOn: string | null; done: number }>(`
    SELECT exercise_id AS exerciseId, action, owner_person_id AS ownerPersonId, due_on AS dueOn, done FROM exercise_actions`);
  const exerciseRows = all<{
    id: string;
    planId: string;
    kind: WorkspaceExport['exercises'][number]['kind'];
    heldOn: string;
    participants: string;
    summary: string;
    findings: string;
    nextDue: string | null;
  }>(`
    SELECT id, plan_id AS planId, kind, held_on AS heldOn, participants, summary, findings, next_due AS nextDue FROM exercises`);
  const exercises: WorkspaceExport['exercises'] = sortBy(
    exerciseRows.map((x) => ({
      plan: planName.get(x.planId)!,
      kind: x.kind,
      heldOn: x.heldOn,
      participants: x.participants,
      summary: x.summary,
      findings: x.findings,
      nextDue: x.nextDue,
      actions: sortBy(
        actions.filter((a) => a.exerciseId === x.id).map((a) => ({ action: a.action, owner: keyOf(a.ownerPersonId), dueOn: a.dueOn, done: a.done === 1 })),
        (a) => [a.dueOn, a.action, a.owner, a.done],
      ),
    })),
    (x) => [x.plan, x.heldOn, x.kind, x.participants, x.summary, x.findings, x.nextDue, JSON.stringify(x.actions)],
  );

  const mitigations = all<{ riskId: string; action: string; status: WorkspaceExport['risks'][number]['mitigations'][number]['status']; ownerPersonId: string | null; dueOn: string | null }>(`
    SELECT risk_id AS riskId, action, status, owner_person_id AS ownerPersonId, due_on AS dueOn FROM risk_mitigations`);
  const links = all<{ riskId: string; processId: string | null; vendorId: string | null }>(`
    SELECT risk_id AS riskId, process_id AS processId, vendor_id AS vendorId FROM risk_links`);
  const riskRows = all<{
    id: string;
    title: string;
    description: string;
    category: WorkspaceExport['risks'][number]['category'];
    ownerPersonId: string | null;
    inherentLikelihood: number;
    inherentImpact: number;
    residualLikelihood: number;
    residualImpact: number;
    reviewDate: string | null;
  }>(`
    SELECT id, title, description, category, owner_person_id AS ownerPersonId, inherent_likelihood AS inherentLikelihood,
           inherent_impact AS inherentImpact, residual_likelihood AS residualLikelihood, residual_impact AS residualImpact,
           review_date AS reviewDate
    FROM risks`);
  const names = (ids: (string | null)[], byId: Map<string, string>) => ids.flatMap((id) => (id === null ? [] : [byId.get(id)!])).sort();
  const risks: WorkspaceExport['risks'] = sortBy(
    riskRows.map((r) => {
      const own = links.filter((l) => l.riskId === r.id);
      return {
        title: r.title,
        description: r.description,
        category: r.category,
        owner: keyOf(r.ownerPersonId),
        inherentLikelihood: r.inherentLikelihood,
        inherentImpact: r.inherentImpact,
        residualLikelihood: r.residualLikelihood,
        residualImpact: r.residualImpact,
        reviewDate: r.reviewDate,
        mitigations: sortBy(
          mitigations.filter((m) => m.riskId === r.id).map((m) => ({ action: m.action, status: m.status, owner: keyOf(m.ownerPersonId), dueOn: m.dueOn })),
          (m) => [m.dueOn, m.action, m.status, m.owner],
        ),
        processes: names(own.map((l) => l.processId), processName),
        vendors: names(own.map((l) => l.vendorId), vendorName),
      };
    }),
    (r) => [
      r.title,
      r.category,
      r.description,
      r.owner,
      r.inherentLikelihood,
      r.inherentImpact,
      r.residualLikelihood,
      r.residualImpact,
      r.reviewDate,
      JSON.stringify([r.mitigations, r.processes, r.vendors]),
    ],
  );

  return {
    vendors: vendors.map(({ id: _, ...v }) => v),
    assets: assets.map(({ id: _, ...a }) => a),
    processes,
    dependencies,
    continuityPlans,
    exercises,
    risks,
  };
}

/** The board pack's cover settings and the commentary, by period key (byte order, as SQLite sorts text). */
function readReport(ctx: Ctx): WorkspaceExportReport {
  const client = ctx.db.$client;
  const settings = client.prepare('SELECT prepared_by AS preparedBy, confidentiality FROM workspace WHERE id = 1').get() as Omit<WorkspaceExportReport, 'commentary'>;
  const commentary = client
    .prepare('SELECT id AS period, text, updated_at AS updatedAt FROM report_commentary ORDER BY id')
    .all() as WorkspaceExportReport['commentary'];
  return { preparedBy: settings.preparedBy, confidentiality: settings.confidentiality, commentary };
}

/** Exchange rates by currency then period, and seasonality profiles by name (byte order, as SQLite sorts text). */
function readRatesAndProfiles(ctx: Ctx): Pick<WrittenWorkspaceExport, 'currencyRates' | 'seasonalityProfiles'> {
  const client = ctx.db.$client;
  const currencyRates = client.prepare('SELECT currency, period, rate FROM currency_rates ORDER BY currency, period').all() as WrittenWorkspaceExport['currencyRates'];
  const profiles = client.prepare('SELECT name, weights FROM seasonality_profiles ORDER BY name').all() as { name: string; weights: string }[];
  return { currencyRates, seasonalityProfiles: profiles.map((p) => ({ name: p.name, weights: JSON.parse(p.weights) as number[] })) };
}

export function exportJson(ctx: Ctx): WrittenWorkspaceExport {
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

  // DEFERRED takes the read snapshot at the first SELECT and holds it until every query is done.
  return readTransaction(ctx.db, (): WrittenWorkspaceExport => {
    const settings = getSettings(ctx);
    const registerSettings = client.prepare('SELECT impact_tolerance, risk_appetite, locale FROM workspace WHERE id = 1').raw().get() as [number, number, string];
    const personRows = rows('people');
    const people = personRows.map((r) => ({
      name: str(r[0]!),
      title: strOrNull(r[1]!),
      departmentCode: str(r[2]!),
      fte: num(r[3]!),
      annualSalaryMinor: r[4] as number | null,
      startDate: strOrNull(r[5]!),
      endDate: strOrNull(r[6]!),
      status: r[7] as 'active' | 'open',
      phone: strOrNull(r[8]!),
    }));
    const keys = personKeys(people);
    const keyById = new Map(personRows.map((r, i) => [str(r[9]!), keys[i]!]));
    const keyOf = (id: string | null) => (id === null ? null : keyById.get(id)!);
    return {
      format: exportFormat,
      version: exportVersion,
      workspace: {
        name: settings.name,
        currency: settings.currency,
        fiscalYearStartMonth: settings.fiscalYearStartMonth,
        impactTolerance: registerSettings[0],
        riskAppetite: registerSettings[1],
        locale: registerSettings[2],
      },
      departments: rows('departments').map((r) => ({ code: str(r[0]!), name: str(r[1]!), parentCode: strOrNull(r[2]!), manager: strOrNull(r[3]!) })),
      accounts: rows('accounts').map((r) => ({ code: str(r[0]!), name: str(r[1]!), type: r[2] as AccountType, active: r[3] === 1 })),
      people: people.map((p, i) => ({ key: keys[i]!, ...p })),
      plans: rows('plans').map((r) => ({ name: str(r[0]!), fiscalYear: num(r[1]!), scenario: str(r[2]!), status: r[3] as PlanStatus })),
      budgetLines: readBudgetLines(),
      actuals: readActuals(),
      ...readRegisters(ctx, keyOf),
      ...readRatesAndProfiles(ctx),
      report: readReport(ctx),
    };
  });
}
