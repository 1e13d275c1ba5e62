/**
 * The table of issue 11, section 2: what a user waits for, measured from outside as they meet it
 * — whole processes where they start one (the CLI, LibreOffice, a board pack), the services where
 * the wait is inside the app (a commit, an open, an undo). Each row is printed with its aim; the
 * pairs are measured in one run, alternating, and compared by their medians. It asserts nothing:
 * a busy machine is not a bug (the load average is printed beside the figures).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyPlan, listPlans } from '../../electron/core/budget/plan-service';
import { createCtx, type Ctx } from '../../electron/core/context';
import { openWorkspace, type Workspace } from '../../electron/core/db/open-workspace';
import { writeTransaction } from '../../electron/core/db/transactions';
import { undo } from '../../electron/core/history/history-service';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import type { ImportPlan } from '../../shared/imports';
import { actualsCsv, buildWorkspace } from './import';

const repo = join(import.meta.dirname, '../..');
const dir = join(repo, '.bench', 'cold');
const builtCli = join(repo, 'out/node/cli.js');

export interface TableRow {
  what: string;
  figure: string;
  aim: string;
  met: boolean | null;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

function mustSucceed(what: string, run: SpawnSyncReturns<string | Buffer>): void {
  if (run.status !== 0) throw new Error(`${what} failed (${run.status ?? run.signal}): ${String(run.stderr).slice(0, 2000)}`);
}

/** Wall time of a child process from spawn to exit, ms. */
function timedSpawn(what: string, cmd: string, args: string[], cwd = repo): number {
  const t = performance.now();
  const run = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - t;
  mustSucceed(what, run);
  return elapsed;
}

/** n rounds of a and b, alternating which goes first, each after its own untimed preparation. */
function alternate(n: number, a: { prepare?: () => void; run: () => number }, b: { prepare?: () => void; run: () => number }): { a: number[]; b: number[] } {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const side of order) {
      const s = side === 'a' ? a : b;
      s.prepare?.();
      out[side].push(s.run());
    }
  }
  return out;
}

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function freshCopy(template: string, target: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(template, target);
}

/** Row 1: `check` on a tiny workspace, through npm and straight with node (absolute times). */
function coldCheck(rows: TableRow[]): void {
  const tiny = join(dir, 'tiny.sqlite');
  if (!existsSync(tiny)) mustSucceed('init tiny', spawnSync(process.execPath, [builtCli, 'init', tiny, '--name', 'Tiny'], { encoding: 'utf8' }));
  const viaNpm = `npm run cli -- check ${tiny}`;
  const viaNode = `${process.execPath} ${builtCli} check ${tiny}`;
  let npmRuns: number[];
  let nodeRuns: number[];
  let harness: string;
  if (hasCommand('hyperfine')) {
    const json = join(dir, 'hyperfine.json');
    mustSucceed('hyperfine', spawnSync('hyperfine', ['-N', '--warmup', '2', '--runs', '10', '--export-json', json, viaNpm, viaNode], { cwd: repo, encoding: 'utf8' }));
    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results;
    [npmRuns, nodeRuns] = results.map((r) => r.times.map((t) => t * 1000)) as [number[], number[]];
    harness = 'hyperfine, 10 runs each after 2 warm-ups';
  } else {
    const r = alternate(
      10,
      { run: () => timedSpawn('npm run cli check', 'npm', ['run', 'cli', '--', 'check', tiny]) },
      { run: () => timedSpawn('node cli check', process.execPath, [builtCli, 'check', tiny]) },
    );
    [npmRuns, nodeRuns] = [r.a, r.b];
    harness = 'spawned from node, 10 alternating runs (hyperfine not installed)';
  }
  const npmMs = median(npmRuns);
  const nodeMs = median(nodeRuns);
  rows.push({ what: '`npm run cli -- check` on a tiny workspace', figure: ms(npmMs), aim: '< 1000 ms (npm’s own start included)', met: npmMs < 1000, note: `median; ${harness}` });
  rows.push({ what: '`node out/node/cli.js check` on a tiny workspace', figure: ms(nodeMs), aim: '< 300 ms', met: nodeMs < 300, note: `median; runs ${list(nodeRuns)}` });
}

