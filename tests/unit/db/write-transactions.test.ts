// Every transaction goes through electron/core/db/transactions.ts, where a write begins IMMEDIATE
// (and so waits for another writer) and a read is deferred. A `.transaction(` anywhere else would
// be a deferred write again: read first, then fail at once with "database is locked".
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('transactions', () => {
  it('are begun only by writeTransaction and readTransaction', () => {
    const offenders = sources(join(root, 'electron'))
      .filter((f) => relative(root, f) !== join('electron', 'core', 'db', 'transactions.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (/\.transaction\(/.test(line) ? [`${relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
