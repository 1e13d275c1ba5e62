/**
 * Critical processes, their business impact analysis and their dependencies. Every write is one
 * undoable change; every refusal happens before anything is written.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  impactDimensions,
  impactHorizonLabels,
  impactHorizons,
  type dependencyCreateSchema,
  type dependencyUpdateSchema,
  type ImpactHorizon,
  type NewDependencyTarget,
  type processCreateSchema,
  type ProcessDetail,
  type processUpdateSchema,
  type setBiaSchema,
} from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { assets, continuityPlans, dependencies, departments, people, processes, processImpacts, vendors } from '../db/schema';
import { withChange, type Writer } from '../history/change';
import { cleanName, requireHours, requireMoney, requireNameFree, requireObjectives, textOrNull } from './checks';
import { readSettings, type AssetRow, type DependencyRow, type ProcessRow, type VendorRow } from './load';
import { biaRows, formatHours, suggestRto, targetIdOf } from './readiness';
import { processDetail } from './views';
import { removePlanRows } from './plan-service';
import { newAssetRow, newVendorRow } from './register-service';

export type ProcessCreate = z.output<typeof processCreateSchema>;
export type ProcessUpdate = z.output<typeof processUpdateSchema>;
export type BiaInput = z.output<typeof setBiaSchema>;
export type DependencyCreate = z.output<typeof dependencyCreateSchema>;
export type DependencyUpdate = z.output<typeof dependencyUpdateSchema>;

export function requireProcess(ctx: Ctx, id: string): ProcessRow {
  const row = ctx.db.select().from(processes).where(eq(processes.id, id)).get();
  if (!row) throw new AppError('not_found', 'That process is no longer in the workspace.');
  return row;
}

function requireOwners(ctx: Ctx, departmentId: string | null, personId: string | null): void {
  if (departmentId !== null && !ctx.db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).get()) {
    throw new AppError('not_found', 'The owner department chosen for the process is no longer in the workspace.');
  }
  if (personId !== null && !ctx.db.select({ id: people.id }).from(people).where(eq(people.id, personId)).get()) {
    throw new AppError('not_found', 'The owner chosen for the process is no longer in the workspace.');
  }
}

function monthsText(months: number[] | undefined): string | undefined {
  if (months === undefined) return undefined;
  for (const m of months) {
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new AppError('invalid_input', `Peak months are numbers from 1 (January) to 12 (December); got ${m}.`);
  }
  return JSON.stringify([...new Set(months)].sort((a, b) => a - b));
}

export function createProcess(ctx: Ctx, input: ProcessCreate): ProcessDetail {
  const name = cleanName(input.name, 'process');
  requireNameFree(ctx, 'processes', name);
  const row: ProcessRow = {
    id: ctx.newId(),
    name,
    description: textOrNull(input.description),
    ownerDepartmentId: input.ownerDepartmentId ?? null,
    ownerPersonId: input.ownerPersonId ?? null,
    tier: input.tier,
    rtoHours: input.rtoHours ?? null,
    rtoReason: textOrNull(input.rtoReason),
    rpoHours: input.rpoHours ?? null,
    mtpdHours: input.mtpdHours ?? null,
    costPerDayMinor: input.costPerDayMinor ?? null,
    peakMonths: monthsText(input.peakMonths) ?? '[]',
    reviewDate: input.reviewDate ?? null,
    createdAt: isoNow(ctx),
    updatedAt: isoNow(ctx),
  };
  requireObjectives(row);
  requireMoney(row.costPerDayMinor, 'The cost per day');
  requireOwners(ctx, row.ownerDepartmentId, row.ownerPersonId);
  withChange(ctx, `Add process ${name}`, (w) => w.insert('processes', row));
  return processDetail(ctx, row.id);
}

export function updateProcess(ctx: Ctx, input: ProcessUpdate): ProcessDetail {
  const before = requireProcess(ctx, input.id);
  const patch: Partial<ProcessRow> = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, 'process');
    if (name !== before.name) {
      requireNameFree(ctx, 'processes', name, before.id);
      patch.name = name;
    }
  }
  const plain = ['ownerDepartmentId', 'ownerPersonId', 'tier', 'rtoHours', 'rpoHours', 'mtpdHours', 'costPerDayMinor', 'reviewDate'] as const;
  for (const key of plain) {
    const value = input[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  for (const key of ['description', 'rtoReason'] as const) {
    if (input[key] === undefined) continue;
    const value = textOrNull(input[key]);
    if (value !== before[key]) patch[key] = value;
  }
  const months = monthsText(input.peakMonths);
  if (months !== undefined && months !== before.peakMonths) patch.peakMonths = months;
  const after = { ...before, ...patch };
  requireObjectives(after);
  requireMoney(after.costPerDayMinor, 'The cost per day');
  requireOwners(ctx, patch.ownerDepartmentId ?? null, patch.ownerPersonId ?? null);
  if (patch.rtoHours !== undefined || patch.rtoReason === null) requireRtoReason(ctx, after);
  if (Object.keys(patch).length > 0) {
    const label = patch.name !== undefined && Object.keys(patch).length === 1 ? `Rename process ${before.name} to ${patch.name}` : `Edit process ${after.name}`;
    withChange(ctx, label, (w) => {
      w.update('processes', before.id, { ...patch, updatedAt: isoNow(ctx) });
    });
  }
  return processDetail(ctx, before.id);
}

/**
 * An RTO other than the one the impact analysis suggests needs a reason. Checked only when an edit
 * sets the RTO or clears the reason: the suggestion also moves when the impact ratings or the
 * tolerance change, and that must not make the process's other fields unsaveable.
 */
