/**
 * Where a person, vendor or asset is used, and how to move every use to another one. Deleting
 * something that plans, steps, call trees, dependencies, process ownership or risks use is
 * refused with the names of what uses it, or — with a replacement — done in one change that moves
 * every reference and then deletes, so one undo puts it all back.
 */
import type { Usage } from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import type { AuditedTableName } from '../db/schema';
import type { Writer } from '../history/change';
import { reassignRiskReferences } from '../risks/risk-references';

export type ReferenceKind = 'person' | 'vendor' | 'asset';

/** One column that can point at a person, vendor or asset. */
interface Ref {
  table: AuditedTableName;
  column: string;
  /** SQL naming, for a row of the table aliased `t`, what the user knows it by. */
  via: 'process' | 'plan' | 'risk';
  nameSql: string;
}

const processName = '(SELECT name FROM processes WHERE id = t.process_id)';
const planName = '(SELECT name FROM continuity_plans WHERE id = t.plan_id)';

const refs: Record<ReferenceKind, Ref[]> = {
  person: [
    { table: 'processes', column: 'owner_person_id', via: 'process', nameSql: 't.name' },
    { table: 'dependencies', column: 'person_id', via: 'process', nameSql: processName },
    { table: 'plan_steps', column: 'owner_person_id', via: 'plan', nameSql: planName },
    { table: 'call_tree_entries', column: 'person_id', via: 'plan', nameSql: planName },
    { table: 'call_tree_entries', column: 'alternate_person_id', via: 'plan', nameSql: planName },
    {
      table: 'exercise_actions',
      column: 'owner_person_id',
      via: 'plan',
      nameSql: '(SELECT p.name FROM exercises e JOIN continuity_plans p ON p.id = e.plan_id WHERE e.id = t.exercise_id)',
    },
    { table: 'risks', column: 'owner_person_id', via: 'risk', nameSql: 't.title' },
    { table: 'risk_mitigations', column: 'owner_person_id', via: 'risk', nameSql: '(SELECT title FROM risks WHERE id = t.risk_id)' },
  ],
  vendor: [
    { table: 'dependencies', column: 'vendor_id', via: 'process', nameSql: processName },
    { table: 'risk_links', column: 'vendor_id', via: 'risk', nameSql: '(SELECT title FROM risks WHERE id = t.risk_id)' },
  ],
  asset: [{ table: 'dependencies', column: 'asset_id', via: 'process', nameSql: processName }],
};

