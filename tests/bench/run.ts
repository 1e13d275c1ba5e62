/**
 * `npm run bench`: builds (once, cached in .bench/) a workspace with a plan of over a million
 * budget lines and prints, with its aim, every row of issue 11's table of cold paths (cold.ts):
 * the CLI's start, an import against LibreOffice, a commit against a bare INSERT, opening the
 * large workspace, undoing a plan copy, the first board pack. `npm run bench -- --all` adds the
 * in-process figures of the earlier issues (rollups, grid, variance, moves, export, the importer
 * stage by stage, the board pack's memory). It asserts nothing: a slow machine is not a bug.
 *
 * The bench edits the cached workspace and puts it back afterwards (undo, then it drops the
 * history rows it created), so repeated runs measure the same file.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { budgetGrid, setCells } from '../../electron/core/budget/grid-service';
import { rollupCells } from '../../electron/core/budget/budget-queries';
import { copyPlan, listPlans } from '../../electron/core/budget/plan-service';
import { varianceReport } from '../../electron/core/budget/variance-service';
import { createCtx, type Ctx } from '../../electron/core/context';
import { openWorkspace } from '../../electron/core/db/open-workspace';
import { redo, undo } from '../../electron/core/history/history-service';
import { listDepartments, moveDepartment } from '../../electron/core/org/department-service';
import { buildLargeWorkspace, describeLargeWorkspace, shape } from './build-large';
import { runColdBench } from './cold';
import { runImportBench } from './import';

// Bump when the schema changes, so a stale cached file is rebuilt rather than upgraded.
const BENCH_VERSION = 3;
const dir = join(process.cwd(), '.bench');
const file = join(dir, `large-v${BENCH_VERSION}.sqlite`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

function medianOf(n: number, fn: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(time(() => fn(i))[0]);
  return median(times);
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

const lines: string[] = [];
function report(label: string, ms: number, target?: string): void {
  sampleRss();
  const figure = `${ms.toFixed(1).padStart(9)} ms`;
  const line = `${label.padEnd(58)}${figure}${target ? `   (target ${target}${ms < Number(target.replace(/[^\d.]/g, '')) ? ', met' : ', MISSED'})` : ''}`;
  lines.push(line);
  console.log(line);
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  ensureLargeWorkspace();
  await runColdBench(file);
  if (process.argv.includes('--all')) await detailedFigures();
  else console.log('\n(npm run bench -- --all adds the in-process figures: rollups, grid, variance, moves, export, importer stages, board pack memory)');
}

function ensureLargeWorkspace(): void {
  if (!existsSync(file)) {
    console.log(`Building ${file} (once; it is cached) …`);
    const partial = `${file}.building`;
    rmSync(partial, { force: true });
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    const [ms] = time(() => buildLargeWorkspace(partial));
    renameSync(partial, file);
    console.log(`built in ${(ms / 1000).toFixed(1)} s`);
  }
  console.log(`workspace file: ${file}, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
}

async function detailedFigures(): Promise<void> {
  const openMs = medianOf(5, () => openWorkspace(file).close());
  report('open workspace (median of 5)', openMs, '< 1000 ms');
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  probe.pragma('mmap_size = 2147483648');
  report('  of which quick_check (read-only probe, mmap as on open)', medianOf(3, () => probe.pragma('quick_check', { simple: true })));
  probe.close();

  const ws = openWorkspace(file);
  let n = 0;
  const ctx: Ctx = createCtx(ws.db, 'large.sqlite', 'bench', { newId: () => `bench-${process.pid}-${++n}` });
  const info = describeLargeWorkspace(ws.sqlite);
  const depth = (id: string) =>
    (ws.sqlite.prepare('WITH RECURSIVE up(id, p) AS (SELECT id, parent_id FROM departments WHERE id = ? UNION ALL SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.p) SELECT count(*) AS n FROM up').get(id) as { n: number }).n;
  console.log(
    `plan ${info.planId.slice(0, 8)}…: ${info.lineCount.toLocaleString('en-US')} lines on ${shape.leaves} leaves × ${info.accountIds.length} accounts × 12 months; ` +
      `${(ws.sqlite.prepare('SELECT count(*) AS n FROM departments').get() as { n: number }).n} departments, leaf depth ${depth(info.leafId)}`,
  );
  const months = listPlans(ctx).find((p) => p.id === info.planId)!.months;
  const [from, to] = [months[0]!, months[11]!];

  const runs = 7;
  report('rollup query, root (1 aggregate, median of 7)', medianOf(runs, () => rollupCells(ctx, info.planId, info.rootId, from, to)), '< 100 ms');
  report('rollup query, division (~1/5 of lines)', medianOf(runs, () => rollupCells(ctx, info.planId, info.midId, from, to)), '< 100 ms');
  report('rollup query, leaf', medianOf(runs, () => rollupCells(ctx, info.planId, info.leafId, from, to)), '< 100 ms');
  report('budget grid, root (rollup + rows + path totals)', medianOf(runs, () => budgetGrid(ctx, { planId: info.planId, departmentId: info.rootId })));
  report('budget grid, division', medianOf(runs, () => budgetGrid(ctx, { planId: info.planId, departmentId: info.midId })));
  report('budget grid, leaf (path totals reach the root)', medianOf(runs, () => budgetGrid(ctx, { planId: info.planId, departmentId: info.leafId })));

  // The leaf L001 sits under division D1 (see build-large.ts): edit it, then re-read D1's grid.
  const accountId = info.accountIds[40]!;
  let edits = 0;
  const editOnly = medianOf(runs, (i) => {
    setCells(ctx, { planId: info.planId, cells: [{ departmentId: info.leafId, accountId, period: from, amountMinor: 123_400 + i }] });
    edits++;
  });
  report('one cell edit (setCells, audited, median of 7)', editOnly);
  const editAndRefresh = medianOf(runs, (i) => {
    setCells(ctx, { planId: info.planId, cells: [{ departmentId: info.leafId, accountId, period: from, amountMinor: 223_400 + i }] });
    edits++;
    budgetGrid(ctx, { planId: info.planId, departmentId: info.midId });
  });
  report('cell edit + grid refresh of its division', editAndRefresh, '< 50 ms');
  const editAndLeaf = medianOf(runs, (i) => {
    setCells(ctx, { planId: info.planId, cells: [{ departmentId: info.leafId, accountId, period: from, amountMinor: 323_400 + i }] });
    edits++;
    budgetGrid(ctx, { planId: info.planId, departmentId: info.leafId });
  });
  report('cell edit + grid refresh of the leaf itself', editAndLeaf, '< 50 ms');
  for (let i = 0; i < edits; i++) undo(ctx);

  report('variance report, root (default range)', medianOf(3, () => varianceReport(ctx, { planId: info.planId, departmentId: info.rootId })));
  report('variance report, leaf', medianOf(runs, () => varianceReport(ctx, { planId: info.planId, departmentId: info.leafId })));
  report('variance report, division', medianOf(runs, () => varianceReport(ctx, { planId: info.planId, departmentId: info.midId })));
  report('variance report, area (children are leaves)', medianOf(runs, () => varianceReport(ctx, { planId: info.planId, departmentId: info.areaId })));

  // A move re-links the closure and corrects the old and new ancestors' rollups in its triggers.
  const [moveMs] = time(() => moveDepartment(ctx, { id: info.leafId, parentId: info.otherAreaId }));
  report('move a leaf (7,200 lines) to an area in another division', moveMs);
  report('undo that move', time(() => undo(ctx))[0]);
  const [moveDivMs] = time(() => moveDepartment(ctx, { id: info.midId, parentId: null }));
  report('move a division (~1/5 of lines) to the top level', moveDivMs);
  report('undo that move', time(() => undo(ctx))[0]);
  report('list plans (line counts)', medianOf(3, () => listPlans(ctx)));
  report('list departments (line counts per department)', medianOf(3, () => listDepartments(ctx)));

  const second = listPlans(ctx).find((p) => p.id !== info.planId)!;
  const [copyMs, copy] = time(() =>
    copyPlan(ctx, { sourcePlanId: second.id, scenario: `Bench ${process.pid}`, upliftPct: { revenue: 3, expense: 5, capex: 0 } }),
  );
  report(`copy plan of ${second.lineCount.toLocaleString('en-US')} lines (+ audit images)`, copyMs);
  report('undo that copy', time(() => undo(ctx))[0]);
  report('redo that copy', time(() => redo(ctx))[0]);
  undo(ctx);
  void copy;

  try {
    const { exportJson } = await import('../../electron/core/export/json-export');
    const [exportMs, data] = time(() => exportJson(ctx));
    const [stringifyMs, text] = time(() => JSON.stringify(data));
    report(`export JSON (${data.budgetLines.length.toLocaleString('en-US')} lines, read)`, exportMs);
    report(`export JSON (stringify, ${(text.length / 1e6).toFixed(0)} MB)`, stringifyMs);
  } catch (err) {
    console.log(`export JSON: skipped (${(err as Error).message})`);
  }

  // Put the cached file back as it was built: the bench's own undone changes leave no history.
  ws.sqlite.exec(`DELETE FROM audit_rows; DELETE FROM changes;`);
  ws.close();
  sampleRss();
  console.log(`peak RSS (sampled): ${(peakRss / 1e6).toFixed(0)} MB`);

  // Issue 3's import figures, on their own generated workspace and files.
  await runImportBench();

  // Issue 4's board pack, in a process of its own so its peak memory is its own.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'report.ts'), file], { stdio: 'inherit' });
  if (child.status !== 0) console.log(`board pack bench failed (exit ${child.status})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
