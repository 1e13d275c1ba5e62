// `report` as a user runs it: the real CLI in a child process, on a demo workspace in a temp folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli';
import { pdfPages } from '../helpers/pdf-text';

const sandbox = cliSandbox('qm-cli-report-', { demo: 'demo.sqlite' });
const { cli } = sandbox;

describe('cli report', () => {
  it('writes the pack with the defaults, and the same bytes when run again', async () => {
    const first = cli('report', 'demo.sqlite', '--out', 'board.pdf', '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as { pages: number; period: string; sections: { id: string; page: number }[]; ms: number };
    expect(summary.period).toBe('2026-10');
    expect(summary.sections.map((s) => s.id)).toEqual(['cover', 'summary', 'variance', 'trend', 'headcount', 'continuity', 'risks', 'sources']);
    expect(summary.ms).toBeGreaterThan(0);
    const bytes = readFileSync(join(sandbox.dir, 'board.pdf'));
    expect((await pdfPages(bytes)).length).toBe(summary.pages);

    const again = cli('report', 'demo.sqlite', '--out', 'board.pdf');
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^wrote board\.pdf: \d+ pages, October 2026 YTD/);
    expect(readFileSync(join(sandbox.dir, 'board.pdf')).equals(bytes)).toBe(true);
  });

  it('takes a period, a plan by name, sections and paper', async () => {
    const run = cli('report', 'demo.sqlite', '--out', 'q3.pdf', '--period', '2026-Q3', '--plan', 'FY2026 · Base', '--sections', 'summary,headcount', '--paper', 'letter');
    expect(run.stderr).toMatch(/Q3 FY2026/);
    expect(run.status).toBe(0);
    const pages = await pdfPages(readFileSync(join(sandbox.dir, 'q3.pdf')));
    expect(pages).toHaveLength(3);
    expect(Math.round(pages[0]!.width)).toBe(612);
  });

  it('refuses what it cannot do: exit 2 for usage, 1 for the workspace, and no file written', () => {
    for (const args of [
      ['--period', 'September'],
      ['--sections', 'summary,gossip'],
      ['--paper', 'a3'],
      ['--prepared-on', '2026-02-30'],
    ]) {
      const run = cli('report', 'demo.sqlite', '--out', 'bad.pdf', ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage:');
    }
    expect(cli('report', 'demo.sqlite').status).toBe(2);
    const unknown = cli('report', 'demo.sqlite', '--out', 'bad.pdf', '--plan', 'FY2026 · Dream');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no plan named "FY2026 · Dream". Plans: "FY2027 · Base", "FY2027 · Growth", "FY2026 · Base".');
    const choose = cli('report', 'demo.sqlite', '--out', 'bad.pdf', '--period', '2027-02');
    expect(choose.status).toBe(1);
    expect(choose.stderr).toContain('FY2027 has 2 draft plans; choose one');
    expect(existsSync(join(sandbox.dir, 'bad.pdf'))).toBe(false);
  });
});