function requireRtoReason(ctx: Ctx, p: ProcessRow): void {
  if (p.rtoHours === null || p.rtoReason !== null) return;
  const impacts = ctx.db.select().from(processImpacts).where(eq(processImpacts.processId, p.id)).all();
  const suggested = suggestRto(biaRows(impacts), readSettings(ctx).impactTolerance).hours;
  if (suggested === null || suggested === p.rtoHours) return;
  throw new AppError(
    'invalid_input',
    `Say why the RTO of ${p.name} (${formatHours(p.rtoHours)}) differs from the suggested ${formatHours(suggested)}, or use the suggestion.`,
  );
}

/**
 * Deletes a process with its impact analysis, its dependencies, its risk links and its plans —
 * except plans that also cover a scenario, which stay as scenario plans. Refused while other
 * processes depend on it.
 */
export function deleteProcess(ctx: Ctx, id: string): void {
  const row = requireProcess(ctx, id);
  const dependents = ctx.db.$client
    .prepare('SELECT DISTINCT p.name FROM dependencies d JOIN processes p ON p.id = d.process_id WHERE d.depends_on_process_id = ? ORDER BY p.name')
    .pluck()
    .all(id) as string[];
  if (dependents.length > 0) {
    throw new AppError(
      'refused',
      `Cannot delete ${row.name}: ${dependents.join(', ')} ${dependents.length === 1 ? 'depends' : 'depend'} on it. Remove those dependencies first.`,
      { processes: dependents },
    );
  }
  const plans = ctx.db.select().from(continuityPlans).where(eq(continuityPlans.processId, id)).all();
  withChange(ctx, `Delete process ${row.name}`, (w) => {
    for (const link of ctx.db.$client.prepare('SELECT id FROM risk_links WHERE process_id = ?').pluck().all(id) as string[]) w.remove('risk_links', link);
    for (const impact of ctx.db.select({ id: processImpacts.id }).from(processImpacts).where(eq(processImpacts.processId, id)).all()) {
      w.remove('process_impacts', impact.id);
    }
    for (const dep of ctx.db.select({ id: dependencies.id }).from(dependencies).where(eq(dependencies.processId, id)).all()) w.remove('dependencies', dep.id);
    for (const plan of plans) {
      if (plan.scenario !== null) w.update('continuity_plans', plan.id, { processId: null, updatedAt: isoNow(ctx) });
      else removePlanRows(ctx, w, plan.id);
    }
    w.remove('processes', id);
  });
}

