/**
 * People and open roles of each department. An open role is a row like a person, with status
 * "open", so headcount and salary plans see filled and unfilled seats the same way.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { personDatesProblem, type Person, type personCreateSchema, type personUpdateSchema } from '../../../shared/org';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { departments, people } from '../db/schema';
import { withChange } from '../history/change';
import { moveReferences, refuseIfUsed } from '../continuity/references';

type PersonRow = typeof people.$inferSelect;
export type PersonCreate = z.output<typeof personCreateSchema>;
export type PersonUpdate = z.output<typeof personUpdateSchema>;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    departmentId: row.departmentId,
    name: row.name,
    title: row.title,
    fte: row.fte,
    annualSalaryMinor: row.annualSalaryMinor,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    phone: row.phone,
  };
}

function requireDepartment(ctx: Ctx, id: string) {
  const row = ctx.db.select().from(departments).where(eq(departments.id, id)).get();
  if (!row) throw new AppError('not_found', 'That department no longer exists.');
  return row;
}

/** Active people first, then open roles; by name within each. */
export function listPeople(ctx: Ctx, departmentId: string | null): Person[] {
  if (departmentId !== null) requireDepartment(ctx, departmentId);
  const order = [sql`CASE ${people.status} WHEN 'active' THEN 0 ELSE 1 END`, sql`${people.name} COLLATE NOCASE`, asc(people.name), asc(people.id)];
  const rows =
    departmentId === null
      ? ctx.db.select().from(people).orderBy(...order).all()
      : ctx.db.select().from(people).where(eq(people.departmentId, departmentId)).orderBy(...order).all();
  return rows.map(toPerson);
}

function requireDates(startDate: string | null, endDate: string | null): void {
  const problem = personDatesProblem(startDate, endDate);
  if (problem) throw new AppError('invalid_input', problem);
}

function requirePerson(ctx: Ctx, id: string): PersonRow {
  const row = ctx.db.select().from(people).where(eq(people.id, id)).get();
  if (!row) throw new AppError('not_found', 'That person is no longer in the workspace.');
  return row;
}

function who(row: Pick<PersonRow, 'name' | 'status'>): string {
  return row.status === 'open' ? `open role ${row.name}` : row.name;
}

export function createPerson(ctx: Ctx, input: PersonCreate): Person {
  const dept = requireDepartment(ctx, input.departmentId);
  requireDates(input.startDate, input.endDate);
  const at = isoNow(ctx);
  const row: PersonRow = {
    id: ctx.newId(),
    departmentId: input.departmentId,
    name: input.name,
    title: input.title === '' ? null : input.title,
    fte: input.fte,
    annualSalaryMinor: input.annualSalaryMinor,
    startDate: input.startDate,
    endDate: input.endDate,
    status: input.status,
    createdAt: at,
    updatedAt: at,
    phone: input.phone ? input.phone : null,
  };
  withChange(ctx, `Add ${who(row)} to ${dept.code} ${dept.name}`, (w) => w.insert('people', row));
  return toPerson(requirePerson(ctx, row.id));
}

export function updatePerson(ctx: Ctx, input: PersonUpdate): Person {
  const before = requirePerson(ctx, input.id);
  const patch: Partial<PersonRow> = {};
  const fields = ['departmentId', 'name', 'title', 'fte', 'annualSalaryMinor', 'startDate', 'endDate', 'status', 'phone'] as const;
  for (const key of fields) {
    const value = input[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  if (patch.title === '') patch.title = null;
  if (patch.phone === '') patch.phone = before.phone === null ? undefined : null;
  if (patch.phone === undefined) delete patch.phone;
  const after = { ...before, ...patch };
  requireDates(after.startDate, after.endDate);
  if (Object.keys(patch).length === 0) return toPerson(before);

  let text = `Edit ${who(before)}`;
  if (patch.departmentId !== undefined) {
    const dept = requireDepartment(ctx, patch.departmentId);
    text = `Move ${who(before)} to ${dept.code} ${dept.name}`;
  }
  withChange(ctx, text, (w) => {
    w.update('people', before.id, { ...patch, updatedAt: isoNow(ctx) });
  });
  return toPerson(requirePerson(ctx, before.id));
}

/**
 * Removes a person. Refused, naming the plans, processes and risks, while continuity or the risk
 * register uses them (as process owner, dependency, step owner, on a call tree, as owner of an
 * exercise action, a risk or a mitigation) — unless `reassignTo` names who takes those roles over:
 * then every reference moves to that person and the person is removed in one change.
 */
export function deletePerson(ctx: Ctx, id: string, options: { reassignTo?: string | undefined } = {}): void {
  const row = requirePerson(ctx, id);
  const { reassignTo } = options;
  if (reassignTo === undefined) {
    refuseIfUsed(ctx, 'person', row.id, row.name);
    withChange(ctx, `Remove ${who(row)}`, (w) => w.remove('people', row.id));
    return;
  }
  if (reassignTo === row.id) throw new AppError('invalid_input', `${row.name} cannot take over their own roles; choose someone else.`);
  const to = ctx.db.select().from(people).where(eq(people.id, reassignTo)).get();
  if (!to) throw new AppError('not_found', 'The person chosen to take over is no longer in the workspace.');
  if (to.status === 'open') throw new AppError('invalid_input', `${to.name} is an open role, not a person: choose someone who can take over ${row.name}'s roles.`);
  withChange(ctx, `Remove ${who(row)}, handing their roles to ${to.name}`, (w) => {
    moveReferences(ctx, w, 'person', row.id, to.id);
    w.remove('people', row.id);
  });
}
