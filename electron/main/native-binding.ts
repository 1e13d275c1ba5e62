/**
 * Which better-sqlite3 addon the main process loads. node_modules holds a build for Node's ABI
 * (the CLI, serve mode and the tests run on Node); Electron needs one for its own ABI, made by
 * build/prepare-electron-sqlite.mjs beside the app. Core opens every database with the file
 * named in QM_SQLITE_BINDING, so setting that variable before the first open is all it takes.
 */
import { join } from 'node:path';

/** The variable electron/core/db reads; its value is passed to better-sqlite3 as nativeBinding. */
export const sqliteBindingEnv = 'QM_SQLITE_BINDING';

/**
 * The addon for this Electron version. Same relative path as build/prepare-electron-sqlite.mjs
 * writes (a test holds the two together). In the package the file sits in app.asar.unpacked
 * (asarUnpack); naming it there directly means the load is a plain file load that never depends
 * on Electron redirecting paths inside app.asar.
 */
export function sqliteBindingPath(appPath: string, electronVersion: string, isPackaged: boolean): string {
  const base = isPackaged ? appPath.replace(/\.asar$/, '.asar.unpacked') : appPath;
  return join(base, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** What the error dialog says when the addon is missing: what happened and what to run. */
export function missingBindingMessage(path: string, isPackaged: boolean): { title: string; content: string } {
  return {
    title: 'Quartermaster cannot start',
    content: isPackaged
      ? `The database engine for this version of Quartermaster is missing:\n${path}\n\nThe installation is incomplete; please install Quartermaster again.`
      : `The database engine built for Electron is missing:\n${path}\n\n` +
        'Run `npm start` (or `npm run prepare:electron-sqlite`): it prepares that file without touching node_modules. ' +
        "The first run needs the network, to fetch a prebuilt engine or Electron's headers.",
  };
}
