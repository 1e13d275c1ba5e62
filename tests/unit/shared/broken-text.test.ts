/**
 * Text that cannot be written as UTF-8 (a lone surrogate: half an emoji, from a cut or a bad
 * escape) never gets past a door: the app's calls and the restore refuse it, naming the field.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../../electron/core/export/json-export';
import { restoreFromFile } from '../../../electron/core/export/json-restore';
import { brokenTextPath } from '../../../shared/text';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

const halfEmoji = '😀'.slice(0, 1);

describe('brokenTextPath', () => {
  it('finds the first lone surrogate and names its path, in keys too', () => {
    expect(brokenTextPath({ a: ['ok', { name: `Sales ${halfEmoji}` }] })).toBe('a.1.name');
    expect(brokenTextPath({ [`k${halfEmoji}`]: 1 })).toBe('(a key)');
    expect(brokenTextPath(`x${halfEmoji}`)).toBe('(the value)');
    expect(brokenTextPath({ a: ['😀 whole', 'Zürich', 1, null, true] })).toBeNull();
  });

  it('walks a very deep document without overflowing the stack', () => {
    let deep: unknown = `end ${halfEmoji}`;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(brokenTextPath(deep)).toMatch(/^0(\.0)+$/);
  });
});

describe('the doors refuse broken text', () => {
  let ws: TempWorkspace;
  let dir: string;
  beforeAll(() => {
    ws = tempWorkspace();
    dir = mkdtempSync(join(tmpdir(), 'qm-broken-text-'));
  });
  afterAll(() => {
    ws.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an app call with a lone surrogate in a name is refused, naming the field, and nothing is stored', async () => {
    const r = await ws.session.call('org.createDepartment', { code: '900', name: `Sales ${halfEmoji}`, parentId: null });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toContain('name holds broken text');
    }
    expect(ws.ctx.db.$client.prepare('SELECT count(*) FROM departments').pluck().get()).toBe(0);
  });

  it('a restore whose export holds an escaped lone surrogate is refused, naming the row, and no file is made', () => {
    const doc = exportJson(ws.ctx) as unknown as Record<string, unknown>;
    doc.workspace = { ...(doc.workspace as object), name: 'Acme \\ud83d' };
    const path = join(dir, 'broken.json');
    // JSON.stringify would escape the backslash; write the \ud83d escape itself, as a hand-edited file would.
    writeFileSync(path, JSON.stringify(doc).replace('Acme \\\\ud83d', 'Acme \\ud83d'));
    const target = join(dir, 'restored.sqlite');
    expect(() => restoreFromFile(target, path)).toThrow(/workspace\.name holds broken text/);
    expect(existsSync(target)).toBe(false);
  });

  it('a restore from a FIFO is refused at once instead of waiting forever', () => {
    const fifo = join(dir, 'export.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(() => restoreFromFile(join(dir, 'from-fifo.sqlite'), fifo)).toThrow(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
