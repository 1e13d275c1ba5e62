/**
 * T2: random sequences of paste/clear, undo and redo on a small grid, compared after every step
 * with a plain in-memory model of the cells and of the undo and redo stacks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetGrid, setCells } from '../../../electron/core/budget/grid-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { smallCompany, type SmallCompany } from './grid-fixture';

const months = ['2026-01', '2026-02', '2026-03'];
type Cells = Map<string, number>;
type Edit = { leaf: 0 | 1; account: 0 | 1; month: 0 | 1 | 2; amountMinor: number | null };
type Command = { kind: 'set'; edits: Edit[] } | { kind: 'undo' } | { kind: 'redo' };

const key = (leaf: number, account: number, month: number) => `${leaf}/${account}/${month}`;

const editArb: fc.Arbitrary<Edit> = fc.record({
  leaf: fc.constantFrom(0 as const, 1 as const),
  account: fc.constantFrom(0 as const, 1 as const),
  month: fc.constantFrom(0 as const, 1 as const, 2 as const),
  // A small pool of values so that "no change" and "clear an empty cell" happen often.
  amountMinor: fc.constantFrom(null, 0, 1, 250, -75, 1_000_000_00),
});
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.array(editArb, { minLength: 1, maxLength: 6 }).map((edits) => ({ kind: 'set' as const, edits })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

function compare(c: SmallCompany, model: Cells, leaves: string[], accounts: string[]): void {
  const grids = leaves.map((departmentId) => budgetGrid(c.ctx, { planId: c.planId, departmentId }));
  const parent = budgetGrid(c.ctx, { planId: c.planId, departmentId: c.dept.ops });
  accounts.forEach((accountId, a) => {
    const parentRow = parent.rows.find((r) => r.accountId === accountId)!;
    months.forEach((_, m) => {
      let sum: number | null = null;
      grids.forEach((g, l) => {
        const expected = model.get(key(l, a, m)) ?? null;
        expect(g.rows.find((r) => r.accountId === accountId)!.values[m]).toBe(expected);
        if (expected !== null) sum = (sum ?? 0) + expected;
      });
      expect(parentRow.values[m]).toBe(sum);
    });
  });
  const spend = [...model.values()].reduce((s, v) => s + v, 0);
  expect(parent.rollupPath[0]?.spendTotal).toBe(spend);
}

describe('budget grid against a model (T2)', () => {
  it('matches the model after every paste, undo and redo', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 25 }), (commands) => {
        const c = smallCompany();
        try {
          const leaves = [c.dept.warehouse, c.dept.fleet];
          const accounts = [c.acct.salaries, c.acct.travel];
          let model: Cells = new Map();
          const undoStack: Cells[] = [];
          let redoStack: Cells[] = [];
          for (const cmd of commands) {
            if (cmd.kind === 'set') {
              const next = new Map(model);
              for (const e of cmd.edits) {
                if (e.amountMinor === null) next.delete(key(e.leaf, e.account, e.month));
                else next.set(key(e.leaf, e.account, e.month), e.amountMinor);
              }
              const cells = cmd.edits.map((e) => ({
                departmentId: leaves[e.leaf]!,
                accountId: accounts[e.account]!,
                period: months[e.month]!,
                amountMinor: e.amountMinor,
              }));
              const { changed } = setCells(c.ctx, { planId: c.planId, cells });
              const differs = [...new Set([...model.keys(), ...next.keys()])].filter((k) => model.get(k) !== next.get(k)).length;
              expect(changed).toBe(differs);
              if (differs > 0) {
                undoStack.push(model);
                redoStack = [];
                model = next;
              }
            } else if (cmd.kind === 'undo') {
              // Only undo what this run did; below it lies the fixture's own setup.
              const previous = undoStack.pop();
              if (!previous) continue;
              undo(c.ctx);
              redoStack.push(model);
              model = previous;
            } else {
              expect(historyState(c.ctx).canRedo).toBe(redoStack.length > 0);
              const following = redoStack.pop();
              if (!following) continue;
              redo(c.ctx);
              undoStack.push(model);
              model = following;
            }
            compare(c, model, leaves, accounts);
          }
        } finally {
          c.tw.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
