/**
 * An open workspace with its context and handler map: what the Electron shell, serve mode and
 * the CLI hold while a workspace is open.
 */
import { basename } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createCtx, type Ctx } from './context';
import { openWorkspace, type OpenOptions, type Workspace } from './db/open-workspace';
import { storageError } from './db/storage-errors';
import { createHandlers } from './handlers';
import { dispatch } from './ipc/dispatch';

export interface Session {
  workspace: Workspace;
  ctx: Ctx;
  handlers: Handlers;
  call(method: unknown, payload: unknown): Promise<Result<unknown>>;
  close(): void;
}

export interface SessionOptions extends OpenOptions {
  origin?: string;
  newId?: () => string;
}

export function openSession(path: string, options: SessionOptions = {}): Session {
  const workspace = openWorkspace(path, options);
  const ctx = createCtx(workspace.db, basename(path), options.origin ?? 'app', {
    ...(options.now ? { now: options.now } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  ctx.storage = () => ({ readOnly: workspace.readOnly, integrity: workspace.integrity() });
  const handlers = createHandlers(ctx);
  return {
    workspace,
    ctx,
    handlers,
    call: (method, payload) => dispatch(handlers, method, payload, undefined, (err) => storageError(err, workspace.path)),
    close: () => workspace.close(),
  };
}