/** Replaces the whole impact table of a process (and its cost per day) in one change. */
export function setBia(ctx: Ctx, input: BiaInput): ProcessDetail {
  const process = requireProcess(ctx, input.processId);
  const seen = new Set<number>();
  for (const row of input.rows) {
    if (!(impactHorizons as readonly number[]).includes(row.horizonHours)) {
      throw new AppError('invalid_input', `The impact analysis has horizons of 4, 24, 72, 168 (1 week) and 336 (2 weeks) hours; got ${row.horizonHours}.`);
    }
    if (seen.has(row.horizonHours)) {
      throw new AppError('invalid_input', `The impact table has ${impactHorizonLabels[row.horizonHours as ImpactHorizon]} twice; send one row per horizon.`);
    }
    seen.add(row.horizonHours);
    for (const d of impactDimensions) {
      const v = row[d];
      if (v !== null && !(Number.isInteger(v) && v >= 1 && v <= 5)) {
        throw new AppError('invalid_input', `Impacts are rated 1 to 5: the ${d} impact at ${impactHorizonLabels[row.horizonHours as ImpactHorizon]} is ${v}.`);
      }
    }
  }
  requireMoney(input.costPerDayMinor, 'The cost per day');
  const existing = ctx.db.select().from(processImpacts).where(eq(processImpacts.processId, process.id)).all();
  withChange(ctx, `Edit impact analysis of ${process.name}`, (w) => {
    for (const h of impactHorizons) {
      const want = input.rows.find((r) => r.horizonHours === h);
      const have = existing.find((r) => r.horizonHours === h);
      const empty = !want || impactDimensions.every((d) => want[d] === null);
      if (empty) {
        if (have) w.remove('process_impacts', have.id);
        continue;
      }
      const values = { financial: want.financial, customer: want.customer, regulatory: want.regulatory, reputational: want.reputational, safety: want.safety };
      if (!have) w.insert('process_impacts', { id: ctx.newId(), processId: process.id, horizonHours: h, ...values });
      else if (impactDimensions.some((d) => have[d] !== values[d])) w.update('process_impacts', have.id, values);
    }
    if (input.costPerDayMinor !== undefined && input.costPerDayMinor !== process.costPerDayMinor) {
      w.update('processes', process.id, { costPerDayMinor: input.costPerDayMinor, updatedAt: isoNow(ctx) });
    }
  });
  return processDetail(ctx, process.id);
}

// ---------------------------------------------------------------------------------------------
// Dependencies

type Target = Pick<DependencyRow, 'kind' | 'personId' | 'dependsOnProcessId' | 'assetId' | 'vendorId'>;

/** The columns for a target, after checking it exists, is of that kind and does not close a cycle. */
function resolveTarget(ctx: Ctx, process: ProcessRow, kind: DependencyRow['kind'], targetId: string): { target: Target; name: string } {
  const none = { personId: null, dependsOnProcessId: null, assetId: null, vendorId: null };
  if (kind === 'person') {
    const p = ctx.db.select({ name: people.name }).from(people).where(eq(people.id, targetId)).get();
    if (!p) throw new AppError('not_found', 'The person chosen as a dependency is no longer in the workspace.');
    return { target: { kind, ...none, personId: targetId }, name: p.name };
  }
  if (kind === 'process') {
    if (targetId === process.id) throw new AppError('invalid_input', `${process.name} cannot depend on itself.`);
    const other = ctx.db.select({ name: processes.name }).from(processes).where(eq(processes.id, targetId)).get();
    if (!other) throw new AppError('not_found', 'The process chosen as a dependency is no longer in the workspace.');
    const path = dependencyPath(ctx, targetId, process.id);
    if (path) {
      throw new AppError(
        'invalid_input',
        `${process.name} cannot depend on ${other.name}: ${other.name} already depends on ${process.name} (${path.join(' → ')}), and processes that wait on each other could never be recovered.`,
        { path },
      );
    }
    return { target: { kind, ...none, dependsOnProcessId: targetId }, name: other.name };
  }
  if (kind === 'vendor') {
    const v = ctx.db.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, targetId)).get();
    if (!v) throw new AppError('not_found', 'The vendor chosen as a dependency is no longer in the workspace.');
    return { target: { kind, ...none, vendorId: targetId }, name: v.name };
  }
  const a = ctx.db.select({ name: assets.name, kind: assets.kind }).from(assets).where(eq(assets.id, targetId)).get();
  if (!a) throw new AppError('not_found', `The ${kind} chosen as a dependency is no longer in the workspace.`);
  if (a.kind !== kind) throw new AppError('invalid_input', `${a.name} is a ${a.kind}, not a ${kind}.`);
  return { target: { kind, ...none, assetId: targetId }, name: a.name };
}

/** The names along a chain of process dependencies from `from` to `to`, or null when there is none. */
function dependencyPath(ctx: Ctx, from: string, to: string): string[] | null {
  const edges = ctx.db.$client.prepare("SELECT process_id AS a, depends_on_process_id AS b FROM dependencies WHERE kind = 'process'").all() as { a: string; b: string }[];
  const names = new Map((ctx.db.$client.prepare('SELECT id, name FROM processes').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.a, [...(next.get(e.a) ?? []), e.b]);
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const path = [at];
      let cur = at;
      while (previous.has(cur)) {
        cur = previous.get(cur)!;
        path.unshift(cur);
      }
      return path.map((id) => names.get(id) ?? id);
    }
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      previous.set(n, at);
      queue.push(n);
    }
  }
  return null;
}

