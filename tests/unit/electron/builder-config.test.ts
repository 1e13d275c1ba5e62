// E6: the packaging config switches the fuses off/on as required, ships the migrations, never
// rebuilds node_modules for Electron, unpacks the Electron build of the SQLite addon, and
// typechecks against electron-builder's own types.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMigrationsDir } from '../../../electron/core/db/migrations';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  directories?: { output?: string };
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}

const config = require(join(root, 'build/electron-builder.config.cjs')) as BuilderConfig;

describe('electron-builder config (E6)', () => {
  it('sets every fuse E6 asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('ships the build output and the migrations', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'migrations/**', 'package.json']));
    expect(config.directories?.output).toBe('dist');
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac?.target).toContain('dmg');
    expect(config.win?.target).toContain('nsis');
  });

  it('never rebuilds node_modules for Electron: the Node build there serves the CLI and tests', () => {
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    // Packaging and start prepare the Electron addon beside the app (out/native) instead.
    for (const script of ['start', 'dist']) {
      expect(pkg.scripts?.[script], script).toMatch(/electron-vite build && node build\/prepare-electron-sqlite\.mjs && /);
    }
  });

  it('unpacks the Electron build of the SQLite addon, and packs no Node build of it', () => {
    // A .node file is loaded by the OS from a real file, so out/native must sit outside app.asar.
    expect(config.asarUnpack).toEqual(['out/native/**']);
    expect(config.files).toEqual(expect.arrayContaining(['!node_modules/better-sqlite3/{build,deps,src}/**']));
  });

  it('never rebuilds native modules for Electron at install time', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const install = [pkg.scripts?.postinstall, pkg.scripts?.install, pkg.scripts?.preinstall].join(' ');
    expect(install).not.toMatch(/install-app-deps|electron-rebuild/);
  });

  it('typechecks against electron-builder’s Configuration type', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'build/tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('finds the migrations from the packaged layout (app.asar/out/main → app.asar/migrations)', () => {
    const app = mkdtempSync(join(tmpdir(), 'qm-asar-'));
    try {
      mkdirSync(join(app, 'out/main'), { recursive: true });
      mkdirSync(join(app, 'migrations/meta'), { recursive: true });
      writeFileSync(join(app, 'migrations/meta/_journal.json'), '{"entries":[]}');
      expect(findMigrationsDir(join(app, 'out/main'))).toBe(join(app, 'migrations'));
      expect(findMigrationsDir(join(root, 'out/main'))).toBe(join(root, 'migrations'));
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
