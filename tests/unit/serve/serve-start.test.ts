// `npm run serve` as a process: one line with the address, refusal of a missing file unless
// --create, and a clean close of the database on Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
// Resolved here, not by the child: its working folder is a temp folder without node_modules.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const start = join(root, 'electron/serve/start.ts');
let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-serve-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quartermaster</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serveOnce(args: string[]) {
  return spawnSync(process.execPath, ['--import', tsxLoader, start, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
}

describe('serve start', () => {
  it('refuses a file that does not exist without --create', () => {
    const run = serveOnce([join(dir, 'missing.sqlite'), '--renderer', rendererDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--create/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('rejects bad flags with exit 2', () => {
    expect(serveOnce(['--port', 'eighty']).status).toBe(2);
    expect(serveOnce(['--bogus']).status).toBe(2);
  });

  it('prints one line with the tokened address, serves, and closes the database on SIGINT', async () => {
    const file = join(dir, 'new.sqlite');
    const child = spawn(process.execPath, ['--import', tsxLoader, start, file, '--create', '--port', '0', '--renderer', rendererDir], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolveLine, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${stderr}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolveLine(stdout.split('\n')[0]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const match = /^Quartermaster serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]{32,})$/.exec(line);
    expect(match, line).not.toBeNull();
    expect(match![1]).toBe(file);
    const [, , base, , token] = match!;

    const info = await fetch(`${base}api/workspace.info`, { method: 'POST', headers: { 'x-qm-token': token!, 'content-type': 'application/json' }, body: '{}' });
    expect(await info.json()).toMatchObject({ ok: true, value: { name: 'new', currency: 'USD' } });
    expect((await fetch(`${base}api/workspace.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(existsSync(`${file}-wal`)).toBe(true);

    const code = await new Promise<number | null>((done) => {
      child.once('exit', (c) => done(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    // The last connection closing checkpoints and removes the WAL: the database was closed cleanly.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
