/**
 * The shape check of a call tree: every entry is called by at most one other entry of the same
 * list, and following "called by" from any entry ends at a first caller — the entries form a
 * forest. Pure, so a property test can hold it to exactly that.
 */

export interface TreeLink {
  id: string;
  parentId: string | null;
}

export type ForestCheck =
  | { ok: true; /** Ids depth-first: each after its parent, siblings in list order. */ order: string[]; depth: Map<string, number> }
  | { ok: false; problem: 'duplicate'; id: string }
  | { ok: false; problem: 'missing_parent'; id: string; parentId: string }
  | { ok: false; problem: 'cycle'; /** The ids around the cycle, starting and ending with the same id. */ cycle: string[] };

export function checkForest(entries: readonly TreeLink[]): ForestCheck {
  const byId = new Map<string, TreeLink>();
  for (const e of entries) {
    if (byId.has(e.id)) return { ok: false, problem: 'duplicate', id: e.id };
    byId.set(e.id, e);
  }
  for (const e of entries) {
    if (e.parentId !== null && !byId.has(e.parentId)) return { ok: false, problem: 'missing_parent', id: e.id, parentId: e.parentId };
  }
  // Walk up from each entry; an entry met twice on one walk closes a cycle.
  const settled = new Set<string>();
  for (const start of entries) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: TreeLink | undefined = start;
    while (current && !settled.has(current.id)) {
      if (onPath.has(current.id)) {
        const from = path.indexOf(current.id);
        return { ok: false, problem: 'cycle', cycle: [...path.slice(from), current.id] };
      }
      onPath.add(current.id);
      path.push(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    for (const id of path) settled.add(id);
  }
  const children = new Map<string | null, TreeLink[]>();
  for (const e of entries) children.set(e.parentId, [...(children.get(e.parentId) ?? []), e]);
  const order: string[] = [];
  const depth = new Map<string, number>();
  const visit = (e: TreeLink, d: number) => {
    order.push(e.id);
    depth.set(e.id, d);
    for (const c of children.get(e.id) ?? []) visit(c, d + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return { ok: true, order, depth };
}

/**
 * Where a person gets a second entry in one call tree: the index of that entry, or -1. Each person
 * appears once: a second entry would have them called from two places (and can call back up to
 * themselves), and readiness would judge their cover on one entry while the other says something
 * else. The app (setCallTree) and a restore from an export both apply this rule.
 */
export function repeatedPerson(personIds: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, id] of personIds.entries()) {
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return -1;
}
