// Usage errors and help, in-process (the same runCli the entry point calls): every malformed
// command line exits 2 with the usage text and touches no file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess as run, tempDirForFile } from '../helpers/cli';

const temp = tempDirForFile('qm-cli-usage-');

describe('cli usage', () => {
  it.each([[['--help']], [['-h']], [['help']], [['init', '--help']], [['export', '-h']]])('%j prints usage with exit 0', (args) => {
    const r = run(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run cli/);
    expect(r.stderr).toBe('');
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['__proto__']],
    [['toString']],
    [['init']],
    [['init', 'a.sqlite', 'b.sqlite']],
    [['init', 'x.sqlite', '--currency', 'usd']],
    [['init', 'x.sqlite', '--currency', 'DOLLARS']],
    [['init', 'x.sqlite', '--currency']],
    [['init', 'x.sqlite', '--fiscal-start-month', '13']],
    [['init', 'x.sqlite', '--fiscal-start-month', '0']],
    [['init', 'x.sqlite', '--fiscal-start-month', '1.5']],
    [['init', 'x.sqlite', '--fiscal-start-month', 'april']],
    [['init', 'x.sqlite', '--demo', '--as-of', '2026-02-30']],
    [['init', 'x.sqlite', '--demo', '--as-of', '21/11/2026']],
    [['init', 'x.sqlite', '--as-of', '2026-11-21']],
    [['init', 'x.sqlite', '--name', '  ']],
    [['init', 'x.sqlite', '--colour', 'blue']],
    [['init', 'x.sqlite', '--demo=yes']],
    [['export']],
    [['export', 'acme.sqlite', '--format', 'xml']],
    [['export', 'acme.sqlite', '--out']],
    [['export', 'acme.sqlite', '--out', '']],
    [['check']],
    [['check', 'a.sqlite', 'b.sqlite']],
    [['check', 'acme.sqlite', '--fix']],
  ])('%j is a usage error: exit 2, usage on stderr, nothing created', (args) => {
    const r = run(args.map((a) => (a.endsWith('.sqlite') ? join(temp.dir, a) : a)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run cli/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(temp.dir, 'x.sqlite'))).toBe(false);
  });
});
