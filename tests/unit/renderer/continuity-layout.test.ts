import { describe, expect, it } from 'vitest';
import type { DependencyMap } from '../../../shared/continuity';
import { fromRows, moveCursor, ratingOfKey, setCell, toRows } from '../../../renderer/src/features/continuity/bia-logic';
import { elkGraph, layeredLayout, layersOf, positionsFromElk } from '../../../renderer/src/features/continuity/map-layout';
import { gapKinds, scoreBand } from '../../../renderer/src/features/continuity/words';

type Node = DependencyMap['nodes'][number];
const node = (id: string, kind: Node['kind']): Node => ({
  id,
  kind,
  refId: id.split(':')[1]!,
  label: id,
  tier: kind === 'process' ? 1 : null,
  score: kind === 'process' ? 80 : null,
  recoveryHours: null,
  singlePointOfFailure: false,
});
const edge = (id: string, from: string, to: string) => ({ id, from, to, effectiveRecoveryHours: null, exceedsRto: false });

// Warehouse depends on Dispatch; both on the TMS; Dispatch on a person; Payroll alone.
const map = {
  nodes: [node('process:wh', 'process'), node('process:disp', 'process'), node('process:pay', 'process'), node('system:tms', 'system'), node('person:ann', 'person')],
  edges: [edge('d1', 'process:wh', 'process:disp'), edge('d2', 'process:wh', 'system:tms'), edge('d3', 'process:disp', 'system:tms'), edge('d4', 'process:disp', 'person:ann')],
};

describe('dependency map layout', () => {
  it('puts a process left of the processes it depends on, and resources last', () => {
    const layers = layersOf(map);
    expect(layers.get('process:wh')).toBe(0);
    expect(layers.get('process:disp')).toBe(1);
    expect(layers.get('process:pay')).toBe(0);
    expect(layers.get('system:tms')).toBe(2);
    expect(layers.get('person:ann')).toBe(2);
  });
  it('places every node once, columns left to right, no two nodes on one spot', () => {
    const pos = layeredLayout(map);
    expect(pos.size).toBe(map.nodes.length);
    expect(pos.get('process:wh')!.x).toBeLessThan(pos.get('process:disp')!.x);
    expect(pos.get('process:disp')!.x).toBeLessThan(pos.get('system:tms')!.x);
    const spots = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(map.nodes.length);
  });
  it('does not spin on a circle (core refuses them, the layout must still end)', () => {
    const circle = { nodes: [node('process:a', 'process'), node('process:b', 'process')], edges: [edge('1', 'process:a', 'process:b'), edge('2', 'process:b', 'process:a')] };
    expect(layeredLayout(circle).size).toBe(2);
  });
  it('gives ELK every node and only edges between known nodes', () => {
    const graph = elkGraph({ nodes: map.nodes, edges: [...map.edges, edge('bad', 'process:wh', 'vendor:gone')] });
    expect(graph.children.map((c) => c.id)).toEqual(map.nodes.map((n) => n.id));
    expect(graph.edges.map((e) => e.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(graph.layoutOptions['elk.direction']).toBe('RIGHT');
  });
  it('reads ELK’s positions, and says when a node is missing', () => {
    const children = map.nodes.map((n, i) => ({ id: n.id, x: i * 10, y: 5 }));
    expect(positionsFromElk(map, { children })?.get('system:tms')).toEqual({ x: 30, y: 5 });
    expect(positionsFromElk(map, { children: children.slice(1) })).toBeNull();
  });
});

describe('impact grid', () => {
  it('turns rows into a 5 × 5 table and back, whatever order they came in', () => {
    const rows = [{ horizonHours: 24, financial: 2, customer: 4, regulatory: null, reputational: null, safety: 1 }];
    const table = fromRows(rows);
    expect(table[1]).toEqual([2, 4, null, null, 1]);
    expect(table[0]).toEqual([null, null, null, null, null]);
    const back = toRows(table);
    expect(back.map((r) => r.horizonHours)).toEqual([4, 24, 72, 168, 336]);
    expect(back[1]).toEqual(rows[0]);
  });
  it('sets one cell without touching the rest', () => {
    const table = setCell(fromRows([]), { r: 2, c: 3 }, 5);
    expect(table[2]![3]).toBe(5);
    expect(table.flat().filter((v) => v !== null)).toEqual([5]);
  });
  it('moves the cursor within the table and reads only 1–5 as ratings', () => {
    expect(moveCursor({ r: 0, c: 0 }, 'ArrowUp')).toEqual({ r: 0, c: 0 });
    expect(moveCursor({ r: 4, c: 4 }, 'ArrowRight')).toEqual({ r: 4, c: 4 });
    expect(moveCursor({ r: 1, c: 1 }, 'ArrowDown')).toEqual({ r: 2, c: 1 });
    expect(moveCursor({ r: 1, c: 3 }, 'Home')).toEqual({ r: 1, c: 0 });
    expect(moveCursor({ r: 1, c: 1 }, 'Enter', true)).toEqual({ r: 0, c: 1 });
    expect(moveCursor({ r: 1, c: 1 }, 'x')).toBeNull();
    expect(ratingOfKey('3')).toBe(3);
    expect(ratingOfKey('0')).toBeNull();
    expect(ratingOfKey('6')).toBeNull();
  });
});

describe('readiness words', () => {
  it('bands scores and groups gaps by kind, worst first', () => {
    expect([scoreBand(100), scoreBand(80), scoreBand(79), scoreBand(50), scoreBand(49)]).toEqual(['good', 'good', 'fair', 'fair', 'poor']);
    const gap = (code: 'no_plan' | 'key_person', severity: 'high' | 'medium' | 'low') => ({ code, severity, message: '', fix: '', weight: 10, subject: null });
    expect(gapKinds([gap('key_person', 'medium'), gap('no_plan', 'high'), gap('key_person', 'high')])).toEqual([
      { code: 'key_person', severity: 'high', count: 2 },
      { code: 'no_plan', severity: 'high', count: 1 },
    ]);
  });
});
