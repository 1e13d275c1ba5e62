/**
 * Trees given as child → parent links (departments, call trees), walked without recursion and in
 * time linear in the number of nodes: they come from files (imports, restores) as well as from the
 * app, and a file may hold a chain tens of thousands deep or a circle.
 */

export interface TreeLevels<K> {
  /**
   * Each node's level: 1 for a root (no parent, or a parent that is not a node), its parent's level
   * plus one below. Nodes on a circle, or under one, have none.
   */
  level: Map<K, number>;
  /** The first circle of parents met (each node's parent is the next, the last's is the first), or null. */
  cycle: K[] | null;
}

/** The levels of every node of `parentOf` (child → parent, null for none) and the first circle found. */
export function treeLevels<K>(parentOf: ReadonlyMap<K, K | null>): TreeLevels<K> {
  const level = new Map<K, number>();
  const onPath = new Set<K>();
  let cycle: K[] | null = null;
  for (const start of parentOf.keys()) {
    if (level.has(start)) continue;
    // Walk up to a node whose level is known (or above the top), then number the path downwards.
    const path: K[] = [];
    let base = 0;
    let node: K | null | undefined = start;
    let circle = false;
    while (node !== null && node !== undefined && parentOf.has(node)) {
      const known = level.get(node);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onPath.has(node)) {
        circle = true;
        cycle ??= path.slice(path.indexOf(node));
        break;
      }
      onPath.add(node);
      path.push(node);
      node = parentOf.get(node);
    }
    onPath.clear();
    if (circle) {
      // Nothing on this path has a level; mark it so that later walks stop here at once.
      for (const n of path) level.set(n, Number.NaN);
      continue;
    }
    for (let i = path.length - 1; i >= 0; i--) level.set(path[i]!, ++base);
  }
  for (const [n, l] of level) if (Number.isNaN(l)) level.delete(n);
  return { level, cycle };
}

/**
 * `items` with every parent before its children, in the order given within a level: the order to
 * insert a tree in. Items without a level (on or under a circle) are left out.
 */
export function parentsFirst<T>(items: readonly T[], levels: ReadonlyMap<unknown, number>, key: (item: T, index: number) => unknown): T[] {
  const byLevel: T[][] = [];
  items.forEach((item, i) => {
    const l = levels.get(key(item, i));
    if (l === undefined) return;
    (byLevel[l] ??= []).push(item);
  });
  return byLevel.flatMap((list) => list ?? []);
}

/** A circle as "A → C → B → A", starting from `from` (one of its nodes), the first ten steps at most. */
export function circleInWords<K>(cycle: readonly K[], from: K): string {
  const at = Math.max(0, cycle.indexOf(from));
  const round = [...cycle.slice(at), ...cycle.slice(0, at), cycle[at]];
  return round.length > 11 ? `${round.slice(0, 10).join(' → ')} → … (${cycle.length} in the circle)` : round.join(' → ');
}
