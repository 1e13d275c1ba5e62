/**
 * The department tree. Budget lines and actuals live only on leaf departments and every total
 * rolls up the subtree, so the tree's shape is guarded here: no cycles, no sub-department under a
 * department that already holds figures of its own, and no deeper than the limit every door keeps
 * (maxDepartmentLevels in shared/org.ts).
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { departmentLevelProblem, type Department, type departmentCreateSchema, type departmentMoveSchema, type departmentUpdateSchema } from '../../../shared/org';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { departments } from '../db/schema';
import { withChange } from '../history/change';

type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentCreate = z.output<typeof departmentCreateSchema>;
export type DepartmentUpdate = z.output<typeof departmentUpdateSchema>;
export type DepartmentMove = z.output<typeof departmentMoveSchema>;

/** Codes compare digit runs as numbers, so "90" sorts before "100" as a person expects. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

function countsBy(ctx: Ctx, table: 'people' | 'budget_lines' | 'children'): Map<string, number> {
  const query =
    table === 'children'
      ? 'SELECT parent_id AS k, count(*) AS n FROM departments WHERE parent_id IS NOT NULL GROUP BY parent_id'
      : `SELECT department_id AS k, count(*) AS n FROM ${table} GROUP BY department_id`;
  const rows = ctx.db.$client.prepare(query).raw().all() as [string, number][];
  return new Map(rows);
}

/** Depth-first, siblings in code order; departments unreachable from a root come last, flat. */
export function listDepartments(ctx: Ctx): Department[] {
  const rows = ctx.db.select().from(departments).all();
  const children = countsBy(ctx, 'children');
  const peopleCounts = countsBy(ctx, 'people');
  const lineCounts = countsBy(ctx, 'budget_lines');
  const byParent = new Map<string | null, DepartmentRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(r);
    byParent.set(key, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => compareCodes(a.code, b.code));

  const out: Department[] = [];
  const seen = new Set<string>();
  const visit = (row: DepartmentRow, depth: number) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push(toDepartment(row, depth, children.get(row.id) ?? 0, peopleCounts.get(row.id) ?? 0, lineCounts.get(row.id) ?? 0));
    for (const child of byParent.get(row.id) ?? []) visit(child, depth + 1);
  };
  for (const root of byParent.get(null) ?? []) visit(root, 0);
  for (const r of rows.sort((a, b) => compareCodes(a.code, b.code))) visit(r, 0);
  return out;
}

function toDepartment(row: DepartmentRow, depth: number, childCount: number, peopleCount: number, budgetLineCount: number): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parentId,
    manager: row.manager,
    depth,
    childCount,
    peopleCount,
    budgetLineCount,
  };
}

function findRow(ctx: Ctx, id: string): DepartmentRow | undefined {
  return ctx.db.select().from(departments).where(eq(departments.id, id)).get();
}

function requireRow(ctx: Ctx, id: string): DepartmentRow {
  const row = findRow(ctx, id);
  if (!row) throw new AppError('not_found', 'That department no longer exists.');
  return row;
}

/** The ancestors of a department, nearest first (guarded against a cycle in a damaged file). */
function ancestors(ctx: Ctx, id: string): DepartmentRow[] {
  const out: DepartmentRow[] = [];
  const seen = new Set<string>([id]);
  let current = findRow(ctx, id)?.parentId ?? null;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const row = findRow(ctx, current);
    if (!row) break;
    out.push(row);
    current = row.parentId;
  }
  return out;
}

function countWhere(ctx: Ctx, sqlText: string, id: string): number {
  return (ctx.db.$client.prepare(sqlText).pluck().get(id) as number | undefined) ?? 0;
}

interface Holdings {
  children: number;
  people: number;
  budgetLines: number;
  actuals: number;
}

function holdings(ctx: Ctx, id: string): Holdings {
  return {
    children: countWhere(ctx, 'SELECT count(*) FROM departments WHERE parent_id = ?', id),
    people: countWhere(ctx, 'SELECT count(*) FROM people WHERE department_id = ?', id),
    budgetLines: countWhere(ctx, 'SELECT count(*) FROM budget_lines WHERE department_id = ?', id),
    actuals: countWhere(ctx, 'SELECT count(*) FROM actuals WHERE department_id = ?', id),
  };
}

/** One department with its depth and counts, as listDepartments would show it. */
export function getDepartment(ctx: Ctx, id: string): Department {
  const row = requireRow(ctx, id);
  const h = holdings(ctx, id);
  return toDepartment(row, ancestors(ctx, id).length, h.children, h.people, h.budgetLines);
}

