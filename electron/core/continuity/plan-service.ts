/**
 * Recovery plans: their steps, their call tree and their exercises. Steps and the call tree are
 * set whole (a reorder is a set), each as one undoable change.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  planScenarioLabels,
  type exerciseCreateSchema,
  type exerciseUpdateSchema,
  type Exercise,
  type planCreateSchema,
  type PlanDetail,
  type planUpdateSchema,
  type setCallTreeSchema,
  type setStepsSchema,
} from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { callTreeEntries, continuityPlans, exerciseActions, exercises, planSteps, processes } from '../db/schema';
import { withChange, type Writer } from '../history/change';
import { checkForest, repeatedPerson } from './call-tree';
import { cleanName, loadPeople, requireActor, requireDateOrder, requireHours, requireNameFree } from './checks';
import type { CallTreeRow, ExerciseActionRow, ExerciseRow, PlanRow, StepRow } from './load';
import { exerciseDetail, planDetail } from './views';

export type PlanCreate = z.output<typeof planCreateSchema>;
export type PlanUpdate = z.output<typeof planUpdateSchema>;
export type StepsInput = z.output<typeof setStepsSchema>;
export type CallTreeInput = z.output<typeof setCallTreeSchema>;
export type ExerciseCreate = z.output<typeof exerciseCreateSchema>;
export type ExerciseUpdate = z.output<typeof exerciseUpdateSchema>;

export function requirePlan(ctx: Ctx, id: string): PlanRow {
  const row = ctx.db.select().from(continuityPlans).where(eq(continuityPlans.id, id)).get();
  if (!row) throw new AppError('not_found', 'That plan is no longer in the workspace.');
  return row;
}

function requireScope(ctx: Ctx, processId: string | null, scenario: PlanRow['scenario']): void {
  if (processId === null && scenario === null) {
    throw new AppError(
      'invalid_input',
      `A plan is for a process, a scenario (${Object.values(planScenarioLabels).join(', ').toLowerCase()}), or both: choose at least one.`,
    );
  }
  if (processId !== null && !ctx.db.select({ id: processes.id }).from(processes).where(eq(processes.id, processId)).get()) {
    throw new AppError('not_found', 'The process chosen for the plan is no longer in the workspace.');
  }
}

export function createPlan(ctx: Ctx, input: PlanCreate): PlanDetail {
  const name = cleanName(input.name, 'plan');
  requireNameFree(ctx, 'continuity_plans', name);
  const row: PlanRow = {
    id: ctx.newId(),
    name,
    processId: input.processId ?? null,
    scenario: input.scenario ?? null,
    activationCriteria: input.activationCriteria?.trim() ?? '',
    workarounds: input.workarounds?.trim() ?? '',
    reviewedOn: input.reviewedOn ?? null,
    createdAt: isoNow(ctx),
    updatedAt: isoNow(ctx),
  };
  requireScope(ctx, row.processId, row.scenario);
  withChange(ctx, `Add plan ${name}`, (w) => w.insert('continuity_plans', row));
  return planDetail(ctx, row.id);
}

export function updatePlan(ctx: Ctx, input: PlanUpdate): PlanDetail {
  const before = requirePlan(ctx, input.id);
  const patch: Partial<PlanRow> = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, 'plan');
    if (name !== before.name) {
      requireNameFree(ctx, 'continuity_plans', name, before.id);
      patch.name = name;
    }
  }
  for (const key of ['processId', 'scenario', 'reviewedOn'] as const) {
    const value = input[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  for (const key of ['activationCriteria', 'workarounds'] as const) {
    const value = input[key]?.trim();
    if (value !== undefined && value !== before[key]) patch[key] = value;
  }
  const after = { ...before, ...patch };
  requireScope(ctx, after.processId, after.scenario);
  if (Object.keys(patch).length > 0) {
    withChange(ctx, `Edit plan ${after.name}`, (w) => void w.update('continuity_plans', before.id, { ...patch, updatedAt: isoNow(ctx) }));
  }
  return planDetail(ctx, before.id);
}

/** Removes a plan's call tree (children before parents), steps, exercises with actions, then the plan. */
export function removePlanRows(ctx: Ctx, w: Writer, planId: string): void {
  for (const id of callTreeRemovalOrder(ctx.db.select().from(callTreeEntries).where(eq(callTreeEntries.planId, planId)).all())) {
    w.remove('call_tree_entries', id);
  }
  for (const s of ctx.db.select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.planId, planId)).all()) w.remove('plan_steps', s.id);
  for (const e of ctx.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.planId, planId)).all()) {
    for (const a of ctx.db.select({ id: exerciseActions.id }).from(exerciseActions).where(eq(exerciseActions.exerciseId, e.id)).all()) {
      w.remove('exercise_actions', a.id);
    }
    w.remove('exercises', e.id);
  }
  w.remove('continuity_plans', planId);
}

