// The Electron build of better-sqlite3's addon: where the main process looks for it, where the
// prepare script puts it (the same place), and what the prepare script decides without the network.
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// The binding path must be computable without Electron (as in the other tests here, electron is
// mocked: requiring the real package from plain Node would try to download its binary).
vi.mock('electron', () => ({}));

const { missingBindingMessage, sqliteBindingEnv, sqliteBindingPath } = await import('../../../electron/main/native-binding');

interface PrepareScript {
  sourceParts: string[];
  addonPath(root: string, electronVersion: string): string;
  planPrepare(input: { root: string; electronVersion: string; platform: string; arch: string; exists: (path: string) => boolean }):
    | { action: 'skip'; target: string }
    | { action: 'build'; target: string; prebuildArgs: string[] };
  npmConfigToDrop(env: Record<string, string | undefined>): string[];
}

const root = resolve(import.meta.dirname, '../../..');
// A plain .mjs (it runs before any build), so it is loaded by URL and given its shape here.
const prepare = (await import(pathToFileURL(join(root, 'build/prepare-electron-sqlite.mjs')).href)) as PrepareScript;

describe('main process: better-sqlite3 binding path', () => {
  it('points into out/native/electron-<version> under the app in development', () => {
    expect(sqliteBindingPath('/home/dev/quartermaster', '45.4.1', false)).toBe(
      join('/home/dev/quartermaster', 'out/native/electron-45.4.1/better_sqlite3.node'),
    );
  });

  it('points at the unpacked copy beside app.asar in the packaged app', () => {
    expect(sqliteBindingPath('/opt/Quartermaster/resources/app.asar', '45.4.1', true)).toBe(
      join('/opt/Quartermaster/resources/app.asar.unpacked', 'out/native/electron-45.4.1/better_sqlite3.node'),
    );
    // asar disabled: the app folder is already real.
    expect(sqliteBindingPath('/opt/Quartermaster/resources/app', '45.4.1', true)).toBe(
      join('/opt/Quartermaster/resources/app', 'out/native/electron-45.4.1/better_sqlite3.node'),
    );
  });

  it('is exactly where the prepare script writes the addon, inside the unpacked out/native', () => {
    for (const version of ['45.4.1', '46.0.0-beta.2']) {
      const fromMain = sqliteBindingPath(root, version, false);
      expect(fromMain).toBe(prepare.addonPath(root, version));
      expect(relative(root, fromMain).split('\\').join('/')).toMatch(/^out\/native\//);
    }
  });

  it('names the variable core reads', () => {
    expect(sqliteBindingEnv).toBe('QM_SQLITE_BINDING');
  });

  it('says what to run when the addon is missing', () => {
    const dev = missingBindingMessage('/x/out/native/electron-45.4.1/better_sqlite3.node', false);
    expect(dev.content).toContain('npm start');
    expect(dev.content).toContain('/x/out/native/electron-45.4.1/better_sqlite3.node');
    const packaged = missingBindingMessage('/opt/Q/resources/app.asar.unpacked/out/native/electron-45.4.1/better_sqlite3.node', true);
    expect(packaged.content).not.toContain('npm');
    expect(packaged.content).toMatch(/install Quartermaster again/);
  });
});

describe('build/prepare-electron-sqlite.mjs decisions', () => {
  const base = { root: '/repo', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

  it('skips when the addon for this Electron version is already there', () => {
    const asked: string[] = [];
    const plan = prepare.planPrepare({ ...base, exists: (p) => (asked.push(p), true) });
    expect(plan).toEqual({ action: 'skip', target: join('/repo', 'out/native/electron-45.4.1/better_sqlite3.node') });
    expect(asked).toEqual([plan.target]);
  });

  it('otherwise builds for the installed Electron version, platform and arch', () => {
    const plan = prepare.planPrepare({ ...base, platform: 'darwin', arch: 'arm64', exists: () => false });
    expect(plan).toEqual({
      action: 'build',
      target: join('/repo', 'out/native/electron-45.4.1/better_sqlite3.node'),
      prebuildArgs: ['--runtime', 'electron', '--target', '45.4.1', '--arch', 'arm64', '--platform', 'darwin'],
    });
  });

  it('a new Electron version gets its own addon instead of reusing the old one', () => {
    const exists = (p: string) => p === join('/repo', 'out/native/electron-45.4.1/better_sqlite3.node');
    expect(prepare.planPrepare({ ...base, exists }).action).toBe('skip');
    expect(prepare.planPrepare({ ...base, electronVersion: '45.5.0', exists }).action).toBe('build');
  });

  it('copies the sources a build needs, never the Node build in build/', () => {
    expect(prepare.sourceParts).toEqual(expect.arrayContaining(['package.json', 'binding.gyp', 'src', 'deps', 'lib']));
    expect(prepare.sourceParts).not.toContain('build');
  });

  it('drops the npm settings that would build for Node (nodedir) or another target, and keeps the rest', () => {
    const env = {
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_build_from_source: 'true',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ssl/certs/ca.pem',
      PATH: '/usr/bin',
    };
    expect(prepare.npmConfigToDrop(env).sort()).toEqual(['NPM_CONFIG_TARGET', 'npm_config_build_from_source', 'npm_config_nodedir', 'npm_config_runtime']);
  });
});
