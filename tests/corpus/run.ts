/**
 * `npm run import-corpus`: imports every file of the real-files corpus (tests/corpus/files) into
 * its own fresh workspace, as the CLI would, and compares what was written with the expected
 * result computed independently (manifest.json, expected.py). Prints one line per file — OK,
 * REFUSED (with the importer's first line) or WRONG (with the differences) — and a summary.
 * Exits 1 only if a file was imported WRONG: refusals are allowed, wrong numbers are not.
 *
 *   npm run import-corpus                      all files
 *   npm run import-corpus -- --only a.csv,b.csv
 *   npm run import-corpus -- --json            the outcomes as JSON
 */
import { parseArgs } from 'node:util';
import { report, runCorpus } from './corpus';

const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'boolean' } } });
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const started = performance.now();
const { outcomes } = await runCorpus(only ? { only } : {});
const summary = report(outcomes);
if (values.json) console.log(JSON.stringify({ outcomes, summary }, null, 2));
else {
  for (const line of summary.lines) console.log(line);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = summary.wrong.length > 0 ? 1 : 0;
