/**
 * The read side of continuity: the shapes the contract returns, built from one load of the data
 * (load.ts). The go-bag PDF and the board pack section read through these too:
 *
 * - `loadContinuity(ctx)`: everything at once — overview, every process in detail, scenario
 *   plans, vendors, assets, the dependency map — from one read, for documents that print it all.
 * - `continuityOverview(ctx)`: every process with its readiness; the overall score and counts.
 * - `processDetail(ctx, id)`, `planDetail(ctx, id)`: one process or plan in full.
 * - `listPlans`, `listVendors`, `listAssets`: the registers.
 */
import {
  type Asset,
  type Bia,
  type CallTreeEntry,
  type ContinuityOverview,
  type DependencyMap,
  type Exercise,
  type PlanDetail,
  type PlanSummary,
  type Process,
  type ProcessDetail,
  type ProcessOverview,
  type Vendor,
} from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { dependencyMapOf } from './dependency-map';
import { byName, ContinuityIndex, loadData, type AssetRow, type ExerciseRow, type PlanRow, type ProcessRow, type VendorRow } from './load';
import { biaRows, CURRENT_FOR_MONTHS, monthsAfter, monthsBefore, overallScore, processReadiness, ratedCells, scenarioPlanReadiness, resolveDependency, suggestRto } from './readiness';
import { checkForest } from './call-tree';

function parseMonths(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((m): m is number => Number.isInteger(m) && m >= 1 && m <= 12) : [];
  } catch {
    return [];
  }
}

function toProcess(index: ContinuityIndex, row: ProcessRow): Process {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerDepartmentId: row.ownerDepartmentId,
    ownerDepartmentName: row.ownerDepartmentId === null ? null : (index.data.departments.get(row.ownerDepartmentId)?.name ?? null),
    ownerPersonId: row.ownerPersonId,
    ownerPersonName: index.personName(row.ownerPersonId),
    tier: row.tier,
    rtoHours: row.rtoHours,
    rtoReason: row.rtoReason,
    rpoHours: row.rpoHours,
    mtpdHours: row.mtpdHours,
    costPerDayMinor: row.costPerDayMinor,
    peakMonths: parseMonths(row.peakMonths),
    reviewDate: row.reviewDate,
  };
}

function byTierThenName(a: ProcessRow, b: ProcessRow): number {
  return a.tier - b.tier || byName(a, b);
}

function biaOf(index: ContinuityIndex, row: ProcessRow): Bia {
  const rows = biaRows(index.impactsByProcess.get(row.id) ?? []);
  const suggested = suggestRto(rows, index.data.settings.impactTolerance);
  return {
    rows,
    costPerDayMinor: row.costPerDayMinor,
    tolerance: index.data.settings.impactTolerance,
    suggested,
    rtoHours: row.rtoHours,
    rtoReason: row.rtoReason,
    overridden: row.rtoHours !== null && suggested.hours !== null && row.rtoHours !== suggested.hours,
    ratedCells: ratedCells(rows),
  };
}

function exerciseOf(index: ContinuityIndex, row: ExerciseRow): Exercise {
  return {
    id: row.id,
    planId: row.planId,
    planName: index.planById.get(row.planId)?.name ?? '',
    kind: row.kind,
    heldOn: row.heldOn,
    participants: row.participants,
    summary: row.summary,
    findings: row.findings,
    nextDue: row.nextDue,
    actions: (index.actionsByExercise.get(row.id) ?? [])
      .slice()
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.action.localeCompare(b.action) || (a.id < b.id ? -1 : 1))
      .map((a) => ({ id: a.id, action: a.action, ownerPersonId: a.ownerPersonId, ownerName: index.personName(a.ownerPersonId), dueOn: a.dueOn, done: a.done })),
  };
}

