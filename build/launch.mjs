/**
 * `npm run cli -- …` and `npm run serve -- …` run the built JavaScript in out/node/ (see
 * vite.node.config.ts) with node. This launcher first makes sure the build is current:
 *
 *   node build/launch.mjs cli  <args…>   rebuilds out/node/ if stale, then runs out/node/cli.js
 *   node build/launch.mjs serve <args…>  likewise for out/node/serve.js
 *   node build/launch.mjs build          rebuilds out/node/ if stale, runs nothing
 *
 * "Stale" means the fingerprint of the sources (path, size and modification time of every file
 * under electron/ and shared/, plus the build's config) differs from the one stored with the
 * build: an edit, a new or deleted file, or a checkout of older files all count. Checking costs a
 * few milliseconds (a stat per file); a rebuild takes a few seconds and prints one line to stderr,
 * so the command's own standard output stays clean.
 *
 * Concurrent launchers (parallel tests) build once: a lock folder serialises builds, each build
 * goes to a folder of its own and is renamed into place whole.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'out', 'node');
const stampFile = join(outDir, '.sources');
const lockDir = join(root, 'out', '.node-build.lock');
const entries = { cli: 'cli.js', serve: 'serve.js' };
// The desktop shell and its preload are built by electron-vite; nothing under them reaches out/node.
const skipped = new Set(['electron/main', 'electron/preload']);

/** @param {string} dir @param {string[]} acc */
function walk(dir, acc) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      if (!skipped.has(rel)) walk(path, acc);
    } else {
      const s = statSync(path);
      acc.push(`${rel}\t${s.size}\t${s.mtimeMs}`);
    }
  }
  return acc;
}

export function sourceFingerprint() {
  const lines = walk(join(root, 'electron'), walk(join(root, 'shared'), []));
  for (const file of ['vite.node.config.ts', 'package.json', 'build/launch.mjs']) {
    const s = statSync(join(root, file));
    lines.push(`${file}\t${s.size}\t${s.mtimeMs}`);
  }
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

function builtFingerprint() {
  try {
    return readFileSync(stampFile, 'utf8').trim();
  } catch {
    return null;
  }
}

/** @param {number} ms */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock, waiting for another launcher's build; a lock older than 5 minutes is abandoned. */
function lock() {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      sleep(100);
    }
  }
}

/** Rebuilds out/node/ when its sources changed; returns false if the build failed. */
export function ensureBuilt() {
  if (existsSync(join(outDir, entries.cli)) && builtFingerprint() === sourceFingerprint()) return true;
  lock();
  try {
    // Taken before the build: a source edited while it runs makes the next start rebuild.
    const fingerprint = sourceFingerprint();
    if (existsSync(join(outDir, entries.cli)) && builtFingerprint() === fingerprint) return true;
    process.stderr.write('Building the CLI and serve mode into out/node/ (sources changed) …\n');
    const temp = join(root, 'out', `node.building-${process.pid}`);
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const run = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'vite.node.config.ts')], {
      cwd: root,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, QM_NODE_OUT_DIR: relative(root, temp) },
    });
    if (run.status !== 0) {
      rmSync(temp, { recursive: true, force: true });
      process.stderr.write(`The build failed (vite exited with ${run.status ?? run.signal}); see above.\n`);
      return false;
    }
    writeFileSync(join(temp, '.sources'), `${fingerprint}\n`);
    const old = join(root, 'out', `node.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
    rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function main() {
  const [what, ...args] = process.argv.slice(2);
  if (what === 'build') {
    process.exitCode = ensureBuilt() ? 0 : 1;
    return;
  }
  if (what !== 'cli' && what !== 'serve') {
    process.stderr.write('usage: node build/launch.mjs cli|serve|build [arguments…]\n');
    process.exitCode = 2;
    return;
  }
  if (!ensureBuilt()) {
    process.exitCode = 70;
    return;
  }
  // Run in this process (no second node start): the entry reads its arguments from process.argv.
  const entry = join(outDir, entries[what]);
  process.argv = [process.argv[0] ?? process.execPath, entry, ...args];
  await import(pathToFileURL(entry).href);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