function label(row: Pick<DepartmentRow, 'code' | 'name'>): string {
  return `${row.code} ${row.name}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listInWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function requireCodeFree(ctx: Ctx, code: string, exceptId?: string): void {
  const holder = ctx.db.select().from(departments).where(eq(departments.code, code)).get();
  if (holder && holder.id !== exceptId) {
    throw new AppError('conflict', `Cost-centre code ${code} is already used by ${holder.name}.`);
  }
}

/** A department that holds figures must stay a leaf: its figures would be double-counted in rollups. */
function requireCanHoldChildren(ctx: Ctx, parent: DepartmentRow, action: string): void {
  const h = holdings(ctx, parent.id);
  if (h.budgetLines === 0 && h.actuals === 0) return;
  const held = listInWords([
    ...(h.budgetLines > 0 ? [plural(h.budgetLines, 'budget line', 'budget lines')] : []),
    ...(h.actuals > 0 ? [plural(h.actuals, 'recorded actual', 'recorded actuals')] : []),
  ]);
  throw new AppError(
    'refused',
    `Cannot ${action} ${label(parent)}: it holds ${held}. Budget lines and actuals live only on departments without sub-departments, and totals roll up the tree; move or clear its figures first.`,
  );
}

/** A department's level in the tree, 1 at the top (from the closure, which holds it and each ancestor once). */
function levelOf(ctx: Ctx, id: string): number {
  return countWhere(ctx, 'SELECT count(*) FROM department_ancestors WHERE descendant_id = ?', id);
}

/** The deepest department of `id`'s subtree (itself if it has none) and how far below `id` it is. */
function deepestBelow(ctx: Ctx, id: string): { code: string; depth: number } {
  const row = ctx.db.$client
    .prepare('SELECT d.code, a.depth FROM department_ancestors a JOIN departments d ON d.id = a.descendant_id WHERE a.ancestor_id = ? ORDER BY a.depth DESC LIMIT 1')
    .raw()
    .get(id) as [string, number] | undefined;
  return row ? { code: row[0], depth: row[1] } : { code: '', depth: 0 };
}

/** Refuses `action` when it would put department `code` past the tree's depth limit (shared/org.ts). */
function requireWithinDepth(code: string, level: number, action: string): void {
  const problem = departmentLevelProblem(code, level);
  if (problem) throw new AppError('refused', `Cannot ${action}: ${problem}.`);
}

export function createDepartment(ctx: Ctx, input: DepartmentCreate): Department {
  requireCodeFree(ctx, input.code);
  let parent: DepartmentRow | undefined;
  if (input.parentId !== null) {
    parent = findRow(ctx, input.parentId);
    if (!parent) throw new AppError('not_found', 'The chosen parent department no longer exists.');
    requireCanHoldChildren(ctx, parent, 'add a sub-department under');
    requireWithinDepth(input.code, levelOf(ctx, parent.id) + 1, `add ${input.code} ${input.name} under ${label(parent)}`);
  }
  const id = ctx.newId();
  const at = isoNow(ctx);
  withChange(ctx, `Add department ${input.code} ${input.name}`, (w) => {
    w.insert('departments', {
      id,
      code: input.code,
      name: input.name,
      parentId: input.parentId,
      manager: emptyToNull(input.manager),
      createdAt: at,
      updatedAt: at,
    });
  });
  return getDepartment(ctx, id);
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

export function updateDepartment(ctx: Ctx, input: DepartmentUpdate): Department {
  const before = requireRow(ctx, input.id);
  const patch: Partial<DepartmentRow> = {};
  if (input.code !== undefined && input.code !== before.code) {
    requireCodeFree(ctx, input.code, before.id);
    patch.code = input.code;
  }
  if (input.name !== undefined && input.name !== before.name) patch.name = input.name;
  if (input.manager !== undefined && emptyToNull(input.manager) !== before.manager) patch.manager = emptyToNull(input.manager);
  const keys = Object.keys(patch);
  if (keys.length === 0) return getDepartment(ctx, before.id);

  let text = `Edit ${label(before)}`;
  if (keys.length === 1 && patch.name !== undefined) text = `Rename ${label(before)} to ${patch.name}`;
  else if (keys.length === 1 && patch.code !== undefined) text = `Re-code ${label(before)} to ${patch.code}`;
  else if (keys.length === 1) text = `Change manager of ${label(before)}`;
  withChange(ctx, text, (w) => {
    w.update('departments', before.id, { ...patch, updatedAt: isoNow(ctx) });
  });
  return getDepartment(ctx, before.id);
}

export function moveDepartment(ctx: Ctx, input: DepartmentMove): Department {
  const row = requireRow(ctx, input.id);
  if (input.parentId === row.parentId) return getDepartment(ctx, row.id);
  let parent: DepartmentRow | undefined;
  if (input.parentId !== null) {
    parent = findRow(ctx, input.parentId);
    if (!parent) throw new AppError('not_found', 'The chosen parent department no longer exists.');
    if (parent.id === row.id) throw new AppError('refused', `Cannot move ${label(row)} under itself.`);
    if (ancestors(ctx, parent.id).some((a) => a.id === row.id)) {
      throw new AppError('refused', `Cannot move ${label(row)} under ${label(parent)}: ${parent.name} is inside ${row.name}.`);
    }
    requireCanHoldChildren(ctx, parent, `move ${label(row)} under`);
    const deepest = deepestBelow(ctx, row.id);
    requireWithinDepth(deepest.depth === 0 ? row.code : deepest.code, levelOf(ctx, parent.id) + 1 + deepest.depth, `move ${label(row)} under ${label(parent)}`);
  }
  const text = parent ? `Move ${label(row)} under ${label(parent)}` : `Move ${label(row)} to the top level`;
  withChange(ctx, text, (w) => {
    w.update('departments', row.id, { parentId: input.parentId, updatedAt: isoNow(ctx) });
  });
  return getDepartment(ctx, row.id);
}

export function deleteDepartment(ctx: Ctx, id: string): void {
  const row = requireRow(ctx, id);
  const h = holdings(ctx, id);
  const parts = [
    ...(h.children > 0 ? [plural(h.children, 'sub-department', 'sub-departments')] : []),
    ...(h.people > 0 ? [plural(h.people, 'person', 'people')] : []),
    ...(h.budgetLines > 0 ? [plural(h.budgetLines, 'budget line', 'budget lines')] : []),
    ...(h.actuals > 0 ? [plural(h.actuals, 'recorded actual', 'recorded actuals')] : []),
  ];
  if (parts.length > 0) {
    throw new AppError('refused', `${row.name} still has ${listInWords(parts)}; move or remove them first.`, h);
  }
  withChange(ctx, `Delete department ${label(row)}`, (w) => {
    w.remove('departments', row.id);
  });
}

/** Used by other services to refuse work on a department that is not there. */
export function requireDepartment(ctx: Ctx, id: string): DepartmentRow {
  return requireRow(ctx, id);
}
