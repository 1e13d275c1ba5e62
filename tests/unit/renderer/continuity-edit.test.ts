import { describe, expect, it } from 'vitest';
import {
  addEntry,
  moveAmongSiblings,
  moveUnder,
  ordered,
  removeEntry,
  setAlternate,
  subtree,
  toCallTreeInput,
  type TreeDraft,
} from '../../../renderer/src/features/continuity/call-tree-edit';
import { moveBy, moveTo, toStepsInput } from '../../../renderer/src/features/continuity/step-edit';

const e = (id: string, parentId: string | null, personId = `p-${id}`): TreeDraft => ({ id, personId, parentId, alternatePersonId: null });
// a ─ b ─ d
//   └ c
// x
const tree = [e('a', null), e('b', 'a'), e('c', 'a'), e('d', 'b'), e('x', null)];
const shape = (entries: TreeDraft[]) => ordered(entries).map(({ entry, depth }) => `${'  '.repeat(depth)}${entry.id}`);

describe('call tree editing', () => {
  it('orders depth-first with siblings in list order', () => {
    expect(shape(tree)).toEqual(['a', '  b', '    d', '  c', 'x']);
  });
  it('adds under a caller, after its other calls', () => {
    const next = addEntry(tree, { id: 'new-1', personId: 'p9', parentId: 'a' });
    expect(shape(next)).toEqual(['a', '  b', '    d', '  c', '  new-1', 'x']);
    expect(next.at(-1)).toEqual({ id: 'new-1', personId: 'p9', parentId: 'a', alternatePersonId: null });
  });
  it('sets and clears an alternate on one entry only', () => {
    const next = setAlternate(tree, 'b', 'p-x');
    expect(next.find((x) => x.id === 'b')?.alternatePersonId).toBe('p-x');
    expect(next.filter((x) => x.alternatePersonId !== null)).toHaveLength(1);
    expect(setAlternate(next, 'b', null).every((x) => x.alternatePersonId === null)).toBe(true);
  });
  it('moves an entry with everyone it calls under another caller', () => {
    expect(shape(moveUnder(tree, 'b', 'x'))).toEqual(['a', '  c', 'x', '  b', '    d']);
    expect(shape(moveUnder(tree, 'c', null))).toEqual(['a', '  b', '    d', 'x', 'c']);
  });
  it('leaves a circle for core to refuse rather than hiding it', () => {
    const circle = moveUnder(tree, 'a', 'd');
    expect(circle.find((x) => x.id === 'a')?.parentId).toBe('d');
    expect(toCallTreeInput(circle)).toHaveLength(5);
  });
  it('swaps among siblings and stops at the ends', () => {
    expect(shape(moveAmongSiblings(tree, 'c', -1))).toEqual(['a', '  c', '  b', '    d', 'x']);
    expect(moveAmongSiblings(tree, 'b', -1)).toEqual(tree);
    expect(moveAmongSiblings(tree, 'x', 1)).toEqual(tree);
    expect(shape(moveAmongSiblings(tree, 'a', 1))).toEqual(['x', 'a', '  b', '    d', '  c']);
  });
  it('removing an entry moves the people it called up to its caller', () => {
    expect(shape(removeEntry(tree, 'b'))).toEqual(['a', '  c', '  d', 'x']);
    expect(shape(removeEntry(tree, 'a'))).toEqual(['b', '  d', 'c', 'x']);
  });
  it('knows an entry’s subtree', () => {
    expect([...subtree(tree, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...subtree(tree, 'x')]).toEqual(['x']);
  });
  it('sends what setCallTree takes', () => {
    expect(toCallTreeInput([e('a', null)])).toEqual([{ id: 'a', personId: 'p-a', parentId: null, alternatePersonId: null }]);
  });
});

describe('step reordering', () => {
  const list = ['one', 'two', 'three'];
  it('moves one place and stops at the ends', () => {
    expect(moveBy(list, 2, -1)).toEqual(['one', 'three', 'two']);
    expect(moveBy(list, 0, -1)).toEqual(list);
    expect(moveBy(list, 2, 1)).toEqual(list);
  });
  it('moves to any place (a drop), clamped', () => {
    expect(moveTo(list, 0, 2)).toEqual(['two', 'three', 'one']);
    expect(moveTo(list, 2, 0)).toEqual(['three', 'one', 'two']);
    expect(moveTo(list, 1, 9)).toEqual(['one', 'three', 'two']);
    expect(moveTo(list, 5, 0)).toEqual(list);
  });
  it('keeps ids of saved steps and sends new ones without', () => {
    expect(
      toStepsInput([
        { id: 's1', action: 'Call', ownerPersonId: 'p1', withinHours: 2 },
        { action: 'New', ownerPersonId: null, withinHours: null },
      ]),
    ).toEqual([
      { id: 's1', action: 'Call', ownerPersonId: 'p1', withinHours: 2 },
      { action: 'New', ownerPersonId: null, withinHours: null },
    ]);
  });
});
