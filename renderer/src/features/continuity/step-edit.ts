/** Reordering and editing recovery steps as the whole list continuity.setSteps takes. Pure. */
import type { PlanStep } from '../../../../shared/continuity';

export interface StepDraft {
  /** Absent for a step not saved yet. */
  id?: string;
  action: string;
  ownerPersonId: string | null;
  withinHours: number | null;
}

export function fromSteps(steps: readonly PlanStep[]): StepDraft[] {
  return steps.map((s) => ({ id: s.id, action: s.action, ownerPersonId: s.ownerPersonId, withinHours: s.withinHours }));
}

/** Moves the item at `from` to index `to` (clamped); the rest keep their order. */
export function moveTo<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** One place up (-1) or down (+1); unchanged at the ends. */
export function moveBy<T>(list: readonly T[], index: number, dir: -1 | 1): T[] {
  const to = index + dir;
  if (to < 0 || to >= list.length) return [...list];
  return moveTo(list, index, to);
}

/** The shape setSteps takes. */
export function toStepsInput(steps: readonly StepDraft[]) {
  return steps.map((s) => ({ ...(s.id ? { id: s.id } : {}), action: s.action, ownerPersonId: s.ownerPersonId, withinHours: s.withinHours }));
}
