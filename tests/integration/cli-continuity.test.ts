// `continuity` as a user runs it: the real CLI in a child process, on a demo workspace in a temp folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli';
import { pdfPages } from '../helpers/pdf-text';

const sandbox = cliSandbox('qm-cli-continuity-', { demo: 'demo.sqlite' });
const { cli } = sandbox;

describe('cli continuity', () => {
  it('writes every plan with the defaults, and the same bytes when run again', async () => {
    const first = cli('continuity', 'demo.sqlite', '--out', 'plans.pdf', '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as { file: string; pages: number; fileName: string; ms: number };
    expect(summary.file).toBe('plans.pdf');
    expect(summary.fileName).toBe('go-bag-all-plans-larkspur-freight.pdf');
    expect(summary.ms).toBeGreaterThan(0);
    const bytes = readFileSync(join(sandbox.dir, 'plans.pdf'));
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(summary.pages);
    expect(pages[0]!.text).toContain('All recovery plans');

    const again = cli('continuity', 'demo.sqlite', '--out', 'plans.pdf');
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^wrote plans\.pdf: \d+ pages \(\d+ ms\)/);
    expect(readFileSync(join(sandbox.dir, 'plans.pdf')).equals(bytes)).toBe(true);
  });

  it('takes a tier, a process or a plan by name, and the phone paper', async () => {
    const tier = cli('continuity', 'demo.sqlite', '--out', 'tier1.pdf', '--tier', '1', '--paper', 'phone');
    expect(tier.stderr).toMatch(/^wrote tier1\.pdf/);
    expect(tier.status).toBe(0);
    const phone = await pdfPages(readFileSync(join(sandbox.dir, 'tier1.pdf')));
    expect(Math.round(phone[0]!.width)).toBe(298);
    expect(phone[0]!.text).toContain('All Tier-1 plans');

    const process = cli('continuity', 'demo.sqlite', '--out', 'payroll.pdf', '--process', 'payroll', '--paper', 'letter');
    expect(process.status, process.stderr).toBe(0);
    const letter = await pdfPages(readFileSync(join(sandbox.dir, 'payroll.pdf')));
    expect(Math.round(letter[0]!.width)).toBe(612);
    expect(letter.map((p) => p.text).join(' ')).toContain('Recovery plan for Payroll');

    const plan = cli('continuity', 'demo.sqlite', '--out', 'one.pdf', '--plan', 'Dispatch recovery', '--as-of', '2026-11-21');
    expect(plan.status, plan.stderr).toBe(0);
    const one = await pdfPages(readFileSync(join(sandbox.dir, 'one.pdf')));
    expect(one[0]!.items[2]).toBe('Dispatch recovery');
  });

  it('refuses what it cannot do: exit 2 for usage, 1 for the workspace, and no file written', () => {
    for (const args of [['--tier', '5'], ['--tier', '1', '--process', 'Payroll'], ['--paper', 'a3'], ['--as-of', '2026-02-30'], ['--colour', 'red']]) {
      const run = cli('continuity', 'demo.sqlite', '--out', 'bad.pdf', ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage:');
    }
    expect(cli('continuity', 'demo.sqlite').status).toBe(2);
    const unknown = cli('continuity', 'demo.sqlite', '--out', 'bad.pdf', '--process', 'Teleportation');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^There is no process named "Teleportation"\. Processes: "/);
    const noPlan = cli('continuity', 'demo.sqlite', '--out', 'bad.pdf', '--process', 'Fleet maintenance');
    expect(noPlan.status).toBe(1);
    expect(noPlan.stderr).toContain('Fleet maintenance has no recovery plan yet');
    expect(cli('continuity', 'missing.sqlite', '--out', 'bad.pdf').status).toBe(1);
    expect(existsSync(join(sandbox.dir, 'bad.pdf'))).toBe(false);
  });
});