interface ImportFixture {
  csv: string;
  template: string;
}

function importFixture(): ImportFixture {
  const csv = join(dir, 'actuals-100k.csv');
  const template = join(dir, 'import-template.sqlite');
  if (!existsSync(csv)) writeFileSync(csv, actualsCsv());
  if (!existsSync(template)) buildWorkspace(template).close();
  return { csv, template };
}

/** Row 2: the CLI importing a 100,000-row actuals CSV (commit included) against LibreOffice converting it. */
function importVsLibreOffice(rows: TableRow[], f: ImportFixture): void {
  const what = 'CLI import of a 100,000-row actuals CSV (commit included) vs LibreOffice headless converting it to xlsx';
  if (!hasCommand('soffice')) {
    rows.push({ what, figure: 'skipped', aim: 'LibreOffice ≥ 2× the CLI', met: null, note: 'soffice is not installed (apt-get install -y libreoffice-calc-nogui)' });
    return;
  }
  const work = join(dir, 'import-work.sqlite');
  const outDir = join(dir, 'soffice-out');
  const profile = `file://${join(dir, 'soffice-profile')}`;
  const cli = {
    prepare: () => freshCopy(f.template, work),
    run: () => timedSpawn('CLI import', process.execPath, [builtCli, 'import', work, f.csv]),
  };
  const soffice = {
    prepare: () => rmSync(outDir, { recursive: true, force: true }),
    run: () => timedSpawn('soffice', 'soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'xlsx', '--outdir', outDir, f.csv]),
  };
  // Untimed: LibreOffice makes its profile on first start, and each side reads the file once into the OS cache.
  soffice.prepare();
  soffice.run();
  const r = alternate(3, cli, soffice);
  const ratio = median(r.b) / median(r.a);
  rows.push({
    what,
    figure: `LibreOffice ${ratio.toFixed(2)}× the CLI (CLI ${ms(median(r.a))}, LibreOffice ${ms(median(r.b))})`,
    aim: 'LibreOffice ≥ 2× the CLI',
    met: ratio >= 2,
    note: `medians of 3 alternating pairs; CLI ${list(r.a)}; LibreOffice ${list(r.b)}`,
  });
}

function sequentialCtx(ws: Workspace, prefix: string): Ctx {
  let n = 0;
  return createCtx(ws.db, 'bench.sqlite', 'bench', { newId: () => `${prefix}-${String(++n).padStart(9, '0')}` });
}

/** Row 3: commitImport of 100,000 new audited cells against a bare prepared INSERT of the same rows. */
async function commitVsBareInsert(rows: TableRow[], f: ImportFixture): Promise<void> {
  const work = join(dir, 'commit-work.sqlite');
  freshCopy(f.template, work);
  let plan: ImportPlan;
  {
    const ws = openWorkspace(work);
    plan = planImport(sequentialCtx(ws, 'p'), await readWorkbook(new Uint8Array(readFileSync(f.csv)), 'actuals-fy2026.csv'), {});
    ws.close();
  }
  const records = plan.records!.kind === 'actuals' ? plan.records!.rows : [];
  const timedIn = (fn: (ws: Workspace) => void) => () => {
    const ws = openWorkspace(work);
    try {
      const t = performance.now();
      fn(ws);
      return performance.now() - t;
    } finally {
      ws.close();
    }
  };
  const commit = { prepare: () => freshCopy(f.template, work), run: timedIn((ws) => commitImport(sequentialCtx(ws, 'c'), plan)) };
  // The same rows into the same table (its indexes and rollup triggers), one transaction, ids
  // from the same generator: everything a commit must do but the audit, the batch and the checks.
  const bareSame = {
    prepare: () => freshCopy(f.template, work),
    run: timedIn((ws) => {
      const ctx = sequentialCtx(ws, 'c');
      const db = ws.sqlite;
      const ids = (table: string) => new Map((db.prepare(`SELECT code, id FROM ${table}`).all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));
      const [departments, accounts] = [ids('departments'), ids('accounts')];
      const insert = db.prepare('INSERT INTO actuals (id, department_id, account_id, period, amount_minor, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const at = new Date().toISOString();
      writeTransaction(ws.db, () => {
        for (const r of records) insert.run(ctx.newId(), departments.get(r.departmentCode), accounts.get(r.accountCode), r.period, r.amountMinor, r.source, at);
      });
    }),
  };
  const r = alternate(3, commit, bareSame);
  const ratio = median(r.a) / median(r.b);
  // For comparison with the figure the issue quoted: the same rows into a table with no index but its key and no trigger.
  const scratch = timedIn((ws) => {
    const db = ws.sqlite;
    db.exec('CREATE TABLE bench_scratch (id TEXT PRIMARY KEY, department TEXT NOT NULL, account TEXT NOT NULL, period TEXT NOT NULL, amount_minor INTEGER NOT NULL, source TEXT)');
    const insert = db.prepare('INSERT INTO bench_scratch VALUES (?, ?, ?, ?, ?, ?)');
    writeTransaction(ws.db, () => {
      let i = 0;
      for (const x of records) insert.run(`s${++i}`, x.departmentCode, x.accountCode, x.period, x.amountMinor, x.source);
    });
  });
  freshCopy(f.template, work);
  const scratchMs = scratch();
  rows.push({
    what: `commit of ${records.length.toLocaleString('en-US')} audited cells vs a bare prepared INSERT of the same rows into the same table`,
    figure: `${ratio.toFixed(2)}× (commit ${ms(median(r.a))}, bare INSERT ${ms(median(r.b))})`,
    aim: '≤ 2×',
    met: ratio <= 2,
    note: `medians of 3 alternating pairs; commit ${list(r.a)}; bare ${list(r.b)}; an index- and trigger-free scratch table takes ${ms(scratchMs)} (commit = ${(median(r.a) / scratchMs).toFixed(1)}× that)`,
  });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
}

/** Row 4: opening the large workspace (close to 1 GB), as the app and the CLI open it. */
function openLarge(rows: TableRow[], file: string): void {
  const size = statSync(file).size;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    openWorkspace(file).close();
    times.push(performance.now() - t);
  }
  const m = median(times);
  rows.push({ what: `open a ${(size / 1e9).toFixed(2)} GB workspace (openWorkspace + close)`, figure: ms(m), aim: '< 300 ms whatever the size', met: m < 300, note: `median of 5: ${list(times)}` });
}

/** Row 5: undo of a plan copy against the copy itself, on the large workspace's 144,000-line plan. */
function undoVsCopy(rows: TableRow[], file: string): void {
  const ws = openWorkspace(file);
  try {
    let n = 0;
    const ctx = createCtx(ws.db, 'large.sqlite', 'bench', { newId: () => `cold-${process.pid}-${++n}` });
    const source = listPlans(ctx).reduce((a, b) => (a.lineCount < b.lineCount ? a : b));
    const copies: number[] = [];
    const undos: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      copyPlan(ctx, { sourcePlanId: source.id, scenario: `Cold ${process.pid} ${i}`, upliftPct: { revenue: 3, expense: 5, capex: 0 } });
      copies.push(performance.now() - t);
      t = performance.now();
      undo(ctx);
      undos.push(performance.now() - t);
    }
    const ratio = median(undos) / median(copies);
    rows.push({
      what: `undo a ${source.lineCount.toLocaleString('en-US')}-line plan copy vs the copy`,
      figure: `${ratio.toFixed(2)}× (undo ${ms(median(undos))}, copy ${ms(median(copies))})`,
      aim: '≤ 1.5×',
      met: ratio <= 1.5,
      note: `medians of 3 copy-then-undo pairs; copy ${list(copies)}; undo ${list(undos)}`,
    });
  } finally {
    // Put the cached file back as it was built: the bench's own undone changes leave no history.
    ws.sqlite.exec('DELETE FROM audit_rows; DELETE FROM changes;');
    ws.close();
  }
}

