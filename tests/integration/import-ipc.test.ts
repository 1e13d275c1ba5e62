/**
 * The import methods through the dispatcher, as the app calls them: a file sent as base64 is read
 * in the contained worker and previewed, committed, listed and undone; what is not base64, too big
 * or not a spreadsheet is a typed refusal that writes nothing. Also: an async handler's rejection
 * is still an error as data.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { createLogger } from '../../electron/core/log';
import type { Handlers } from '../../shared/contract';
import { maxImportFileBytes, type ImportBatch, type ImportPlan, type ImportResult } from '../../shared/imports';
import type { Result } from '../../shared/result';
import { fixturePath } from '../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
});
afterAll(() => ws.cleanup());

const file = (name: string) => ({ name, base64: readFileSync(fixturePath(name)).toString('base64') });
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const countDepartments = () => ws.ctx.db.$client.prepare('SELECT count(*) FROM departments').pluck().get();

describe('imports over the dispatcher', () => {
  it('previews, commits, lists and undoes a file sent as base64', async () => {
    const plan = value<ImportPlan>(await ws.session.call('imports.preview', { file: file('departments.csv'), options: {} }));
    expect(plan).toMatchObject({ kind: 'departments', errorCount: 0, fileName: 'departments.csv' });
    expect(countDepartments()).toBe(0);
    const result = value<ImportResult>(await ws.session.call('imports.commit', { plan }));
    expect(result.batch).toBe('#1');
    expect(countDepartments()).toBeGreaterThan(0);
    const history = value<ImportBatch[]>(await ws.session.call('imports.history', {}));
    expect(history.map((b) => [b.batch, b.fileName])).toEqual([['#1', 'departments.csv']]);
    const undone = value<{ label: string }>(await ws.session.call('imports.undoBatch', { batchId: result.batchId }));
    expect(undone.label).toBe('Undo import #1 (departments.csv)');
    expect(countDepartments()).toBe(0);
  });

  it('refuses what is not base64, too big, or not a spreadsheet, as data', async () => {
    const notBase64 = await ws.session.call('imports.preview', { file: { name: 'x.csv', base64: 'not base64!' }, options: {} });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not base64/) } });
    const big = 'A'.repeat((maxImportFileBytes / 3) * 4 + 4);
    const tooBig = await ws.session.call('imports.preview', { file: { name: 'big.csv', base64: big }, options: {} });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 12 MB/) } });
    const fake = await ws.session.call('imports.preview', { file: { name: 'fake.xlsx', base64: Buffer.from('just text').toString('base64') }, options: {} });
    expect(fake).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^fake\.xlsx /) } });
    const empty = await ws.session.call('imports.preview', { file: { name: 'empty.csv', base64: '' }, options: {} });
    expect(empty).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/empty/) } });
    expect(countDepartments()).toBe(0);
  });

  it('turns a rejected async handler into an internal error, never a rejection', async () => {
    const quiet = createLogger('test');
    const handlers = { 'workspace.info': () => Promise.reject(new Error('boom')) } as unknown as Handlers;
    await expect(dispatch(handlers, 'workspace.info', {}, { ...quiet, error: () => undefined })).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
