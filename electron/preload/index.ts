/**
 * The preload runs sandboxed: it may only use contextBridge and ipcRenderer. It exposes one
 * named function per contract method and nothing else — never ipcRenderer itself, never a
 * generic "invoke any channel" door (E4).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, type BridgeMethods, type QuartermasterBridge } from '../../shared/bridge';
import { ipcChannelPrefix, methodNames } from '../../shared/contract';

// Object.fromEntries forgets the keys; the cast is checked in spirit by the registry test, which
// asserts the exposed keys are exactly methodNames.
const methods = Object.fromEntries(
  methodNames.map((method) => [method, (payload: unknown) => ipcRenderer.invoke(`${ipcChannelPrefix}${method}`, payload)]),
) as BridgeMethods;

const api = Object.freeze({ ...methods, mode: 'desktop' as const }) satisfies QuartermasterBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, api);
