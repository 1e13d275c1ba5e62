/**
 * The JSON export of a whole workspace ("quartermaster-workspace"). Other tools and our tests read
 * it, and `init --from` restores a workspace from it, so its shape is fixed: change it only with a
 * new version number, and keep reading the old ones.
 *
 * Version 2 (written today) adds the continuity register and the risk register to version 1, and
 * later the board pack's settings and commentary (`report`): optional when read, so a version 2
 * file written before it still restores (with the workspace's defaults), and always written.
 * Rows refer to each other by natural keys, never by database ids, so two workspaces with the same
 * content export the same document: departments by code, accounts by code, budget plans,
 * processes, vendors and continuity plans by name, systems and sites by name within their kind.
 * People have no natural key (two people may share a name), so each exported person carries a
 * `key` that is unique in the document (the export writes `departmentCode/name`, with " #2", " #3"
 * for namesakes in one department) and every reference to a person uses it.
 */
import { z } from 'zod';
import { accountCreateSchema, accountTypeSchema, fiscalYearSchema, planName, planStatusSchema, scenarioSchema } from './budget';
import {
  assetCreateSchema,
  assetKinds,
  dependencyCreateSchema,
  dependencyKinds,
  exerciseKinds,
  exerciseUpdateSchema,
  impactHorizons,
  planCreateSchema as continuityPlanCreateSchema,
  planScenarios,
  processCreateSchema,
  setStepsSchema,
  vendorCreateSchema,
} from './continuity';
import {
  departmentCodeSchema,
  departmentCreateSchema,
  departmentLevelProblem,
  figuresOnParentProblem,
  maxDepartmentLevels,
  personCreateSchema,
  personDatesProblem,
  personStatusSchema,
} from './org';
import { dateSchema, periodSchema } from './periods';
import { commentaryUpdateSchema, reportPeriodSchema, reportSettingsSchema } from './report';
import { circleInWords, treeLevels } from './tree';
import { mitigationInputSchema, mitigationStatuses, riskCategories, riskCreateSchema } from './risks';
import { currencySchema, fiscalStartMonthSchema, workspaceUpdateSchema } from './workspace';
import { rateSchema, seasonalityProfileSetSchema, seasonalityWeightsSchema } from './currency';

export const exportFormat = 'quartermaster-workspace';
export const exportVersion = 2;

/**
 * `base`, the field as the export writes it, which the app's own input rule `app` must accept too: a
 * restore brings in nothing the app would refuse (a 50 MB name, a commentary past its limit), and
 * the limits are the app's, written once in its schemas, not restated here.
 */
function asInApp<T extends z.ZodType>(base: T, app: z.ZodType): T {
  return base.check(
    z.superRefine((value, ctx) => {
      const checked = app.safeParse(value);
      if (!checked.success) ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'the app does not accept this value' });
    }),
  );
}

const amountMinor = z.number().int();
const rating = z.number().int().min(1).max(5);
const hours = z.number().finite().nonnegative();
const personKey = z.string().min(1);

const departmentSchema = z
  .object({
    code: asInApp(z.string().min(1), departmentCodeSchema),
    name: asInApp(z.string(), departmentCreateSchema.shape.name),
    parentCode: z.string().nullable(),
    manager: asInApp(z.string().nullable(), departmentCreateSchema.shape.manager),
  })
  .strict();
const accountSchema = z
  .object({
    code: asInApp(z.string().min(1), accountCreateSchema.shape.code),
    name: asInApp(z.string(), accountCreateSchema.shape.name),
    type: accountTypeSchema,
    active: z.boolean(),
  })
  .strict();
const budgetPlanSchema = z
  .object({
    name: z.string().min(1),
    fiscalYear: asInApp(z.number().int(), fiscalYearSchema),
    scenario: asInApp(z.string(), scenarioSchema),
    status: planStatusSchema,
  })
  .strict()
  .refine((p) => p.name === planName(p.fiscalYear, p.scenario), {
    error: (issue) => {
      const p = issue.input as { fiscalYear: number; scenario: string };
      return `a plan is named by its year and scenario: "${planName(p.fiscalYear, p.scenario)}"`;
    },
    path: ['name'],
  });
