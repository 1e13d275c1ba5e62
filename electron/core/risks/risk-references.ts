/**
 * What the risk register holds of people and vendors, for the continuity domain's deletion guard:
 * deleting a person or a vendor that risks name is refused with the list of risks, or the
 * references are moved to someone (or something) else in the same change as the deletion.
 */
import { eq, inArray, or } from 'drizzle-orm';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { people, riskLinks, riskMitigations, risks, vendors } from '../db/schema';
import type { Writer } from '../history/change';

function titlesOf(ctx: Ctx, riskIds: Iterable<string>): string[] {
  const ids = [...new Set(riskIds)];
  if (ids.length === 0) return [];
  return ctx.db
    .select({ title: risks.title })
    .from(risks)
    .where(inArray(risks.id, ids))
    .all()
    .map((r) => r.title)
    .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/** Titles of the risks the person owns, or owns a mitigation of; by title. */
export function riskReferencesToPerson(ctx: Ctx, personId: string): string[] {
  const owned = ctx.db.select({ id: risks.id }).from(risks).where(eq(risks.ownerPersonId, personId)).all();
  const mitigating = ctx.db.select({ riskId: riskMitigations.riskId }).from(riskMitigations).where(eq(riskMitigations.ownerPersonId, personId)).all();
  return titlesOf(ctx, [...owned.map((r) => r.id), ...mitigating.map((m) => m.riskId)]);
}

/** Titles of the risks linked to the vendor; by title. */
export function riskReferencesToVendor(ctx: Ctx, vendorId: string): string[] {
  const linked = ctx.db.select({ riskId: riskLinks.riskId }).from(riskLinks).where(eq(riskLinks.vendorId, vendorId)).all();
  return titlesOf(ctx, linked.map((l) => l.riskId));
}

/**
 * Inside the caller's change (`w`), points every risk reference to `fromId` at `toId` instead:
 * risk and mitigation owners for a person, risk links for a vendor. `toId` null clears the owner
 * or removes the link. A risk already linked to the new vendor keeps one link, not two. Refuses
 * (and so rolls back the caller's whole change) when `toId` does not exist or is an open role.
 * Returns the titles of the risks it changed.
 *
 * Takes `ctx` as well as the writer: the writer only writes, and the rows to move must be read.
 */
export function reassignRiskReferences(ctx: Ctx, w: Writer, kind: 'person' | 'vendor', fromId: string, toId: string | null): string[] {
  if (toId === fromId) return [];
  return kind === 'person' ? reassignPerson(ctx, w, fromId, toId) : reassignVendor(ctx, w, fromId, toId);
}

function reassignPerson(ctx: Ctx, w: Writer, fromId: string, toId: string | null): string[] {
  if (toId !== null) {
    const to = ctx.db.select({ name: people.name, status: people.status }).from(people).where(eq(people.id, toId)).get();
    if (!to) throw new AppError('not_found', 'The person chosen to take over the risks is no longer in the workspace.');
    if (to.status === 'open') throw new AppError('invalid_input', `${to.name} is an open role, not a person: risks need an owner who can act.`);
  }
  const touched: string[] = [];
  const at = isoNow(ctx);
  for (const r of ctx.db.select({ id: risks.id }).from(risks).where(eq(risks.ownerPersonId, fromId)).all()) {
    w.update('risks', r.id, { ownerPersonId: toId, updatedAt: at });
    touched.push(r.id);
  }
  for (const m of ctx.db.select({ id: riskMitigations.id, riskId: riskMitigations.riskId }).from(riskMitigations).where(eq(riskMitigations.ownerPersonId, fromId)).all()) {
    w.update('risk_mitigations', m.id, { ownerPersonId: toId });
    touched.push(m.riskId);
  }
  return titlesOf(ctx, touched);
}

function reassignVendor(ctx: Ctx, w: Writer, fromId: string, toId: string | null): string[] {
  if (toId !== null && !ctx.db.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, toId)).get()) {
    throw new AppError('not_found', 'The vendor chosen to take over the risk links is no longer in the workspace.');
  }
  const links = ctx.db
    .select()
    .from(riskLinks)
    .where(toId === null ? eq(riskLinks.vendorId, fromId) : or(eq(riskLinks.vendorId, fromId), eq(riskLinks.vendorId, toId)))
    .all();
  const alreadyLinked = new Set(links.filter((l) => l.vendorId === toId).map((l) => l.riskId));
  const touched: string[] = [];
  for (const l of links) {
    if (l.vendorId !== fromId) continue;
    if (toId === null || alreadyLinked.has(l.riskId)) w.remove('risk_links', l.id);
    else w.update('risk_links', l.id, { vendorId: toId });
    touched.push(l.riskId);
  }
  return titlesOf(ctx, touched);
}
