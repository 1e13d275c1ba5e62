/**
 * Readiness, computed and explained: pure functions over loaded data (load.ts), so the overview,
 * the process page, the go-bag PDF and the board pack all judge a process the same way. "Today"
 * is the data's `today`, taken from the workspace clock (ctx.now()), never from Date.now().
 *
 * The rules, for each process (in the order its gaps are listed):
 *
 * - no_rto           no RTO is set.
 * - bia_missing      no impact is rated in its business impact analysis;
 *   bia_incomplete   some but not all 25 cells (5 horizons × 5 dimensions) are rated.
 * - process_review_overdue  the process's own review date (of its tier, objectives, owner and
 *                    impact analysis) is before today.
 * - no_plan          no plan is tied to the process. The plan rules below need a plan, so a
 *                    process without one is not also flagged for them.
 * - plan_not_reviewed  a plan of it was never reviewed, or last reviewed more than 12 months ago.
 * - never_exercised  none of its plans was ever exercised;
 *   exercise_overdue the latest exercise was held more than 12 months ago, or its "next due" date
 *                    has passed.
 * - rto_exceeds_dependency  a dependency's effective recovery time (its own, else the vendor's or
 *                    asset's stated one, else the depended-on process's RTO) is longer than the
 *                    process's RTO: the RTO cannot be met.
 * - key_person       someone on a plan's call tree has no alternate; or, for a Tier-1 process,
 *                    someone owns recovery steps of a plan without being on that plan's call tree
 *                    with an alternate (steps have no alternate of their own: the call tree is
 *                    where cover is named).
 * - person_left      someone on a call tree (as caller or alternate), owning a step, or depended
 *                    on by the process, has an end date before today.
 * - vendor_contract_ended  the process depends on a vendor whose contract end is before today.
 *
 * A scenario plan (tied to no process) is judged by the plan rules alone: scenarioPlanReadiness.
 *
 * The score: 100 minus the weight of each KIND of gap present (a kind counts once however many
 * instances it has, so the score says which problems a process has and the list says where),
 * never below 0. The weights live in `gapRules`, the one place to change them. The overall score
 * is the mean of the process scores weighted by tier (`tierWeights`: Tier 1 counts four times as
 * much as Tier 4), rounded.
 */
import {
  impactDimensions,
  impactHorizonLabels,
  impactHorizons,
  type BiaRow,
  type ImpactDimension,
  type ImpactHorizon,
  type Readiness,
  type ReadinessGap,
  type ReadinessGapCode,
  type SuggestedRto,
} from '../../../shared/continuity';
import type { ContinuityIndex, DependencyRow, ExerciseRow, ImpactRow, PlanRow, ProcessRow } from './load';
import { durationWords } from '../../../shared/durations';

type Severity = ReadinessGap['severity'];

/** What each kind of gap costs a process's score, and how it is shown. The one place to tune readiness. */
export const gapRules: Record<ReadinessGapCode, { weight: number; severity: Severity }> = {
  no_plan: { weight: 40, severity: 'high' },
  no_rto: { weight: 15, severity: 'high' },
  bia_missing: { weight: 15, severity: 'medium' },
  bia_incomplete: { weight: 5, severity: 'low' },
  process_review_overdue: { weight: 5, severity: 'low' },
  plan_not_reviewed: { weight: 10, severity: 'medium' },
  never_exercised: { weight: 15, severity: 'medium' },
  exercise_overdue: { weight: 10, severity: 'medium' },
  rto_exceeds_dependency: { weight: 15, severity: 'high' },
  key_person: { weight: 10, severity: 'medium' },
  person_left: { weight: 10, severity: 'high' },
  vendor_contract_ended: { weight: 10, severity: 'high' },
};

/** How much each tier's score counts in the overall score. */
export const tierWeights: Record<number, number> = { 1: 4, 2: 3, 3: 2, 4: 1 };

