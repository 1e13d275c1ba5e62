/**
 * Where the dependency map's nodes go. ELK's layered algorithm when it loads (elkGraph /
 * positionsFromElk); otherwise — or in a test — a layered layout of our own: processes left
 * to right by who depends on whom, and everything they depend on in the last column, each
 * column ordered to follow the nodes that point at it. Pure, no DOM.
 */
import type { DependencyMap } from '../../../../shared/continuity';

export type MapNode = DependencyMap['nodes'][number];
export type MapEdge = DependencyMap['edges'][number];

export interface Point {
  x: number;
  y: number;
}

export const nodeWidth = 216;
export const nodeHeight = 56;
const columnGap = 110;
const rowGap = 14;

/** Column of each node: a process sits left of the processes it depends on; people, systems, sites and vendors last. */
export function layersOf(map: Pick<DependencyMap, 'nodes' | 'edges'>): Map<string, number> {
  const isProcess = new Map(map.nodes.map((n) => [n.id, n.kind === 'process']));
  const layer = new Map<string, number>();
  for (const n of map.nodes) if (n.kind === 'process') layer.set(n.id, 0);
  const processEdges = map.edges.filter((e) => isProcess.get(e.from) && isProcess.get(e.to) && e.from !== e.to);
  // Longest path, bounded by the number of processes so a cycle (core refuses them) cannot spin.
  const limit = layer.size;
  for (let pass = 0; pass < limit; pass++) {
    let changed = false;
    for (const e of processEdges) {
      const want = (layer.get(e.from) ?? 0) + 1;
      if (want > (layer.get(e.to) ?? 0) && want <= limit) {
        layer.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const last = Math.max(-1, ...layer.values()) + 1;
  for (const n of map.nodes) if (n.kind !== 'process') layer.set(n.id, last);
  return layer;
}

/** The layered layout: columns from layersOf, each column ordered by the mean row of what points at it. */
export function layeredLayout(map: Pick<DependencyMap, 'nodes' | 'edges'>): Map<string, Point> {
  const layer = layersOf(map);
  const columns = new Map<number, MapNode[]>();
  for (const n of map.nodes) {
    const l = layer.get(n.id) ?? 0;
    columns.set(l, [...(columns.get(l) ?? []), n]);
  }
  const row = new Map<string, number>();
  const positions = new Map<string, Point>();
  const keys = [...columns.keys()].sort((a, b) => a - b);
  for (const l of keys) {
    const nodes = columns.get(l) ?? [];
    const weight = (n: MapNode): number => {
      const from = map.edges.filter((e) => e.to === n.id).map((e) => row.get(e.from)).filter((r): r is number => r !== undefined);
      return from.length === 0 ? Number.POSITIVE_INFINITY : from.reduce((a, b) => a + b, 0) / from.length;
    };
    const sorted = nodes
      .map((n, i) => ({ n, i, w: weight(n) }))
      .sort((a, b) => (a.w === b.w ? a.i - b.i : a.w - b.w))
      .map((x) => x.n);
    sorted.forEach((n, i) => {
      row.set(n.id, i);
      positions.set(n.id, { x: l * (nodeWidth + columnGap), y: i * (nodeHeight + rowGap) });
    });
  }
  return positions;
}

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/** The graph ELK lays out: left to right, processes first, what they depend on after. */
export function elkGraph(map: Pick<DependencyMap, 'nodes' | 'edges'>): ElkInput {
  const ids = new Set(map.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(columnGap),
      'elk.spacing.nodeNode': String(rowGap),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.separateConnectedComponents': 'false',
    },
    children: map.nodes.map((n) => ({ id: n.id, width: nodeWidth, height: nodeHeight })),
    edges: map.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
}

/** Positions from ELK's answer; null when it left a node out (then the caller falls back). */
export function positionsFromElk(map: Pick<DependencyMap, 'nodes'>, laidOut: { children?: { id: string; x?: number; y?: number }[] }): Map<string, Point> | null {
  const byId = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
  const out = new Map<string, Point>();
  for (const n of map.nodes) {
    const c = byId.get(n.id);
    if (!c || c.x === undefined || c.y === undefined) return null;
    out.set(n.id, { x: c.x, y: c.y });
  }
  return out;
}
