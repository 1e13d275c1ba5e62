// What a killed restore leaves beside its target (its temporary workspace and journals) is cleared
// by the next restore into that target; a restore still running in another process is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { siblingsExport } from '../../helpers/big-export';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-restore-temp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process id that is surely not running: a child that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('temporary files of a restore', () => {
  it("clears a killed restore's leftovers, keeps a running one's, and leaves only the new workspace", () => {
    const target = join(dir, 'new.sqlite');
    const dead = deadPid();
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(`${target}.${dead}.restoring${suffix}`, 'half a workspace');
    // Our own pid: a leftover of an earlier run that had it (ids are reused), not a restore in progress.
    writeFileSync(`${target}.${process.pid}.restoring`, 'half a workspace');
    // The parent of this process is running: its file may be a restore in progress.
    const running = `${target}.${process.ppid}.restoring`;
    writeFileSync(running, 'being written');
    // Another workspace's temporary file is not this restore's business.
    writeFileSync(join(dir, `other.sqlite.${dead}.restoring`), 'theirs');

    restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(siblingsExport(3))), 'small.json').doc);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`new.sqlite`, `new.sqlite.${process.ppid}.restoring`, `other.sqlite.${dead}.restoring`].sort());
  });
});