/** How long a review or an exercise stays current. */
export const CURRENT_FOR_MONTHS = 12;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Hours in words, in the unit the screens use (shared/durations.ts): "4 hours", "24 hours", "3 days", "2 weeks". */
export const formatHours = durationWords;

/** The date `months` months before a YYYY-MM-DD date (day clamped to the month's length). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function monthsAfter(date: string, months: number): string {
  return monthsBefore(date, -months);
}

function listInWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------
// Business impact analysis

/** The five rows of a process's impact table, in horizon order, with unrated cells null. */
export function biaRows(impacts: ImpactRow[]): BiaRow[] {
  return impactHorizons.map((h) => {
    const row = impacts.find((r) => r.horizonHours === h);
    return {
      horizonHours: h,
      financial: row?.financial ?? null,
      customer: row?.customer ?? null,
      regulatory: row?.regulatory ?? null,
      reputational: row?.reputational ?? null,
      safety: row?.safety ?? null,
    };
  });
}

export function ratedCells(rows: BiaRow[]): number {
  return rows.reduce((n, r) => n + impactDimensions.filter((d) => r[d] !== null).length, 0);
}

/**
 * The RTO the impact analysis suggests: the first horizon at which any rating reaches the
 * tolerance (an outage that long is not tolerable, so recovery must be done by then).
 */
export function suggestRto(rows: BiaRow[], tolerance: number): SuggestedRto {
  if (ratedCells(rows) === 0) return { hours: null, reason: 'No impact is rated yet.', dimensions: [] };
  for (const row of rows) {
    const reached = impactDimensions.filter((d) => (row[d] ?? 0) >= tolerance);
    if (reached.length > 0) {
      const label = impactHorizonLabels[row.horizonHours as ImpactHorizon] ?? formatHours(row.horizonHours);
      const parts = reached.map((d: ImpactDimension) => `${d} impact (${row[d]})`);
      return {
        hours: row.horizonHours,
        reason: `At ${label} the ${listInWords(parts)} ${reached.length === 1 ? 'reaches' : 'reach'} your tolerance of ${tolerance}.`,
        dimensions: reached,
      };
    }
  }
  return { hours: null, reason: `No impact reaches your tolerance of ${tolerance} within 2 weeks.`, dimensions: [] };
}

// ---------------------------------------------------------------------------------------------
// Dependencies

export interface ResolvedDependency {
  row: DependencyRow;
  targetId: string;
  targetName: string;
  effectiveRecoveryHours: number | null;
  recoverySource: 'dependency' | 'vendor' | 'asset' | 'process' | null;
  /** True when the effective recovery time is longer than the process's RTO. */
  exceedsRto: boolean;
}

export function targetIdOf(row: DependencyRow): string {
  return (row.personId ?? row.dependsOnProcessId ?? row.assetId ?? row.vendorId)!;
}

/** Names the target and works out the recovery time that applies to a dependency. */
export function resolveDependency(index: ContinuityIndex, process: ProcessRow, row: DependencyRow): ResolvedDependency {
  const targetId = targetIdOf(row);
  let targetName = '(missing)';
  let fallback: number | null = null;
  let fallbackSource: ResolvedDependency['recoverySource'] = null;
  if (row.kind === 'person') targetName = index.personName(targetId) ?? targetName;
  else if (row.kind === 'process') {
    const p = index.processById.get(targetId);
    targetName = p?.name ?? targetName;
    fallback = p?.rtoHours ?? null;
    fallbackSource = 'process';
  } else if (row.kind === 'vendor') {
    const v = index.vendorById.get(targetId);
    targetName = v?.name ?? targetName;
    fallback = v?.recoveryHours ?? null;
    fallbackSource = 'vendor';
  } else {
    const a = index.assetById.get(targetId);
    targetName = a?.name ?? targetName;
    fallback = a?.recoveryHours ?? null;
    fallbackSource = 'asset';
  }
  const effective = row.recoveryHours ?? fallback;
  const source = row.recoveryHours !== null ? 'dependency' : fallback !== null ? fallbackSource : null;
  return {
    row,
    targetId,
    targetName,
    effectiveRecoveryHours: effective,
    recoverySource: source,
    exceedsRto: effective !== null && process.rtoHours !== null && effective > process.rtoHours,
  };
}

