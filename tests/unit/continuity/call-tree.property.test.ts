/**
 * The call-tree check accepts exactly the forests: lists where every parent is in the list and
 * following parents from any entry reaches a first caller. Checked against a simple oracle, on
 * the pure function and through setCallTree on a real workspace, which also holds each person to
 * one entry: the trees it expects to store name eight different people.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkForest, type TreeLink } from '../../../electron/core/continuity/call-tree';
import { createPlan, setCallTree } from '../../../electron/core/continuity/plan-service';
import { planDetail } from '../../../electron/core/continuity/views';
import { AppError } from '../../../shared/result';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { contentHash, seedPeople } from './continuity-fixture';

/** Parent choices: null, an index into the list, or (past its end) an id that is not there. */
const parentLists = fc.integer({ min: 0, max: 10 }).chain((n) =>
  fc.array(fc.option(fc.integer({ min: 0, max: n + 1 }), { nil: null, freq: 3 }), { minLength: n, maxLength: n }),
);

function links(parents: (number | null)[]): TreeLink[] {
  return parents.map((p, i) => ({ id: `e${i}`, parentId: p === null ? null : `e${p}` }));
}

/** The oracle: a forest when every parent exists and no walk up takes more steps than there are entries. */
function isForest(parents: (number | null)[]): boolean {
  const n = parents.length;
  if (parents.some((p) => p !== null && p >= n)) return false;
  return parents.every((_, start) => {
    let at: number | null = start;
    for (let steps = 0; steps <= n; steps += 1) {
      if (at === null) return true;
      at = parents[at]!;
    }
    return false;
  });
}

describe('checkForest', () => {
  it('accepts exactly the forests, orders parents before children, and names a real cycle', () => {
    fc.assert(
      fc.property(parentLists, (parents) => {
        const entries = links(parents);
        const result = checkForest(entries);
        expect(result.ok).toBe(isForest(parents));
        const parentOf = new Map(entries.map((e) => [e.id, e.parentId]));
        if (result.ok) {
          expect([...result.order].sort()).toEqual(entries.map((e) => e.id).sort());
          const seen = new Set<string>();
          for (const id of result.order) {
            const parent = parentOf.get(id)!;
            if (parent !== null) expect(seen.has(parent)).toBe(true);
            expect(result.depth.get(id)).toBe(parent === null ? 0 : result.depth.get(parent)! + 1);
            seen.add(id);
          }
        } else if (result.problem === 'cycle') {
          const c = result.cycle;
          expect(c[0]).toBe(c.at(-1));
          for (let i = 0; i + 1 < c.length; i += 1) expect(parentOf.get(c[i]!)).toBe(c[i + 1]);
        } else {
          expect(result.problem).toBe('missing_parent');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reports a duplicate id', () => {
    expect(checkForest([{ id: 'a', parentId: null }, { id: 'a', parentId: null }])).toEqual({ ok: false, problem: 'duplicate', id: 'a' });
  });
});

describe('setCallTree', () => {
  let ws: TempWorkspace;
  let planId: string;
  let personIds: string[];
  beforeAll(() => {
    ws = tempWorkspace();
    const names = Array.from({ length: 8 }, (_, i) => `Person ${i}`);
    const people = seedPeople(ws.ctx, names);
    personIds = names.map(people.id);
    planId = createPlan(ws.ctx, { name: 'Plan', scenario: 'people' }).id;
  });
  afterAll(() => ws.cleanup());

  it('stores exactly the forests, and a refused tree writes nothing', () => {
    const parentsOfEight = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null, freq: 2 }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(parentsOfEight, (parents) => {
        const entries = parents.map((p, i) => ({ id: `n${i}`, personId: personIds[i]!, parentId: p === null ? null : `n${p}` }));
        const before = contentHash(ws.ctx);
        let stored: boolean;
        try {
          setCallTree(ws.ctx, { planId, entries });
          stored = true;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          expect(err.message).toMatch(/^The call tree goes round in a circle: /);
          expect(contentHash(ws.ctx)).toBe(before);
          stored = false;
        }
        expect(stored).toBe(isForest(parents));
        if (stored) expect(planDetail(ws.ctx, planId).callTree.map((e) => e.personName).sort()).toEqual(entries.map((_, i) => `Person ${i}`).sort());
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a tree that names a person twice, wherever the second entry sits, and writes nothing', () => {
    // Parents as above; each entry's person drawn from the eight, so some trees repeat someone.
    const trees = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.tuple(
        fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null, freq: 2 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: n, maxLength: n }),
      ),
    );
    fc.assert(
      fc.property(trees, ([parents, who]) => {
        const entries = parents.map((p, i) => ({ id: `d${i}`, personId: personIds[who[i]!]!, parentId: p === null ? null : `d${p}` }));
        const distinct = new Set(who).size === who.length;
        const before = contentHash(ws.ctx);
        let stored: boolean;
        try {
          setCallTree(ws.ctx, { planId, entries });
          stored = true;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          // A repeated person is named before any circle: it is the first thing to fix.
          if (!distinct) expect(err.message).toMatch(/^Person \d is on the call tree of "Plan" twice; each person appears once — move the entry instead\.$/);
          else expect(err.message).toMatch(/^The call tree goes round in a circle: /);
          expect(contentHash(ws.ctx)).toBe(before);
          stored = false;
        }
        expect(stored).toBe(distinct && isForest(parents));
      }),
      { numRuns: 150 },
    );
  });
});