function requireNotDuplicate(ctx: Ctx, process: ProcessRow, target: Target, name: string, exceptId?: string): void {
  const same = ctx.db
    .select()
    .from(dependencies)
    .where(eq(dependencies.processId, process.id))
    .all()
    .find((d) => d.id !== exceptId && d.kind === target.kind && targetIdOf(d) === targetIdOf(target as DependencyRow));
  if (same) throw new AppError('conflict', `${process.name} already depends on ${name}.`);
}

export function requireDependency(ctx: Ctx, id: string): DependencyRow {
  const row = ctx.db.select().from(dependencies).where(eq(dependencies.id, id)).get();
  if (!row) throw new AppError('not_found', 'That dependency is no longer in the workspace.');
  return row;
}

/** A new vendor, system or site to add with its dependency: checked, not yet written. */
function newTarget(ctx: Ctx, kind: DependencyRow['kind'], input: NewDependencyTarget): { table: 'vendors'; row: VendorRow } | { table: 'assets'; row: AssetRow } {
  if (kind === 'vendor') return { table: 'vendors', row: newVendorRow(ctx, { name: input.name, service: input.service, recoveryHours: input.recoveryHours }) };
  if (kind === 'system' || kind === 'site') {
    if (input.service !== undefined) throw new AppError('invalid_input', `A ${kind} has no service; only a vendor does.`);
    return { table: 'assets', row: newAssetRow(ctx, { kind, name: input.name, recoveryHours: input.recoveryHours }) };
  }
  throw new AppError('invalid_input', `A ${kind} cannot be made here: people are added in the org, processes in the process list.`);
}

export function addDependency(ctx: Ctx, input: DependencyCreate): ProcessDetail {
  const process = requireProcess(ctx, input.processId);
  const made = input.newTarget ? newTarget(ctx, input.kind, input.newTarget) : null;
  const none = { personId: null, dependsOnProcessId: null, assetId: null, vendorId: null };
  const { target, name } = made
    ? { target: { kind: input.kind, ...none, ...(made.table === 'vendors' ? { vendorId: made.row.id } : { assetId: made.row.id }) }, name: made.row.name }
    : resolveTarget(ctx, process, input.kind, input.targetId ?? '');
  if (!made) requireNotDuplicate(ctx, process, target, name);
  requireHours(input.recoveryHours, `The recovery time of ${name}`);
  withChange(ctx, made ? `${process.name} depends on new ${input.kind} ${name}` : `${process.name} depends on ${name}`, (w) => {
    if (made?.table === 'vendors') w.insert('vendors', made.row);
    if (made?.table === 'assets') w.insert('assets', made.row);
    w.insert('dependencies', {
      id: ctx.newId(),
      processId: process.id,
      ...target,
      recoveryHours: input.recoveryHours ?? null,
      notes: textOrNull(input.notes),
      createdAt: isoNow(ctx),
    });
  });
  return processDetail(ctx, process.id);
}

export function updateDependency(ctx: Ctx, input: DependencyUpdate): ProcessDetail {
  const before = requireDependency(ctx, input.id);
  const process = requireProcess(ctx, before.processId);
  if ((input.kind === undefined) !== (input.targetId === undefined)) {
    throw new AppError('invalid_input', 'To change what a process depends on, send both the kind and the target.');
  }
  const patch: Partial<DependencyRow> = {};
  let label = `Edit dependency of ${process.name}`;
  if (input.kind !== undefined && input.targetId !== undefined && (input.kind !== before.kind || input.targetId !== targetIdOf(before))) {
    const { target, name } = resolveTarget(ctx, process, input.kind, input.targetId);
    requireNotDuplicate(ctx, process, target, name, before.id);
    Object.assign(patch, target);
    label = `${process.name} depends on ${name} instead`;
  }
  if (input.recoveryHours !== undefined && input.recoveryHours !== before.recoveryHours) {
    requireHours(input.recoveryHours, 'The recovery time of a dependency');
    patch.recoveryHours = input.recoveryHours;
  }
  if (input.notes !== undefined && textOrNull(input.notes) !== before.notes) patch.notes = textOrNull(input.notes);
  if (Object.keys(patch).length > 0) withChange(ctx, label, (w) => void w.update('dependencies', before.id, patch));
  return processDetail(ctx, process.id);
}

export function removeDependency(ctx: Ctx, id: string): ProcessDetail {
  const row = requireDependency(ctx, id);
  const process = requireProcess(ctx, row.processId);
  withChange(ctx, `Remove a dependency of ${process.name}`, (w: Writer) => w.remove('dependencies', row.id));
  return processDetail(ctx, process.id);
}