// ---------------------------------------------------------------------------------------------
// Readiness

function gap(code: ReadinessGapCode, message: string, fix: string, subject: ReadinessGap['subject'] = null): ReadinessGap {
  return { code, severity: gapRules[code].severity, message, fix, weight: gapRules[code].weight, subject };
}

/** The score for a list of gaps: 100 minus the weight of each kind present, never below 0. */
export function scoreOf(gaps: Pick<ReadinessGap, 'code'>[]): number {
  const kinds = new Set(gaps.map((g) => g.code));
  let score = 100;
  for (const code of kinds) score -= gapRules[code].weight;
  return Math.max(0, score);
}

/** Every gap of one process, with the fix for each, and its score. */
export function processReadiness(index: ContinuityIndex, process: ProcessRow): Readiness {
  const { today, settings } = index.data;
  const yearAgo = monthsBefore(today, CURRENT_FOR_MONTHS);
  const gaps: ReadinessGap[] = [];
  const self = { kind: 'process' as const, id: process.id, name: process.name };
  const rows = biaRows(index.impactsByProcess.get(process.id) ?? []);
  const rated = ratedCells(rows);

  if (process.rtoHours === null) {
    const suggested = suggestRto(rows, settings.impactTolerance);
    gaps.push(
      gap(
        'no_rto',
        `No RTO is set for ${process.name}.`,
        suggested.hours !== null
          ? `Set the RTO: the impact analysis suggests ${formatHours(suggested.hours)}.`
          : 'Rate the impact of an outage in the impact analysis, then set the RTO it suggests (or your own, with a reason).',
        self,
      ),
    );
  }
  if (rated === 0) {
    gaps.push(
      gap('bia_missing', `${process.name} has no business impact analysis.`, 'Rate the impact of an outage at 4 hours, 24 hours, 72 hours, 1 week and 2 weeks.', self),
    );
  } else if (rated < impactHorizons.length * impactDimensions.length) {
    gaps.push(
      gap(
        'bia_incomplete',
        `The impact analysis of ${process.name} rates ${rated} of ${impactHorizons.length * impactDimensions.length} cells.`,
        'Rate the remaining cells of the impact analysis.',
        self,
      ),
    );
  }

  if (process.reviewDate !== null && process.reviewDate < today) {
    gaps.push(
      gap(
        'process_review_overdue',
        `The review of ${process.name} was due on ${process.reviewDate}.`,
        'Review its tier, objectives, owner and impact analysis with the owner, then set the next review date.',
        self,
      ),
    );
  }

  const plans = index.plansByProcess.get(process.id) ?? [];
  if (plans.length === 0) {
    gaps.push(gap('no_plan', `${process.name} has no recovery plan.`, 'Create a plan with activation criteria, recovery steps and a call tree.', self));
  } else {
    for (const plan of plans) gaps.push(...reviewGaps(plan, yearAgo));
    gaps.push(...exerciseGaps(index, `The plans of ${process.name} have`, process.name, plans, index.exercisesOfProcess(process.id)[0], yearAgo));
    for (const plan of plans) gaps.push(...peopleGaps(index, plan, process.tier === 1));
  }

  for (const row of index.dependenciesByProcess.get(process.id) ?? []) {
    const dep = resolveDependency(index, process, row);
    if (dep.exceedsRto) {
      gaps.push(
        gap(
          'rto_exceeds_dependency',
          `The RTO of ${process.name} (${formatHours(process.rtoHours!)}) is shorter than the recovery time of ${dep.targetName} (${formatHours(dep.effectiveRecoveryHours!)}): the RTO cannot be met.`,
          `Agree a faster recovery for ${dep.targetName}, add a workaround to the plan, or set a longer RTO with a reason.`,
          { kind: 'dependency', id: row.id, name: dep.targetName },
        ),
      );
    }
    if (row.kind === 'person' && index.hasLeft(row.personId)) {
      const p = index.data.people.get(row.personId!)!;
      gaps.push(
        gap(
          'person_left',
          `${process.name} depends on ${p.name}, who left on ${p.endDate}.`,
          `Replace the dependency on ${p.name} with the person who does the work now.`,
          { kind: 'person', id: p.id, name: p.name },
        ),
      );
    }
    if (row.kind === 'vendor') {
      const v = index.vendorById.get(row.vendorId!);
      if (v?.contractEnd != null && v.contractEnd < today) {
        gaps.push(
          gap(
            'vendor_contract_ended',
            `${process.name} depends on ${v.name}, whose contract ended on ${v.contractEnd}.`,
            `Renew the contract with ${v.name} or move the dependency to another vendor.`,
            { kind: 'vendor', id: v.id, name: v.name },
          ),
        );
      }
    }
  }

  return { score: scoreOf(gaps), gaps };
}

