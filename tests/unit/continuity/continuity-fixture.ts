/**
 * Small builders for continuity tests: a department with people, and a content hash of every
 * table to prove that a refused call wrote nothing.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../../electron/core/context';
import { createDepartment } from '../../../electron/core/org/department-service';
import { createPerson } from '../../../electron/core/org/people-service';

/** Every row of every table (history included), order-independent. */
export function contentHash(ctx: Ctx): string {
  const db = ctx.db.$client;
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) hash.update(JSON.stringify([t, db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort()]));
  return hash.digest('hex');
}

export interface People {
  departmentId: string;
  /** Person id by first name. */
  id: (name: string) => string;
}

/**
 * One department "Operations" and the named people in it; `left` maps a name to an end date,
 * `open` names open roles.
 */
export function seedPeople(ctx: Ctx, names: string[], opts: { left?: Record<string, string>; open?: string[] } = {}): People {
  const departmentId = createDepartment(ctx, { code: '100', name: 'Operations', parentId: null }).id;
  const ids = new Map<string, string>();
  for (const name of [...names, ...(opts.open ?? [])]) {
    const open = opts.open?.includes(name) ?? false;
    const p = createPerson(ctx, {
      departmentId,
      name,
      title: null,
      fte: 1,
      annualSalaryMinor: null,
      startDate: open ? null : '2020-01-01',
      endDate: opts.left?.[name] ?? null,
      status: open ? 'open' : 'active',
      phone: open ? null : `+44 20 7946 0${String(ids.size).padStart(3, '0')}`,
    });
    ids.set(name, p.id);
  }
  return {
    departmentId,
    id: (name) => {
      const id = ids.get(name);
      if (!id) throw new Error(`no person ${name} in the fixture`);
      return id;
    },
  };
}

/** A full, tolerable-until-24h impact table: everything 2, customer 4 from 24 h. */
export function fullBia(): { horizonHours: number; financial: number; customer: number; regulatory: number; reputational: number; safety: number }[] {
  return [4, 24, 72, 168, 336].map((h) => ({ horizonHours: h, financial: 2, customer: h >= 24 ? 4 : 2, regulatory: 2, reputational: 2, safety: 1 }));
}
