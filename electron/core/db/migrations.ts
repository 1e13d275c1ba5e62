/**
 * Reads the drizzle-kit migrations committed in /migrations. They are applied by our own runner
 * (see open-workspace.ts) so that a backup comes first, a newer file is refused and gaps are caught.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string(), when: z.number() })),
});

export interface Migration {
  /** 1-based schema version this migration brings the workspace to. */
  version: number;
  tag: string;
  statements: string[];
  hash: string;
}

/** Walks up from this module to the folder holding migrations/meta/_journal.json (source tree or app bundle). */
export function findMigrationsDir(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`migrations folder not found above ${start}`);
    dir = up;
  }
}

export function loadMigrations(dir = findMigrationsDir()): Migration[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')));
  return journal.entries.map((entry, i) => {
    if (entry.idx !== i) throw new Error(`migration journal has a gap: entry ${i} has idx ${entry.idx}`);
    const sql = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
    const statements = sql
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    return { version: i + 1, tag: entry.tag, statements, hash: createHash('sha256').update(sql).digest('hex') };
  });
}
