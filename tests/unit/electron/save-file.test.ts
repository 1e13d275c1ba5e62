// Saving a file the page produced (desktop): only from the app's own window, only a valid
// request, only a name without a folder, and never over an existing file.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appOrigin } from '../../../electron/main/app-url';

vi.mock('electron', () => ({}));

const { createSaveFileListener, safeSuggestedName } = await import('../../../electron/main/save-file');
const { writeNewFile } = await import('../../../electron/core/fs/write-new-file');

const appFrame = { senderFrame: { url: `${appOrigin}/index.html#/plans` } };
const bytes = Buffer.from('PK\u0003\u0004 a workbook');
const request = { suggestedName: 'FY2027 · Base — budget templates.xlsx', base64: bytes.toString('base64') };

describe('save file (desktop)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qm-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only a file name the file system accepts', () => {
    expect(safeSuggestedName('FY2027 · Base — budget templates.xlsx')).toBe('FY2027 · Base — budget templates.xlsx');
    expect(safeSuggestedName('../../etc/passwd')).toBe('passwd');
    expect(safeSuggestedName('C:\\Users\\x\\a:b?.xlsx')).toBe('a-b-.xlsx');
    expect(safeSuggestedName('..')).toBe('Quartermaster export');
  });

  it('writes the bytes at the chosen path, suggesting the cleaned name, and leaves no temp file', async () => {
    const target = join(dir, 'out.xlsx');
    const asked: string[] = [];
    const listener = createSaveFileListener({ askPath: (name) => (asked.push(name), Promise.resolve(target)) });
    await expect(listener(appFrame, request)).resolves.toEqual({ saved: true, path: target });
    expect(asked).toEqual([request.suggestedName]);
    expect(readFileSync(target)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('refuses a foreign frame or a bad request before showing any dialog', async () => {
    let asked = 0;
    const listener = createSaveFileListener({ askPath: () => (asked++, Promise.resolve(join(dir, 'x.xlsx'))) });
    for (const frame of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }]) {
      expect(await listener(frame, request)).toMatchObject({ saved: false, error: expect.any(String) as string });
    }
    for (const bad of [null, 'x', {}, { ...request, base64: 'not base64!' }, { ...request, extra: 1 }, { ...request, suggestedName: '' }]) {
      expect(await listener(appFrame, bad)).toMatchObject({ saved: false, error: expect.any(String) as string });
    }
    expect(asked).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers saved:false when the dialog is cancelled', async () => {
    const listener = createSaveFileListener({ askPath: () => Promise.resolve(null) });
    await expect(listener(appFrame, request)).resolves.toEqual({ saved: false });
  });

  it('never replaces a file that appeared after the dialog, and cleans up its temp file', async () => {
    const target = join(dir, 'taken.xlsx');
    writeFileSync(target, 'keep me');
    const listener = createSaveFileListener({ askPath: () => Promise.resolve(target) });
    const answer = await listener(appFrame, request);
    expect(answer).toMatchObject({ saved: false, error: expect.stringContaining('already exists') as string });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['taken.xlsx']);
    expect(() => writeNewFile(target, bytes)).toThrow(/already exists/);
  });
});