/** Row 6: the board pack in a fresh process, from spawn to the PDF's bytes on disk. */
function firstBoardPack(rows: TableRow[]): void {
  const demo = join(dir, 'demo.sqlite');
  if (!existsSync(demo)) mustSucceed('init demo', spawnSync(process.execPath, [builtCli, 'init', demo, '--demo', '--as-of', '2026-11-21'], { encoding: 'utf8' }));
  const pdf = join(dir, 'board.pdf');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(pdf, { force: true });
    times.push(timedSpawn('report', process.execPath, [builtCli, 'report', demo, '--out', pdf]));
    if (!readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the report is not a PDF');
  }
  const m = median(times);
  rows.push({
    what: 'first board-pack preview in a fresh process (`report` on the demo workspace, spawn → PDF written)',
    figure: ms(m),
    aim: '< 3000 ms',
    met: m < 3000,
    note: `median of 3: ${list(times)}`,
  });
}

/** Serve mode started on `workspace`; resolves with its address and token once it prints them. */
async function startServe(workspace: string): Promise<{ origin: string; token: string; stop: () => void; upMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repo, 'out/node/serve.js'), workspace, '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}#${match[2]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const [origin, token] = url.split('#') as [string, string];
  return { origin, token, upMs: performance.now() - started, stop: () => child.kill('SIGTERM') };
}