/** Ids deepest first, so no entry is removed while another still names it as parent. */
function callTreeRemovalOrder(rows: CallTreeRow[]): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = (r: CallTreeRow): number => {
    let d = 0;
    const seen = new Set<string>();
    let cur: CallTreeRow | undefined = r;
    while (cur?.parentEntryId != null && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parentEntryId);
      d += 1;
    }
    return d;
  };
  return rows
    .map((r) => ({ id: r.id, d: depth(r) }))
    .sort((a, b) => b.d - a.d)
    .map((r) => r.id);
}

export function deletePlan(ctx: Ctx, id: string): void {
  const plan = requirePlan(ctx, id);
  withChange(ctx, `Delete plan ${plan.name}`, (w) => removePlanRows(ctx, w, plan.id));
}

// ---------------------------------------------------------------------------------------------
// Steps

function quoted(action: string): string {
  const t = action.trim();
  return t.length > 60 ? `"${t.slice(0, 57)}…"` : `"${t}"`;
}

export function setSteps(ctx: Ctx, input: StepsInput): PlanDetail {
  const plan = requirePlan(ctx, input.planId);
  const people = loadPeople(ctx);
  const existing = new Map(ctx.db.select().from(planSteps).where(eq(planSteps.planId, plan.id)).all().map((s) => [s.id, s]));
  const kept = new Set<string>();
  const rows: StepRow[] = input.steps.map((s, i) => {
    const n = i + 1;
    const action = s.action.trim();
    if (action === '') throw new AppError('invalid_input', `Step ${n} has no action: say what is done.`);
    if (s.ownerPersonId === null) throw new AppError('invalid_input', `Step ${n} (${quoted(action)}) has no owner: every recovery step needs a person who does it.`);
    requireActor(people, s.ownerPersonId, `the owner of step ${n}`);
    requireHours(s.withinHours, `The time for step ${n}`);
    if (s.id !== undefined) {
      if (!existing.has(s.id)) throw new AppError('not_found', `Step ${n} (${quoted(action)}) is not a step of "${plan.name}"; send it without an id to add it.`);
      if (kept.has(s.id)) throw new AppError('invalid_input', `Step ${n} (${quoted(action)}) appears twice in the list.`);
      kept.add(s.id);
    }
    return { id: s.id ?? ctx.newId(), planId: plan.id, position: i, action, ownerPersonId: s.ownerPersonId, withinHours: s.withinHours ?? null };
  });
  withChange(ctx, `Edit the steps of ${plan.name}`, (w) => {
    for (const id of existing.keys()) if (!kept.has(id)) w.remove('plan_steps', id);
    for (const row of rows) {
      const have = existing.get(row.id);
      if (!have) w.insert('plan_steps', row);
      else if (have.position !== row.position || have.action !== row.action || have.ownerPersonId !== row.ownerPersonId || have.withinHours !== row.withinHours) {
        w.update('plan_steps', row.id, { position: row.position, action: row.action, ownerPersonId: row.ownerPersonId, withinHours: row.withinHours });
      }
    }
  });
  return planDetail(ctx, plan.id);
}

// ---------------------------------------------------------------------------------------------
// Call tree

