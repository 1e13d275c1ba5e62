/** The application menu as plain data, so it can be checked without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/bridge';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveCopy(): void;
  /** Hands an Edit command to the focused page, which knows whether a text field or the workspace is meant. */
  menuCommand(command: MenuCommand): void;
}

export interface MenuState {
  recent: string[];
  hasWorkspace: boolean;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function buildMenuTemplate(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No Recent Workspaces', enabled: false }]
      : state.recent.map((path) => ({ label: basename(path), sublabel: path, click: () => actions.openRecent(path) }));

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      {
        label: 'Open Recent',
        submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: state.recent.length > 0, click: () => actions.clearRecent() }],
      },
      { type: 'separator' },
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasWorkspace, click: () => actions.saveCopy() },
      { type: 'separator' },
      { label: 'Import Spreadsheet…', accelerator: 'CmdOrCtrl+I', enabled: state.hasWorkspace, click: () => actions.menuCommand('import') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Not the native undo/redo roles: those reach text fields only, never the workspace history.
      // The page decides: text undo in a focused field, workspace undo elsewhere.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.menuCommand('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => actions.menuCommand('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      // Developer tools would let anyone at the keyboard run code in the page; only in development.
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, { role: 'windowMenu' }];
}
