/**
 * One counter for "the workspace changed": every change (edit, undo, import, …) bumps it and
 * every open query refetches. Cheaper to reason about than per-query invalidation, and the
 * server answers each query from indexed aggregates anyway.
 */
import { useSyncExternalStore } from 'react';

let revision = 0;
const listeners = new Set<() => void>();

export function invalidateAll(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