/** Row 6b: the board pack as the app's Reports view asks for it, in serve mode started a moment before. */
async function firstPreviewInServe(rows: TableRow[]): Promise<void> {
  const what = 'first board-pack preview in fresh serve mode (report.render asked 3 s after start, as a user opening Reports)';
  if (!existsSync(join(repo, 'out/renderer/index.html'))) {
    rows.push({ what, figure: 'skipped', aim: '< 3000 ms', met: null, note: 'the renderer is not built: run npm run build' });
    return;
  }
  const demo = join(dir, 'demo.sqlite');
  const waits: number[] = [];
  const ups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const serve = await startServe(demo);
    try {
      ups.push(serve.upMs);
      await sleep(3000);
      const t = performance.now();
      const res = await fetch(`${serve.origin}/api/report.render`, { method: 'POST', headers: { 'x-qm-token': serve.token, 'content-type': 'application/json' }, body: '{}' });
      const body = (await res.json()) as { ok: boolean; value?: { base64: string } };
      if (!body.ok || !Buffer.from(body.value!.base64, 'base64').subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error(`report.render failed: ${JSON.stringify(body).slice(0, 500)}`);
      waits.push(performance.now() - t);
    } finally {
      serve.stop();
    }
  }
  const m = median(waits);
  rows.push({ what, figure: ms(m), aim: '< 3000 ms', met: m < 3000, note: `median of 3: ${list(waits)}; serve up after ${list(ups)} ms` });
}

function printTable(rows: TableRow[]): void {
  console.log('\nIssue 11 §2 — cold paths, as the user waits');
  for (const r of rows) {
    const verdict = r.met === null ? 'n/a' : r.met ? 'met' : 'MISSED';
    console.log(`- ${r.what}\n    ${r.figure}   aim ${r.aim}: ${verdict}${r.note ? `\n    (${r.note})` : ''}`);
  }
}

export async function runColdBench(largeFile: string | null): Promise<TableRow[]> {
  mkdirSync(dir, { recursive: true });
  // The CLI as `npm run cli` runs it: built first if a source changed since the last build.
  mustSucceed('build', spawnSync(process.execPath, [join(repo, 'build/launch.mjs'), 'build'], { cwd: repo, encoding: 'utf8' }));
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load average before: ${load()} (2 cores shared with other work: the figures move with it)`);
  const rows: TableRow[] = [];
  // `npm run bench -- --board-pack`: only the two board-pack rows (a minute, not a quarter hour).
  if (process.argv.includes('--board-pack')) {
    firstBoardPack(rows);
    await firstPreviewInServe(rows);
    console.log(`load average after: ${load()}`);
    printTable(rows);
    return rows;
  }
  coldCheck(rows);
  const fixture = importFixture();
  importVsLibreOffice(rows, fixture);
  await commitVsBareInsert(rows, fixture);
  if (largeFile !== null) {
    openLarge(rows, largeFile);
    undoVsCopy(rows, largeFile);
  }
  firstBoardPack(rows);
  await firstPreviewInServe(rows);
  console.log(`load average after: ${load()}`);
  printTable(rows);
  return rows;
}
