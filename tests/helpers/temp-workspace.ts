/**
 * A real workspace file in a fresh temp folder, opened through openSession with a fixed clock and
 * sequential ids, so tests exercise the same path the app does and their results are repeatable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { sequentialIds } from '../../electron/core/context';
import { buildDemo } from '../../electron/core/demo/demo-workspace';
import { openSession, type Session } from '../../electron/core/session';
import { initWorkspace, type WorkspaceSettings } from '../../electron/core/workspace/workspace-service';

export const FIXED_NOW = '2026-11-21T12:00:00Z';

export interface TempWorkspaceOptions {
  /** The fixed clock; default 2026-11-21T12:00:00Z. */
  now?: string | Date;
  /** Workspace settings written with initWorkspace; `false` leaves the file uninitialised. */
  init?: Partial<WorkspaceSettings> | false;
  /** ctx.origin; default "test". */
  origin?: string;
  /** File name inside the temp folder; default "workspace.sqlite". */
  fileName?: string;
}

export interface TempWorkspace {
  path: string;
  dir: string;
  session: Session;
  ctx: Ctx;
  /** Closes the workspace (if still open) and removes the temp folder. */
  cleanup(): void;
}

export const defaultTestSettings: WorkspaceSettings = { name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 1 };

export function tempWorkspace(opts: TempWorkspaceOptions = {}): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'qm-test-'));
  const path = join(dir, opts.fileName ?? 'workspace.sqlite');
  const fixed = new Date(opts.now ?? FIXED_NOW);
  const session = openSession(path, {
    create: true,
    origin: opts.origin ?? 'test',
    now: () => new Date(fixed),
    newId: sequentialIds(),
  });
  if (opts.init !== false) initWorkspace(session.ctx, { ...defaultTestSettings, ...(opts.init ?? {}) });
  return {
    path,
    dir,
    session,
    ctx: session.ctx,
    cleanup() {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temp workspace for Larkspur Freight (USD, year from January) holding the demo company as of `asOf`. */
export function demoWorkspace(asOf = '2026-11-21'): TempWorkspace {
  const ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
  try {
    buildDemo(ws.ctx, { asOf });
  } catch (err) {
    ws.cleanup();
    throw err;
  }
  return ws;
}
