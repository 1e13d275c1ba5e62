import type { Department } from '../../../../shared/org';

/** Ids of `id` and everything under it: a department cannot move into its own subtree. */
export function subtreeIds(departments: readonly Department[], id: string): Set<string> {
  const children = new Map<string | null, string[]>();
  for (const d of departments) {
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}
