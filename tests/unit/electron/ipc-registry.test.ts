// E3 and T3: every contract method is bound to exactly one IPC channel with its zod schemas; a
// call from a foreign frame is refused; arbitrary payloads on every channel answer a typed Result,
// never throw, leave the workspace file unchanged when refused and never pollute Object.prototype.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, ipcChannelPrefix, methodNames, type MethodName } from '../../../shared/contract';
import { errorCodes, isResult, type Result } from '../../../shared/result';
import { appOrigin } from '../../../electron/main/app-url';
import { registerIpc, type IpcMainLike, type SenderInfo } from '../../../electron/main/ipc';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

type Listener = (event: SenderInfo, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registrations: string[] = [];
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      registrations.push(channel);
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, handlers, registrations };
}

const appFrame: SenderInfo = { senderFrame: { url: `${appOrigin}/index.html#/budget` } };
const foreignFrames: SenderInfo[] = [
  { senderFrame: { url: 'https://evil.example/' } },
  { senderFrame: { url: 'file:///tmp/page.html' } },
  { senderFrame: { url: 'quartermaster://app.evil/index.html' } },
  { senderFrame: { url: 'http://127.0.0.1.evil.com/' } },
  { senderFrame: { url: '' } },
  { senderFrame: null },
];

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
});
afterAll(() => ws.cleanup());

function fileHash(): string {
  ws.session.workspace.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(ws.path)).digest('hex');
}

function prototypeSnapshot(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort()]);
}

describe('IPC registry (E3)', () => {
  it('registers exactly one channel per contract method, each with input and output schemas', () => {
    const { ipcMain, handlers, registrations } = fakeIpcMain();
    registerIpc(ipcMain, () => ws.session);
    expect(registrations.sort()).toEqual(methodNames.map((m) => `${ipcChannelPrefix}${m}`).sort());
    expect(new Set(registrations).size).toBe(registrations.length);
    for (const m of methodNames) {
      expect(contract[m].input, m).toBeInstanceOf(z.ZodType);
      expect(contract[m].output, m).toBeInstanceOf(z.ZodType);
    }
    expect(handlers.size).toBe(methodNames.length);
  });

  it('removes every channel it registered', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, () => ws.session);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from any frame but the app’s own, before any handler runs', async () => {
    let calls = 0;
    const spy = { call: (): Promise<Result<unknown>> => (calls++, Promise.resolve({ ok: true, value: null })) };
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => spy);
    for (const [channel, listener] of handlers) {
      for (const frame of foreignFrames) {
        const result = (await listener(frame, {})) as Result<unknown>;
        expect(result.ok, `${channel} from ${frame.senderFrame?.url}`).toBe(false);
        expect(!result.ok && result.error.code).toBe('forbidden');
      }
    }
    expect(calls).toBe(0);
    const ok = (await handlers.get(`${ipcChannelPrefix}workspace.info`)!(appFrame, {})) as Result<unknown>;
    expect(ok.ok).toBe(true);
    expect(calls).toBe(1);
  });

  it('refuses a mutating call from a foreign frame on a real workspace, leaving the file as it was', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => ws.session);
    const before = fileHash();
    const payload = { code: 'EVIL', name: 'Evil', parentId: null, manager: null };
    const refused = (await handlers.get(`${ipcChannelPrefix}org.createDepartment`)!(foreignFrames[0]!, payload)) as Result<unknown>;
    expect(refused.ok).toBe(false);
    expect(fileHash()).toBe(before);
  });

  it('says so when no workspace is open', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => null);
    const result = (await handlers.get(`${ipcChannelPrefix}workspace.info`)!(appFrame, {})) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('IPC fuzzing (T3)', () => {
  const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'code', 'name'));
  const payload = fc.oneof(
    fc.anything({ key, maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, value: v })) as unknown),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true},"id":"x"}') as unknown),
  );

  it.each(methodNames.map((m) => [m] as [MethodName]))('%s answers a typed Result for arbitrary payloads', async (method) => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => ws.session);
    const listener = handlers.get(`${ipcChannelPrefix}${method}`)!;
    const prototypes = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(payload, fc.boolean(), async (p, fromApp) => {
        const before = fileHash();
        // Neither a synchronous throw nor a rejected promise: always a Result.
        let result: unknown;
        let threw = false;
        try {
          result = await listener(fromApp ? appFrame : foreignFrames[0]!, p);
        } catch {
          threw = true;
        }
        expect(threw).toBe(false);
        expect(isResult(result)).toBe(true);
        const r = result as Result<unknown>;
        if (!r.ok) {
          expect(errorCodes).toContain(r.error.code);
          expect(typeof r.error.message).toBe('string');
          expect(fileHash()).toBe(before);
        }
        if (!fromApp) expect(r.ok).toBe(false);
        expect(prototypeSnapshot()).toBe(prototypes);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});
