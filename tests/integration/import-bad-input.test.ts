/**
 * Every kind of bad file the issue lists, sent the way the app sends it (imports.preview, then
 * imports.commit through the dispatcher): each gets a clear answer, nothing crashes, and the
 * workspace is exactly as it was (S2, S3, S5).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions, ImportPlan } from '../../shared/imports';
import type { Result } from '../../shared/result';
import { snapshot } from '../helpers/db-snapshot';
import { fixturePath } from '../helpers/fixtures';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';
import { buildZip, workbookShell, zerosEntry } from '../unit/imports/read-inputs';
import { seedOrg } from '../unit/imports/workbooks';

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
  seedOrg(ws.ctx);
});
afterAll(() => ws.cleanup());

const csv = (text: string) => Buffer.from(text, 'utf8');

async function attempt(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<string> {
  const before = snapshot(ws.ctx);
  const preview = (await ws.session.call('imports.preview', { file: { name, base64: Buffer.from(bytes).toString('base64') }, options })) as Result<ImportPlan>;
  let answer: string;
  if (!preview.ok) {
    answer = preview.error.message;
  } else {
    const errors = preview.value.problems.filter((p) => p.severity === 'error');
    expect(errors.length, `${name} should have been refused`).toBeGreaterThan(0);
    const commit = await ws.session.call('imports.commit', { plan: preview.value });
    expect(commit.ok).toBe(false);
    answer = errors.map((p) => `${p.ref}: ${p.message}`).join('\n');
  }
  expect(snapshot(ws.ctx)).toEqual(before);
  expect(Object.keys(Object.prototype)).toEqual([]);
  return answer;
}

describe('bad input gets a clear answer and writes nothing', () => {
  it('not a spreadsheet, truncated, password-protected, a zip bomb, empty', async () => {
    expect(await attempt('notes.xlsx', csv('these are meeting notes, not a workbook'))).toMatch(/^notes\.xlsx is not an Excel workbook/);
    const real = readFileSync(fixturePath('budget-marketing-fy2027.xlsx'));
    expect(await attempt('cut.xlsx', real.subarray(0, Math.floor(real.length / 2)))).toMatch(/^cut\.xlsx /);
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    expect(await attempt('locked.xlsx', cfb)).toMatch(/password-protected/);
    const bomb = buildZip([...workbookShell(), await zerosEntry('xl/worksheets/sheet2.xml', 300)]);
    expect(await attempt('bomb.xlsx', bomb)).toMatch(/expands to more than/);
    expect(await attempt('empty.csv', new Uint8Array())).toMatch(/empty/);
  });

  it('headers only, "tbd" for a number, a month outside the plan year, duplicate cells when refused', async () => {
    const header = 'Department,Account,Month,Amount\n';
    expect(await attempt('headers.csv', csv(header), { kind: 'budget', planId: 'p27' })).toMatch(/^headers\.csv: there are no amounts/);
    expect(await attempt('tbd.csv', csv(`${header}210,6000,2027-01,tbd\n`), { kind: 'budget', planId: 'p27' })).toMatch(/tbd\.csv!D2: .*tbd/);
    expect(await attempt('fy.csv', csv(`${header}210,6000,2026-12,100\n`), { kind: 'budget', planId: 'p27' })).toMatch(/fy\.csv!C2: .*(outside|fiscal year|FY2027)/);
    const twice = `${header}210,6000,2027-01,100\n210,6000,2027-01,50\n`;
    expect(await attempt('dup.csv', csv(twice), { kind: 'budget', planId: 'p27', duplicates: 'refuse' })).toMatch(/dup\.csv!/);
  });

  it('a header named __proto__ is just a header', async () => {
    const before = snapshot(ws.ctx);
    const text = 'Department,Account,Month,Amount,__proto__,constructor\n210,6000,2027-01,100,x,y\n';
    const preview = await ws.session.call('imports.preview', { file: { name: 'proto.csv', base64: csv(text).toString('base64') }, options: { kind: 'budget', planId: 'p27' } });
    expect(preview.ok).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(snapshot(ws.ctx)).toEqual(before);
  });
});
