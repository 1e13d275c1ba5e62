// E7: npm run security:check fails on a HIGH electronegativity finding, and the tool sees window
// options only when they are written in the BrowserWindow call (which is why window.ts does so).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

interface Level {
  value: number;
  name: string;
}
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  sample?: string;
}
interface ScanError {
  file?: string;
  message?: string;
  tolerable?: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: ScanError[];
  issues: Finding[];
}
interface SecurityCheckScript {
  verdict(result: ScanResult): { high: Finding[]; unparsed: ScanError[]; ok: boolean };
  scan(input: string): Promise<{ version: string; result: ScanResult }>;
  findingsCsv(issues: Finding[]): string;
  excludedChecks: string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = (await import(pathToFileURL(join(root, 'build/security-check.mjs')).href)) as SecurityCheckScript;

const level = (name: string, value: number): Level => ({ name, value });
const finding = (id: string, severity: Level): Finding => ({
  id,
  file: 'main/window.ts',
  location: { line: 1, column: 0 },
  description: id,
  severity,
  confidence: level('FIRM', 1),
});
const result = (issues: Finding[], errors: ScanError[] = []): ScanResult => ({ globalChecks: 5, atomicChecks: 36, errors, issues });

describe('security:check verdict', () => {
  it('fails on any HIGH finding', () => {
    const v = script.verdict(result([finding('SANDBOX_JS_CHECK', level('MEDIUM', 2)), finding('CONTEXT_ISOLATION_JS_CHECK', level('HIGH', 3))]));
    expect(v.ok).toBe(false);
    expect(v.high.map((f) => f.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('passes MEDIUM and LOW findings, which are printed for review', () => {
    expect(script.verdict(result([finding('OPEN_EXTERNAL_JS_CHECK', level('MEDIUM', 2)), finding('CSP_GLOBAL_CHECK', level('LOW', 1))])).ok).toBe(true);
    expect(script.verdict(result([])).ok).toBe(true);
  });

  it('fails when a file could not be parsed, since no check ran on it', () => {
    expect(script.verdict(result([], [{ file: 'main/x.ts', message: 'Unexpected token', tolerable: false }])).ok).toBe(false);
    expect(script.verdict(result([], [{ file: 'main/x.ts', message: 'recovered', tolerable: true }])).ok).toBe(true);
  });

  it('writes the findings in the columns of the tool\'s own CSV, quotes doubled', () => {
    const csv = script.findingsCsv([{ ...finding('PRELOAD_JS_CHECK', level('MEDIUM', 2)), sample: 'preload: "p", x' }]);
    expect(csv.split('\n')).toEqual([
      'issue, severity, confidence, filename, location, sample, description, url',
      'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/window.ts","1:0","preload: ""p"", x","PRELOAD_JS_CHECK",https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK',
      '',
    ]);
    expect(script.findingsCsv([finding('CSP_GLOBAL_CHECK', level('MEDIUM', 2))]).split('\n')[1]).toContain(',"1:0",N/A,');
  });

  it('leaves out only the check that needs the internet', () => {
    expect(script.excludedChecks).toEqual(['AvailableSecurityFixesGlobalCheck']);
  });
});

describe('electronegativity on window options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qm-security-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const webPreferences = `{ preload: path, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' }`;
  const project = (name: string, source: string) => {
    const folder = join(dir, name);
    mkdirSync(folder);
    writeFileSync(join(folder, 'window.ts'), `import { BrowserWindow } from 'electron';\n${source}\n`);
    return folder;
  };
  const isolationFindings = async (folder: string) => {
    const { version, result: scanned } = await script.scan(folder);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(scanned.errors).toEqual([]);
    return { scanned, isolation: scanned.issues.filter((i) => i.id === 'CONTEXT_ISOLATION_JS_CHECK') };
  };

  it('reports HIGH context isolation when the options are spread from a helper, and the check fails', async () => {
    const folder = project(
      'spread',
      `function options(path: string) { return { width: 800, webPreferences: ${webPreferences} }; }\n` +
        `export function open(path: string, title: string) { return new BrowserWindow({ ...options(path), title }); }`,
    );
    const { scanned, isolation } = await isolationFindings(folder);
    expect(isolation.map((i) => i.severity.name)).toEqual(['HIGH']);
    expect(script.verdict(scanned).ok).toBe(false);
  }, 120_000);

  it('sees the same options written in the BrowserWindow call', async () => {
    const folder = project(
      'inline',
      `export function open(path: string, title: string) { return new BrowserWindow({ width: 800, title, webPreferences: ${webPreferences} }); }`,
    );
    const { scanned, isolation } = await isolationFindings(folder);
    expect(isolation).toEqual([]);
    expect(scanned.issues.map((i) => i.id)).not.toContain('SANDBOX_JS_CHECK');
    expect(scanned.issues.map((i) => i.id)).not.toContain('AUXCLICK_JS_CHECK');
  }, 120_000);
});
