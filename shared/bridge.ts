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

export type QuartermasterBridge = BridgeMethods & {
  /** Which transport the renderer is running on; serve mode has no preload and talks HTTP. */
  readonly mode: 'desktop';
  /**
   * Subscribes to Edit menu commands (the menu's Undo/Redo, by click or accelerator); returns
   * the unsubscribe. Optional because serve mode has no preload and no application menu.
   */
  readonly onMenuCommand?: (callback: (command: MenuCommand) => void) => () => void;
};

/** The global the preload defines; the renderer reads it through renderer/src/api only. */
export const bridgeGlobalName = 'quartermaster';
