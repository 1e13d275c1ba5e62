/**
 * Restores a whole workspace from its JSON export (version 1 or 2) into a new file: `init --from`.
 *
 * The document is checked completely before anything is written — its shape with the export's own
 * zod schema, then every key and reference (shared/export.ts) — and a refusal names the first
 * problem with its place in the file. Only then is the workspace written, in one transaction, directly
 * and not as changes: a restored workspace has nothing to undo, as a fresh demo has nothing to undo.
 * It is written under a temporary name and named only when whole (restoreWorkspace).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import {
  exportFormat,
  workspaceExportSchema,
  workspaceExportV1Schema,
  type WorkspaceExport,
  type WorkspaceExportV1,
} from '../../../shared/export';
import { parseRate } from '../../../shared/currency';
import { AppError } from '../../../shared/result';
import { residualAboveInherent } from '../../../shared/risks';
import { brokenTextMessage, brokenTextPath } from '../../../shared/text';
import { parentsFirst, treeLevels } from '../../../shared/tree';
import { createCtx, isoNow, type Ctx } from '../context';
import { repeatedPerson } from '../continuity/call-tree';
import { requireMoney } from '../continuity/checks';
import { openWorkspace } from '../db/open-workspace';
import { writeTransaction } from '../db/transactions';
import { readRegularFile } from '../imports/read/regular-file';
import { placeNewFile } from '../fs/write-new-file';
import { initWorkspace } from '../workspace/workspace-service';
import { personKeys } from './json-export';

/** How much a restore wrote, for the CLI's one-line answer. */
export interface RestoreCounts {
  version: 1 | 2;
  departments: number;
  people: number;
  budgetLines: number;
  actuals: number;
  processes: number;
  continuityPlans: number;
  risks: number;
}

type Path = readonly PropertyKey[];

/** At most 60 characters, cut with "…" (never through a surrogate pair). */
function shortened(text: string): string {
  if (text.length <= 60) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[56]!) ? 56 : 57;
  return `${text.slice(0, cut)}…`;
}

/** "processes[2] (Payroll).rtoHours": where a problem is, with the name of the row it is in. */
function describePath(path: Path, doc: unknown): string {
  let out = '';
  let node: unknown = doc;
  path.forEach((part, i) => {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      out += `[${part}]`;
      if (i === 1 && node !== null && typeof node === 'object') {
        const row = node as Record<string, unknown>;
        const label = [row.name, row.title, row.key, row.code].find((v) => typeof v === 'string' && v !== '');
        // A label is the row's own text, which may be the very problem (a 50 MB name): shortened.
        if (typeof label === 'string') out += ` (${shortened(label)})`;
      }
    } else {
      out += `${out === '' ? '' : '.'}${String(part)}`;
    }
  });
  return out;
}

function firstIssue(error: z.ZodError, doc: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the export format';
  return issue.path.length === 0 ? issue.message : `${describePath(issue.path, doc)}: ${issue.message}`;
}

/**
 * A version 1 document in version 2's shape: no registers yet, default tolerance and appetite, and
 * no `report` (the new workspace keeps its default pack settings and has no commentary).
 */
export function upgradeV1(doc: WorkspaceExportV1): WorkspaceExport {
  const keys = personKeys(doc.people);
  return {
    ...doc,
    version: 2,
    workspace: { ...doc.workspace, impactTolerance: 4, riskAppetite: 12 },
    people: doc.people.map((p, i) => ({ key: keys[i]!, ...p, phone: null })),
    vendors: [],
    assets: [],
    processes: [],
    dependencies: [],
    continuityPlans: [],
    exercises: [],
    risks: [],
  };
}

/**
 * The first call-tree entry the app would refuse (setCallTree) though the export's own checks
 * pass: a person named a second time in one tree (each person appears once), or a person who is
 * their own alternate. A restore does not bring in what the app cannot hold.
 */
