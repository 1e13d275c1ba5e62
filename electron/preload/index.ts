/**
 * The preload runs sandboxed: it may only use contextBridge and ipcRenderer. It exposes one
 * named function per contract method, one named subscription for menu commands, one named
 * saveFile and one named showInFolder on their fixed channels, and nothing else — never ipcRenderer itself, never a generic "invoke/listen on any channel" door (E4).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeGlobalName,
  isMenuCommand,
  menuChannel,
  saveFileChannel,
  showInFolderChannel,
  type BridgeMethods,
  type MenuCommand,
  type QuartermasterBridge,
  type SaveFileRequest,
  type SaveFileResult,
  type ShowInFolderResult,
} from '../../shared/bridge';
import { ipcChannelPrefix, methodNames } from '../../shared/contract';

// Object.fromEntries forgets the keys; the cast is checked in spirit by the registry test, which
// asserts the exposed keys are exactly methodNames.
const methods = Object.fromEntries(
  methodNames.map((method) => [method, (payload: unknown) => ipcRenderer.invoke(`${ipcChannelPrefix}${method}`, payload)]),
) as BridgeMethods;

/**
 * Listens on the one fixed menu channel. The page gets only a checked command string: the event
 * object would hand it `sender`, i.e. ipcRenderer itself.
 */
function onMenuCommand(callback: (command: MenuCommand) => void): () => void {
  const listener = (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) callback(command);
  };
  ipcRenderer.on(menuChannel, listener);
  return () => {
    ipcRenderer.removeListener(menuChannel, listener);
  };
}

/** Only the two fields main reads are passed on; main checks them again. */
function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  return ipcRenderer.invoke(saveFileChannel, { suggestedName: request.suggestedName, base64: request.base64 }) as Promise<SaveFileResult>;
}

/** Only a string goes to main, which reveals it only if it saved that path itself this run. */
async function showInFolder(path: string): Promise<void> {
  const answer = (await ipcRenderer.invoke(showInFolderChannel, String(path))) as ShowInFolderResult | null;
  if (!answer?.shown) throw new Error(answer?.error ?? 'The file could not be shown in its folder.');
}

const api = Object.freeze({ ...methods, mode: 'desktop' as const, onMenuCommand, saveFile, showInFolder }) satisfies QuartermasterBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, api);