function summaryOf(index: ContinuityIndex, plan: PlanRow): PlanSummary {
  const process = plan.processId === null ? undefined : index.processById.get(plan.processId);
  return {
    id: plan.id,
    name: plan.name,
    processId: plan.processId,
    processName: process?.name ?? null,
    tier: process?.tier ?? null,
    scenario: plan.scenario,
    reviewedOn: plan.reviewedOn,
    stepCount: index.stepsByPlan.get(plan.id)?.length ?? 0,
    callTreeCount: index.callTreeByPlan.get(plan.id)?.length ?? 0,
    lastExercisedOn: index.exercisesByPlan.get(plan.id)?.[0]?.heldOn ?? null,
  };
}

function callTreeOf(index: ContinuityIndex, planId: string): CallTreeEntry[] {
  const rows = index.callTreeByPlan.get(planId) ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const check = checkForest(rows.map((r) => ({ id: r.id, parentId: r.parentEntryId !== null && byId.has(r.parentEntryId) ? r.parentEntryId : null })));
  // A stored tree is always a forest (setCallTree refuses anything else); a damaged file is shown flat.
  const order = check.ok ? check.order : rows.map((r) => r.id);
  return order.map((id) => {
    const r = byId.get(id)!;
    const person = index.data.people.get(r.personId);
    const alternate = r.alternatePersonId === null ? undefined : index.data.people.get(r.alternatePersonId);
    return {
      id: r.id,
      personId: r.personId,
      personName: person?.name ?? '(missing person)',
      phone: person?.phone ?? null,
      parentEntryId: r.parentEntryId,
      alternatePersonId: r.alternatePersonId,
      alternateName: alternate?.name ?? null,
      alternatePhone: alternate?.phone ?? null,
      position: r.position,
      depth: check.ok ? (check.depth.get(id) ?? 0) : 0,
      personLeft: index.hasLeft(r.personId),
      alternateLeft: index.hasLeft(r.alternatePersonId),
    };
  });
}

function planDetailOf(index: ContinuityIndex, plan: PlanRow): PlanDetail {
  return {
    ...summaryOf(index, plan),
    activationCriteria: plan.activationCriteria,
    workarounds: plan.workarounds,
    steps: (index.stepsByPlan.get(plan.id) ?? []).map((s) => {
      const owner = index.data.people.get(s.ownerPersonId);
      return {
        id: s.id,
        position: s.position,
        action: s.action,
        ownerPersonId: s.ownerPersonId,
        ownerName: owner?.name ?? '(missing person)',
        ownerPhone: owner?.phone ?? null,
        withinHours: s.withinHours,
        ownerLeft: index.hasLeft(s.ownerPersonId),
      };
    }),
    callTree: callTreeOf(index, plan.id),
    exercises: (index.exercisesByPlan.get(plan.id) ?? []).map((e) => exerciseOf(index, e)),
  };
}

function processDetailOf(index: ContinuityIndex, row: ProcessRow): ProcessDetail {
  const dependencies = (index.dependenciesByProcess.get(row.id) ?? [])
    .map((d) => resolveDependency(index, row, d))
    .sort((a, b) => a.row.kind.localeCompare(b.row.kind) || a.targetName.localeCompare(b.targetName) || (a.row.id < b.row.id ? -1 : 1))
    .map((d) => ({
      id: d.row.id,
      processId: row.id,
      kind: d.row.kind,
      targetId: d.targetId,
      targetName: d.targetName,
      recoveryHours: d.row.recoveryHours,
      effectiveRecoveryHours: d.effectiveRecoveryHours,
      recoverySource: d.recoverySource,
      exceedsRto: d.exceedsRto,
      notes: d.row.notes,
    }));
  const dependents = index.data.dependencies
    .filter((d) => d.dependsOnProcessId === row.id)
    .map((d) => index.processById.get(d.processId)!)
    .filter((p, i, all) => p !== undefined && all.indexOf(p) === i)
    .sort(byName)
    .map((p) => ({ id: p.id, name: p.name }));
  return {
    process: toProcess(index, row),
    bia: biaOf(index, row),
    dependencies,
    plans: (index.plansByProcess.get(row.id) ?? []).map((p) => planDetailOf(index, p)),
    dependents,
    readiness: processReadiness(index, row),
  };
}

