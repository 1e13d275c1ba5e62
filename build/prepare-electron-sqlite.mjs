// @ts-check
/**
 * Makes the Electron-ABI copy of better-sqlite3's native addon that the desktop main process
 * loads (through QM_SQLITE_BINDING), at out/native/electron-<version>/better_sqlite3.node.
 *
 * node_modules/better-sqlite3 keeps its Node build: the CLI, serve mode and the tests run on
 * Node, and an in-place rebuild for Electron would break them. So the package's sources are
 * copied to a temp folder and the Electron build happens there: a prebuilt download first
 * (no compiler needed), else a compile against Electron's headers. Both need the network once;
 * after that the file is reused until the Electron version changes.
 *
 * Plain Node ESM, no TypeScript: it runs before anything is built. Run by `npm start` and
 * `npm run dist`; safe to run again (it skips when the file is there).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a build of better-sqlite3 needs from its package; build/ (the Node binary) stays behind. */
export const sourceParts = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];

/**
 * npm passes its config to scripts as npm_config_* variables, and prebuild-install and node-gyp
 * obey them. A `nodedir` (set on machines that build offline against the local Node headers)
 * would silently build for Node instead of Electron; the others could change the target.
 */
export const targetChangingNpmConfig = ['nodedir', 'target', 'target_arch', 'runtime', 'arch', 'platform', 'disturl', 'dist_url', 'build_from_source'];

/**
 * Where the addon for one Electron version lives. electron/main/native-binding.ts reads the same path.
 * @param {string} root the project folder
 * @param {string} electronVersion
 */
export function addonPath(root, electronVersion) {
  return join(root, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/**
 * The decision, kept free of I/O so it can be tested without the network.
 * @param {{ root: string; electronVersion: string; platform: string; arch: string; exists: (path: string) => boolean }} input
 * @returns {{ action: 'skip'; target: string } | { action: 'build'; target: string; prebuildArgs: string[] }}
 */
export function planPrepare({ root, electronVersion, platform, arch, exists }) {
  const target = addonPath(root, electronVersion);
  if (exists(target)) return { action: 'skip', target };
  const prebuildArgs = ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform];
  return { action: 'build', target, prebuildArgs };
}

/**
 * The npm settings to remove from this process's environment before building (the build steps
 * inherit it).
 * @param {NodeJS.ProcessEnv} env
 * @returns {string[]}
 */
export function npmConfigToDrop(env) {
  const drop = new Set(targetChangingNpmConfig.map((name) => `npm_config_${name}`));
  return Object.keys(env).filter((key) => drop.has(key.toLowerCase()));
}

/**
 * @param {string} sqliteDir the installed package, whose dependencies include prebuild-install
 * @param {string} buildDir the temp copy to build in
 * @param {string[]} args
 * @returns {string | null} why it failed, or null when the addon is there
 */
function tryPrebuilt(sqliteDir, buildDir, args) {
  let bin;
  try {
    bin = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return 'prebuild-install is not installed';
  }
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: buildDir, encoding: 'utf8', timeout: 180_000 });
  if (run.status === 0 && existsSync(join(buildDir, 'build/Release/better_sqlite3.node'))) return null;
  const output = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
  return `prebuilt download failed (${run.error?.message ?? output})`;
}

/**
 * @param {string} buildDir the temp copy to build in
 * @param {string} electronVersion
 * @param {string} arch
 * @returns {Promise<string | null>} why it failed, or null when the addon is there
 */
async function tryCompile(buildDir, electronVersion, arch) {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    return '@electron/rebuild is not installed';
  }
  try {
    // buildPath is the copied package itself; projectRootPath stops the module search there, so
    // it can never wander up into the project's own node_modules. The prebuilt download was
    // already tried above, so go straight to a compile.
    await rebuild({ buildPath: buildDir, projectRootPath: buildDir, electronVersion, arch, force: true, buildFromSource: true, onlyModules: ['better-sqlite3'] });
    return existsSync(join(buildDir, 'build/Release/better_sqlite3.node')) ? null : 'the compile produced no addon';
  } catch (err) {
    return `compile failed (${err instanceof Error ? err.message : String(err)})`;
  }
}

/**
 * A build that loads in plain Node was made for Node's ABI (a stray nodedir, say), not Electron's.
 * @param {string} file
 */
function loadsInNode(file) {
  return spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { stdio: 'ignore' }).status === 0;
}

async function main() {
  for (const key of npmConfigToDrop(process.env)) delete process.env[key];
  const root = resolve(import.meta.dirname, '..');
  const require = createRequire(join(root, 'package.json'));
  const electronVersion = /** @type {{ version: string }} */ (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'))).version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const plan = planPrepare({ root, electronVersion, platform: process.platform, arch: process.arch, exists: existsSync });
  if (plan.action === 'skip') {
    console.log(`better-sqlite3 for Electron ${electronVersion}: already prepared (${plan.target})`);
    return;
  }

  const temp = mkdtempSync(join(tmpdir(), 'qm-electron-sqlite-'));
  const buildDir = join(temp, 'better-sqlite3');
  try {
    for (const part of sourceParts) cpSync(join(sqliteDir, part), join(buildDir, part), { recursive: true });
    const reasons = [];
    let how = 'downloaded a prebuilt addon';
    let failed = tryPrebuilt(sqliteDir, buildDir, plan.prebuildArgs);
    if (failed !== null) {
      reasons.push(failed);
      how = "compiled it against Electron's headers";
      failed = await tryCompile(buildDir, electronVersion, process.arch);
    }
    const built = join(buildDir, 'build/Release/better_sqlite3.node');
    if (failed === null && loadsInNode(built)) failed = 'the result is a Node build, not an Electron one';
    if (failed !== null) {
      reasons.push(failed);
      throw new Error(reasons.join('; '));
    }
    mkdirSync(dirname(plan.target), { recursive: true });
    // Copy then rename, so an interrupted copy never looks like a finished addon on the next run.
    copyFileSync(built, `${plan.target}.partial`);
    renameSync(`${plan.target}.partial`, plan.target);
    console.log(`better-sqlite3 for Electron ${electronVersion}: ${how} → ${plan.target}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((/** @type {unknown} */ err) => {
    console.error(
      `Could not prepare better-sqlite3 for Electron: ${err instanceof Error ? err.message : String(err)}\n` +
        "The first `npm start` (and `npm run dist`) needs the network, to fetch a prebuilt addon or Electron's headers — " +
        'as Electron itself fetches its runtime on first launch. Connect and run it again; node_modules is unchanged.',
    );
    process.exitCode = 1;
  });
}
