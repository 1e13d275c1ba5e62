/**
 * Confirmed name → code matches, remembered per source (the same source key as the column
 * mapping: mapping.ts sourceKey) so the next file from that source matches itself. The one place
 * that reads and writes import_entity_matches. Like a remembered mapping, a preference: not
 * audited, and undoing an import does not forget it. Names are keyed by normaliseNameKey, the key
 * shared/name-match.ts compares by; recallMatches gives the map matchName takes as `remembered`.
 */
import { and, eq } from 'drizzle-orm';
import { normaliseNameKey } from '../../../shared/name-match';
import type { Ctx } from '../context';
import { importEntityMatches } from '../db/schema';
import { writeTransaction } from '../db/transactions';

export type EntityKind = 'department' | 'account' | 'person';

export interface ConfirmedMatch {
  kind: EntityKind;
  /** The name as the file wrote it; stored by its normalised key. */
  name: string;
  code: string;
}

/** Remembers (or replaces) confirmed matches for a source, all in one transaction. */
export function rememberMatches(ctx: Pick<Ctx, 'db' | 'now'>, sourceKey: string, matches: readonly ConfirmedMatch[]): void {
  const at = ctx.now().toISOString();
  writeTransaction(ctx.db, () => {
    for (const m of matches) {
      const nameKey = normaliseNameKey(m.name);
      if (nameKey === '') continue;
      ctx.db
        .insert(importEntityMatches)
        .values({ sourceKey, kind: m.kind, nameKey, targetCode: m.code, updatedAt: at })
        .onConflictDoUpdate({
          target: [importEntityMatches.sourceKey, importEntityMatches.kind, importEntityMatches.nameKey],
          set: { targetCode: m.code, updatedAt: at },
        })
        .run();
    }
  });
}

/** The remembered matches of one kind for a source: normalised name → code. */
export function recallMatches(ctx: Pick<Ctx, 'db'>, sourceKey: string, kind: EntityKind): Map<string, string> {
  const rows = ctx.db
    .select({ nameKey: importEntityMatches.nameKey, code: importEntityMatches.targetCode })
    .from(importEntityMatches)
    .where(and(eq(importEntityMatches.sourceKey, sourceKey), eq(importEntityMatches.kind, kind)))
    .all();
  return new Map(rows.map((r) => [r.nameKey, r.code]));
}

/** Forgets one remembered match (the user corrected it); true when there was one. */
export function forgetMatch(ctx: Pick<Ctx, 'db'>, sourceKey: string, kind: EntityKind, name: string): boolean {
  const result = ctx.db
    .delete(importEntityMatches)
    .where(and(eq(importEntityMatches.sourceKey, sourceKey), eq(importEntityMatches.kind, kind), eq(importEntityMatches.nameKey, normaliseNameKey(name))))
    .run();
  return result.changes > 0;
}
