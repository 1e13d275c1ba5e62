// E4: the preload exposes exactly one named function per contract method, plus its mode.
import { describe, expect, it, vi } from 'vitest';
import { ipcChannelPrefix, methodNames } from '../../../shared/contract';

const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as string[] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      electron.invoked.push(channel);
      return Promise.resolve({ ok: true, value: { channel, payload } });
    },
  },
}));

await import('../../../electron/preload/index');

describe('preload (E4)', () => {
  it('exposes one global, "quartermaster"', () => {
    expect([...electron.exposed.keys()]).toEqual(['quartermaster']);
  });

  it('exposes exactly the contract methods and the mode, each method a function', () => {
    const api = electron.exposed.get('quartermaster') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'mode'].sort());
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
});