/** A plan never reviewed, or last reviewed over 12 months ago. */
function reviewGaps(plan: PlanRow, yearAgo: string): ReadinessGap[] {
  const subject = { kind: 'plan' as const, id: plan.id, name: plan.name };
  const fix = 'Review the plan with the people in it and record the review date.';
  if (plan.reviewedOn === null) return [gap('plan_not_reviewed', `Plan "${plan.name}" has never been reviewed.`, fix, subject)];
  if (plan.reviewedOn < yearAgo) return [gap('plan_not_reviewed', `Plan "${plan.name}" was last reviewed on ${plan.reviewedOn}, over 12 months ago.`, fix, subject)];
  return [];
}

/**
 * Never exercised, or the latest exercise over a year ago or past its "next due" date. `plural`
 * opens the never-exercised sentence ("The plans of Payroll have", "Plan "Loss of site" has");
 * `name` is what was (not) exercised.
 */
function exerciseGaps(index: ContinuityIndex, plural: string, name: string, plans: readonly PlanRow[], latest: ExerciseRow | undefined, yearAgo: string): ReadinessGap[] {
  const { today } = index.data;
  if (!latest) {
    const first = plans[0]!;
    return [
      gap('never_exercised', `${plural} never been exercised.`, `Hold a tabletop exercise of "${first.name}" and record what it found.`, {
        kind: 'plan',
        id: first.id,
        name: first.name,
      }),
    ];
  }
  const plan = index.planById.get(latest.planId);
  const subject = { kind: 'exercise' as const, id: latest.id, name: `${latest.kind} of ${latest.heldOn}` };
  const fix = `Hold an exercise of "${plan?.name ?? 'its plan'}" and record it.`;
  if (latest.heldOn < yearAgo) return [gap('exercise_overdue', `${name} was last exercised on ${latest.heldOn}, over a year ago.`, fix, subject)];
  if (latest.nextDue !== null && latest.nextDue < today) return [gap('exercise_overdue', `The next exercise of ${name} was due on ${latest.nextDue}.`, fix, subject)];
  return [];
}

/**
 * Key people and people who have left, in one plan: call-tree entries with no alternate; for a
 * Tier-1 plan (`tier1`), step owners not covered on the call tree; leavers on the call tree or
 * owning steps.
 */