/** Everything that refers to the person, vendor or asset, by name. */
export function usageOf(ctx: Ctx, kind: ReferenceKind, id: string): Usage {
  const names = { process: new Set<string>(), plan: new Set<string>(), risk: new Set<string>() };
  let references = 0;
  for (const ref of refs[kind]) {
    // Table and column names come from the list above, never from input.
    const rows = ctx.db.$client.prepare(`SELECT ${ref.nameSql} AS name FROM ${ref.table} t WHERE t.${ref.column} = ?`).all(id) as { name: string | null }[];
    references += rows.length;
    for (const r of rows) if (r.name !== null) names[ref.via].add(r.name);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { processes: sorted(names.process), plans: sorted(names.plan), risks: sorted(names.risk), references };
}

function listInWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "the plans "A" and "B", the process "C" and the risk "D"". */
export function describeUsage(usage: Usage): string {
  const group = (names: string[], one: string, many: string) =>
    names.length === 0 ? [] : [`the ${names.length === 1 ? one : many} ${listInWords(names.map((n) => `"${n}"`))}`];
  return listInWords([
    ...group(usage.plans, 'plan', 'plans'),
    ...group(usage.processes, 'process', 'processes'),
    ...group(usage.risks, 'risk', 'risks'),
  ]);
}

/** Refuses, naming what uses it, when anything does. */
export function refuseIfUsed(ctx: Ctx, kind: ReferenceKind, id: string, who: string): void {
  const usage = usageOf(ctx, kind, id);
  if (usage.references === 0) return;
  const advice =
    kind === 'person'
      ? 'Choose someone to take over their roles (they are moved in the same step), or remove them from those first.'
      : `Choose another ${kind === 'vendor' ? 'vendor' : 'system or site'} to take its place (moved in the same step), or remove those uses first.`;
  throw new AppError('refused', `Cannot delete ${who}: ${describeUsage(usage)} ${usage.references === 1 ? 'uses' : 'use'} ${kind === 'person' ? 'them' : 'it'}. ${advice}`, usage);
}

function rowsReferring(ctx: Ctx, table: string, column: string, id: string): Record<string, unknown>[] {
  return ctx.db.$client.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(id) as Record<string, unknown>[];
}

/**
 * A person appears once on a call tree, so `to` cannot take over an entry of `from` on a tree they
 * are already on. Refused before anything is written (merging the two entries could close a loop).
 */
function refuseSecondCallTreeEntry(ctx: Ctx, from: string, to: string): void {
  const clash = ctx.db.$client
    .prepare(
      `SELECT p.name AS plan, f.name AS fromName, t.name AS toName
         FROM call_tree_entries a
         JOIN call_tree_entries b ON b.plan_id = a.plan_id
         JOIN continuity_plans p ON p.id = a.plan_id
         JOIN people f ON f.id = a.person_id
         JOIN people t ON t.id = b.person_id
        WHERE a.person_id = ? AND b.person_id = ?
        ORDER BY p.name LIMIT 1`,
    )
    .get(from, to) as { plan: string; fromName: string; toName: string } | undefined;
  if (!clash) return;
  throw new AppError(
    'refused',
    `${clash.toName} cannot take over ${clash.fromName}'s roles: both are on the call tree of "${clash.plan}", and a person appears there once. Remove one of them from that call tree first.`,
    { plan: clash.plan },
  );
}

/**
 * Moves every reference from `from` to `to` inside the caller's change. Where the move would
 * make a duplicate (a process already depending on `to`, a risk already linked to it) the old row
 * is removed instead; where it would make someone their own alternate, the alternate is cleared.
 */
export function moveReferences(ctx: Ctx, w: Writer, kind: ReferenceKind, from: string, to: string): void {
  if (kind === 'person') {
    refuseSecondCallTreeEntry(ctx, from, to);
    for (const r of rowsReferring(ctx, 'processes', 'owner_person_id', from)) w.update('processes', r.id as string, { ownerPersonId: to });
    for (const r of rowsReferring(ctx, 'dependencies', 'person_id', from)) {
      const dup = ctx.db.$client.prepare('SELECT 1 FROM dependencies WHERE process_id = ? AND person_id = ?').get(r.process_id, to);
      if (dup) w.remove('dependencies', r.id as string);
      else w.update('dependencies', r.id as string, { personId: to });
    }
    for (const r of rowsReferring(ctx, 'plan_steps', 'owner_person_id', from)) w.update('plan_steps', r.id as string, { ownerPersonId: to });
    for (const r of rowsReferring(ctx, 'call_tree_entries', 'person_id', from)) {
      w.update('call_tree_entries', r.id as string, { personId: to, ...(r.alternate_person_id === to ? { alternatePersonId: null } : {}) });
    }
    for (const r of rowsReferring(ctx, 'call_tree_entries', 'alternate_person_id', from)) {
      w.update('call_tree_entries', r.id as string, { alternatePersonId: r.person_id === to ? null : to });
    }
    for (const r of rowsReferring(ctx, 'exercise_actions', 'owner_person_id', from)) w.update('exercise_actions', r.id as string, { ownerPersonId: to });
    // The risk register moves its own rows (owners of risks and of mitigations).
    reassignRiskReferences(ctx, w, 'person', from, to);
    return;
  }
  if (kind === 'vendor') {
    for (const r of rowsReferring(ctx, 'dependencies', 'vendor_id', from)) {
      const dup = ctx.db.$client.prepare('SELECT 1 FROM dependencies WHERE process_id = ? AND vendor_id = ?').get(r.process_id, to);
      if (dup) w.remove('dependencies', r.id as string);
      else w.update('dependencies', r.id as string, { vendorId: to });
    }
    // The risk register moves its own links (one link per risk, never two to the same vendor).
    reassignRiskReferences(ctx, w, 'vendor', from, to);
    return;
  }
  for (const r of rowsReferring(ctx, 'dependencies', 'asset_id', from)) {
    const dup = ctx.db.$client.prepare('SELECT 1 FROM dependencies WHERE process_id = ? AND asset_id = ?').get(r.process_id, to);
    if (dup) w.remove('dependencies', r.id as string);
    else w.update('dependencies', r.id as string, { assetId: to });
  }
}
