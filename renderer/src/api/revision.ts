/**
 * "The workspace changed": a change bumps the revision of the methods whose answers it can
 * alter (or of all of them) and every open query of those methods refetches. Per method rather
 * than per query, because a change knows what kind of data it touched, not which screens show it.
 */
import { useSyncExternalStore } from 'react';
import type { MethodName } from '../../../shared/contract';

let revision = 0;
/** Revision at which every answer went stale. */
let allChangedAt = 0;
/** Revision at which one method's answers went stale, when later than allChangedAt. */
const changedAt = new Map<MethodName, number>();
const listeners = new Set<() => void>();

/** Marks the answers of `methods` (all methods when omitted) as stale. */
export function invalidate(methods?: readonly MethodName[]): void {
  revision += 1;
  if (methods) for (const method of methods) changedAt.set(method, revision);
  else allChangedAt = revision;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever the answers of `method` may have changed. */
export function useRevision(method: MethodName): number {
  return useSyncExternalStore(subscribe, () => Math.max(allChangedAt, changedAt.get(method) ?? 0));
}
