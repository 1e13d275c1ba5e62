import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeNewFile } from '../../../electron/core/fs/write-new-file';
import { refusal } from '../../helpers/refusal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing a file the user named', () => {
  it('writes a new file and leaves nothing else behind', () => {
    writeNewFile(join(dir, 'a.xlsx'), Buffer.from('one'));
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('one');
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('never replaces a file that is there', () => {
    const target = join(dir, 'a.xlsx');
    writeFileSync(target, 'theirs');
    expect(refusal(() => writeNewFile(target, Buffer.from('ours'))).message).toMatch(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('a failed write leaves no temporary file to trip the next one', () => {
    const target = join(dir, 'b.xlsx');
    writeFileSync(`${target}.${process.pid}.partial`, 'left over');
    expect(() => writeNewFile(target, Buffer.from('x'))).toThrow();
    expect(existsSync(target)).toBe(false);
    writeNewFile(target, Buffer.from('second try'));
    expect(readFileSync(target, 'utf8')).toBe('second try');
    expect(readdirSync(dir)).toEqual(['b.xlsx']);
  });
});
