/**
 * Checks shared by the continuity services: each refuses with a sentence the director can act on,
 * before anything is written.
 */
import { formatForEdit } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import type { PersonLite } from './load';
import { formatHours } from './readiness';

/** The tables whose rows carry a unique, user-chosen name. */
type NamedTable = 'processes' | 'vendors' | 'continuity_plans' | 'assets';

const things: Record<NamedTable, string> = { processes: 'process', vendors: 'vendor', continuity_plans: 'plan', assets: 'system or site' };

/** Refuses a name already taken (ignoring case), other than by `exceptId`. */
export function requireNameFree(ctx: Ctx, table: NamedTable, name: string, exceptId?: string, extraWhere?: { column: string; value: string }): void {
  // Table and column names come from this module, never from input.
  const where = extraWhere ? ` AND ${extraWhere.column} = @extra` : '';
  const holder = ctx.db.$client
    .prepare(`SELECT id, name FROM ${table} WHERE name = @name COLLATE NOCASE${where}`)
    .all({ name: name.trim(), extra: extraWhere?.value ?? null }) as { id: string; name: string }[];
  const other = holder.find((h) => h.id !== exceptId);
  if (other) {
    const thing = table === 'assets' && extraWhere ? extraWhere.value : things[table];
    throw new AppError('conflict', `There is already a ${thing} called "${other.name}"; choose another name.`);
  }
}

export function cleanName(name: string, thing: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('invalid_input', `The ${thing} needs a name.`);
  if (trimmed.length > 200) throw new AppError('invalid_input', `The ${thing}'s name is longer than 200 characters.`);
  return trimmed;
}

/** Empty or blank text is stored as null. */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export function requireHours(value: number | null | undefined, what: string, opts: { positive?: boolean } = {}): void {
  if (value === undefined || value === null) return;
  if (!Number.isFinite(value)) throw new AppError('invalid_input', `${what} must be a number of hours.`);
  if (opts.positive && value <= 0) throw new AppError('invalid_input', `${what} must be longer than zero hours; got ${value}.`);
  if (value < 0) throw new AppError('invalid_input', `${what} cannot be negative; got ${value} hours.`);
}

/** An amount in minor units (cents); a refusal repeats it as the director typed it, in major units. */
export function requireMoney(value: number | null | undefined, what: string): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value)) throw new AppError('invalid_input', `${what} has a fraction of a cent (${value / 100}); give at most two decimals.`);
  if (value < 0) throw new AppError('invalid_input', `${what} cannot be negative; got ${formatForEdit(value)}.`);
}

export interface Objectives {
  tier: number;
  rtoHours: number | null;
  rpoHours: number | null;
  mtpdHours: number | null;
}

/** Tier 1–4; RTO > 0; RPO ≥ 0; MTPD > 0; RTO ≤ MTPD. */
export function requireObjectives(o: Objectives): void {
  if (!Number.isInteger(o.tier) || o.tier < 1 || o.tier > 4) {
    throw new AppError('invalid_input', `The tier must be 1, 2, 3 or 4 (Tier 1 = restore within hours … Tier 4 = can wait weeks); got ${o.tier}.`);
  }
  requireHours(o.rtoHours, 'The RTO (recovery time objective)', { positive: true });
  requireHours(o.rpoHours, 'The RPO (recovery point objective)');
  requireHours(o.mtpdHours, 'The MTPD (maximum tolerable period of disruption)', { positive: true });
  if (o.rtoHours !== null && o.mtpdHours !== null && o.rtoHours > o.mtpdHours) {
    throw new AppError(
      'invalid_input',
      `The RTO (${formatHours(o.rtoHours)}) is longer than the MTPD (${formatHours(o.mtpdHours)}): the process would come back only after the longest disruption the business can survive. Shorten the RTO or lengthen the MTPD.`,
    );
  }
}

export function requireDateOrder(first: string | null, second: string | null, message: string): void {
  if (first !== null && second !== null && second < first) throw new AppError('invalid_input', message);
}

/** A person who can take a role (own a step, be called): in the workspace, and not an open role. */
export function requireActor(people: Map<string, PersonLite>, id: string, role: string): PersonLite {
  const p = people.get(id);
  if (!p) throw new AppError('not_found', `The person chosen as ${role} is no longer in the workspace.`);
  if (p.status === 'open') throw new AppError('invalid_input', `${p.name} is an open role, not a person: choose someone who can act as ${role}.`);
  return p;
}

export function loadPeople(ctx: Ctx): Map<string, PersonLite> {
  const rows = ctx.db.$client.prepare('SELECT id, name, phone, end_date AS endDate, status FROM people').all() as PersonLite[];
  return new Map(rows.map((r) => [r.id, r]));
}
