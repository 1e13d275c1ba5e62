/**
 * The board pack's bench (issue 4), run by `npm run bench` in a process of its own: the pack of the
 * demo workspace and of the large cached workspace (300 departments, 300 accounts, a year of budget
 * and actuals: bigger than the 150 accounts), time per pack and the process's peak RSS.
 * Usage: tsx tests/bench/report.ts <large.sqlite>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCtx } from '../../electron/core/context';
import { openWorkspace } from '../../electron/core/db/open-workspace';
import { createDemoWorkspace } from '../../electron/core/demo/demo-workspace';
import { loadPack, renderBoardPack } from '../../electron/core/report/board-pack';

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function pack(path: string, label: string, runs: number): Promise<void> {
  const ws = openWorkspace(path);
  try {
    const ctx = createCtx(ws.db, label, 'bench');
    const t0 = performance.now();
    loadPack(ctx, {});
    const readMs = performance.now() - t0;
    const times: number[] = [];
    let pages = 0;
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await renderBoardPack(ctx, {});
      times.push(r.ms);
      pages = r.pages;
      bytes = Buffer.byteLength(r.base64, 'base64');
    }
    times.sort((a, b) => a - b);
    console.log(
      `board pack, ${label}: ${times[Math.floor(times.length / 2)]} ms median of ${runs} (first ${times[0]} … last ${times[times.length - 1]}; ` +
        `reading the figures ${readMs.toFixed(0)} ms), ${pages} pages, ${(bytes / 1024).toFixed(0)} KB; peak RSS so far ${peakRssMb().toFixed(0)} MB`,
    );
  } finally {
    ws.close();
  }
}

async function main(): Promise<void> {
  const large = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'qm-bench-report-'));
  try {
    const demo = join(dir, 'demo.sqlite');
    createDemoWorkspace(demo, { asOf: '2026-11-21' });
    await pack(demo, 'demo workspace', 5);
    if (large) await pack(large, 'large workspace', 3);
    else console.log('board pack, large workspace: skipped (no workspace file given)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