const budgetLineSchema = z
  .object({ plan: z.string(), departmentCode: z.string(), accountCode: z.string(), period: periodSchema, amountMinor, source: z.string().nullable() })
  .strict();
const actualSchema = z.object({ departmentCode: z.string(), accountCode: z.string(), period: periodSchema, amountMinor, source: z.string().nullable() }).strict();

const personV1Fields = {
  name: asInApp(z.string(), personCreateSchema.shape.name),
  title: asInApp(z.string().nullable(), personCreateSchema.shape.title),
  departmentCode: z.string(),
  fte: asInApp(z.number(), personCreateSchema.shape.fte),
  annualSalaryMinor: asInApp(amountMinor.nullable(), personCreateSchema.shape.annualSalaryMinor),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  status: personStatusSchema,
};

const workspaceName = asInApp(z.string(), workspaceUpdateSchema.shape.name.unwrap());

/** Version 1: the org and the budget. Still read by `init --from`. */
export const workspaceExportV1Schema = z
  .object({
    format: z.literal(exportFormat),
    version: z.literal(1),
    workspace: z.object({ name: workspaceName, currency: currencySchema, fiscalYearStartMonth: fiscalStartMonthSchema }).strict(),
    departments: z.array(departmentSchema),
    accounts: z.array(accountSchema),
    people: z.array(z.object(personV1Fields).strict()),
    plans: z.array(budgetPlanSchema),
    budgetLines: z.array(budgetLineSchema),
    actuals: z.array(actualSchema),
  })
  .strict();
export type WorkspaceExportV1 = z.infer<typeof workspaceExportV1Schema>;

const vendorSchema = z
  .object({
    name: asInApp(z.string().min(1), vendorCreateSchema.shape.name),
    service: asInApp(z.string(), vendorCreateSchema.shape.service),
    contactName: asInApp(z.string().nullable(), vendorCreateSchema.shape.contactName),
    phone: asInApp(z.string().nullable(), vendorCreateSchema.shape.phone),
    email: asInApp(z.string().nullable(), vendorCreateSchema.shape.email),
    contractEnd: dateSchema.nullable(),
    annualSpendMinor: amountMinor.nullable(),
    recoveryHours: hours.nullable(),
  })
  .strict();

const assetSchema = z
  .object({
    kind: z.enum(assetKinds),
    name: asInApp(z.string().min(1), assetCreateSchema.shape.name),
    description: asInApp(z.string().nullable(), assetCreateSchema.shape.description),
    recoveryHours: hours.nullable(),
  })
  .strict();

const impactSchema = z
  .object({
    horizonHours: z.literal(impactHorizons),
    financial: rating.nullable(),
    customer: rating.nullable(),
    regulatory: rating.nullable(),
    reputational: rating.nullable(),
    safety: rating.nullable(),
  })
  .strict();

const processSchema = z
  .object({
    name: asInApp(z.string().min(1), processCreateSchema.shape.name),
    description: asInApp(z.string().nullable(), processCreateSchema.shape.description),
    ownerDepartmentCode: z.string().nullable(),
    ownerPerson: personKey.nullable(),
    tier: z.number().int().min(1).max(4),
    rtoHours: z.number().finite().positive().nullable(),
    rtoReason: asInApp(z.string().nullable(), processCreateSchema.shape.rtoReason),
    rpoHours: hours.nullable(),
    mtpdHours: hours.nullable(),
    costPerDayMinor: amountMinor.nullable(),
    peakMonths: z.array(z.number().int().min(1).max(12)).max(12),
    reviewDate: dateSchema.nullable(),
    /** One row per rated horizon, in horizon order. */
    impacts: z.array(impactSchema),
  })
  .strict()
  .refine((p) => p.rtoHours === null || p.mtpdHours === null || p.rtoHours <= p.mtpdHours, {
    message: 'the RTO must not be longer than the MTPD',
    path: ['rtoHours'],
  });

