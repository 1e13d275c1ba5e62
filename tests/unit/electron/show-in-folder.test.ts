// "Show in folder" (desktop): main reveals only files its own save dialog wrote during this run,
// asked from the app's own window; any other path is refused without touching the shell.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appOrigin } from '../../../electron/main/app-url';

vi.mock('electron', () => ({}));

const { createSavedFiles, createSaveFileListener, createShowInFolderListener } = await import('../../../electron/main/save-file');

const appFrame = { senderFrame: { url: `${appOrigin}/index.html` } };
const request = { suggestedName: 'Board pack.pdf', base64: Buffer.from('%PDF-1.7').toString('base64') };

describe('show in folder (desktop)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qm-reveal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setup(target: string | null) {
    const saved = createSavedFiles();
    const revealed: string[] = [];
    const save = createSaveFileListener({ askPath: () => Promise.resolve(target), saved });
    const show = createShowInFolderListener({ saved, reveal: (path) => void revealed.push(path) });
    return { saved, revealed, save, show };
  }

  it('reveals a file the save dialog wrote in this run', async () => {
    const target = join(dir, 'pack.pdf');
    const { revealed, save, show } = setup(target);
    await expect(save(appFrame, request)).resolves.toEqual({ saved: true, path: target });
    expect(show(appFrame, target)).toEqual({ shown: true });
    // The same file named another way (a redundant segment) is still that file.
    expect(show(appFrame, join(dir, '.', 'sub', '..', 'pack.pdf'))).toEqual({ shown: true });
    expect(revealed).toEqual([target, target]);
  });

  it('refuses paths it did not save, relative paths and junk, revealing nothing', async () => {
    const target = join(dir, 'pack.pdf');
    const { revealed, save, show } = setup(target);
    await save(appFrame, request);
    for (const other of [join(dir, 'other.pdf'), dir, '/etc/passwd', 'pack.pdf', '', null, 42, { path: target }, [target], 'x'.repeat(5000)]) {
      expect(show(appFrame, other)).toMatchObject({ shown: false, error: expect.any(String) as string });
    }
    expect(revealed).toEqual([]);
  });

  it('refuses a foreign frame even for a saved path', async () => {
    const target = join(dir, 'pack.pdf');
    const { revealed, save, show } = setup(target);
    await save(appFrame, request);
    for (const frame of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, { senderFrame: { url: 'file:///tmp/x.html' } }]) {
      expect(show(frame, target)).toMatchObject({ shown: false, error: expect.any(String) as string });
    }
    expect(revealed).toEqual([]);
  });

  it('remembers nothing for a cancelled dialog or a refused write', async () => {
    const cancelled = setup(null);
    await expect(cancelled.save(appFrame, request)).resolves.toEqual({ saved: false });
    expect(cancelled.show(appFrame, join(dir, 'pack.pdf')).shown).toBe(false);

    const bad = setup(join(dir, 'missing-folder', 'pack.pdf'));
    expect((await bad.save(appFrame, request)).saved).toBe(false);
    expect(bad.show(appFrame, join(dir, 'missing-folder', 'pack.pdf')).shown).toBe(false);
    expect([...cancelled.revealed, ...bad.revealed]).toEqual([]);
  });

  it('answers with an error, never a throw, when the shell fails', async () => {
    const target = join(dir, 'pack.pdf');
    const saved = createSavedFiles();
    await createSaveFileListener({ askPath: () => Promise.resolve(target), saved })(appFrame, request);
    const show = createShowInFolderListener({
      saved,
      reveal: () => {
        throw new Error('no file manager');
      },
    });
    expect(show(appFrame, target)).toMatchObject({ shown: false, error: expect.any(String) as string });
  });

  it('keeps separate runs apart: one allow-list per createSavedFiles', async () => {
    const target = join(dir, 'pack.pdf');
    const first = setup(target);
    await first.save(appFrame, request);
    expect(createSavedFiles().has(target)).toBe(false);
    expect(first.saved.has(target)).toBe(true);
  });
});
