/**
 * Keeps a rendered PDF and its pages as PNGs (pdftoppm) in tests/output/report/<name>, so a person
 * can look at what the tests read; and renders the board pack with its pages read back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { renderBoardPack } from '../../electron/core/report/board-pack';
import type { ReportOptions } from '../../shared/report';
import { pdfPages } from './pdf-text';

export const reportArtifacts = resolve(import.meta.dirname, '../output/report');

/**
 * Writes the PDF and one PNG per page (at `dpi`) into a fresh tests/output/report/<name>, and
 * returns the PNGs' file names.
 */
export function renderPngs(bytes: Buffer, name: string, dpi = 72): string[] {
  const folder = join(reportArtifacts, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const pdf = join(folder, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(folder, 'page')], { encoding: 'utf8' });
  if (run.error) throw new Error(`pdftoppm is needed to render pages (apt-get install poppler-utils): ${run.error.message}`);
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(folder).filter((f) => f.endsWith('.png'));
}

/** The board pack of the workspace: what renderBoardPack returns, its bytes, and its pages' text. */
export async function renderPack(ws: { ctx: Ctx }, options: ReportOptions = {}) {
  const report = await renderBoardPack(ws.ctx, options);
  const bytes = Buffer.from(report.base64, 'base64');
  return { report, bytes, pages: await pdfPages(bytes) };
}
