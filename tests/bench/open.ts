/**
 * How long opening a large workspace takes, next to a bare better-sqlite3 open of the same file:
 * `npx tsx tests/bench/open.ts [workspace.sqlite]`. Without a file it builds (once, cached in
 * .bench/) a workspace of QM_BENCH_OPEN_MB megabytes (default 1024), padded with change history.
 * Aim (issue 11): < 300 ms whatever the size; the deep check runs in the background, timed apart.
 * Prints figures; asserts nothing.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBackgroundCheck } from '../../electron/core/db/background-check';
import { checkWorkspaceFile, openWorkspace } from '../../electron/core/db/open-workspace';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** A valid workspace of about `mb` megabytes: audit rows of a few KB each, as a long history would hold. */
function buildPadded(path: string, mb: number): void {
  const temp = `${path}.building`;
  rmSync(temp, { force: true });
  rmSync(`${temp}-wal`, { force: true });
  openWorkspace(temp, { create: true }).close();
  const db = new Database(temp);
  db.pragma('journal_mode = WAL');
  const image = JSON.stringify({ id: 'x', note: 'history '.repeat(500) });
  const changes = db.prepare("INSERT INTO changes (id, seq, label, origin, state, at) VALUES (?, ?, ?, 'bench', 'discarded', '2026-01-01T00:00:00Z')");
  const rows = db.prepare("INSERT INTO audit_rows (change_id, table_name, row_id, before, after) VALUES (?, 'accounts', ?, ?, ?)");
  const perChange = 1000;
  const changesNeeded = Math.ceil((mb * 1024 * 1024) / (perChange * image.length * 2));
  for (let c = 0; c < changesNeeded; c++) {
    db.transaction(() => {
      const id = `bench-${c}`;
      changes.run(id, c + 1, `Bench change ${c}`);
      for (let r = 0; r < perChange; r++) rows.run(id, `row-${r}`, image, image);
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(temp, path);
}

const given = process.argv[2];
let file: string;
if (given !== undefined) file = resolve(given);
else {
  const mb = Number(process.env.QM_BENCH_OPEN_MB ?? 1024);
  const dir = join(process.cwd(), '.bench');
  mkdirSync(dir, { recursive: true });
  file = join(dir, `open-${mb}mb.sqlite`);
  if (!existsSync(file)) {
    process.stdout.write(`building ${file} (${mb} MB)…\n`);
    buildPadded(file, mb);
  }
}
if (existsSync(`${file}-wal`)) {
  process.stdout.write(`${file}-wal exists (a session did not close, or one is open): opening would run the deep check.\n`);
}

const size = statSync(file).size;
const runs = 7;
const bare = median(
  Array.from({ length: runs }, () =>
    timed(() => {
      const db = new Database(file, { fileMustExist: true });
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      db.close();
    }),
  ),
);
const open = median(Array.from({ length: runs }, () => timed(() => openWorkspace(file).close())));
const deep = median(Array.from({ length: 3 }, () => timed(() => void checkWorkspaceFile(file))));
const t = performance.now();
const check = startBackgroundCheck(file);
const state = await check.done;
const background = performance.now() - t;

const row = (label: string, ms: number, aim = '') => process.stdout.write(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms ${aim}\n`);
process.stdout.write(`workspace ${file}: ${(size / 1024 / 1024).toFixed(0)} MB\n`);
row('bare new Database() + one query (median of 7)', bare);
row('openWorkspace, cleanly closed before (median of 7)', open, `aim < 300 ms (${(open / bare).toFixed(1)}× bare)`);
row('check on demand: integrity_check + references (median of 3)', deep);
row(`background quick_check in a worker (${state.state})`, background, 'off the first screen');
