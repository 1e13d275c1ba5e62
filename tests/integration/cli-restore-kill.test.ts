// A restore killed part-way (SIGKILL, as a crash or a closed laptop lid would) must leave no file
// at the target: a half-made workspace there passed `check`, read as "never initialised" on
// export, and made the next `init --from` refuse to overwrite it. The CLI runs as a user runs it,
// in a child process, on a large generated export.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bigExport } from '../helpers/big-export';
import { cliNodeArgs, cliSandbox } from '../helpers/cli';

const sandbox = cliSandbox('qm-restore-kill-');

describe('init --from, killed part-way', () => {
  it('leaves no file at the target, and the next restore succeeds', { timeout: 180_000 }, async () => {
    // 100 teams × 20 accounts × 12 months: 24,000 budget lines and 24,000 actuals.
    writeFileSync(join(sandbox.dir, 'big.json'), JSON.stringify(bigExport(100, 20)));
    const child = spawn(process.execPath, cliNodeArgs(['init', 'new.sqlite', '--from', 'big.json']), { cwd: sandbox.dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    let done = false;
    void exited.then(() => (done = true));
    // Kill once it has started writing: a workspace file (by whatever name) exists beside the export.
    const started = Date.now();
    const writing = () => readdirSync(sandbox.dir).some((f) => f.startsWith('new.sqlite'));
    while (!done && !writing() && Date.now() - started < 120_000) await sleep(10);
    expect(done, 'the restore finished before it could be killed; make the export bigger').toBe(false);
    // Let it write a while: a file with the schema and some rows in it.
    await sleep(300);
    expect(done, 'the restore finished before it could be killed; make the export bigger').toBe(false);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(existsSync(join(sandbox.dir, 'new.sqlite'))).toBe(false);
    const again = sandbox.cli('init', 'new.sqlite', '--from', 'big.json');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^created new\.sqlite from big\.json \(export version 2: 101 departments, 0 people, 24000 budget lines, 24000 actuals/);
    expect(sandbox.cli('check', 'new.sqlite').status).toBe(0);
    // What the killed run left under its temporary name was cleared by the second.
    expect(readdirSync(sandbox.dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });
});
