/** The one main window, locked down (E1): isolated, sandboxed, no Node in the page. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { appIndexUrl } from './app-url';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Quartermaster',
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
    },
  };
}

export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(preloadPath), title });
  // The window title names the workspace; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appIndexUrl);
  return win;
}

export function windowTitle(workspaceName: string | null): string {
  return workspaceName ? `${workspaceName} — Quartermaster` : 'Quartermaster';
}
