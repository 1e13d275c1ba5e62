/**
 * A new, empty workspace file with its settings — shared by `cli init`, serve mode's --create and
 * the desktop File › New. If setting it up fails, the half-made file is removed: it was ours.
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/result';
import { createDemoWorkspace, type CreateDemoOptions, type DemoCounts } from '../demo/demo-workspace';
import { openSession, type Session } from '../session';
import { initWorkspace, type WorkspaceSettings } from './workspace-service';

// In a module of its own so the CLI's entry can take it without the session and its services.
export { localToday } from './local-today';

/** The default name of a new empty workspace: its file name, as the user chose it. */
export function nameFromPath(path: string): string {
  return basename(path, extname(path)).trim() || 'Workspace';
}

export function defaultSettings(path: string): WorkspaceSettings {
  return { name: nameFromPath(path), currency: 'USD', fiscalYearStartMonth: 1 };
}

function refuseExisting(path: string): void {
  if (existsSync(path)) throw new AppError('refused', `${path} already exists; Quartermaster never overwrites a file. Choose a new name.`);
}

function removeCreated(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export function createEmptyWorkspace(path: string, settings: WorkspaceSettings, origin: string): Session {
  refuseExisting(path);
  const session = openSession(path, { create: true, origin });
  try {
    initWorkspace(session.ctx, settings);
  } catch (err) {
    session.close();
    removeCreated(path);
    throw err;
  }
  return session;
}

/** The demo company in a new file; a failure leaves no file behind to be mistaken for a workspace. */
export function createDemoFile(path: string, options: CreateDemoOptions): DemoCounts {
  refuseExisting(path);
  try {
    return createDemoWorkspace(path, options);
  } catch (err) {
    removeCreated(path);
    throw err;
  }
}
