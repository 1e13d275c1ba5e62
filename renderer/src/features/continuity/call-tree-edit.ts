/**
 * Editing a call tree as a list: every operation takes the whole list and returns a new one,
 * which is what continuity.setCallTree takes. Pure, so the rules are unit-tested. Cycles are not
 * prevented here on purpose: core refuses them with a sentence naming the people in the circle,
 * and the editor shows that sentence.
 */
import type { CallTreeEntry } from '../../../../shared/continuity';

export interface TreeDraft {
  /** An existing entry's id, or a new one the editor made up (core stores a generated id). */
  id: string;
  personId: string;
  parentId: string | null;
  alternatePersonId: string | null;
}

export function fromCallTree(entries: readonly CallTreeEntry[]): TreeDraft[] {
  return entries.map((e) => ({ id: e.id, personId: e.personId, parentId: e.parentEntryId, alternatePersonId: e.alternatePersonId }));
}

/** The shape setCallTree takes. */
export function toCallTreeInput(entries: readonly TreeDraft[]) {
  return entries.map((e) => ({ id: e.id, personId: e.personId, parentId: e.parentId, alternatePersonId: e.alternatePersonId }));
}

/** Adds a person, called by `parentId` (null: a first caller), after that caller's other calls. */
export function addEntry(entries: readonly TreeDraft[], entry: { id: string; personId: string; parentId: string | null; alternatePersonId?: string | null }): TreeDraft[] {
  return [...entries, { id: entry.id, personId: entry.personId, parentId: entry.parentId, alternatePersonId: entry.alternatePersonId ?? null }];
}

export function setAlternate(entries: readonly TreeDraft[], id: string, alternatePersonId: string | null): TreeDraft[] {
  return entries.map((e) => (e.id === id ? { ...e, alternatePersonId } : e));
}

export function setPerson(entries: readonly TreeDraft[], id: string, personId: string): TreeDraft[] {
  return entries.map((e) => (e.id === id ? { ...e, personId } : e));
}

/** Makes `id` called by `parentId` (last among its new siblings). No cycle check: core says why. */
export function moveUnder(entries: readonly TreeDraft[], id: string, parentId: string | null): TreeDraft[] {
  const moving = entries.find((e) => e.id === id);
  if (!moving) return [...entries];
  return [...entries.filter((e) => e.id !== id), { ...moving, parentId }];
}

/** Swaps `id` with its previous (-1) or next (+1) sibling; unchanged at either end. */
export function moveAmongSiblings(entries: readonly TreeDraft[], id: string, dir: -1 | 1): TreeDraft[] {
  const me = entries.find((e) => e.id === id);
  if (!me) return [...entries];
  const siblings = entries.map((e, i) => [e, i] as const).filter(([e]) => e.parentId === me.parentId);
  const at = siblings.findIndex(([e]) => e.id === id);
  const other = siblings[at + dir];
  const mine = siblings[at];
  if (!other || !mine) return [...entries];
  const out = [...entries];
  out[mine[1]] = other[0];
  out[other[1]] = mine[0];
  return out;
}

/**
 * Takes `id` off the tree. The people it called are not dropped with it: they move up to be
 * called by whoever called it (or become first callers), so nobody falls off by accident.
 */
export function removeEntry(entries: readonly TreeDraft[], id: string): TreeDraft[] {
  const gone = entries.find((e) => e.id === id);
  if (!gone) return [...entries];
  return entries.filter((e) => e.id !== id).map((e) => (e.parentId === id ? { ...e, parentId: gone.parentId } : e));
}

/** `id` and every entry it calls, directly or through others. */
export function subtree(entries: readonly TreeDraft[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of entries) {
      if (e.parentId !== null && out.has(e.parentId) && !out.has(e.id)) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Depth-first with depth, siblings in list order (what the tree shows); entries in a cycle are left out. */
export function ordered(entries: readonly TreeDraft[]): { entry: TreeDraft; depth: number }[] {
  const out: { entry: TreeDraft; depth: number }[] = [];
  const seen = new Set<string>();
  const ids = new Set(entries.map((e) => e.id));
  const visit = (parentId: string | null, depth: number) => {
    for (const e of entries) {
      if (e.parentId !== parentId || seen.has(e.id)) continue;
      seen.add(e.id);
      out.push({ entry: e, depth });
      visit(e.id, depth + 1);
    }
  };
  visit(null, 0);
  // An entry whose caller is not in the list shows as a first caller rather than vanishing.
  for (const e of entries) {
    if (!seen.has(e.id) && (e.parentId === null || !ids.has(e.parentId))) {
      seen.add(e.id);
      out.push({ entry: e, depth: 0 });
      visit(e.id, 1);
    }
  }
  return out;
}