function overviewOf(index: ContinuityIndex): ContinuityOverview {
  const { today, settings } = index.data;
  const yearAgo = monthsBefore(today, CURRENT_FOR_MONTHS);
  const processes: ProcessOverview[] = [...index.data.processes].sort(byTierThenName).map((row) => {
    const latest = index.exercisesOfProcess(row.id)[0];
    return {
      id: row.id,
      name: row.name,
      tier: row.tier,
      rtoHours: row.rtoHours,
      rpoHours: row.rpoHours,
      mtpdHours: row.mtpdHours,
      ownerPersonId: row.ownerPersonId,
      ownerPersonName: index.personName(row.ownerPersonId),
      ownerDepartmentId: row.ownerDepartmentId,
      ownerDepartmentName: row.ownerDepartmentId === null ? null : (index.data.departments.get(row.ownerDepartmentId)?.name ?? null),
      planCount: index.plansByProcess.get(row.id)?.length ?? 0,
      dependencyCount: index.dependenciesByProcess.get(row.id)?.length ?? 0,
      lastExercisedOn: latest?.heldOn ?? null,
      nextExerciseDue: latest ? (latest.nextDue ?? monthsAfter(latest.heldOn, CURRENT_FOR_MONTHS)) : null,
      readiness: processReadiness(index, row),
    };
  });
  const byTier = [0, 0, 0, 0];
  for (const p of processes) if (p.tier >= 1 && p.tier <= 4) byTier[p.tier - 1]! += 1;
  return {
    processes,
    scenarioPlans: [...index.data.plans]
      .filter((p) => p.processId === null)
      .sort(byName)
      .map((p) => {
        const latest = index.exercisesByPlan.get(p.id)?.[0];
        return {
          ...summaryOf(index, p),
          nextExerciseDue: latest ? (latest.nextDue ?? monthsAfter(latest.heldOn, CURRENT_FOR_MONTHS)) : null,
          readiness: scenarioPlanReadiness(index, p),
        };
      }),
    overallScore: overallScore(processes.map((p) => ({ tier: p.tier, score: p.readiness.score }))),
    counts: {
      processes: processes.length,
      byTier,
      plans: index.data.plans.length,
      gaps: processes.reduce((n, p) => n + p.readiness.gaps.length, 0),
      processesWithGaps: processes.filter((p) => p.readiness.gaps.length > 0).length,
      exercisesLastYear: index.data.exercises.filter((e) => e.heldOn >= yearAgo && e.heldOn <= today).length,
      exercisesDue: processes.filter((p) => p.planCount > 0 && p.readiness.gaps.some((g) => g.code === 'never_exercised' || g.code === 'exercise_overdue')).length,
      vendors: index.data.vendors.length,
      assets: index.data.assets.length,
    },
    settings,
    today,
  };
}

function usedBy(index: ContinuityIndex, match: (d: { vendorId: string | null; assetId: string | null }) => boolean): string[] {
  const names = new Set<string>();
  for (const d of index.data.dependencies) if (match(d)) names.add(index.processById.get(d.processId)?.name ?? '');
  return [...names].sort((a, b) => a.localeCompare(b));
}

function vendorOf(index: ContinuityIndex, v: VendorRow): Vendor {
  return {
    id: v.id,
    name: v.name,
    service: v.service,
    contactName: v.contactName,
    phone: v.phone,
    email: v.email,
    contractEnd: v.contractEnd,
    annualSpendMinor: v.annualSpendMinor,
    recoveryHours: v.recoveryHours,
    contractEnded: v.contractEnd !== null && v.contractEnd < index.data.today,
    usedBy: usedBy(index, (d) => d.vendorId === v.id),
  };
}

function assetOf(index: ContinuityIndex, a: AssetRow): Asset {
  return { id: a.id, kind: a.kind, name: a.name, description: a.description, recoveryHours: a.recoveryHours, usedBy: usedBy(index, (d) => d.assetId === a.id) };
}

