/**
 * No code, test, script or doc of the project reaches outside the repository: a fresh clone with
 * nothing beside it must build and pass. Two checks over every tracked text file:
 *  - no absolute path of the machine the project was first built on (the handbook folder beside
 *    the checkout, or anything under it), and
 *  - no relative path literal that climbs above the repository root from the file that holds it
 *    ('../../../x' in tests/helpers, `join(here, '..', '..', '..')`, a Markdown link to '../x').
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

// Built from pieces so this file does not match itself.
const slash = '/';
const forbidden = [
  `${slash}work${slash}`, // the build machine's layout: the checkout and the handbook beside it live there
  `..${slash}shared${slash}fixtures`, // where the sample files used to be read from
];

const textExtensions = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.md', '.sh', '.yml', '.yaml', '.html', '.css', '.toml', '.py', '']);
const codeExtensions = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.sh', '.py', '']);
const skipped = new Set(['package-lock.json']);

function trackedFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
    return out.split('\0').filter(Boolean);
  } catch {
    // Not a git checkout (an unpacked archive): walk the tree instead.
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (['node_modules', '.git', 'out', 'dist'].includes(entry.name)) continue;
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk('');
    return files;
  }
}

const escapes = (from: string, rel: string): boolean => {
  const target = resolve(root, dirname(from), rel);
  const up = relative(root, target);
  return up === '..' || up.startsWith(`..${sep}`);
};

/** Places in one file's text that name a path outside the repository. */
export function pathsOutOfRepo(file: string, text: string): string[] {
  const found: string[] = [];
  const ext = extname(file);
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const bad of forbidden) if (line.includes(bad)) found.push(`${at}: ${bad}`);
    if (codeExtensions.has(ext)) {
      // A string literal that starts by climbing: '../../x', "../..", `../x`.
      for (const m of line.matchAll(/['"`]((?:\.\.\/)+[^'"`$]*|\.\.)['"`]/g)) {
        if (escapes(file, m[1] ?? '')) found.push(`${at}: ${m[0]}`);
      }
      // Climbing in separate arguments: join(here, '..', '..', '..').
      for (const m of line.matchAll(/(?:['"]\.\.['"]\s*,\s*)+['"]\.\.['"]/g)) {
        const levels = (m[0].match(/\.\./g) ?? []).length;
        if (escapes(file, Array(levels).fill('..').join('/'))) found.push(`${at}: ${m[0]}`);
      }
    }
    if (ext === '.md') {
      for (const m of line.matchAll(/\]\(((?:\.\.\/)+[^)\s]*)\)/g)) {
        if (escapes(file, m[1] ?? '')) found.push(`${at}: ${m[0]}`);
      }
    }
  });
  return found;
}

describe('the repository stands alone', () => {
  it('the check itself catches a path out of the repo', () => {
    expect(pathsOutOfRepo('tests/helpers/fixtures.ts', `resolve(import.meta.dirname, '../../..${slash}shared${slash}fixtures')`)).toHaveLength(2);
    expect(pathsOutOfRepo('tests/helpers/x.ts', "join(here, '..', '..', '..', 'shared')")).toHaveLength(1);
    expect(pathsOutOfRepo('README.md', 'see [the handbook](../shared/ARCHITECTURE.md)')).toHaveLength(1);
    expect(pathsOutOfRepo('tests/unit/x.test.ts', `readFileSync('${slash}work${slash}shared/RELIABILITY.md')`)).toHaveLength(1);
    // Inside the repo is fine.
    expect(pathsOutOfRepo('tests/helpers/fixtures.ts', "import { x } from '../../shared/imports'; resolve(import.meta.dirname, '../fixtures')")).toEqual([]);
    expect(pathsOutOfRepo('tests/unit/electron/x.test.ts', "resolve(import.meta.dirname, '../../..')")).toEqual([]);
  });

  it('no tracked file names a path outside the repository', () => {
    const found: string[] = [];
    for (const file of trackedFiles()) {
      if (skipped.has(file) || !textExtensions.has(extname(file))) continue;
      const path = join(root, file);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue; // deleted in the working tree, not yet committed
      }
      // Not a symlink (a node_modules linked into a clone) nor anything but a plain, modest file.
      if (!stat.isFile() || stat.size > 2_000_000) continue;
      const text = readFileSync(path, 'utf8');
      if (text.includes('\0')) continue; // binary
      found.push(...pathsOutOfRepo(file, text));
    }
    expect(found).toEqual([]);
  });
});
