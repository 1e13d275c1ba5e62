/**
 * Binds every contract method to its own ipcMain.handle channel "qm:<method>" (E3). Each call
 * first checks that it comes from the app's own page, then goes through the same dispatch as
 * every other transport: zod-parsed input, checked output, errors as data.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { ipcChannelPrefix, methodNames, type MethodName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createLogger } from '../core/log';
import type { Session } from '../core/session';
import { isAppUrl } from './app-url';

const log = createLogger('ipc');

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The bits of an invoke event we look at; a real IpcMainInvokeEvent fits. */
export interface SenderInfo {
  senderFrame: { url: string } | null;
}

export function channelOf(method: MethodName): string {
  return `${ipcChannelPrefix}${method}`;
}

export function createIpcListener(method: MethodName, getSession: () => Pick<Session, 'call'> | null) {
  return async (event: SenderInfo, payload?: unknown): Promise<Result<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) {
      log.warn(`refused ${method} from ${url.slice(0, 200) || 'an unknown frame'}`);
      return { ok: false, error: { code: 'forbidden', message: 'This call did not come from Quartermaster’s own window.' } };
    }
    const session = getSession();
    if (session === null) {
      return { ok: false, error: { code: 'refused', message: 'No workspace is open. Use File › Open or File › New Workspace.' } };
    }
    return session.call(method, payload);
  };
}

/** Registers one channel per method and returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMainLike, getSession: () => Pick<Session, 'call'> | null): () => void {
  const channels = methodNames.map((method) => {
    const channel = channelOf(method);
    const listener = createIpcListener(method, getSession);
    ipcMain.handle(channel, (event, payload) => listener(event, payload));
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