export function setCallTree(ctx: Ctx, input: CallTreeInput): PlanDetail {
  const plan = requirePlan(ctx, input.planId);
  const people = loadPeople(ctx);
  const allEntries = new Map(ctx.db.select().from(callTreeEntries).all().map((e) => [e.id, e]));
  const planNames = new Map(ctx.db.select({ id: continuityPlans.id, name: continuityPlans.name }).from(continuityPlans).all().map((p) => [p.id, p.name]));
  const sent = new Map(input.entries.map((e) => [e.id, e]));
  const nameOf = (id: string) => people.get(sent.get(id)?.personId ?? '')?.name ?? id;

  for (const e of input.entries) {
    requireActor(people, e.personId, 'someone on the call tree');
    const alt = e.alternatePersonId ?? null;
    if (alt !== null) {
      const a = requireActor(people, alt, `the alternate of ${people.get(e.personId)!.name}`);
      if (alt === e.personId) throw new AppError('invalid_input', `${a.name} cannot be their own alternate on the call tree.`);
    }
    const stored = allEntries.get(e.id);
    if (stored && stored.planId !== plan.id) {
      throw new AppError('invalid_input', `The entry for ${nameOf(e.id)} belongs to the call tree of "${planNames.get(stored.planId)}"; a call tree stays within one plan.`);
    }
    if (e.parentId !== null && !sent.has(e.parentId)) {
      const parent = allEntries.get(e.parentId);
      if (parent && parent.planId !== plan.id) {
        throw new AppError(
          'invalid_input',
          `${nameOf(e.id)} is called by an entry of the call tree of "${planNames.get(parent.planId)}"; a call tree stays within one plan.`,
        );
      }
      throw new AppError('not_found', `${nameOf(e.id)} is called by an entry that is not in this call tree.`);
    }
  }
  const repeat = repeatedPerson(input.entries.map((e) => e.personId));
  if (repeat >= 0) {
    const twice = input.entries[repeat]!.personId;
    // Already twice in the stored tree (written before this rule): what helps is removing one.
    const storedTwice = [...allEntries.values()].filter((e) => e.planId === plan.id && e.personId === twice).length > 1;
    throw new AppError(
      'invalid_input',
      `${people.get(twice)!.name} is on the call tree of "${plan.name}" twice; each person appears once — ${storedTwice ? 'remove one of the two entries' : 'move the entry instead'}.`,
      { personId: twice },
    );
  }
  const check = checkForest(input.entries.map((e) => ({ id: e.id, parentId: e.parentId })));
  if (!check.ok) {
    if (check.problem === 'duplicate') throw new AppError('invalid_input', `The call tree lists the entry for ${nameOf(check.id)} twice.`);
    if (check.problem === 'cycle') {
      const loop = [...check.cycle].reverse().map(nameOf);
      throw new AppError(
        'invalid_input',
        `The call tree goes round in a circle: ${loop.join(' calls ')}. Everyone must be reachable from a first caller.`,
        { cycle: check.cycle },
      );
    }
    throw new AppError('not_found', `${nameOf(check.id)} is called by an entry that is not in this call tree.`);
  }

  // Stored ids: kept for entries of this plan, new for the rest.
  const existing = new Map([...allEntries.values()].filter((e) => e.planId === plan.id).map((e) => [e.id, e]));
  const storedId = new Map(input.entries.map((e) => [e.id, existing.has(e.id) ? e.id : ctx.newId()]));
  const position = new Map(input.entries.map((e, i) => [e.id, i]));
  const rows: CallTreeRow[] = check.order.map((id) => {
    const e = sent.get(id)!;
    return {
      id: storedId.get(id)!,
      planId: plan.id,
      personId: e.personId,
      parentEntryId: e.parentId === null ? null : storedId.get(e.parentId)!,
      alternatePersonId: e.alternatePersonId ?? null,
      position: position.get(id)!,
    };
  });
  const keptIds = new Set(rows.map((r) => r.id));
  const removed = [...existing.values()].filter((e) => !keptIds.has(e.id));

  withChange(ctx, `Edit the call tree of ${plan.name}`, (w) => {
    // Parents before children, so every parent a row names already exists; then the leftovers,
    // deepest first, once nothing names them any more.
    for (const row of rows) {
      const have = existing.get(row.id);
      if (!have) w.insert('call_tree_entries', row);
      else if (
        have.personId !== row.personId ||
        have.parentEntryId !== row.parentEntryId ||
        have.alternatePersonId !== row.alternatePersonId ||
        have.position !== row.position
      ) {
        w.update('call_tree_entries', row.id, {
          personId: row.personId,
          parentEntryId: row.parentEntryId,
          alternatePersonId: row.alternatePersonId,
          position: row.position,
        });
      }
    }
    for (const id of callTreeRemovalOrder(removed)) w.remove('call_tree_entries', id);
  });
  return planDetail(ctx, plan.id);
}

// ---------------------------------------------------------------------------------------------
// Exercises

function requireExercise(ctx: Ctx, id: string): ExerciseRow {
  const row = ctx.db.select().from(exercises).where(eq(exercises.id, id)).get();
  if (!row) throw new AppError('not_found', 'That exercise is no longer in the workspace.');
  return row;
}

type ActionInput = NonNullable<ExerciseCreate['actions']>[number];

