/**
 * Saving a file the workspace produced (a table export, the board pack): a native save dialog
 * on the desktop, a download in the browser (renderer/src/api saveFile). On the desktop the
 * confirmation offers "Show in folder" for the file just written.
 */
import { canShowInFolder, errorMessage, saveFile, showInFolder, type SavedFile } from '../../api';
import { useApp } from '../../app/store';

/** Reveals a saved file; a refusal becomes an error toast. */
export function revealSaved(path: string): void {
  showInFolder(path).catch((err: unknown) => useApp.getState().toast('error', errorMessage(err)));
}

/** Saves, then confirms with a toast; resolves with what was saved (nothing when the dialog was cancelled). */
export async function saveExport(fileName: string, base64: string, what: string): Promise<SavedFile> {
  const saved = await saveFile(fileName, base64);
  if (saved.saved) {
    const path = saved.path;
    const action = path && canShowInFolder() ? { label: 'Show in folder', run: () => revealSaved(path) } : undefined;
    useApp.getState().toast('info', `Saved ${what}: ${path ?? fileName}`, action);
  }
  return saved;
}
