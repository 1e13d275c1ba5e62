// A restore killed part-way (SIGKILL, as a crash or a closed laptop lid would) must leave no file
// at the target: a half-made workspace there passed `check`, read as "never initialised" on
// export, and made the next `init --from` refuse to overwrite it. The CLI runs as a user runs it,
// in a child process, on a large generated export.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bigExport } from '../helpers/big-export';
import { cliNodeArgs, cliSandbox } from '../helpers/cli';

const sandbox = cliSandbox('qm-restore-kill-');

describe('init --from, killed part-way', () => {
  it('leaves no file at the target, and the next restore succeeds', { timeout: 180_000 }, async () => {
    // 300 teams × 25 accounts × 12 months: 90,000 budget lines and 90,000 actuals.
    writeFileSync(join(sandbox.dir, 'big.json'), JSON.stringify(bigExport(300, 25)));
    const child = spawn(process.execPath, cliNodeArgs(['init', 'new.sqlite', '--from', 'big.json']), { cwd: sandbox.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    let done = false;
    void exited.then(() => (done = true));
    // Kill once it is writing rows: a workspace file (by whatever name) beside the export, whose
    // write-ahead log holds more than a megabyte of them.
    const started = Date.now();
    const writing = () =>
      readdirSync(sandbox.dir).some((f) => {
        if (!f.startsWith('new.sqlite') || !f.endsWith('-wal')) return false;
        try {
          return statSync(join(sandbox.dir, f)).size > 1024 * 1024;
        } catch {
          return false;
        }
      });
    while (!done && !writing() && Date.now() - started < 120_000) await sleep(5);
    expect(done, `the restore ended before it could be killed (make the export bigger): ${stderr}`).toBe(false);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(existsSync(join(sandbox.dir, 'new.sqlite'))).toBe(false);
    const again = sandbox.cli('init', 'new.sqlite', '--from', 'big.json');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^created new\.sqlite from big\.json \(export version 2: 301 departments, 0 people, 90000 budget lines, 90000 actuals/);
    expect(sandbox.cli('check', 'new.sqlite').status).toBe(0);
    // What the killed run left under its temporary name was cleared by the second.
    expect(readdirSync(sandbox.dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });
});
