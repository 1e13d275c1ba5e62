/**
 * The shape of the api the desktop preload exposes as `window.quartermaster`, derived from the
 * contract so the preload, the renderer's client and the contract cannot drift apart.
 */
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

export type BridgeMethods = {
  [M in MethodName]: (payload: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

/** What the application menu asks the page to do; the page decides what it means where focus is. */
export const menuCommands = ['undo', 'redo', 'import'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The one channel main uses to send menu commands to the page (main → renderer, never back). */
export const menuChannel = 'qm-menu';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/**
 * The one channel the page uses to ask main to save bytes it was given (renderer → main, invoke).
 * Desktop blocks downloads on purpose, so a file the page produced goes through a save dialog
 * that main shows and checks, never through a download.
 */
export const saveFileChannel = 'qm-save-file';

export interface SaveFileRequest {
  /** A file name (no folder) the dialog suggests; main keeps only its last path segment. */
  suggestedName: string;
  base64: string;
}

export interface SaveFileResult {
  saved: boolean;
  path?: string;
  /** Why nothing was saved, when it was not the user cancelling. */
  error?: string;
}

/**
 * The one channel the page uses to ask main to reveal a file it saved in the system's file
 * manager (renderer → main, invoke). Main reveals only paths its own save dialog wrote during this
 * run, so a page cannot use it to probe or open anything else on disk.
 */
export const showInFolderChannel = 'qm-show-in-folder';

export interface ShowInFolderResult {
  shown: boolean;
  /** Why nothing was shown. */
  error?: string;
}

export type QuartermasterBridge = BridgeMethods & {
  /** Which transport the renderer is running on; serve mode has no preload and talks HTTP. */
  readonly mode: 'desktop';
  /**
   * Subscribes to Edit menu commands (the menu's Undo/Redo, by click or accelerator); returns
   * the unsubscribe. Optional because serve mode has no preload and no application menu.
   */
  readonly onMenuCommand?: (callback: (command: MenuCommand) => void) => () => void;
  /** Asks where to save a file and writes it there (never over an existing file); desktop only. */
  readonly saveFile?: (request: SaveFileRequest) => Promise<SaveFileResult>;
  /**
   * Shows a file that saveFile wrote in the system's file manager; rejects with main's reason
   * when it will not (any other path, say). Desktop only.
   */
  readonly showInFolder?: (path: string) => Promise<void>;
};

/** The global the preload defines; the renderer reads it through renderer/src/api only. */
export const bridgeGlobalName = 'quartermaster';
