/**
 * Only a regular file is read (regular-file.ts). A FIFO used to hang the reader — and the CLI
 * with it, since a worker blocked in a read cannot be terminated — and /dev/zero or /dev/urandom
 * passed the size check (they report size 0) and were read until memory ran out. Each case runs
 * against a deadline, so a regression fails instead of hanging the suite.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookContained } from '../../../electron/core/imports/read/read-contained';
import { readRegularFile } from '../../../electron/core/imports/read/regular-file';
import { cliSandbox } from '../../helpers/cli';

const canMakeFifo = process.platform !== 'win32';

let dir = '';
let fifo = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-special-'));
  fifo = join(dir, 'budget.csv');
  if (canMakeFifo) execFileSync('mkfifo', [fifo]);
});
afterAll(() => {
  unblock();
  rmSync(dir, { recursive: true, force: true });
});

/** Lets a reader stuck on the FIFO go (a writer that opens and closes), so a failing test still ends. */
function unblock(): void {
  if (!fifo || !existsSync(fifo)) return;
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting: nothing to let go.
  }
}

/** The refusal `read` ends with, or a failure naming the deadline it missed. */
async function refusalWithin(read: Promise<unknown>, ms: number): Promise<Error> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still reading after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([read, deadline]);
  } catch (err) {
    return err as Error;
  } finally {
    clearTimeout(timer);
    unblock();
  }
  throw new Error('the read succeeded');
}

describe.runIf(canMakeFifo)('a FIFO', () => {
  it('is refused at once by the contained reader, naming what it is', async () => {
    const err = await refusalWithin(readWorkbookContained(fifo, 'budget.csv'), 10_000);
    expect(err.message).toBe('budget.csv is not a regular file (it is a pipe (FIFO)); import a spreadsheet saved as a file.');
  });

  it('is refused by the worker side too, on the file it opened (no window for a swap)', async () => {
    const err = await refusalWithin(Promise.resolve().then(() => readRegularFile(fifo, 'budget.csv', 1024)), 10_000);
    expect(err.message).toMatch(/^budget\.csv is not a regular file \(it is a pipe/);
  });
});

describe.runIf(existsSync('/dev/zero'))('devices that never end', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    it(`${device} is refused before a byte is read`, async () => {
      const started = performance.now();
      const err = await refusalWithin(readWorkbookContained(device, 'zero.csv'), 10_000);
      expect(err.message).toBe('zero.csv is not a regular file (it is a device); import a spreadsheet saved as a file.');
      expect(() => readRegularFile(device, 'zero.csv', 1024)).toThrow(/is not a regular file \(it is a device\)/);
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }
});

describe('other paths', () => {
  it('a folder is refused; a missing file says it could not be opened', async () => {
    expect((await refusalWithin(readWorkbookContained(dir, 'folder.csv'), 10_000)).message).toBe(
      'folder.csv is not a regular file (it is a folder); import a spreadsheet saved as a file.',
    );
    expect((await refusalWithin(readWorkbookContained(join(dir, 'missing.csv'), 'missing.csv'), 10_000)).message).toBe('missing.csv could not be opened.');
  });

  it('a regular file is read, and one over the size cap is refused without reading it', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const wb = await readWorkbookContained(file, 'ok.csv');
    expect(wb.sheets[0]!.rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => readRegularFile(file, 'ok.csv', 4)).toThrow('ok.csv is larger than 1 KB; Quartermaster does not import files that big.');
  });
});

describe.runIf(canMakeFifo)('the CLI', () => {
  const sandbox = cliSandbox('qm-special-cli-', { timeout: 60_000 });

  it('refuses a FIFO and exits instead of hanging', () => {
    expect(sandbox.cli('init', 'ws.sqlite', '--name', 'Larkspur Freight').status).toBe(0);
    const run = sandbox.cli('import', 'ws.sqlite', fifo);
    // spawnSync's timeout kills a hung CLI: status null and signal SIGTERM would say it hung.
    expect(run.status, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('budget.csv is not a regular file (it is a pipe (FIFO))');
  }, 120_000);
});
