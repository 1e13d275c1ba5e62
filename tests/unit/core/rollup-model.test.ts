/**
 * T2 for the rollups: random sequences of cell edits, actuals, department moves, creations and
 * deletions, undo and redo, through the real services, and after every step the maintained
 * closure and rollup tables must equal the plain recursive aggregate over the lines, and every
 * department's grid cells the plain sum over its subtree.
 *
 * Undo may take back anything, the fixture's own setup included (its plan, the Trucks account, a
 * department). Departments are picked by position among those that exist now. Edits still name the
 * fixture's plans and accounts, gone or not: setCells must refuse a removed one with an AppError
 * (a raw SqliteError fails the test). Actuals have no service to call, so the test's own setActual
 * picks among the accounts that exist now.
 *
 * Each run draws a fresh seed. A failure prints fast-check's seed and path; replay it with
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run --config tests/vitest.config.ts tests/unit/core/rollup-model.test.ts
 * and FC_RUNS=<n> explores longer (60 by default, to keep CI quick).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLineCount, rollupCells } from '../../../electron/core/budget/budget-queries';
import { setCells } from '../../../electron/core/budget/grid-service';
import { createPlan } from '../../../electron/core/budget/plan-service';
import { isoNow, type Ctx } from '../../../electron/core/context';
import { withChange } from '../../../electron/core/history/change';
import { redo, undo } from '../../../electron/core/history/history-service';
import { createDepartment, deleteDepartment, moveDepartment } from '../../../electron/core/org/department-service';
import { AppError } from '../../../shared/result';
import { smallCompany } from './grid-fixture';
import { expectRollupsExact, subtreeCells } from './rollup-oracle';

const pick = fc.nat({ max: 50 });
const amount = fc.constantFrom(null, 0, 1, 250, -75, 1_000_000_00);
const cellArb = fc.record({ account: fc.nat({ max: 3 }), month: fc.nat({ max: 2 }), amountMinor: amount });

type Command =
  | { kind: 'set'; leaf: number; plan: number; cells: Array<{ account: number; month: number; amountMinor: number | null }> }
  | { kind: 'actual'; leaf: number; account: number; month: number; amountMinor: number | null }
  | { kind: 'move'; dept: number; parent: number | null }
  | { kind: 'create'; parent: number | null }
  | { kind: 'delete'; dept: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), leaf: pick, plan: fc.nat({ max: 1 }), cells: fc.array(cellArb, { minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('actual' as const), leaf: pick, account: fc.nat({ max: 3 }), month: fc.nat({ max: 2 }), amountMinor: amount }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), dept: pick, parent: fc.option(pick, { freq: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), parent: fc.option(pick, { freq: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), dept: pick }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

function ids(ctx: Ctx, sql: string): string[] {
  return ctx.db.$client.prepare(sql).pluck().all() as string[];
}
const allDepartments = (ctx: Ctx) => ids(ctx, 'SELECT id FROM departments ORDER BY code');
const liveAccounts = (ctx: Ctx) => ids(ctx, 'SELECT id FROM accounts ORDER BY code');
const leaves = (ctx: Ctx) =>
  ids(ctx, 'SELECT id FROM departments d WHERE NOT EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = d.id) ORDER BY code');
const nth = <T,>(xs: T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);

/**
 * Sets or clears one actual as a user change would; opens no change when nothing differs. It writes
 * through the Writer directly, with no service's checks, so its caller must pass a department and an
 * account that exist: an undo may have removed one of the fixture's (a FOREIGN KEY error here was
 * this test's fault, not the app's).
 */
function setActual(ctx: Ctx, departmentId: string, accountId: string, period: string, amountMinor: number | null): void {
  const existing = ctx.db.$client
    .prepare('SELECT id, amount_minor AS amountMinor FROM actuals WHERE department_id = ? AND account_id = ? AND period = ?')
    .get(departmentId, accountId, period) as { id: string; amountMinor: number } | undefined;
  if (amountMinor === null ? !existing : existing?.amountMinor === amountMinor) return;
  withChange(ctx, 'Set actual', (w) => {
    if (amountMinor === null) w.remove('actuals', existing!.id);
    else if (existing) w.update('actuals', existing.id, { amountMinor, updatedAt: isoNow(ctx) });
    else w.insert('actuals', { id: ctx.newId(), departmentId, accountId, period, amountMinor, source: null, updatedAt: isoNow(ctx) });
  });
}

/** Refusals are part of the game (a move into its own subtree, under a department with figures…). */
function tolerateRefusal(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
}