// ---------------------------------------------------------------------------------------------
// Public read functions

/** Everything continuity holds, for documents that print it all (go-bag PDF, board pack). */
export interface ContinuitySnapshot {
  overview: ContinuityOverview;
  /** Every process in full, by tier then name. */
  processes: ProcessDetail[];
  /** Plans not tied to a process, in full, by name. */
  scenarioPlans: PlanDetail[];
  vendors: Vendor[];
  assets: Asset[];
  map: DependencyMap;
}

/** Everything, from one read of the workspace: every figure comes from one state (D9). */
export function loadContinuity(ctx: Ctx): ContinuitySnapshot {
  const index = new ContinuityIndex(loadData(ctx));
  return {
    overview: overviewOf(index),
    processes: [...index.data.processes].sort(byTierThenName).map((p) => processDetailOf(index, p)),
    scenarioPlans: [...index.data.plans]
      .filter((p) => p.processId === null)
      .sort(byName)
      .map((p) => planDetailOf(index, p)),
    vendors: [...index.data.vendors].sort(byName).map((v) => vendorOf(index, v)),
    assets: [...index.data.assets].sort((a, b) => a.kind.localeCompare(b.kind) || byName(a, b)).map((a) => assetOf(index, a)),
    map: dependencyMapOf(index),
  };
}

/** Every process with tier, objectives, owner and readiness; the overall score and counts. */
export function continuityOverview(ctx: Ctx): ContinuityOverview {
  return overviewOf(new ContinuityIndex(loadData(ctx)));
}

export function processDetail(ctx: Ctx, id: string): ProcessDetail {
  const index = new ContinuityIndex(loadData(ctx));
  const row = index.processById.get(id);
  if (!row) throw new AppError('not_found', 'That process is no longer in the workspace.');
  return processDetailOf(index, row);
}

export function planDetail(ctx: Ctx, id: string): PlanDetail {
  const index = new ContinuityIndex(loadData(ctx));
  const row = index.planById.get(id);
  if (!row) throw new AppError('not_found', 'That plan is no longer in the workspace.');
  return planDetailOf(index, row);
}

export function exerciseDetail(ctx: Ctx, id: string): Exercise {
  const index = new ContinuityIndex(loadData(ctx));
  const row = index.data.exercises.find((e) => e.id === id);
  if (!row) throw new AppError('not_found', 'That exercise is no longer in the workspace.');
  return exerciseOf(index, row);
}

export function listPlans(ctx: Ctx): PlanSummary[] {
  const index = new ContinuityIndex(loadData(ctx));
  return [...index.data.plans].sort(byName).map((p) => summaryOf(index, p));
}

export function listVendors(ctx: Ctx): Vendor[] {
  const index = new ContinuityIndex(loadData(ctx));
  return [...index.data.vendors].sort(byName).map((v) => vendorOf(index, v));
}

export function vendorDetail(ctx: Ctx, id: string): Vendor {
  const index = new ContinuityIndex(loadData(ctx));
  const row = index.vendorById.get(id);
  if (!row) throw new AppError('not_found', 'That vendor is no longer in the workspace.');
  return vendorOf(index, row);
}

export function listAssets(ctx: Ctx, kind?: 'system' | 'site'): Asset[] {
  const index = new ContinuityIndex(loadData(ctx));
  return index.data.assets
    .filter((a) => kind === undefined || a.kind === kind)
    .sort((a, b) => a.kind.localeCompare(b.kind) || byName(a, b))
    .map((a) => assetOf(index, a));
}

export function assetDetail(ctx: Ctx, id: string): Asset {
  const index = new ContinuityIndex(loadData(ctx));
  const row = index.assetById.get(id);
  if (!row) throw new AppError('not_found', 'That system or site is no longer in the workspace.');
  return assetOf(index, row);
}

export function dependencyMap(ctx: Ctx): DependencyMap {
  return dependencyMapOf(new ContinuityIndex(loadData(ctx)));
}
