/**
 * Saving a file the page produced (e.g. budget templates). Desktop blocks downloads on purpose
 * (security.ts), so the page hands main the bytes on one fixed channel; main checks the sender
 * like every other IPC call, asks where to save with the native dialog, and writes a new file
 * only. This module is the plain part: checking the request, the file name and the write; the
 * dialog comes in as a dependency so tests can stand in for it.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import type { SaveFileResult } from '../../shared/bridge';
import { writeNewFile } from '../core/fs/write-new-file';
import { createLogger } from '../core/log';
import { isAppUrl } from './app-url';
import type { SenderInfo } from './ipc';

const log = createLogger('save-file');

/** Larger than any template; a cap so a runaway page cannot make main decode gigabytes. */
const maxBase64Chars = 64 * 1024 * 1024;

const requestSchema = z
  .object({
    suggestedName: z.string().min(1).max(255),
    base64: z.string().max(maxBase64Chars).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

/**
 * The page only suggests a name: no folder part survives (the dialog picks the folder) and no
 * character a desktop file system refuses.
 */
export function safeSuggestedName(name: string): string {
  const last = basename(name.replace(/\\/g, '/'));
  const cleaned = last.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return cleaned || 'Quartermaster export';
}

export interface SaveFileDeps {
  /** Shows the save dialog until the user picks a name no file has; null when cancelled. */
  askPath(suggestedName: string): Promise<string | null>;
}

/** The listener for the save-file channel; it never throws, so the page always gets a plain answer. */
export function createSaveFileListener(deps: SaveFileDeps) {
  return async (event: SenderInfo, payload?: unknown): Promise<SaveFileResult> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) {
      log.warn(`refused save-file from ${url.slice(0, 200) || 'an unknown frame'}`);
      return { saved: false, error: 'This request did not come from Quartermaster’s own window.' };
    }
    const parsed = requestSchema.safeParse(payload);
    if (!parsed.success) return { saved: false, error: 'The file to save was not valid.' };
    const path = await deps.askPath(safeSuggestedName(parsed.data.suggestedName));
    if (path === null) return { saved: false };
    try {
      writeNewFile(path, Buffer.from(parsed.data.base64, 'base64'));
      return { saved: true, path };
    } catch (err) {
      log.warn('could not save a file', err);
      return { saved: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