function callTreeProblem(doc: WorkspaceExport): { path: PropertyKey[]; message: string } | null {
  for (const [i, plan] of doc.continuityPlans.entries()) {
    const repeat = repeatedPerson(plan.callTree.map((e) => e.person));
    const self = plan.callTree.findIndex((e) => e.alternate === e.person);
    // The first problem in the file's order.
    if (self >= 0 && (repeat < 0 || self < repeat)) {
      return { path: ['continuityPlans', i, 'callTree', self, 'alternate'], message: `person "${plan.callTree[self]!.person}" cannot be their own alternate` };
    }
    if (repeat >= 0) {
      return { path: ['continuityPlans', i, 'callTree', repeat, 'person'], message: `person "${plan.callTree[repeat]!.person}" is on this call tree twice; each person appears once` };
    }
  }
  return null;
}

/** The AppError message `check` throws, or null when it passes: a service's own check, asked of a row. */
function refusalOf(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.message.replace(/\.$/, '');
    throw err;
  }
}

/**
 * The first row the services would refuse though the export's shape and references pass: money
 * the app keeps non-negative, a residual risk rating above the inherent one, a process that
 * depends on itself or on a process that waits on it. A restore brings in nothing the app cannot hold.
 */
function serviceRuleProblem(doc: WorkspaceExport): { path: PropertyKey[]; message: string } | null {
  for (const [i, v] of doc.vendors.entries()) {
    const money = refusalOf(() => requireMoney(v.annualSpendMinor, `The annual spend with ${v.name}`));
    if (money) return { path: ['vendors', i, 'annualSpendMinor'], message: money };
  }
  for (const [i, p] of doc.processes.entries()) {
    const money = refusalOf(() => requireMoney(p.costPerDayMinor, 'The cost per day'));
    if (money) return { path: ['processes', i, 'costPerDayMinor'], message: money };
  }
  for (const [i, r] of doc.risks.entries()) {
    const above = residualAboveInherent({ likelihood: r.inherentLikelihood, impact: r.inherentImpact }, { likelihood: r.residualLikelihood, impact: r.residualImpact });
    if (above) return { path: ['risks', i, above.axis === 'likelihood' ? 'residualLikelihood' : 'residualImpact'], message: above.message };
  }
  // Processes waiting on each other could never be recovered: the dependencies between processes
  // must not go round, walked once without recursion.
  const waitsOn = new Map<string, { target: string; index: number }[]>();
  for (const [i, d] of doc.dependencies.entries()) {
    if (d.kind !== 'process') continue;
    if (d.target === d.process) return { path: ['dependencies', i, 'target'], message: `${d.process} cannot depend on itself` };
    const list = waitsOn.get(d.process) ?? [];
    list.push({ target: d.target, index: i });
    waitsOn.set(d.process, list);
  }
  const done = new Set<string>();
  for (const start of waitsOn.keys()) {
    if (done.has(start)) continue;
    // Depth-first with an explicit stack: the path from `start`, and how far each node's list is read.
    const path: string[] = [start];
    const onPath = new Set([start]);
    const next: number[] = [0];
    while (path.length > 0) {
      const node = path.at(-1)!;
      const edges = waitsOn.get(node) ?? [];
      const at = next[next.length - 1]!;
      if (at >= edges.length) {
        done.add(node);
        onPath.delete(node);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = at + 1;
      const edge = edges[at]!;
      if (onPath.has(edge.target)) {
        return {
          path: ['dependencies', edge.index, 'target'],
          message: `${node} cannot depend on ${edge.target}: ${edge.target} already depends on ${node} (${path.slice(path.indexOf(edge.target)).join(' → ')}), and processes that wait on each other could never be recovered`,
        };
      }
      if (!done.has(edge.target)) {
        path.push(edge.target);
        onPath.add(edge.target);
        next.push(0);
      }
    }
  }
  return null;
}

/**
 * A parsed JSON value as a version 2 document, or an AppError naming the first problem. `source`
 * names the file in messages.
 */
export function readExportDocument(value: unknown, source: string): { doc: WorkspaceExport; version: 1 | 2 } {
  const refuse = (why: string): never => {
    throw new AppError('invalid_input', `${source} cannot be restored: ${why}. Nothing was written.`);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) refuse(`it is not a Quartermaster workspace export (expected a JSON object with "format": "${exportFormat}")`);
  const head = value as { format?: unknown; version?: unknown };
  if (head.format !== exportFormat) {
    refuse(`it is not a Quartermaster workspace export (its "format" is ${JSON.stringify(head.format) ?? 'missing'}, not "${exportFormat}")`);
  }
  if (head.version === 1) {
    const v1 = workspaceExportV1Schema.safeParse(value);
    if (!v1.success) refuse(firstIssue(v1.error, value));
    const upgraded = upgradeV1(v1.data!);
    const checked = workspaceExportSchema.safeParse(upgraded);
    if (!checked.success) refuse(firstIssue(checked.error, upgraded));
    return { doc: checked.data!, version: 1 };
  }
  if (head.version === 2) {
    const v2 = workspaceExportSchema.safeParse(value);
    if (!v2.success) refuse(firstIssue(v2.error, value));
    const tree = callTreeProblem(v2.data!) ?? serviceRuleProblem(v2.data!);
    if (tree) refuse(`${describePath(tree.path, value)}: ${tree.message}`);
    return { doc: v2.data!, version: 2 };
  }
  return refuse(
    typeof head.version === 'number' && head.version > 2
      ? `it is version ${head.version} of the export, written by a newer Quartermaster; this one reads versions 1 and 2`
      : `its "version" is ${JSON.stringify(head.version) ?? 'missing'}; this Quartermaster reads versions 1 and 2`,
  );
}

/** The largest export read: its text must fit in one JavaScript string (V8's limit is about 512 M characters). */
const maxExportBytes = 512 * 1024 * 1024;

/** Reads and checks an export file. */
export function readExportFile(path: string): { doc: WorkspaceExport; version: 1 | 2 } {
  const name = basename(path);
  if (!existsSync(path)) throw new AppError('not_found', `There is no file ${path} to restore from.`);
  let text: string;
  try {
    // A regular file only (a FIFO or /dev/zero would never end), and no bigger than a string can hold.
    text = Buffer.from(readRegularFile(path, name, maxExportBytes)).toString('utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'not_found' : 'refused', code === 'ENOENT' ? `There is no file ${path} to restore from.` : `${name} cannot be read: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('invalid_input', `${name} cannot be restored: it is not JSON (${(err as Error).message}). Nothing was written.`);
  }
  const broken = brokenTextPath(value);
  if (broken !== null) throw new AppError('invalid_input', `${name} cannot be restored: ${brokenTextMessage(broken)} Nothing was written.`);
  return readExportDocument(value, name);
}

function writeDocument(ctx: Ctx, doc: WorkspaceExport): void {
  const client = ctx.db.$client;
  const at = isoNow(ctx);
  const insert = (table: string, columns: string[]) => {
    const statement = client.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return (...values: (string | number | null)[]) => statement.run(...values);
  };
  const idMap = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), ctx.newId()]));
  const need = <K>(map: Map<K, string>, key: K): string => map.get(key)!;
  const maybe = <K>(map: Map<K, string>, key: K | null): string | null => (key === null ? null : map.get(key)!);
  const bool = (v: boolean) => (v ? 1 : 0);

  initWorkspace(ctx, { name: doc.workspace.name, currency: doc.workspace.currency, fiscalYearStartMonth: doc.workspace.fiscalYearStartMonth });
  client.prepare('UPDATE workspace SET impact_tolerance = ?, risk_appetite = ? WHERE id = 1').run(doc.workspace.impactTolerance, doc.workspace.riskAppetite);
  if (doc.workspace.locale !== undefined) client.prepare('UPDATE workspace SET locale = ? WHERE id = 1').run(doc.workspace.locale);

  const departmentId = idMap(doc.departments, (d) => d.code);
  const addDepartment = insert('departments', ['id', 'code', 'name', 'parent_id', 'manager', 'created_at', 'updated_at']);
  // Parents first; the document is known to hold no circle.
  const departmentLevels = treeLevels(new Map(doc.departments.map((d) => [d.code, d.parentCode]))).level;
  for (const d of parentsFirst(doc.departments, departmentLevels, (d) => d.code)) {
    addDepartment(need(departmentId, d.code), d.code, d.name, maybe(departmentId, d.parentCode), d.manager, at, at);
  }
  const accountId = idMap(doc.accounts, (a) => a.code);
  const addAccount = insert('accounts', ['id', 'code', 'name', 'type', 'active', 'created_at', 'updated_at']);
  for (const a of doc.accounts) addAccount(need(accountId, a.code), a.code, a.name, a.type, bool(a.active), at, at);

  const personId = idMap(doc.people, (p) => p.key);
  const addPerson = insert('people', [
    'id',
    'department_id',
    'name',
    'title',
    'fte',
    'annual_salary_minor',
    'start_date',
    'end_date',
    'status',
    'phone',
    'created_at',
    'updated_at',
  ]);
  for (const p of doc.people) {
    addPerson(need(personId, p.key), need(departmentId, p.departmentCode), p.name, p.title, p.fte, p.annualSalaryMinor, p.startDate, p.endDate, p.status, p.phone, at, at);
  }

  const planId = idMap(doc.plans, (p) => p.name);
  const addPlan = insert('plans', ['id', 'name', 'fiscal_year', 'scenario', 'status', 'created_at', 'updated_at']);
  for (const p of doc.plans) addPlan(need(planId, p.name), p.name, p.fiscalYear, p.scenario, p.status, at, at);
  const addLine = insert('budget_lines', ['id', 'plan_id', 'department_id', 'account_id', 'period', 'amount_minor', 'source', 'updated_at']);
  for (const l of doc.budgetLines) {
    addLine(ctx.newId(), need(planId, l.plan), need(departmentId, l.departmentCode), need(accountId, l.accountCode), l.period, l.amountMinor, l.source, at);
  }
  const addActual = insert('actuals', ['id', 'department_id', 'account_id', 'period', 'amount_minor', 'source', 'updated_at']);
  for (const l of doc.actuals) addActual(ctx.newId(), need(departmentId, l.departmentCode), need(accountId, l.accountCode), l.period, l.amountMinor, l.source, at);

  const vendorId = idMap(doc.vendors, (v) => v.name);
  const addVendor = insert('vendors', [
    'id',
    'name',
    'service',
    'contact_name',
    'phone',
    'email',
    'contract_end',
    'annual_spend_minor',
    'recovery_hours',
    'created_at',
    'updated_at',
  ]);
  for (const v of doc.vendors) {
    addVendor(need(vendorId, v.name), v.name, v.service, v.contactName, v.phone, v.email, v.contractEnd, v.annualSpendMinor, v.recoveryHours, at, at);
  }
  const assetId = idMap(doc.assets, (a) => `${a.kind}|${a.name}`);
  const addAsset = insert('assets', ['id', 'kind', 'name', 'description', 'recovery_hours', 'created_at', 'updated_at']);
  for (const a of doc.assets) addAsset(need(assetId, `${a.kind}|${a.name}`), a.kind, a.name, a.description, a.recoveryHours, at, at);

  const processId = idMap(doc.processes, (p) => p.name);
  const addProcess = insert('processes', [
    'id',
    'name',
    'description',
    'owner_department_id',
    'owner_person_id',
    'tier',
    'rto_hours',
    'rto_reason',
    'rpo_hours',
    'mtpd_hours',
    'cost_per_day_minor',
    'peak_months',
    'review_date',
    'created_at',
    'updated_at',
  ]);
  const addImpact = insert('process_impacts', ['id', 'process_id', 'horizon_hours', 'financial', 'customer', 'regulatory', 'reputational', 'safety']);
  for (const p of doc.processes) {
    const id = need(processId, p.name);
    addProcess(
      id,
      p.name,
      p.description,
      maybe(departmentId, p.ownerDepartmentCode),
      maybe(personId, p.ownerPerson),
      p.tier,
      p.rtoHours,
      p.rtoReason,
      p.rpoHours,
      p.mtpdHours,
      p.costPerDayMinor,
      JSON.stringify(p.peakMonths),
      p.reviewDate,
      at,
      at,
    );
    for (const r of p.impacts) addImpact(ctx.newId(), id, r.horizonHours, r.financial, r.customer, r.regulatory, r.reputational, r.safety);
  }

  const addDependency = insert('dependencies', [
    'id',
    'process_id',
    'kind',
    'person_id',
    'depends_on_process_id',
    'asset_id',
    'vendor_id',
    'recovery_hours',
    'notes',
    'created_at',
  ]);
  for (const d of doc.dependencies) {
    addDependency(
      ctx.newId(),
      need(processId, d.process),
      d.kind,
      d.kind === 'person' ? need(personId, d.target) : null,
      d.kind === 'process' ? need(processId, d.target) : null,
      d.kind === 'system' || d.kind === 'site' ? need(assetId, `${d.kind}|${d.target}`) : null,
      d.kind === 'vendor' ? need(vendorId, d.target) : null,
      d.recoveryHours,
      d.notes,
      at,
    );
  }

  const continuityPlanId = idMap(doc.continuityPlans, (p) => p.name);
  const addContinuityPlan = insert('continuity_plans', ['id', 'name', 'process_id', 'scenario', 'activation_criteria', 'workarounds', 'reviewed_on', 'created_at', 'updated_at']);
  const addStep = insert('plan_steps', ['id', 'plan_id', 'position', 'action', 'owner_person_id', 'within_hours']);
  const addEntry = insert('call_tree_entries', ['id', 'plan_id', 'person_id', 'parent_entry_id', 'alternate_person_id', 'position']);
  for (const p of doc.continuityPlans) {
    const id = need(continuityPlanId, p.name);
    addContinuityPlan(id, p.name, maybe(processId, p.process), p.scenario, p.activationCriteria, p.workarounds, p.reviewedOn, at, at);
    p.steps.forEach((s, i) => addStep(ctx.newId(), id, i, s.action, need(personId, s.owner), s.withinHours));
    const entryIds = p.callTree.map(() => ctx.newId());
    // Every caller before the entries it calls.
    const callerLevels = treeLevels(new Map(p.callTree.map((e, i) => [i, e.calledBy]))).level;
    for (const i of parentsFirst(p.callTree.map((_, i) => i), callerLevels, (i) => i)) {
      const e = p.callTree[i]!;
      addEntry(entryIds[i]!, id, need(personId, e.person), e.calledBy === null ? null : entryIds[e.calledBy]!, maybe(personId, e.alternate), i);
    }
  }

  const addExercise = insert('exercises', ['id', 'plan_id', 'kind', 'held_on', 'participants', 'summary', 'findings', 'next_due', 'created_at']);
  const addAction = insert('exercise_actions', ['id', 'exercise_id', 'action', 'owner_person_id', 'due_on', 'done']);
  for (const x of doc.exercises) {
    const id = ctx.newId();
    addExercise(id, need(continuityPlanId, x.plan), x.kind, x.heldOn, x.participants, x.summary, x.findings, x.nextDue, at);
    for (const a of x.actions) addAction(ctx.newId(), id, a.action, maybe(personId, a.owner), a.dueOn, bool(a.done));
  }

  const addRisk = insert('risks', [
    'id',
    'title',
    'description',
    'category',
    'owner_person_id',
    'inherent_likelihood',
    'inherent_impact',
    'residual_likelihood',
    'residual_impact',
    'review_date',
    'created_at',
    'updated_at',
  ]);
  const addMitigation = insert('risk_mitigations', ['id', 'risk_id', 'action', 'status', 'owner_person_id', 'due_on']);
  const addLink = insert('risk_links', ['id', 'risk_id', 'process_id', 'vendor_id']);
  for (const r of doc.risks) {
    const id = ctx.newId();
    addRisk(
      id,
      r.title,
      r.description,
      r.category,
      maybe(personId, r.owner),
      r.inherentLikelihood,
      r.inherentImpact,
      r.residualLikelihood,
      r.residualImpact,
      r.reviewDate,
      at,
      at,
    );
    for (const m of r.mitigations) addMitigation(ctx.newId(), id, m.action, m.status, maybe(personId, m.owner), m.dueOn);
    for (const name of r.processes) addLink(ctx.newId(), id, need(processId, name), null);
    for (const name of r.vendors) addLink(ctx.newId(), id, null, need(vendorId, name));
  }

  // A version 2 file written before `report` existed leaves the new workspace's defaults.
  if (doc.report) {
    client.prepare('UPDATE workspace SET prepared_by = ?, confidentiality = ? WHERE id = 1').run(doc.report.preparedBy, doc.report.confidentiality);
    const addCommentary = insert('report_commentary', ['id', 'text', 'updated_at']);
    for (const c of doc.report.commentary) addCommentary(c.period, c.text, c.updatedAt);
  }

  // Files written before rates and profiles existed have neither: the new workspace has none.
  const addRate = insert('currency_rates', ['id', 'currency', 'period', 'rate', 'updated_at']);
  for (const r of doc.currencyRates ?? []) {
    const rate = parseRate(r.rate);
    if (!rate.ok) throw new AppError('invalid_input', `currencyRates: ${rate.message}`);
    addRate(ctx.newId(), r.currency, r.period, rate.rate, at);
  }
  const addProfile = insert('seasonality_profiles', ['id', 'name', 'weights', 'updated_at']);
  for (const p of doc.seasonalityProfiles ?? []) addProfile(ctx.newId(), p.name.trim(), JSON.stringify(p.weights), at);
}

