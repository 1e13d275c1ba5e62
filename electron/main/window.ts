/** The one main window, locked down (E1): isolated, sandboxed, no Node in the page. */
import { BrowserWindow } from 'electron';
import { appIndexUrl } from './app-url';

export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  // The options are written here, in the constructor call, and not spread from a helper: the
  // static security check (npm run security:check) reads them only where the window is made.
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click does not open links in a new window; any other new window is refused in security.ts.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // The window title names the workspace; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appIndexUrl);
  return win;
}

/** The window's title; a workspace opened read-only (its file or folder cannot be written) says so. */
export function windowTitle(workspaceName: string | null, readOnly = false): string {
  if (!workspaceName) return 'Quartermaster';
  return `${workspaceName}${readOnly ? ' (read-only)' : ''} — Quartermaster`;
}
