/**
 * Undo and redo write runs of figures (budget lines, actuals) in one statement each, from row
 * images built in SQL. Two promises keep that faithful: an image built in SQL is byte for byte the
 * Writer's image of the same row, and a change that mixes inserts, updates and removals of
 * figures and other rows, in any order, undoes to exactly the state before and redoes to exactly
 * the state after (rollups included) — checked against the snapshot, over random changes.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isoNow } from '../../../electron/core/context';
import { auditedTables, type AuditedTableName } from '../../../electron/core/db/schema';
import { withChange, type Writer } from '../../../electron/core/history/change';
import { redo, undo } from '../../../electron/core/history/history-service';
import { imageSql, readRow } from '../../../electron/core/history/row-store';
import { snapshot } from '../../helpers/db-snapshot';
import { demoWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { smallCompany } from './grid-fixture';

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

describe('row images built in SQL', () => {
  it('are the Writer’s images of the same rows, for every audited table', () => {
    ws = demoWorkspace();
    const db = ws.ctx.db.$client;
    let compared = 0;
    for (const table of Object.keys(auditedTables) as AuditedTableName[]) {
      const rows = db.prepare(`SELECT id, ${imageSql(table)} AS image FROM "${table}" ORDER BY id LIMIT 5`).all() as { id: string | number; image: string }[];
      for (const row of rows) {
        expect(row.image, `${table} ${row.id}`).toBe(JSON.stringify(readRow(ws.ctx, table, row.id)));
        compared++;
      }
    }
    // The demo fills most tables, booleans (accounts.active, exercise actions) included.
    expect(compared).toBeGreaterThan(60);
  });
});

type Op =
  | { kind: 'line'; dept: number; account: number; month: number; amount: number }
  | { kind: 'actual'; dept: number; account: number; month: number; amount: number }
  | { kind: 'drop'; table: 'budget_lines' | 'actuals'; pick: number }
  | { kind: 'edit'; table: 'budget_lines' | 'actuals'; pick: number; amount: number }
  | { kind: 'account'; n: number };

const cell = { dept: fc.nat({ max: 3 }), account: fc.nat({ max: 3 }), month: fc.nat({ max: 2 }), amount: fc.integer({ min: -5_000_00, max: 5_000_00 }) };
const figureTable = fc.constantFrom('budget_lines' as const, 'actuals' as const);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('line' as const), ...cell }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('actual' as const), ...cell }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), table: figureTable, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), table: figureTable, pick: fc.nat(), amount: cell.amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('account' as const), n: fc.nat({ max: 999 }) }) },
);

describe('undo and redo of figures in bulk', () => {
  it('put back exactly the state before and after any mix of writes in one change', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 0, maxLength: 12 }), fc.array(opArb, { minLength: 1, maxLength: 60 }), (setup, ops) => {
        const c = smallCompany();
        try {
          const { ctx } = c;
          const db = ctx.db.$client;
          const leaves = [c.dept.warehouse, c.dept.fleet, c.dept.dispatch, c.dept.sales];
          const accounts = [c.acct.revenue, c.acct.salaries, c.acct.travel, c.acct.trucks];
          const months = ['2026-01', '2026-02', '2026-03'];
          const apply = (w: Writer, op: Op) => {
            const at = isoNow(ctx);
            if (op.kind === 'line' || op.kind === 'actual') {
              const [departmentId, accountId, period] = [leaves[op.dept]!, accounts[op.account]!, months[op.month]!];
              const table = op.kind === 'line' ? 'budget_lines' : 'actuals';
              const planFilter = op.kind === 'line' ? 'plan_id = @planId AND ' : '';
              const existing = db
                .prepare(`SELECT id FROM ${table} WHERE ${planFilter}department_id = @departmentId AND account_id = @accountId AND period = @period`)
                .pluck()
                .get({ planId: c.planId, departmentId, accountId, period }) as string | undefined;
              if (existing !== undefined) w.update(table, existing, { amountMinor: op.amount, updatedAt: at });
              else if (op.kind === 'line') w.insert('budget_lines', { id: ctx.newId(), planId: c.planId, departmentId, accountId, period, amountMinor: op.amount, source: 'x.csv!B2', updatedAt: at });
              else w.insert('actuals', { id: ctx.newId(), departmentId, accountId, period, amountMinor: op.amount, source: null, updatedAt: at });
            } else if (op.kind === 'drop' || op.kind === 'edit') {
              const all = db.prepare(`SELECT id FROM ${op.table} ORDER BY id`).pluck().all() as string[];
              if (all.length === 0) return;
              const id = all[op.pick % all.length]!;
              if (op.kind === 'drop') w.remove(op.table, id);
              else w.update(op.table, id, { amountMinor: op.amount, updatedAt: at });
            } else {
              const code = String(7000 + op.n);
              if (db.prepare('SELECT 1 FROM accounts WHERE code = ?').get(code)) return;
              w.insert('accounts', { id: ctx.newId(), code, name: `Account ${code}`, type: 'expense', active: op.n % 2 === 0, createdAt: at, updatedAt: at });
            }
          };
          if (setup.length > 0) withChange(ctx, 'Setup', (w) => setup.forEach((op) => apply(w, op)));
          const rollups = () => ({
            budget: db.prepare('SELECT * FROM budget_rollup ORDER BY department_id, plan_id, account_id, period').all(),
            actual: db.prepare('SELECT * FROM actual_rollup ORDER BY department_id, account_id, period').all(),
          });
          const before = { rows: snapshot(ctx), rollups: rollups() };
          withChange(ctx, 'Mixed', (w) => ops.forEach((op) => apply(w, op)));
          const after = { rows: snapshot(ctx), rollups: rollups() };
          const changed = db.prepare("SELECT count(*) FROM changes WHERE label = 'Mixed'").pluck().get() as number;
          if (changed === 0) return;

          expect(undo(ctx).label).toBe('Mixed');
          expect({ rows: snapshot(ctx), rollups: rollups() }).toEqual(before);
          expect(redo(ctx).label).toBe('Mixed');
          expect({ rows: snapshot(ctx), rollups: rollups() }).toEqual(after);
          undo(ctx);
          expect({ rows: snapshot(ctx), rollups: rollups() }).toEqual(before);
        } finally {
          c.tw.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