const dependencySchema = z
  .object({
    process: z.string(),
    kind: z.enum(dependencyKinds),
    /** Who or what it depends on: a person key, a process name, a system or site name (by kind), or a vendor name. */
    target: z.string(),
    recoveryHours: hours.nullable(),
    notes: asInApp(z.string().nullable(), dependencyCreateSchema.shape.notes),
  })
  .strict();

const continuityPlanSchema = z
  .object({
    name: asInApp(z.string().min(1), continuityPlanCreateSchema.shape.name),
    process: z.string().nullable(),
    scenario: z.enum(planScenarios).nullable(),
    activationCriteria: asInApp(z.string(), continuityPlanCreateSchema.shape.activationCriteria),
    workarounds: asInApp(z.string(), continuityPlanCreateSchema.shape.workarounds),
    reviewedOn: dateSchema.nullable(),
    /** In order. */
    steps: z.array(z.object({ action: asInApp(z.string(), setStepsSchema.shape.steps.element.shape.action), owner: personKey, withinHours: hours.nullable() }).strict()),
    /** In order; `calledBy` is the index in this list of the entry that calls this one, null for a first caller. */
    callTree: z.array(z.object({ person: personKey, alternate: personKey.nullable(), calledBy: z.number().int().min(0).nullable() }).strict()),
  })
  .strict()
  .refine((p) => p.process !== null || p.scenario !== null, { message: 'a plan is for a process or a scenario (or both)', path: ['process'] });

const exerciseSchema = z
  .object({
    plan: z.string(),
    kind: z.enum(exerciseKinds),
    heldOn: dateSchema,
    participants: asInApp(z.string(), exerciseUpdateSchema.shape.participants),
    summary: asInApp(z.string(), exerciseUpdateSchema.shape.summary),
    findings: asInApp(z.string(), exerciseUpdateSchema.shape.findings),
    nextDue: dateSchema.nullable(),
    actions: z.array(
      z
        .object({
          action: asInApp(z.string(), exerciseUpdateSchema.shape.actions.unwrap().element.shape.action),
          owner: personKey.nullable(),
          dueOn: dateSchema.nullable(),
          done: z.boolean(),
        })
        .strict(),
    ),
  })
  .strict();

const riskSchema = z
  .object({
    title: asInApp(z.string(), riskCreateSchema.shape.title),
    description: asInApp(z.string(), riskCreateSchema.shape.description),
    category: z.enum(riskCategories),
    owner: personKey.nullable(),
    inherentLikelihood: rating,
    inherentImpact: rating,
    residualLikelihood: rating,
    residualImpact: rating,
    reviewDate: dateSchema.nullable(),
    mitigations: z.array(
      z
        .object({
          action: asInApp(z.string(), mitigationInputSchema.shape.action),
          status: z.enum(mitigationStatuses),
          owner: personKey.nullable(),
          dueOn: dateSchema.nullable(),
        })
        .strict(),
    ),
    /** Names of the processes and vendors the risk threatens. */
    processes: z.array(z.string()),
    vendors: z.array(z.string()),
  })
  .strict();

/**
 * A reporting period key ("2026-09", "2026-Q3", "FY2026") by the pack's own rule. A key is refused
 * rather than trimmed, so a restore writes exactly what the file says; the message names the key.
 */
