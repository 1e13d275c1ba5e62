/**
 * Saving a file the page produced (e.g. budget templates). Desktop blocks downloads on purpose
 * (security.ts), so the page hands main the bytes on one fixed channel; main checks the sender
 * like every other IPC call, asks where to save with the native dialog, and writes a new file
 * only. This module is the plain part: checking the request, the file name and the write; the
 * dialog comes in as a dependency so tests can stand in for it.
 *
 * "Show in folder" lives here too: main reveals only files this module wrote during this run
 * (SavedFiles), so the page can point at the file it just saved and at nothing else on disk.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { SaveFileResult, ShowInFolderResult } from '../../shared/bridge';
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

/**
 * The paths saved through the dialog in this run of the app: the allow-list for "Show in folder".
 * One per app run, created by main's entry and handed to both listeners; never persisted.
 */
export interface SavedFiles {
  add(path: string): void;
  has(path: string): boolean;
}

export function createSavedFiles(): SavedFiles {
  const paths = new Set<string>();
  return {
    add: (path) => void paths.add(resolve(path)),
    has: (path) => paths.has(resolve(path)),
  };
}

export interface SaveFileDeps {
  /** Shows the save dialog until the user picks a name no file has; null when cancelled. */
  askPath(suggestedName: string): Promise<string | null>;
  /** Remembers what was written, for "Show in folder". */
  saved?: SavedFiles;
}

function fromAppFrame(event: SenderInfo, what: string): boolean {
  const url = event.senderFrame?.url ?? '';
  if (isAppUrl(url)) return true;
  log.warn(`refused ${what} from ${url.slice(0, 200) || 'an unknown frame'}`);
  return false;
}

/** The listener for the save-file channel; it never throws, so the page always gets a plain answer. */
export function createSaveFileListener(deps: SaveFileDeps) {
  return async (event: SenderInfo, payload?: unknown): Promise<SaveFileResult> => {
    if (!fromAppFrame(event, 'save-file')) {
      return { saved: false, error: 'This request did not come from Quartermaster’s own window.' };
    }
    const parsed = requestSchema.safeParse(payload);
    if (!parsed.success) return { saved: false, error: 'The file to save was not valid.' };
    const path = await deps.askPath(safeSuggestedName(parsed.data.suggestedName));
    if (path === null) return { saved: false };
    try {
      writeNewFile(path, Buffer.from(parsed.data.base64, 'base64'));
      deps.saved?.add(path);
      return { saved: true, path };
    } catch (err) {
      log.warn('could not save a file', err);
      return { saved: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}

export interface ShowInFolderDeps {
  saved: SavedFiles;
  /** shell.showItemInFolder in the app; tests stand in for it. */
  reveal(path: string): void;
}

const pathSchema = z.string().min(1).max(4096);

/**
 * The listener for the show-in-folder channel: reveals a path only when this run's save dialog
 * wrote it. Anything else (another path, a relative one, a foreign frame) is refused unrevealed.
 */
export function createShowInFolderListener(deps: ShowInFolderDeps) {
  return (event: SenderInfo, payload?: unknown): ShowInFolderResult => {
    if (!fromAppFrame(event, 'show-in-folder')) {
      return { shown: false, error: 'This request did not come from Quartermaster’s own window.' };
    }
    const parsed = pathSchema.safeParse(payload);
    if (!parsed.success || !isAbsolute(parsed.data) || !deps.saved.has(parsed.data)) {
      log.warn('refused show-in-folder for a path it did not save');
      return { shown: false, error: 'Quartermaster only shows files it saved itself in this session.' };
    }
    try {
      deps.reveal(resolve(parsed.data));
      return { shown: true };
    } catch (err) {
      log.warn('could not show a file in its folder', err);
      return { shown: false, error: 'The file could not be shown in its folder.' };
    }
  };
}
