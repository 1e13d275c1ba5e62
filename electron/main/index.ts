/**
 * Electron main process: lifecycle only. Security defaults are applied to every web contents
 * and the default session before any page loads; the workspace logic lives in desktop-app.ts.
 */
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appScheme } from './app-url';
import { DesktopApp } from './desktop-app';
import { registerIpc } from './ipc';
import { createSavedFiles, createSaveFileListener, createShowInFolderListener } from './save-file';
import { saveFileChannel, showInFolderChannel } from '../../shared/bridge';
import { missingBindingMessage, sqliteBindingEnv, sqliteBindingPath } from './native-binding';
import { appProtocolHandler, appSchemePrivileges } from './protocol';
import { hardenSession, hardenWebContents } from './security';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

// Before anything opens a database: core loads better-sqlite3's Electron build from here, since
// the one in node_modules is built for Node and would fail with NODE_MODULE_VERSION.
const sqliteBinding = sqliteBindingPath(app.getAppPath(), process.versions.electron, app.isPackaged);
process.env[sqliteBindingEnv] = sqliteBinding;

// One process per user: two would each hold a writing connection to the same workspace.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const desktop = new DesktopApp({ preload: preloadPath, userData: app.getPath('userData') });
  const external = { openExternal: (url: string) => shell.openExternal(url) };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, external));
  app.on('second-instance', () => desktop.showWindow());

  app
    .whenReady()
    .then(async () => {
      if (!existsSync(sqliteBinding)) {
        // Say what to run instead of failing on the first open with an ABI error.
        const { title, content } = missingBindingMessage(sqliteBinding, app.isPackaged);
        dialog.showErrorBox(title, content);
        app.exit(1);
        return;
      }
      hardenSession(session.defaultSession);
      protocol.handle(appScheme, appProtocolHandler(rendererDir));
      registerIpc(ipcMain, desktop.currentSession);
      // What this run saved is all "Show in folder" may reveal.
      const saved = createSavedFiles();
      const saveFile = createSaveFileListener({ askPath: desktop.askExportPath, saved });
      ipcMain.handle(saveFileChannel, (event, payload) => saveFile(event, payload));
      const showInFolder = createShowInFolderListener({ saved, reveal: (path) => shell.showItemInFolder(path) });
      ipcMain.handle(showInFolderChannel, (event, payload) => showInFolder(event, payload));
      desktop.refreshMenu();
      await desktop.start();
      app.on('activate', () => desktop.showWindow());
      // A fresh app's first board pack pays for loading the PDF renderer and its fonts: do that in
      // the background once the window is up, while the user finds the Reports view.
      setTimeout(() => void import('../core/report/prewarm').then((m) => m.prewarmReportRenderer()), 2000);
    })
    .catch((err: unknown) => {
      console.error('Quartermaster failed to start', err);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => desktop.close());
}