const reportPeriodKey = z.string().refine((key) => reportPeriodSchema.safeParse(key).data === key, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a period: write a month (2026-09), a quarter (2026-Q3) or a fiscal year (FY2026)`,
});

/** The board pack's cover settings and the director's commentary, one entry per period, sorted by period. */
const reportSchema = z
  .object({
    preparedBy: asInApp(z.string(), reportSettingsSchema.shape.preparedBy),
    confidentiality: asInApp(z.string(), reportSettingsSchema.shape.confidentiality),
    commentary: z.array(
      z.object({ period: reportPeriodKey, text: asInApp(z.string().min(1), commentaryUpdateSchema.shape.text), updatedAt: z.iso.datetime() }).strict(),
    ),
  })
  .strict();
export type WorkspaceExportReport = z.infer<typeof reportSchema>;

/** One exchange rate: workspace-currency units per 1 unit of `currency` in `period`, as exact decimal text. Sorted by currency, then period. */
const currencyRateExportSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO 4217 code in capitals, e.g. EUR'),
    period: periodSchema,
    rate: asInApp(z.string(), rateSchema),
  })
  .strict();

/** A seasonality profile: twelve whole weights in fiscal order. Sorted by name. */
const seasonalityProfileExportSchema = z
  .object({
    name: asInApp(z.string(), seasonalityProfileSetSchema.shape.name),
    weights: asInApp(z.array(z.number().int()), seasonalityWeightsSchema),
  })
  .strict();

const workspaceExportV2Shape = z
  .object({
    format: z.literal(exportFormat),
    version: z.literal(2),
    workspace: z
      .object({
        name: workspaceName,
        currency: currencySchema,
        fiscalYearStartMonth: fiscalStartMonthSchema,
        impactTolerance: rating,
        riskAppetite: z.number().int().min(1).max(25),
        /** How dates are shown; added after version 2 first shipped, so optional when read (en-GB). */
        locale: asInApp(z.string(), workspaceUpdateSchema.shape.locale.unwrap()).optional(),
      })
      .strict(),
    departments: z.array(departmentSchema),
    accounts: z.array(accountSchema),
    people: z.array(z.object({ key: personKey, ...personV1Fields, phone: asInApp(z.string().nullable(), personCreateSchema.shape.phone) }).strict()),
    plans: z.array(budgetPlanSchema),
    budgetLines: z.array(budgetLineSchema),
    actuals: z.array(actualSchema),
    vendors: z.array(vendorSchema),
    assets: z.array(assetSchema),
    processes: z.array(processSchema),
    dependencies: z.array(dependencySchema),
    continuityPlans: z.array(continuityPlanSchema),
    exercises: z.array(exerciseSchema),
    risks: z.array(riskSchema),
    /** Absent from version 2 files written before it; the export always writes it. */
    report: reportSchema.optional(),
    /** Absent from version 2 files written before them; the export always writes both. */
    currencyRates: z.array(currencyRateExportSchema).optional(),
    seasonalityProfiles: z.array(seasonalityProfileExportSchema).optional(),
  })
  .strict();

/** A version 2 document as read: `report` may be missing. */
export type WorkspaceExport = z.infer<typeof workspaceExportV2Shape>;
/** A version 2 document as the export writes it: always with `report`. */
export type WrittenWorkspaceExport = WorkspaceExport & {
  report: WorkspaceExportReport;
  currencyRates: NonNullable<WorkspaceExport['currencyRates']>;
  seasonalityProfiles: NonNullable<WorkspaceExport['seasonalityProfiles']>;
};

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

/**
 * What the shape alone cannot say: every key is unique where the workspace needs it to be and
 * every reference names a row of the document. Answers the first problem, or null.
 */
export function findReferenceProblem(doc: WorkspaceExport): Problem | null {
  const problems: Problem[] = [];
  const fail = (path: Path, message: string) => problems.push({ path, message });

  function uniqueBy<T>(list: T[], field: string, key: (item: T) => string, what: (item: T) => string): Set<string> {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) fail([field, i], `${what(item)} appears twice`);
      seen.add(k);
    });
    return seen;
  }
  const departments = uniqueBy(doc.departments, 'departments', (d) => d.code, (d) => `department code "${d.code}"`);
  const accounts = uniqueBy(doc.accounts, 'accounts', (a) => a.code, (a) => `account code "${a.code}"`);
  const people = uniqueBy(doc.people, 'people', (p) => p.key, (p) => `person key "${p.key}"`);
  const budgetPlans = uniqueBy(doc.plans, 'plans', (p) => p.name, (p) => `plan name "${p.name}"`);
  uniqueBy(doc.plans, 'plans', (p) => `${p.fiscalYear}|${p.scenario}`, (p) => `fiscal year ${p.fiscalYear} with scenario "${p.scenario}"`);
  const vendors = uniqueBy(doc.vendors, 'vendors', (v) => v.name, (v) => `vendor "${v.name}"`);
  const assets = uniqueBy(doc.assets, 'assets', (a) => `${a.kind}|${a.name}`, (a) => `${a.kind} "${a.name}"`);
  const processes = uniqueBy(doc.processes, 'processes', (p) => p.name, (p) => `process "${p.name}"`);
  const plans = uniqueBy(doc.continuityPlans, 'continuityPlans', (p) => p.name, (p) => `continuity plan "${p.name}"`);

  const needs = (set: Set<string>, value: string | null, path: Path, what: string) => {
    if (value !== null && !set.has(value)) fail(path, `${what} "${value}" is not in the file`);
  };

  doc.departments.forEach((d, i) => needs(departments, d.parentCode, ['departments', i, 'parentCode'], 'department'));
  const departmentTree = treeLevels(new Map(doc.departments.map((d) => [d.code, d.parentCode])));
  if (departmentTree.cycle) {
    const circle = new Set(departmentTree.cycle);
    const i = doc.departments.findIndex((d) => circle.has(d.code));
    const code = doc.departments[i]!.code;
    fail(['departments', i, 'parentCode'], `department "${code}" is inside itself (its parents go round in a circle: ${circleInWords(departmentTree.cycle, code)})`);
  } else {
    // The first row one level past the depth the app allows (any deeper row is under such a one).
    const i = doc.departments.findIndex((d) => departmentTree.level.get(d.code) === maxDepartmentLevels + 1);
    if (i >= 0) fail(['departments', i, 'parentCode'], departmentLevelProblem(doc.departments[i]!.code, maxDepartmentLevels + 1)!);
  }
  doc.people.forEach((p, i) => {
    needs(departments, p.departmentCode, ['people', i, 'departmentCode'], 'department');
    const dates = personDatesProblem(p.startDate, p.endDate);
    if (dates) fail(['people', i, 'endDate'], dates);
  });
  // Figures only on departments without sub-departments, as the app and imports keep them.
  const departmentNames = new Map(doc.departments.map((d) => [d.code, d.name]));
  const parents = new Set(doc.departments.flatMap((d) => (d.parentCode === null ? [] : [d.parentCode])));
  const onLeaf = (code: string, path: Path) => {
    if (parents.has(code)) fail(path, figuresOnParentProblem(code, departmentNames.get(code) ?? ''));
  };
  doc.budgetLines.forEach((l, i) => onLeaf(l.departmentCode, ['budgetLines', i, 'departmentCode']));
  doc.actuals.forEach((l, i) => onLeaf(l.departmentCode, ['actuals', i, 'departmentCode']));
  doc.budgetLines.forEach((l, i) => {
    needs(budgetPlans, l.plan, ['budgetLines', i, 'plan'], 'plan');
    needs(departments, l.departmentCode, ['budgetLines', i, 'departmentCode'], 'department');
    needs(accounts, l.accountCode, ['budgetLines', i, 'accountCode'], 'account');
  });
  uniqueBy(doc.budgetLines, 'budgetLines', (l) => `${l.plan}|${l.departmentCode}|${l.accountCode}|${l.period}`, (l) => `the line ${l.plan} · ${l.departmentCode} · ${l.accountCode} · ${l.period}`);
  doc.actuals.forEach((l, i) => {
    needs(departments, l.departmentCode, ['actuals', i, 'departmentCode'], 'department');
    needs(accounts, l.accountCode, ['actuals', i, 'accountCode'], 'account');
  });
  uniqueBy(doc.actuals, 'actuals', (l) => `${l.departmentCode}|${l.accountCode}|${l.period}`, (l) => `the actual ${l.departmentCode} · ${l.accountCode} · ${l.period}`);

  doc.processes.forEach((p, i) => {
    needs(departments, p.ownerDepartmentCode, ['processes', i, 'ownerDepartmentCode'], 'department');
    needs(people, p.ownerPerson, ['processes', i, 'ownerPerson'], 'person');
    const horizons = new Set<number>();
    p.impacts.forEach((r, j) => {
      if (horizons.has(r.horizonHours)) fail(['processes', i, 'impacts', j, 'horizonHours'], `the ${r.horizonHours} h impact row appears twice`);
      horizons.add(r.horizonHours);
    });
  });
  doc.dependencies.forEach((d, i) => {
    needs(processes, d.process, ['dependencies', i, 'process'], 'process');
    const path = ['dependencies', i, 'target'];
    if (d.kind === 'person') needs(people, d.target, path, 'person');
    else if (d.kind === 'process') needs(processes, d.target, path, 'process');
    else if (d.kind === 'vendor') needs(vendors, d.target, path, 'vendor');
    else if (!assets.has(`${d.kind}|${d.target}`)) fail(path, `${d.kind} "${d.target}" is not in the file`);
  });
  doc.continuityPlans.forEach((p, i) => {
    needs(processes, p.process, ['continuityPlans', i, 'process'], 'process');
    p.steps.forEach((s, j) => needs(people, s.owner, ['continuityPlans', i, 'steps', j, 'owner'], 'person'));
    p.callTree.forEach((e, j) => {
      const path = ['continuityPlans', i, 'callTree', j];
      needs(people, e.person, [...path, 'person'], 'person');
      needs(people, e.alternate, [...path, 'alternate'], 'person');
      if (e.calledBy !== null && e.calledBy >= p.callTree.length) fail([...path, 'calledBy'], `there is no call tree entry ${e.calledBy} in this plan`);
    });
    const { cycle } = treeLevels(new Map(p.callTree.map((e, j) => [j, e.calledBy])));
    if (cycle) {
      const j = cycle.reduce((a, b) => Math.min(a, b));
      fail(['continuityPlans', i, 'callTree', j, 'calledBy'], `the call tree goes round in a circle (entries ${circleInWords(cycle, j)})`);
    }
  });
  doc.exercises.forEach((x, i) => {
    needs(plans, x.plan, ['exercises', i, 'plan'], 'continuity plan');
    x.actions.forEach((a, j) => needs(people, a.owner, ['exercises', i, 'actions', j, 'owner'], 'person'));
  });
  doc.risks.forEach((r, i) => {
    needs(people, r.owner, ['risks', i, 'owner'], 'person');
    r.mitigations.forEach((m, j) => needs(people, m.owner, ['risks', i, 'mitigations', j, 'owner'], 'person'));
    r.processes.forEach((name, j) => needs(processes, name, ['risks', i, 'processes', j], 'process'));
    r.vendors.forEach((name, j) => needs(vendors, name, ['risks', i, 'vendors', j], 'vendor'));
  });
  const periods = new Set<string>();
  doc.report?.commentary.forEach((c, i) => {
    if (periods.has(c.period)) fail(['report', 'commentary', i, 'period'], `the commentary for ${c.period} appears twice`);
    periods.add(c.period);
  });
  uniqueBy(doc.currencyRates ?? [], 'currencyRates', (r) => `${r.currency}|${r.period}`, (r) => `the ${r.currency} rate for ${r.period}`);
  doc.currencyRates?.forEach((r, i) => {
    if (r.currency === doc.workspace.currency) fail(['currencyRates', i, 'currency'], `${r.currency} is the workspace's own currency: it has no rate`);
  });
  uniqueBy(doc.seasonalityProfiles ?? [], 'seasonalityProfiles', (p) => p.name.trim().toLowerCase(), (p) => `seasonality profile "${p.name}"`);
  return problems[0] ?? null;
}

/** Version 2, with its references checked: what the export writes and `init --from` restores. */
export const workspaceExportSchema = workspaceExportV2Shape.superRefine((doc, ctx) => {
  const problem = findReferenceProblem(doc);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});
