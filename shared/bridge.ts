/**
 * The shape of the api the desktop preload exposes as `window.quartermaster`, derived from the
 * contract so the preload, the renderer's client and the contract cannot drift apart.
 */
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

export type BridgeMethods = {
  [M in MethodName]: (payload: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export type QuartermasterBridge = BridgeMethods & {
  /** Which transport the renderer is running on; serve mode has no preload and talks HTTP. */
  readonly mode: 'desktop';
};

/** The global the preload defines; the renderer reads it through renderer/src/api only. */
export const bridgeGlobalName = 'quartermaster';
