/**
 * `npm run security:check`: the Electron security lint of RELIABILITY E7, offline.
 *
 * Runs @doyensec/electronegativity over electron/ exactly as the handbook's command does
 * (`-i electron -r -x AvailableSecurityFixesGlobalCheck -e <version>`, the version being the
 * Electron installed from the lockfile, since the tool cannot detect it from electron/), prints
 * every finding, and exits 1 on any HIGH finding or on any file the tool could not parse (its
 * checks did not run there); MEDIUM and LOW findings are printed for review and do not fail.
 *
 *   node build/security-check.mjs [--output report.csv]   (the CSV has the columns of the tool's own)
 *
 * Why not the tool's CLI: it exits 0 whatever it finds, and before scanning it fetches updated
 * translations from the internet, twice, with retries (several seconds when offline). This runs the
 * package's own entry point (its "main", the runner the CLI calls) with the English texts the
 * package ships, so nothing touches the network. AvailableSecurityFixesGlobalCheck is the one
 * check that needs the internet (Electron release data) and is left out, as in the handbook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

export const scannedDir = 'electron';
export const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

/**
 * @typedef {{ value: number, name: string }} Level
 * @typedef {{ id: string, file: string, location: { line: number, column: number }, description: string,
 *   severity: Level, confidence: Level, manualReview?: boolean, sample?: string }} Finding
 * @typedef {{ file?: string, message?: string, tolerable?: boolean }} ScanError
 * @typedef {{ globalChecks: number, atomicChecks: number, errors: ScanError[], issues: Finding[] }} ScanResult
 */

/**
 * What fails the check: every HIGH finding, and every file the tool could not parse.
 * @param {ScanResult} result
 */
export function verdict(result) {
  const high = result.issues.filter((issue) => issue.severity.name === 'HIGH');
  const unparsed = result.errors.filter((error) => !error.tolerable);
  return { high, unparsed, ok: high.length === 0 && unparsed.length === 0 };
}

/** @param {Finding} issue */
export function findingLine(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const review = issue.manualReview ? ' (review)' : '';
  return `${issue.severity.name.padEnd(6)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}  ${issue.description}${review}`;
}

/** @param {string | undefined} value */
const csvField = (value) => (value == null ? 'N/A' : `"${value.replace(/"/g, '""')}"`);

/**
 * The findings as the tool's CLI writes them with -o report.csv. Written here, in one synchronous
 * write: the tool's own writer appends without waiting, so a prompt exit can leave the file empty.
 * @param {Finding[]} issues
 */
export function findingsCsv(issues) {
  const header = 'issue, severity, confidence, filename, location, sample, description, url';
  const rows = issues.map((issue) =>
    [
      issue.id,
      csvField(issue.severity.name),
      csvField(issue.confidence.name),
      csvField(issue.file),
      csvField(`${issue.location.line}:${issue.location.column}`),
      csvField(issue.sample),
      csvField(issue.description),
      `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
    ].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/** The Electron the app ships: the one installed from the lockfile. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof pkg.version !== 'string') throw new Error('node_modules/electron/package.json names no version');
  return pkg.version;
}

/**
 * Loads the tool's runner with its translations set up from the files it ships, instead of its
 * loader that first asks the internet. The replacement is put in the module cache under the
 * loader's own file name, so the runner's require('./locales/i18n') gets it.
 * @returns {(options: object) => Promise<ScanResult>}
 */
function loadRunner() {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const toolRequire = createRequire(runnerPath);
  const loaderPath = toolRequire.resolve('./locales/i18n');
  const i18n = toolRequire('i18n');
  const offlineTranslations = () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(loaderPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  const replacement = new Module(loaderPath);
  replacement.filename = loaderPath;
  replacement.loaded = true;
  replacement.exports = offlineTranslations;
  require.cache[loaderPath] = replacement;
  return toolRequire(runnerPath);
}

/**
 * Runs the tool over one folder with the handbook's options.
 * @param {string} input the folder to scan
 */
export async function scan(input) {
  const version = electronVersion();
  const run = loadRunner();
  const result = await run({
    input,
    isSarif: false,
    customScan: [],
    excludeFromScan: excludedChecks.map((check) => check.toLowerCase()),
    isRelative: true,
    electronVersionOverride: version,
    parserPlugins: [],
  });
  return { version, result };
}

/** @param {string[]} argv */
async function main(argv) {
  let output;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--output' && argv[i + 1]) output = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (only --output <file.csv>)`);
  }
  const { version, result } = await scan(join(root, scannedDir));
  if (output) writeFileSync(output, findingsCsv(result.issues));
  const sorted = [...result.issues].sort((a, b) => b.severity.value - a.severity.value || a.id.localeCompare(b.id));
  for (const issue of sorted) console.log(findingLine(issue));
  for (const error of result.errors) {
    console.log(`${error.tolerable ? 'NOTE  ' : 'ERROR '} could not fully parse ${error.file}: ${error.message}`);
  }
  const { high, unparsed, ok } = verdict(result);
  const summary =
    `electronegativity (${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${version}) on ${scannedDir}/: ` +
    `${result.issues.length} finding(s), ${high.length} HIGH, ${unparsed.length} unparsed file(s)`;
  if (ok) {
    console.log(`${summary}. OK`);
    return 0;
  }
  for (const issue of high) console.error(`HIGH ${issue.id}: https://github.com/doyensec/electronegativity/wiki/${issue.id}`);
  console.error(`${summary}. FAILED: fix every HIGH finding, or silence a false one where it is with a reasoned comment.`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error('security:check could not run:', err);
      process.exit(2);
    },
  );
}
