// Save dialogs ask for a new name instead of overwriting: which names count as taken, and the
// free name suggested next.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { freeName, isTaken } = await import('../../../electron/main/workspace-files');

describe('new file names', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qm-names-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a file, or a leftover -wal without its file, makes a name taken', () => {
    expect(isTaken(join(dir, 'Budget.sqlite'))).toBe(false);
    writeFileSync(join(dir, 'Budget.sqlite'), '');
    expect(isTaken(join(dir, 'Budget.sqlite'))).toBe(true);
    writeFileSync(join(dir, 'Orphan.sqlite-wal'), '');
    expect(isTaken(join(dir, 'Orphan.sqlite'))).toBe(true);
  });

  it('suggests the name itself when free, else the next free numbered one', () => {
    expect(freeName(join(dir, 'Budget.sqlite'))).toBe(join(dir, 'Budget.sqlite'));
    writeFileSync(join(dir, 'Budget.sqlite'), '');
    expect(freeName(join(dir, 'Budget.sqlite'))).toBe(join(dir, 'Budget 2.sqlite'));
    writeFileSync(join(dir, 'Budget 2.sqlite'), '');
    writeFileSync(join(dir, 'Budget 3.sqlite-wal'), '');
    expect(freeName(join(dir, 'Budget.sqlite'))).toBe(join(dir, 'Budget 4.sqlite'));
    // Starting from a numbered name counts on from the base name, not "Budget 2 2".
    expect(freeName(join(dir, 'Budget 2.sqlite'))).toBe(join(dir, 'Budget 4.sqlite'));
  });
});
