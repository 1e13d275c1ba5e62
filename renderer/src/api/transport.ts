/**
 * Picks how calls leave the renderer: the Electron preload bridge when it is there, otherwise
 * HTTP to the serve-mode server with the per-launch token. Nothing else in the renderer knows
 * which one is in use.
 */
import { bridgeGlobalName, type MenuCommand } from '../../../shared/bridge';
import type { MethodName } from '../../../shared/contract';
import { ApiError } from './api-error';

export type Mode = 'desktop' | 'browser';

/** Sends one call and resolves with the raw Result JSON (checked by the caller). */
export type Send = (method: MethodName, payload: unknown, signal: AbortSignal) => Promise<unknown>;

type BridgeFn = (payload: unknown) => Promise<unknown>;

const tokenKey = 'qm.token';

function bridge(): Record<string, unknown> | null {
  const candidate = (window as unknown as Record<string, unknown>)[bridgeGlobalName];
  return typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>) : null;
}

/**
 * The serve-mode URL carries the token once in its fragment. Keep it for this tab only (so a
 * reload still works) and take it out of the address bar, history and screenshots.
 */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(tokenKey, token);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    const rest = window.location.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&?$/, '');
    window.history.replaceState(null, '', window.location.pathname + window.location.search + rest);
    return token;
  }
  try {
    return sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

function desktopSend(api: Record<string, unknown>): Send {
  return (method, payload) => {
    const fn = api[method];
    if (typeof fn !== 'function') return Promise.reject(new Error(`bridge has no ${method}`));
    return (fn as BridgeFn)(payload);
  };
}

function httpSend(token: string | null): Send {
  return async (method, payload, signal) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['x-qm-token'] = token;
    const response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload ?? {}),
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      if (response.status === 401 || response.status === 403) {
        return { ok: false, error: { code: 'forbidden', message: 'This page has no valid session token. Open the address printed by "npm run serve" again.' } };
      }
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    }
  };
}

function pick(): { mode: Mode; send: Send } {
  const api = bridge();
  if (api) return { mode: 'desktop', send: desktopSend(api) };
  return { mode: 'browser', send: httpSend(takeToken()) };
}

const picked = pick();
export const mode: Mode = picked.mode;
export const send: Send = picked.send;

/**
 * The desktop Edit menu's Undo/Redo arrive as commands from the shell. Serve mode has no menu,
 * so this subscribes to nothing there.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  const subscribe = bridge()?.onMenuCommand;
  if (typeof subscribe === 'function') (subscribe as (cb: (command: MenuCommand) => void) => unknown)(listener);
}

export interface SavedFile {
  saved: boolean;
  /** Where desktop wrote it; a browser download never says. */
  path?: string;
}

/** The bytes of a file the workspace sent as base64 (templates, exports, the board pack). */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const contentTypes: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
};

/**
 * Saves a file the workspace produced. Desktop blocks downloads on purpose, so there main shows a
 * save dialog (the bridge's saveFile). In a browser the file is downloaded through a temporary
 * <a download> on a blob: URL: that is a navigation of an anchor, which the CSP's connect-src
 * does not govern, and the bytes never leave the page.
 */
export async function saveFile(name: string, base64: string): Promise<SavedFile> {
  const save = bridge()?.saveFile;
  if (typeof save === 'function') {
    const answer = (await (save as (request: { suggestedName: string; base64: string }) => Promise<unknown>)({ suggestedName: name, base64 })) as {
      saved?: unknown;
      path?: unknown;
      error?: unknown;
    } | null;
    // Main's own words (e.g. the chosen file appeared meanwhile), shown as they are.
    if (typeof answer?.error === 'string') throw new ApiError('refused', answer.error);
    return answer?.saved === true && typeof answer.path === 'string' ? { saved: true, path: answer.path } : { saved: false };
  }
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const blob = new Blob([bytesOf(base64)], { type: contentTypes[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Some browsers start reading the blob only after the click has returned; a second's grace
    // before freeing it is ample.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return { saved: true };
}

/** Whether "Show in folder" can be offered: desktop only, where main saved the file itself. */
export function canShowInFolder(): boolean {
  return typeof bridge()?.showInFolder === 'function';
}

/** Reveals a file that saveFile wrote on the desktop; main refuses any other path. */
export async function showInFolder(path: string): Promise<void> {
  const show = bridge()?.showInFolder;
  if (typeof show !== 'function') throw new ApiError('refused', 'Show in folder is only available in the desktop app.');
  try {
    await (show as (path: string) => Promise<void>)(path);
  } catch (err) {
    // Main's own words; Electron prefixes a rejected invoke with where it came from.
    const message = err instanceof Error ? err.message.replace(/^Error invoking remote method '[^']*': (Error: )?/, '') : '';
    throw new ApiError('refused', message || 'The file could not be shown in its folder.');
  }
}
