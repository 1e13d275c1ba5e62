/**
 * The desktop shell's state: which workspace is open, the window showing it, the recent list and
 * the File menu's actions. One session at a time; switching opens the new file first, so a
 * refused file leaves the current workspace open.
 */
import { app, BrowserWindow, Menu } from 'electron';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { menuChannel, type MenuCommand } from '../../shared/bridge';
import { AppError } from '../../shared/result';
import { createLogger } from '../core/log';
import type { Session } from '../core/session';
import { createDemoFile, createEmptyWorkspace, defaultSettings, localToday } from '../core/workspace/create-workspace';
import { askForNewName, askOpenPath, askSavePath, saveKindFor, showError, showRefused, workspaceKind, type SaveKind } from './dialogs';
import { buildMenuTemplate } from './menu';
import { clearRecent, forgetRecent, readRecent, rememberRecent } from './recent';
import { createMainWindow, windowTitle } from './window';
import { freeName, isTaken, restoreNewestBackup, saveCopy, tryOpenWorkspace, workspaceName } from './workspace-files';

const log = createLogger('desktop');

export interface DesktopPaths {
  preload: string;
  userData: string;
}

export class DesktopApp {
  private session: Session | null = null;
  private window: BrowserWindow | null = null;
  private readonly recentFile: string;
  private readonly demoFile: string;

  constructor(private readonly paths: DesktopPaths) {
    this.recentFile = join(paths.userData, 'recent.json');
    this.demoFile = join(paths.userData, 'Demo Workspace.sqlite');
  }

  currentSession = (): Session | null => this.session;

  /** At launch: the last workspace, else the demo (made on first launch). */
  async start(): Promise<void> {
    const last = readRecent(this.recentFile)[0];
    if (last !== undefined && existsSync(last) && (await this.openPath(last))) {
      this.showWindow();
      return;
    }
    try {
      if (!existsSync(this.demoFile)) createDemoFile(this.demoFile, { asOf: localToday() });
      await this.openPath(this.demoFile);
    } catch (err) {
      log.error('could not prepare the demo workspace', err);
      await showError(null, 'The demo workspace could not be created.', err instanceof Error ? err.message : String(err));
    }
    this.showWindow();
  }

  showWindow(): void {
    if (this.window && !this.window.isDestroyed()) {
      this.window.focus();
      return;
    }
    this.window = createMainWindow(this.paths.preload, this.title());
    this.window.on('closed', () => {
      this.window = null;
    });
  }

  /** Opens a file and makes it the current workspace; explains and returns false when refused. */
  async openPath(path: string): Promise<boolean> {
    if (this.session && this.session.workspace.path === path) return true;
    const outcome = tryOpenWorkspace(path, (detail) => {
      void showError(
        this.window,
        `${basename(path)} is damaged.`,
        `The background check found: ${detail}\n\nThe file has not been repaired or changed by the check. Make no more changes to it: save a copy of what you need, and open its newest backup from its .backups folder.`,
      );
    });
    if (!outcome.ok) {
      const openBackup = await showRefused(this.window, path, outcome.error.message, outcome.newestBackup);
      if (outcome.error.code === 'not_found') forgetRecent(this.recentFile, path);
      if (!openBackup) {
        this.refreshMenu();
        return false;
      }
      const restored = restoreNewestBackup(path);
      return restored !== null && this.openPath(restored);
    }
    this.switchTo(outcome.session);
    return true;
  }

  private switchTo(next: Session): void {
    const previous = this.session;
    this.session = next;
    previous?.close();
    rememberRecent(this.recentFile, next.workspace.path);
    this.refreshMenu();
    if (this.window && !this.window.isDestroyed()) {
      this.window.setTitle(this.title());
      this.window.webContents.reload();
    }
  }

  private title(): string {
    return windowTitle(this.session ? workspaceName(this.session) : null, this.session?.workspace.readOnly != null);
  }

  refreshMenu(): void {
    const template = buildMenuTemplate(
      {
        newWorkspace: () => void this.newWorkspace(),
        openWorkspace: () => void this.openWorkspace(),
        openRecent: (path) => void this.openPath(path),
        clearRecent: () => {
          clearRecent(this.recentFile);
          this.refreshMenu();
        },
        saveCopy: () => void this.saveCopy(),
        menuCommand: (command) => this.sendMenuCommand(command),
      },
      { recent: readRecent(this.recentFile), hasWorkspace: this.session !== null, isPackaged: app.isPackaged, platform: process.platform },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** To the focused window's page only; with no window focused there is nothing to undo in. */
  private sendMenuCommand(command: MenuCommand): void {
    const focused = BrowserWindow.getFocusedWindow();
    if (focused && !focused.isDestroyed()) focused.webContents.send(menuChannel, command);
  }

  private defaultFolder(): string {
    return this.session ? dirname(this.session.workspace.path) : app.getPath('documents');
  }

  /**
   * A save dialog that only settles on a name no file has: while the chosen one is taken, say so
   * and ask again, suggesting the next free name. The writers still refuse an existing file
   * themselves (it could appear in between); this is about asking clearly first.
   */
  private async askNewFilePath(title: string, suggested: string, kind: SaveKind = workspaceKind): Promise<string | null> {
    let defaultPath = freeName(suggested);
    for (;;) {
      const path = await askSavePath(this.window, title, defaultPath, kind);
      if (path === null || !isTaken(path)) return path;
      if (!(await askForNewName(this.window, path))) return null;
      defaultPath = freeName(path);
    }
  }

  /** Where to save a file the page produced (see save-file.ts); beside the workspace by default. */
  askExportPath = (suggestedName: string): Promise<string | null> =>
    this.askNewFilePath('Save', join(this.defaultFolder(), suggestedName), saveKindFor(suggestedName));

  async newWorkspace(): Promise<void> {
    const path = await this.askNewFilePath('New Workspace', join(this.defaultFolder(), 'New Workspace.sqlite'));
    if (path === null) return;
    try {
      this.switchTo(createEmptyWorkspace(path, defaultSettings(path), 'app'));
    } catch (err) {
      await showError(this.window, 'The workspace was not created.', err instanceof Error ? err.message : String(err));
    }
  }

  async openWorkspace(): Promise<void> {
    const path = await askOpenPath(this.window);
    if (path !== null) await this.openPath(path);
  }

  async saveCopy(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const base = basename(session.workspace.path, '.sqlite');
    const target = await this.askNewFilePath('Save a Copy', join(this.defaultFolder(), `${base} copy.sqlite`));
    if (target === null) return;
    try {
      saveCopy(session, target);
    } catch (err) {
      const message = err instanceof AppError ? err.message : `The copy failed: ${(err as Error).message}`;
      await showError(this.window, 'No copy was saved.', message);
    }
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }
}
