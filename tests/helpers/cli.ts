/**
 * The CLI as a user runs it: the built entry point (out/node/cli.js, what `npm run cli` runs; it is
 * rebuilt first when a source changed) in a child process, in a temp folder made before a file's
 * tests and removed after them; or in-process, through runCli (the same router and commands).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';

export const repoRoot = resolve(import.meta.dirname, '../..');
const entry = join(repoRoot, 'out/node/cli.js');
let built = false;

/** Brings out/node/ up to date with the sources (checked once per test file; a few ms when it is). */
export function ensureCliBuilt(): void {
  if (built) return;
  const run = spawnSync(process.execPath, [join(repoRoot, 'build/launch.mjs'), 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not build the CLI (node build/launch.mjs build):\n${run.stderr}`);
  built = true;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnCliOptions {
  /** Kills the child after this many ms: a CLI that does not exit (say, held open by a worker) fails. */
  timeout?: number;
}

/** The node arguments that run the CLI entry point with `args`, for a child process started otherwise (spawn). */
export function cliNodeArgs(args: string[]): string[] {
  ensureCliBuilt();
  return [entry, ...args];
}

/** Runs the CLI with `args` in a child process whose working folder is `cwd`. */
export function spawnCli(cwd: string, args: string[], opts: SpawnCliOptions = {}): CliRun {
  const run = spawnSync(process.execPath, cliNodeArgs(args), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.timeout === undefined ? {} : { timeout: opts.timeout }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface InProcessRun {
  status: number | Promise<number>;
  stdout: string;
  stderr: string;
}

/** Runs runCli in this process with today fixed at 2026-11-21; each line written is joined with "\n". */
export function cliInProcess(args: string[]): InProcessRun {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: () => '2026-11-21' });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

export interface TempDir {
  /** The folder; set from the file's first beforeAll on. */
  readonly dir: string;
}

/** A temp folder (`prefix` + random) made in beforeAll and removed in afterAll; call at the top of a test file. */
export function tempDirForFile(prefix: string): TempDir {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      if (dir === undefined) throw new Error('the temp folder is made in beforeAll');
      return dir;
    },
  };
}

export interface CliSandbox extends TempDir {
  /** Runs the CLI in a child process in the temp folder. */
  cli(...args: string[]): CliRun;
}

export interface CliSandboxOptions extends SpawnCliOptions {
  /** A file name: `init <demo> --demo --as-of 2026-11-21` runs (and must exit 0) before the tests. */
  demo?: string;
}

/** A temp folder for the file's tests (see tempDirForFile) and the CLI run in it. */
export function cliSandbox(prefix: string, opts: CliSandboxOptions = {}): CliSandbox {
  const folder = tempDirForFile(prefix);
  const sandbox: CliSandbox = {
    get dir() {
      return folder.dir;
    },
    cli: (...args: string[]) => spawnCli(folder.dir, args, { timeout: opts.timeout }),
  };
  const demo = opts.demo;
  if (demo !== undefined) {
    beforeAll(() => {
      expect(sandbox.cli('init', demo, '--demo', '--as-of', '2026-11-21').status).toBe(0);
    });
  }
  return sandbox;
}

/** The file's SHA-256 in hex: compare before and after to prove a refused command left it alone. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