/** Where a restore into `path` writes before the file gets its name: `<path>.<pid>.restoring`. */
function restoringPath(path: string): string {
  return `${path}.${process.pid}.restoring`;
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a killed restore into `path` left behind (its temporary workspace and journal
 * files), leaving alone one that a running process is still writing.
 */
function removeStaleRestores(path: string): void {
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`)) continue;
    const match = /^\.(\d+)\.restoring(?:-wal|-shm|-journal)?$/.exec(entry.slice(name.length));
    if (match && !processAlive(Number(match[1]))) rmSync(join(dirname(path), entry), { force: true });
  }
}

export interface RestoreOptions {
  /** Who made it, for the context ("cli"). */
  origin?: string;
  /** Clock and ids; tests pin them. */
  now?: () => Date;
  newId?: () => string;
}

/**
 * Writes a checked document (readExportDocument) into a new workspace file at `path`. Refuses an
 * existing file. The workspace is built whole in a temporary file beside `path` (schema, rows,
 * then its checks), closed, flushed and only then given its name: a restore that fails or is
 * killed leaves no file at `path`, and the next one clears what a killed one left.
 */
export function restoreWorkspace(path: string, doc: WorkspaceExport, options: RestoreOptions = {}): Omit<RestoreCounts, 'version'> {
  if (existsSync(path)) throw new AppError('refused', `${path} already exists; Quartermaster never overwrites a file. Choose a new name.`);
  removeStaleRestores(path);
  const temp = restoringPath(path);
  try {
    const workspace = openWorkspace(temp, { create: true });
    try {
      const ctx = createCtx(workspace.db, basename(path), options.origin ?? 'restore', {
        ...(options.now ? { now: options.now } : {}),
        ...(options.newId ? { newId: options.newId } : {}),
      });
      const client = ctx.db.$client;
      // Each row is its own statement, and the tree's triggers give every statement a statement
      // journal: kept in memory, not in a temporary file per row, the restore runs several times faster.
      client.pragma('temp_store = MEMORY');
      writeTransaction(ctx.db, () => {
        writeDocument(ctx, doc);
        const broken = client.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new AppError('invalid_input', `the export leaves ${broken.length} broken reference(s) between rows`);
      });
      const integrity = client.pragma('quick_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the new file failed its check (${String(integrity)})`);
      client.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      workspace.close();
    }
    placeNewFile(temp, path);
  } catch (err) {
    removeDatabase(temp);
    const where = `The workspace could not be restored into ${basename(path)} (the new file was removed)`;
    const code = (err as { code?: unknown }).code;
    if (err instanceof AppError) throw new AppError(err.code, `${where}: ${err.message.replace(/\.?$/, '.')} Nothing was written.`, err.details);
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('invalid_input', `${where}: the export breaks a rule of the workspace (${(err as Error).message}). Nothing was written.`);
    }
    throw err;
  }
  // The temporary name's journal files, had the close left any.
  removeDatabase(temp);
  return {
    departments: doc.departments.length,
    people: doc.people.length,
    budgetLines: doc.budgetLines.length,
    actuals: doc.actuals.length,
    processes: doc.processes.length,
    continuityPlans: doc.continuityPlans.length,
    risks: doc.risks.length,
  };
}

/** `init <new.sqlite> --from export.json`: check the file, then restore it. */
export function restoreFromFile(path: string, exportPath: string, options: RestoreOptions = {}): RestoreCounts {
  if (existsSync(path)) throw new AppError('refused', `${path} already exists; Quartermaster never overwrites a file. Choose a new name.`);
  const { doc, version } = readExportFile(exportPath);
  return { version, ...restoreWorkspace(path, doc, options) };
}
