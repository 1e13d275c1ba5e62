/**
 * Starts the real app in serve mode on a fresh workspace for each test: real renderer, real
 * handlers, real SQLite. `app` is the demo workspace; `emptyApp` is a new, empty one (for
 * building a workspace from imports). The URL (with its per-launch token) is read from serve's stdout.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const screenshotDir = join(root, 'tests/output/screenshots');

// The built serve mode and CLI (out/node/), as `npm run serve` / `npm run cli` run them: the
// launcher rebuilds them first if a source changed.
function launch(args: string[]) {
  return [join(root, 'build/launch.mjs'), ...args];
}

export interface ServedApp {
  url: string;
  workspace: string;
  /** Runs a CLI command against the workspace (e.g. to read the JSON export). */
  cli(args: string[]): { status: number | null; stdout: string; stderr: string };
}

export async function startServe(workspace: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, launch(['serve', workspace, '--port', '0']), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

export function cliIn(): ServedApp['cli'] {
  return (args) => {
    const r = spawnSync(process.execPath, launch(['cli', ...args]), { cwd: root, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

async function serveFresh(initArgs: (workspace: string) => string[], use: (app: ServedApp) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qm-e2e-'));
  const workspace = join(dir, 'workspace.sqlite');
  const cli = cliIn();
  const init = cli(initArgs(workspace));
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const { url, child } = await startServe(workspace);
  try {
    await use({ url, workspace, cli });
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export const test = base.extend<{ app: ServedApp; emptyApp: ServedApp }>({
  app: async ({}, use) => {
    await serveFresh((workspace) => ['init', workspace, '--demo', '--as-of', '2026-11-21'], use);
  },
  emptyApp: async ({}, use) => {
    await serveFresh((workspace) => ['init', workspace, '--name', 'Larkspur Freight'], use);
  },
});

export { expect };

/** Opens the app and collects page errors and console errors: a test expects none. */
export async function openApp(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return errors;
}