function peopleGaps(index: ContinuityIndex, plan: PlanRow, tier1: boolean): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  const tree = index.callTreeByPlan.get(plan.id) ?? [];
  const steps = index.stepsByPlan.get(plan.id) ?? [];
  const flagged = new Set<string>();
  for (const entry of tree) {
    const who = index.personName(entry.personId) ?? '(missing person)';
    if (entry.alternatePersonId === null && !flagged.has(entry.personId)) {
      flagged.add(entry.personId);
      gaps.push(
        gap('key_person', `${who} has no alternate in the call tree of "${plan.name}".`, `Name an alternate for ${who} in the call tree of "${plan.name}".`, {
          kind: 'person',
          id: entry.personId,
          name: who,
        }),
      );
    }
  }
  if (tier1) {
    const covered = new Set(tree.filter((e) => e.alternatePersonId !== null).map((e) => e.personId));
    const owners = new Map<string, number>();
    for (const s of steps) owners.set(s.ownerPersonId, (owners.get(s.ownerPersonId) ?? 0) + 1);
    for (const [owner, count] of owners) {
      if (covered.has(owner) || flagged.has(owner)) continue;
      const who = index.personName(owner) ?? '(missing person)';
      gaps.push(
        gap(
          'key_person',
          `${who} owns ${count === 1 ? 'a step' : `${count} steps`} of "${plan.name}" (Tier 1) with no alternate.`,
          `Put ${who} on the call tree of "${plan.name}" with an alternate who can take the ${count === 1 ? 'step' : 'steps'} over.`,
          { kind: 'person', id: owner, name: who },
        ),
      );
    }
  }
  const left = new Set<string>();
  for (const entry of tree) {
    for (const id of [entry.personId, entry.alternatePersonId]) if (id !== null && index.hasLeft(id)) left.add(id);
  }
  for (const id of left) {
    const p = index.data.people.get(id)!;
    gaps.push(
      gap('person_left', `${p.name} is on the call tree of "${plan.name}" but left on ${p.endDate}.`, `Replace ${p.name} in the call tree of "${plan.name}".`, {
        kind: 'person',
        id,
        name: p.name,
      }),
    );
  }
  const stepLeavers = new Map<string, number[]>();
  steps.forEach((s, i) => {
    if (index.hasLeft(s.ownerPersonId)) stepLeavers.set(s.ownerPersonId, [...(stepLeavers.get(s.ownerPersonId) ?? []), i + 1]);
  });
  for (const [id, numbers] of stepLeavers) {
    const p = index.data.people.get(id)!;
    gaps.push(
      gap(
        'person_left',
        `${p.name} owns ${numbers.length === 1 ? 'step' : 'steps'} ${listInWords(numbers.map(String))} of "${plan.name}" but left on ${p.endDate}.`,
        `Give ${numbers.length === 1 ? 'the step' : 'the steps'} to someone still with the company.`,
        { kind: 'person', id, name: p.name },
      ),
    );
  }
  return gaps;
}

/**
 * A scenario plan (loss of site, of IT, of a key supplier, of people — tied to no process) by the
 * plan rules: reviewed in the last 12 months, exercised and not overdue, everyone on its call tree
 * with an alternate, no leavers on it or owning its steps. It has no tier, so the Tier-1 rule for
 * step owners does not apply. Scored like a process.
 */
export function scenarioPlanReadiness(index: ContinuityIndex, plan: PlanRow): Readiness {
  const yearAgo = monthsBefore(index.data.today, CURRENT_FOR_MONTHS);
  const gaps = [
    ...reviewGaps(plan, yearAgo),
    ...exerciseGaps(index, `Plan "${plan.name}" has`, `"${plan.name}"`, [plan], index.exercisesByPlan.get(plan.id)?.[0], yearAgo),
    ...peopleGaps(index, plan, false),
  ];
  return { score: scoreOf(gaps), gaps };
}

/** The mean of process scores weighted by tier, rounded; null when there are none. */
export function overallScore(scored: { tier: number; score: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const p of scored) {
    const w = tierWeights[p.tier] ?? 1;
    total += w * p.score;
    weights += w;
  }
  return weights === 0 ? null : Math.round(total / weights);
}
