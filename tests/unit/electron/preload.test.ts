// E4: the preload exposes exactly one named function per contract method, its mode, one named
// subscription for menu commands and one named saveFile and showInFolder on their fixed channels.
import { describe, expect, it, vi } from 'vitest';
import { menuChannel, saveFileChannel, showInFolderChannel, type MenuCommand } from '../../../shared/bridge';
import { ipcChannelPrefix, methodNames } from '../../../shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as string[],
  payloads: [] as unknown[],
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      electron.invoked.push(channel);
      electron.payloads.push(payload);
      return Promise.resolve({ ok: true, value: { channel, payload } });
    },
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

/** What main's webContents.send would do: every listener on the channel gets an event object and the args. */
function sendFromMain(channel: string, ...args: unknown[]): void {
  const event = { sender: { invoke: () => 'the whole ipcRenderer' }, ports: [] };
  for (const listener of electron.listeners.get(channel) ?? []) listener(event, ...args);
}

await import('../../../electron/preload/index');

describe('preload (E4)', () => {
  it('exposes one global, "quartermaster"', () => {
    expect([...electron.exposed.keys()]).toEqual(['quartermaster']);
  });

  it('exposes exactly the contract methods, the mode, onMenuCommand, saveFile and showInFolder, each method a function', () => {
    const api = electron.exposed.get('quartermaster') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'mode', 'onMenuCommand', 'saveFile', 'showInFolder'].sort());
    expect(typeof api.saveFile).toBe('function');
    expect(typeof api.showInFolder).toBe('function');
    expect(typeof api.onMenuCommand).toBe('function');
    expect(api.mode).toBe('desktop');
    for (const m of methodNames) expect(typeof api[m], m).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('routes each method to its own channel with the payload untouched', async () => {
    const api = electron.exposed.get('quartermaster') as Record<string, (p: unknown) => Promise<unknown>>;
    for (const m of methodNames) {
      const payload = { probe: m };
      await expect(api[m]!(payload)).resolves.toEqual({ ok: true, value: { channel: `${ipcChannelPrefix}${m}`, payload } });
    }
    expect(electron.invoked).toHaveLength(methodNames.length);
  });

  it('sends saveFile on its one fixed channel, passing on only the name and the bytes', async () => {
    const api = electron.exposed.get('quartermaster') as { saveFile: (r: unknown) => Promise<unknown> };
    const before = electron.invoked.length;
    await api.saveFile({ suggestedName: 'a.xlsx', base64: 'AAAA', extra: 'dropped' });
    expect(electron.invoked.slice(before)).toEqual([saveFileChannel]);
    expect(electron.payloads.at(-1)).toEqual({ suggestedName: 'a.xlsx', base64: 'AAAA' });
  });

  it('sends showInFolder on its one fixed channel with only the path, and rejects with main\'s reason', async () => {
    const api = electron.exposed.get('quartermaster') as { showInFolder: (p: unknown) => Promise<void> };
    const before = electron.invoked.length;
    // The mock answers {ok, value}, not {shown: true}: the preload reads that as "not shown".
    await expect(api.showInFolder('/home/me/Board pack.pdf')).rejects.toThrow();
    expect(electron.invoked.slice(before)).toEqual([showInFolderChannel]);
    expect(electron.payloads.at(-1)).toBe('/home/me/Board pack.pdf');
  });

  it('listens for menu commands on the one fixed channel only, and unsubscribes', () => {
    const api = electron.exposed.get('quartermaster') as { onMenuCommand: (cb: (c: MenuCommand) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    expect([...electron.listeners.keys()]).toEqual([menuChannel]);
    expect(electron.listeners.get(menuChannel)?.size).toBe(1);

    sendFromMain(menuChannel, 'undo');
    sendFromMain(menuChannel, 'redo');
    // Only the command string reaches the page: never the event (its sender is ipcRenderer).
    expect(received).toEqual([['undo'], ['redo']]);

    unsubscribe();
    expect(electron.listeners.get(menuChannel)?.size).toBe(0);
    sendFromMain(menuChannel, 'undo');
    expect(received).toHaveLength(2);
  });

  it('drops anything on the menu channel that is not a known command', () => {
    const api = electron.exposed.get('quartermaster') as { onMenuCommand: (cb: (c: MenuCommand) => void) => () => void };
    const received: unknown[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    for (const junk of ['delete', 'UNDO', '', null, undefined, 1, { command: 'undo' }, ['undo'], '__proto__']) sendFromMain(menuChannel, junk);
    expect(received).toEqual([]);
    unsubscribe();
  });
});
