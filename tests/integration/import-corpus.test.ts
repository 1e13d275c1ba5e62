/**
 * The real-files corpus (tests/corpus): every file imported as the CLI would, into the workspace
 * its manifest entry describes, and compared with the result computed independently by
 * expected.py. A file may be refused (that is allowed, and counted), never imported wrong; and a
 * file marked passesNow must keep importing correctly (a ratchet: once a file imports, no later
 * change may lose it). `npm run import-corpus` prints the same run as a report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, differences, loadManifest, report, runCorpus, toImportOptions, type CorpusSetup, type Outcome, type Written } from '../corpus/corpus';

const manifest = loadManifest();
let outcomes: Outcome[] = [];
const outcomeOf = (file: string) => outcomes.find((o) => o.file === file);

beforeAll(async () => {
  ({ outcomes } = await runCorpus());
}, 120_000);

describe('the import corpus', () => {
  it('holds at least 30 real files, each with its source recorded', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(30);
    const sources = readFileSync(join(corpusDir, 'SOURCES.md'), 'utf8');
    for (const entry of manifest.files) expect(sources, entry.file).toContain(`| ${entry.file} |`);
  });

  it('imports no file wrong', () => {
    expect(outcomes).toHaveLength(manifest.files.length);
    const wrong = outcomes.filter((o) => o.status === 'WRONG').map((o) => `${o.file}: ${o.detail}`);
    expect(wrong, report(outcomes).lines.join('\n')).toEqual([]);
  });

  it.each(manifest.files.filter((e) => e.passesNow).map((e) => e.file))('still imports %s correctly (passesNow)', (file) => {
    const outcome = outcomeOf(file);
    expect(outcome?.status, outcome?.detail).toBe('OK');
  });

  it('never crashes on a file: a bad file is a refusal with a message', () => {
    expect(outcomes.filter((o) => o.crashed).map((o) => `${o.file}: ${o.detail}`)).toEqual([]);
  });

  it.skipIf(spawnSync('python3', ['--version']).status !== 0)('keeps manifest.json equal to what expected.py computes from the files', () => {
    const check = spawnSync('python3', [join(corpusDir, 'expected.py'), '--check'], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});

describe('the comparison can fail', () => {
  const setup: CorpusSetup = { currency: 'USD', fiscalYearStartMonth: 1, departments: [{ code: '410', name: 'Sales' }], accounts: [{ code: '4000', name: 'Revenue', type: 'revenue' }] };
  const written = (amountMinor: number, extraDepartment = false): Written => ({
    figures: { budget: [], actuals: [{ department: '410', account: '4000', period: '2026-01', amountMinor }] },
    people: [],
    departments: [{ code: '410', name: 'Sales' }, ...(extraDepartment ? [{ code: 'Sales', name: 'Sales' }] : [])],
    accounts: [{ code: '4000', name: 'Revenue', type: 'revenue' }],
  });
  const expected = {
    kind: 'actuals' as const,
    cells: [{ department: '410', account: '4000', period: '2026-01', amountMinor: 45_000_000 }],
    totalMinor: 45_000_000,
    createdDepartments: [],
    createdAccounts: [],
  };

  it('agrees when the figures are the same', () => {
    expect(differences(expected, written(45_000_000), setup)).toEqual([]);
  });

  it('calls revenue stored as a negative expense, or off by a cent, wrong', () => {
    expect(differences(expected, written(-45_000_000), setup).join()).toMatch(/expected 450,000\.00, got -450,000\.00/);
    expect(differences(expected, written(45_000_001), setup)).toHaveLength(1);
  });

  it('calls a department created beside an existing one wrong', () => {
    expect(differences(expected, written(45_000_000, true), setup).join()).toMatch(/departments created that should not be: Sales/);
  });
});

describe('the adapter from the dialog choices to the importer options', () => {
  it('passes what the options take and names what they do not', () => {
    const { options, notTaken } = toImportOptions({ kind: 'budget', plan: 'FY2026 · Base', department: '410', spread: 'even', codes: [{ from: 'Sales', to: '410' }] });
    expect(options).toMatchObject({ kind: 'budget', planName: 'FY2026 · Base', departmentCode: '410' });
    const taken = options as Record<string, unknown>;
    expect(taken.codes ?? taken.unknownCodes).toEqual([{ from: 'Sales', to: '410' }]);
    if (taken.spread === undefined) expect(notTaken).toContain('spread');
  });

  it('refuses unknown codes unless told, as the CLI does', () => {
    expect(toImportOptions({ kind: 'people' }).options.unknownCodes).toBe('refuse');
  });
});