/** Checks the actions and returns the rows to store, keeping the ids of existing ones. */
function actionRows(ctx: Ctx, exerciseId: string, input: ActionInput[], existing: Map<string, ExerciseActionRow>): ExerciseActionRow[] {
  const people = loadPeople(ctx);
  const kept = new Set<string>();
  return input.map((a, i) => {
    const n = i + 1;
    const action = a.action.trim();
    if (action === '') throw new AppError('invalid_input', `Action ${n} of the exercise says nothing: write what is to be done.`);
    if (a.ownerPersonId != null && !people.has(a.ownerPersonId)) {
      throw new AppError('not_found', `The owner of action ${n} (${quoted(action)}) is no longer in the workspace.`);
    }
    if (a.id !== undefined) {
      if (!existing.has(a.id)) throw new AppError('not_found', `Action ${n} (${quoted(action)}) is not an action of this exercise; send it without an id to add it.`);
      if (kept.has(a.id)) throw new AppError('invalid_input', `Action ${n} (${quoted(action)}) appears twice in the list.`);
      kept.add(a.id);
    }
    const before = a.id === undefined ? undefined : existing.get(a.id);
    const ownerPersonId = a.ownerPersonId === undefined ? (before?.ownerPersonId ?? null) : a.ownerPersonId;
    const dueOn = a.dueOn === undefined ? (before?.dueOn ?? null) : a.dueOn;
    // An action is someone's, by a date. One recorded before that was required keeps what it lacks
    // until someone fills it in, so ticking it done or editing the exercise still saves.
    const missing = [
      ...(ownerPersonId === null && (before === undefined || before.ownerPersonId !== null) ? ['an owner'] : []),
      ...(dueOn === null && (before === undefined || before.dueOn !== null) ? ['a due date'] : []),
    ];
    if (missing.length > 0) throw new AppError('invalid_input', `The action ${quoted(action)} needs ${missing.join(' and ')}.`);
    return { id: a.id ?? ctx.newId(), exerciseId, action, ownerPersonId, dueOn, done: a.done ?? before?.done ?? false };
  });
}

function writeActions(w: Writer, rows: ExerciseActionRow[], existing: Map<string, ExerciseActionRow>): void {
  const keep = new Set(rows.map((r) => r.id));
  for (const id of existing.keys()) if (!keep.has(id)) w.remove('exercise_actions', id);
  for (const row of rows) {
    const have = existing.get(row.id);
    if (!have) w.insert('exercise_actions', row);
    else if (have.action !== row.action || have.ownerPersonId !== row.ownerPersonId || have.dueOn !== row.dueOn || have.done !== row.done) {
      w.update('exercise_actions', row.id, { action: row.action, ownerPersonId: row.ownerPersonId, dueOn: row.dueOn, done: row.done });
    }
  }
}

function nextDueMessage(heldOn: string, nextDue: string): string {
  return `The next exercise (${nextDue}) cannot be due before this one was held (${heldOn}).`;
}

export function createExercise(ctx: Ctx, input: ExerciseCreate): Exercise {
  const plan = requirePlan(ctx, input.planId);
  const row: ExerciseRow = {
    id: ctx.newId(),
    planId: plan.id,
    kind: input.kind,
    heldOn: input.heldOn,
    participants: input.participants?.trim() ?? '',
    summary: input.summary?.trim() ?? '',
    findings: input.findings?.trim() ?? '',
    nextDue: input.nextDue ?? null,
    createdAt: isoNow(ctx),
  };
  requireDateOrder(row.heldOn, row.nextDue, nextDueMessage(row.heldOn, row.nextDue ?? ''));
  const actions = actionRows(ctx, row.id, input.actions ?? [], new Map());
  withChange(ctx, `Record ${row.kind} exercise of ${plan.name}`, (w) => {
    w.insert('exercises', row);
    for (const a of actions) w.insert('exercise_actions', a);
  });
  return exerciseDetail(ctx, row.id);
}

export function updateExercise(ctx: Ctx, input: ExerciseUpdate): Exercise {
  const before = requireExercise(ctx, input.id);
  const plan = requirePlan(ctx, before.planId);
  const patch: Partial<ExerciseRow> = {};
  for (const key of ['kind', 'heldOn', 'nextDue'] as const) {
    const value = input[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  for (const key of ['participants', 'summary', 'findings'] as const) {
    const value = input[key]?.trim();
    if (value !== undefined && value !== before[key]) patch[key] = value;
  }
  const after = { ...before, ...patch };
  requireDateOrder(after.heldOn, after.nextDue, nextDueMessage(after.heldOn, after.nextDue ?? ''));
  const existing = new Map(ctx.db.select().from(exerciseActions).where(eq(exerciseActions.exerciseId, before.id)).all().map((a) => [a.id, a]));
  const actions = input.actions === undefined ? undefined : actionRows(ctx, before.id, input.actions, existing);
  withChange(ctx, `Edit ${after.kind} exercise of ${plan.name}`, (w) => {
    if (Object.keys(patch).length > 0) w.update('exercises', before.id, patch);
    if (actions) writeActions(w, actions, existing);
  });
  return exerciseDetail(ctx, before.id);
}

export function deleteExercise(ctx: Ctx, id: string): void {
  const row = requireExercise(ctx, id);
  const plan = requirePlan(ctx, row.planId);
  withChange(ctx, `Delete ${row.kind} exercise of ${plan.name}`, (w) => {
    for (const a of ctx.db.select({ id: exerciseActions.id }).from(exerciseActions).where(eq(exerciseActions.exerciseId, id)).all()) {
      w.remove('exercise_actions', a.id);
    }
    w.remove('exercises', id);
  });
}
