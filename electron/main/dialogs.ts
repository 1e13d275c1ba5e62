/** Native dialogs the File menu needs; each returns plain data. */
import { dialog, type BrowserWindow } from 'electron';
import { basename } from 'node:path';

const workspaceFilter = [{ name: 'Quartermaster workspace', extensions: ['sqlite'] }];

/** What a save dialog is saving: the filter's label and the extension a chosen name must end in. */
export interface SaveKind {
  name: string;
  extension: string;
}

export const workspaceKind: SaveKind = { name: 'Quartermaster workspace', extension: 'sqlite' };

/** The kind for a file name the page suggested, from its extension. */
export function saveKindFor(fileName: string): SaveKind {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'xlsx') return { name: 'Excel workbook', extension };
  return extension ? { name: `${extension.toUpperCase()} file`, extension } : { name: 'File', extension: 'bin' };
}

export async function askOpenPath(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open Workspace', properties: ['openFile' as const], filters: workspaceFilter };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * No overwrite confirmation (the option only exists on Linux): Quartermaster never replaces a
 * file, so "Replace it?" would be a question whose "yes" is then refused. The caller checks the
 * name and asks for another one (askForNewName). Where the system's own dialog asks anyway, a
 * "yes" there leads to the same request for a new name.
 */
export async function askSavePath(win: BrowserWindow | null, title: string, defaultPath: string, kind: SaveKind = workspaceKind): Promise<string | null> {
  const options = { title, defaultPath, filters: [{ name: kind.name, extensions: [kind.extension] }], properties: ['createDirectory' as const] };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return result.filePath.endsWith(`.${kind.extension}`) ? result.filePath : `${result.filePath}.${kind.extension}`;
}

/** Explains that the chosen file exists; returns true when the user wants to choose another name. */
export async function askForNewName(win: BrowserWindow | null, path: string): Promise<boolean> {
  const options = {
    type: 'info' as const,
    title: 'Choose a new name',
    message: `${basename(path)} already exists.`,
    detail: 'Quartermaster never replaces an existing file, so nothing was written. Please choose a new name.',
    buttons: ['Choose Another Name…', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return result.response === 0;
}

/** Shows why a file was refused; returns true when the user chose to open the newest backup. */
export async function showRefused(win: BrowserWindow | null, path: string, reason: string, newestBackup: string | null): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    title: 'Cannot open workspace',
    message: `Quartermaster cannot open ${basename(path)}.`,
    detail: newestBackup
      ? `${reason}\n\nThe file has not been changed. You can open a copy of its newest backup (${basename(newestBackup)}); the damaged file and the backup are both kept as they are.`
      : `${reason}\n\nThe file has not been changed.`,
    buttons: newestBackup ? ['Open Newest Backup', 'Cancel'] : ['OK'],
    defaultId: 0,
    cancelId: newestBackup ? 1 : 0,
    noLink: true,
  };
  const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return newestBackup !== null && result.response === 0;
}

export async function showError(win: BrowserWindow | null, message: string, detail: string): Promise<void> {
  const options = { type: 'error' as const, title: 'Quartermaster', message, detail };
  if (win) await dialog.showMessageBox(win, options);
  else await dialog.showMessageBox(options);
}