const runs = Number(process.env.FC_RUNS ?? 60);

describe('rollups against a plain aggregate (T2)', () => {
  it('stay exact after every edit, actual, move, creation, deletion, undo and redo', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 30 }), (commands) => {
        const c = smallCompany();
        const { ctx } = c;
        const db = ctx.db.$client;
        try {
          const plans = [
            { id: c.planId, months: ['2026-01', '2026-02', '2026-03'] },
            { id: createPlan(ctx, { fiscalYear: 2027, scenario: 'Base' }).id, months: ['2027-01', '2027-02', '2027-03'] },
          ];
          const accounts = [c.acct.revenue, c.acct.salaries, c.acct.travel, c.acct.trucks];
          let created = 0;
          for (const cmd of commands) {
            switch (cmd.kind) {
              case 'set': {
                const leaf = nth(leaves(ctx), cmd.leaf);
                const plan = plans[cmd.plan]!;
                if (!leaf) break;
                const cells = cmd.cells.map((e) => ({
                  departmentId: leaf,
                  accountId: accounts[e.account]!,
                  period: plan.months[e.month]!,
                  amountMinor: e.amountMinor,
                }));
                tolerateRefusal(() => setCells(ctx, { planId: plan.id, cells }));
                break;
              }
              case 'actual': {
                // Follow the real state: three undos take back the 2027 plan, the 2026 plan and
                // then the Trucks account, so accounts[3] may no longer exist.
                const leaf = nth(leaves(ctx), cmd.leaf);
                const account = nth(liveAccounts(ctx), cmd.account);
                if (leaf && account) setActual(ctx, leaf, account, plans[0]!.months[cmd.month]!, cmd.amountMinor);
                break;
              }
              case 'move': {
                const all = allDepartments(ctx);
                const dept = nth(all, cmd.dept);
                const parent = cmd.parent === null ? null : (nth(all, cmd.parent) ?? null);
                if (dept) tolerateRefusal(() => moveDepartment(ctx, { id: dept, parentId: parent }));
                break;
              }
              case 'create': {
                const parent = cmd.parent === null ? null : (nth(allDepartments(ctx), cmd.parent) ?? null);
                created++;
                tolerateRefusal(() => createDepartment(ctx, { code: `9${String(created).padStart(2, '0')}`, name: `New ${created}`, parentId: parent }));
                break;
              }
              case 'delete': {
                const dept = nth(allDepartments(ctx), cmd.dept);
                if (dept) tolerateRefusal(() => deleteDepartment(ctx, dept));
                break;
              }
              case 'undo':
                undo(ctx);
                break;
              case 'redo':
                redo(ctx);
                break;
            }

            expectRollupsExact(db);
            const livePlans = ids(ctx, 'SELECT id FROM plans');
            for (const planId of livePlans) {
              expect(planLineCount(ctx, planId)).toBe(db.prepare('SELECT count(*) FROM budget_lines WHERE plan_id = ?').pluck().get(planId));
              for (const departmentId of allDepartments(ctx)) {
                const cells = rollupCells(ctx, planId, departmentId, '2026-01', '2027-12');
                expect(new Map(cells.map((x) => [`${x.accountId}/${x.period}`, x.amountMinor]))).toEqual(subtreeCells(db, planId, departmentId));
              }
            }
          }
        } finally {
          c.tw.cleanup();
        }
      }),
      {
        numRuns: runs,
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
        // The reported counterexample, always run: three undos take back the 2027 plan, the 2026
        // plan and the Trucks account; edits on the removed plans are refused; redo brings Trucks
        // back, an actual goes on it, and two undos remove the actual and Trucks again before the
        // next actual (which used to hit a FOREIGN KEY error on the removed account).
        examples: [
          [
            [
              { kind: 'undo' },
              { kind: 'undo' },
              { kind: 'undo' },
              { kind: 'set', leaf: 1, plan: 0, cells: [{ account: 3, month: 1, amountMinor: 1 }] },
              { kind: 'set', leaf: 1, plan: 1, cells: [{ account: 0, month: 1, amountMinor: 1 }] },
              { kind: 'redo' },
              { kind: 'actual', leaf: 0, account: 3, month: 0, amountMinor: 250 },
              { kind: 'undo' },
              { kind: 'undo' },
              { kind: 'actual', leaf: 2, account: 3, month: 2, amountMinor: -75 },
            ],
          ],
        ],
      },
    );
    // 60 runs take ~11 s on a quiet machine; the global 30 s is too tight on a busy CI runner.
  }, Math.max(120_000, runs * 2_000));
});
