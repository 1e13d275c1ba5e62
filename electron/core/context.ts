/**
 * What every core service is given: the open workspace, a clock and an id source. Tests pass a
 * fixed clock and predictable ids; the app passes the real ones. No module-level state.
 */
import { randomUUID } from 'node:crypto';
import type { IntegrityState } from './db/background-check';
import type { Db } from './db/database';

export interface Ctx {
  db: Db;
  /** File name of the workspace, for messages and lineage. */
  fileName: string;
  now: () => Date;
  newId: () => string;
  /** Who made a change: "app", "cli", "import", "demo". */
  origin: string;
  /**
   * The storage under the workspace, for status screens: why it is read-only (null when it can be
   * written) and what the deep check found. Absent where a Ctx is made without a session.
   */
  storage?: () => StorageStatus;
}

export interface StorageStatus {
  readOnly: string | null;
  integrity: IntegrityState;
}

export function createCtx(db: Db, fileName: string, origin: string, overrides: Partial<Pick<Ctx, 'now' | 'newId'>> = {}): Ctx {
  return { db, fileName, origin, now: overrides.now ?? (() => new Date()), newId: overrides.newId ?? randomUUID };
}

/** Ids 00000000-0000-4000-8000-000000000001, …: stable across runs, for tests and the demo. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(12, '0')}`;
}

export function isoNow(ctx: Ctx): string {
  return ctx.now().toISOString();
}
