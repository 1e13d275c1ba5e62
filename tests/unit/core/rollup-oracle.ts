/**
 * The rollup tables worked out the slow, obvious way — a recursive walk up the tree from every
 * line, then a plain GROUP BY — for tests to compare with what the triggers maintain.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

/** Every (department, ancestor) pair, self included, by walking parent_id upward. */
const UP = `WITH RECURSIVE up(descendant_id, ancestor_id, depth) AS (
  SELECT id, id, 0 FROM departments
  UNION ALL
  SELECT up.descendant_id, d.parent_id, up.depth + 1 FROM up JOIN departments d ON d.id = up.ancestor_id
  WHERE d.parent_id IS NOT NULL AND up.depth < 64
)`;

export interface RollupState {
  ancestors: unknown[];
  budget: unknown[];
  actual: unknown[];
}

export function expectedRollups(db: Database.Database): RollupState {
  return {
    ancestors: db.prepare(`${UP} SELECT ancestor_id, descendant_id, depth FROM up ORDER BY 1, 2`).raw().all(),
    budget: db
      .prepare(
        `${UP} SELECT up.ancestor_id, l.plan_id, l.account_id, l.period, sum(l.amount_minor), count(*)
         FROM budget_lines l JOIN up ON up.descendant_id = l.department_id AND up.depth > 0
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      )
      .raw()
      .all(),
    actual: db
      .prepare(
        `${UP} SELECT up.ancestor_id, x.account_id, x.period, sum(x.amount_minor), count(*)
         FROM actuals x JOIN up ON up.descendant_id = x.department_id AND up.depth > 0
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .raw()
      .all(),
  };
}

export function maintainedRollups(db: Database.Database): RollupState {
  return {
    ancestors: db.prepare('SELECT ancestor_id, descendant_id, depth FROM department_ancestors ORDER BY 1, 2').raw().all(),
    budget: db
      .prepare('SELECT department_id, plan_id, account_id, period, amount_minor, line_count FROM budget_rollup ORDER BY 1, 2, 3, 4')
      .raw()
      .all(),
    actual: db
      .prepare('SELECT department_id, account_id, period, amount_minor, line_count FROM actual_rollup ORDER BY 1, 2, 3')
      .raw()
      .all(),
  };
}

export function expectRollupsExact(db: Database.Database): void {
  expect(maintainedRollups(db)).toEqual(expectedRollups(db));
}

/** A department's cells over its whole subtree, the obvious way: "accountId/period" → sum. */
export function subtreeCells(db: Database.Database, planId: string, departmentId: string): Map<string, number> {
  const rows = db
    .prepare(
      `${UP} SELECT l.account_id || '/' || l.period AS k, sum(l.amount_minor) AS v
       FROM budget_lines l JOIN up ON up.descendant_id = l.department_id
       WHERE up.ancestor_id = ? AND l.plan_id = ? GROUP BY 1`,
    )
    .raw()
    .all(departmentId, planId) as [string, number][];
  return new Map(rows);
}
