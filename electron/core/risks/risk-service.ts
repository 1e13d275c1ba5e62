/**
 * Writing the risk register. A risk, its mitigations and its links are written together as one
 * undoable change; everything is checked before the first write, so a refusal leaves the workspace
 * exactly as it was.
 */
import { eq, sql } from 'drizzle-orm';
import {
  residualAboveInherent,
  type riskCategories as sharedCategories,
  type Ratings,
  type Risk,
  type RiskCreate,
  type RiskUpdate,
} from '../../../shared/risks';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { people, processes, type riskCategories as schemaCategories, riskLinks, riskMitigations, risks, vendors } from '../db/schema';
import { withChange, type Writer } from '../history/change';
import { getRisk, getRiskAppetite, requireRisk, type LinkRow, type MitigationRow, type RiskRow } from './risk-queries';

// The contract's categories and the table's CHECK must be the same list; this fails to compile if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const categoriesAgree: Same<(typeof sharedCategories)[number], (typeof schemaCategories)[number]> = true;
void categoriesAgree;

type MitigationIn = RiskCreate['mitigations'][number];
type LinkIn = RiskCreate['links'][number];

function quoted(title: string): string {
  return `“${title}”`;
}

/** Mitigations lower a risk; they cannot raise it. Checked per axis, so the residual cell is never above or right of the inherent one. */
function requireResidualWithinInherent(inherent: Ratings, residual: Ratings): void {
  const above = residualAboveInherent(inherent, residual);
  if (above) throw new AppError('invalid_input', `${above.message} Lower the residual rating or raise the inherent one.`, { field: `residual.${above.axis}` });
}

function requireUniqueTitle(ctx: Ctx, title: string, exceptId: string | null): void {
  const clash = ctx.db
    .select({ id: risks.id, title: risks.title })
    .from(risks)
    .where(sql`${risks.title} = ${title} COLLATE NOCASE`)
    .all()
    .find((r) => r.id !== exceptId);
  if (clash) throw new AppError('conflict', `A risk called ${quoted(clash.title)} is already in the register. Give this one another title.`, { field: 'title' });
}

/**
 * A newly chosen owner must be someone in the org who can act: not an open role, not someone who
 * has left. (An owner chosen earlier who has since left stays until the risk is reassigned; the
 * continuity deletion guard handles people who are removed.)
 */
function requireOwner(ctx: Ctx, personId: string, role: string): void {
  const row = ctx.db.select({ name: people.name, status: people.status, endDate: people.endDate }).from(people).where(eq(people.id, personId)).get();
  if (!row) throw new AppError('not_found', `The ${role} chosen is no longer in the workspace. Choose someone else.`);
  if (row.status === 'open') throw new AppError('invalid_input', `${row.name} is an open role, not a person: choose someone who can act as the ${role}.`);
  const today = ctx.now().toISOString().slice(0, 10);
  if (row.endDate !== null && row.endDate < today) {
    throw new AppError('invalid_input', `${row.name} left on ${row.endDate}: choose someone still with the company as the ${role}.`);
  }
}

function requireMitigations(ctx: Ctx, list: MitigationIn[], existing: MitigationRow[]): void {
  const own = new Map(existing.map((m) => [m.id, m]));
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (m.id !== undefined) {
      if (!own.has(m.id)) throw new AppError('not_found', `Mitigation ${i + 1} (${quoted(m.action)}) is not one of this risk's mitigations. Reload and try again.`);
      if (seen.has(m.id)) throw new AppError('invalid_input', `Mitigation ${i + 1} (${quoted(m.action)}) is listed twice.`);
      seen.add(m.id);
    }
    const unchangedOwner = m.id !== undefined && own.get(m.id)?.ownerPersonId === m.ownerPersonId;
    if (m.ownerPersonId !== null && !unchangedOwner) requireOwner(ctx, m.ownerPersonId, `owner of mitigation ${i + 1} (${quoted(m.action)})`);
  });
}

function linkName(ctx: Ctx, link: LinkIn): string {
  const row =
    link.kind === 'process'
      ? ctx.db.select({ name: processes.name }).from(processes).where(eq(processes.id, link.targetId)).get()
      : ctx.db.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, link.targetId)).get();
  if (!row) throw new AppError('not_found', `A ${link.kind} linked to this risk is no longer in the workspace. Remove the link or choose another ${link.kind}.`);
  return row.name;
}

function requireLinks(ctx: Ctx, list: LinkIn[]): void {
  const seen = new Set<string>();
  for (const link of list) {
    const name = linkName(ctx, link);
    const key = `${link.kind}:${link.targetId}`;
    if (seen.has(key)) throw new AppError('invalid_input', `The ${link.kind} ${name} is linked twice.`);
    seen.add(key);
  }
}

/** Writes the mitigation list as given: kept ones updated where they changed, new ones added, the rest removed. */
function replaceMitigations(w: Writer, ctx: Ctx, riskId: string, list: MitigationIn[], existing: MitigationRow[]): number {
  let writes = 0;
  const kept = new Set(list.flatMap((m) => (m.id === undefined ? [] : [m.id])));
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    w.remove('risk_mitigations', old.id);
    writes++;
  }
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of list) {
    const fields = { action: m.action, status: m.status, ownerPersonId: m.ownerPersonId, dueOn: m.dueOn };
    const old = m.id === undefined ? undefined : byId.get(m.id);
    if (old === undefined) {
      w.insert('risk_mitigations', { id: ctx.newId(), riskId, ...fields });
      writes++;
    } else if (old.action !== fields.action || old.status !== fields.status || old.ownerPersonId !== fields.ownerPersonId || old.dueOn !== fields.dueOn) {
      w.update('risk_mitigations', old.id, fields);
      writes++;
    }
  }
  return writes;
}

/** Links have no fields of their own: existing ones stay, missing ones go, new ones are added. */
function replaceLinks(w: Writer, ctx: Ctx, riskId: string, list: LinkIn[], existing: LinkRow[]): number {
  let writes = 0;
  const keyOf = (l: LinkRow) => (l.processId !== null ? `process:${l.processId}` : `vendor:${l.vendorId}`);
  const wanted = new Set(list.map((l) => `${l.kind}:${l.targetId}`));
  const have = new Set(existing.map(keyOf));
  for (const old of existing) {
    if (wanted.has(keyOf(old))) continue;
    w.remove('risk_links', old.id);
    writes++;
  }
  for (const l of list) {
    if (have.has(`${l.kind}:${l.targetId}`)) continue;
    w.insert('risk_links', {
      id: ctx.newId(),
      riskId,
      processId: l.kind === 'process' ? l.targetId : null,
      vendorId: l.kind === 'vendor' ? l.targetId : null,
    });
    writes++;
  }
  return writes;
}

function readChildren(ctx: Ctx, riskId: string): { mitigations: MitigationRow[]; links: LinkRow[] } {
  return {
    mitigations: ctx.db.select().from(riskMitigations).where(eq(riskMitigations.riskId, riskId)).all(),
    links: ctx.db.select().from(riskLinks).where(eq(riskLinks.riskId, riskId)).all(),
  };
}

export function createRisk(ctx: Ctx, input: RiskCreate): Risk {
  requireResidualWithinInherent(input.inherent, input.residual);
  requireUniqueTitle(ctx, input.title, null);
  if (input.ownerPersonId !== null) requireOwner(ctx, input.ownerPersonId, 'risk owner');
  requireMitigations(ctx, input.mitigations, []);
  requireLinks(ctx, input.links);

  const at = isoNow(ctx);
  const row: RiskRow = {
    id: ctx.newId(),
    title: input.title,
    description: input.description,
    category: input.category,
    ownerPersonId: input.ownerPersonId,
    inherentLikelihood: input.inherent.likelihood,
    inherentImpact: input.inherent.impact,
    residualLikelihood: input.residual.likelihood,
    residualImpact: input.residual.impact,
    reviewDate: input.reviewDate,
    createdAt: at,
    updatedAt: at,
  };
  withChange(ctx, `Add risk ${quoted(row.title)}`, (w) => {
    w.insert('risks', row);
    replaceMitigations(w, ctx, row.id, input.mitigations, []);
    replaceLinks(w, ctx, row.id, input.links, []);
  });
  return getRisk(ctx, row.id);
}

export function updateRisk(ctx: Ctx, input: RiskUpdate): Risk {
  const before = requireRisk(ctx, input.id);
  const children = readChildren(ctx, before.id);
  const inherent = input.inherent ?? { likelihood: before.inherentLikelihood, impact: before.inherentImpact };
  const residual = input.residual ?? { likelihood: before.residualLikelihood, impact: before.residualImpact };
  requireResidualWithinInherent(inherent, residual);
  if (input.title !== undefined && input.title !== before.title) requireUniqueTitle(ctx, input.title, before.id);
  if (input.ownerPersonId !== undefined && input.ownerPersonId !== null && input.ownerPersonId !== before.ownerPersonId) {
    requireOwner(ctx, input.ownerPersonId, 'risk owner');
  }
  if (input.mitigations !== undefined) requireMitigations(ctx, input.mitigations, children.mitigations);
  if (input.links !== undefined) requireLinks(ctx, input.links);

  const next: Partial<RiskRow> = {
    title: input.title,
    description: input.description,
    category: input.category,
    ownerPersonId: input.ownerPersonId,
    inherentLikelihood: inherent.likelihood,
    inherentImpact: inherent.impact,
    residualLikelihood: residual.likelihood,
    residualImpact: residual.impact,
    reviewDate: input.reviewDate,
  };
  const patch: Partial<RiskRow> = {};
  for (const [key, value] of Object.entries(next) as [keyof RiskRow, unknown][]) {
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }

  withChange(ctx, `Edit risk ${quoted(patch.title ?? before.title)}`, (w) => {
    let writes = 0;
    if (input.mitigations !== undefined) writes += replaceMitigations(w, ctx, before.id, input.mitigations, children.mitigations);
    if (input.links !== undefined) writes += replaceLinks(w, ctx, before.id, input.links, children.links);
    // The risk's own row is touched only when it or one of its lists changed: saving unchanged leaves no trace.
    if (Object.keys(patch).length > 0 || writes > 0) w.update('risks', before.id, { ...patch, updatedAt: isoNow(ctx) });
  });
  return getRisk(ctx, before.id);
}

export function deleteRisk(ctx: Ctx, id: string): void {
  const row = requireRisk(ctx, id);
  const children = readChildren(ctx, row.id);
  withChange(ctx, `Delete risk ${quoted(row.title)}`, (w) => {
    for (const l of children.links) w.remove('risk_links', l.id);
    for (const m of children.mitigations) w.remove('risk_mitigations', m.id);
    w.remove('risks', row.id);
  });
}

/** The appetite is a workspace setting, changed as an undoable change like any other. */
export function setRiskAppetite(ctx: Ctx, appetite: number): { appetite: number } {
  if (!Number.isInteger(appetite) || appetite < 1 || appetite > 25) {
    throw new AppError('invalid_input', `The risk appetite is a score from 1 to 25 (likelihood × impact); ${appetite} is not.`);
  }
  const before = getRiskAppetite(ctx);
  if (appetite !== before) {
    withChange(ctx, `Set risk appetite to ${appetite} (was ${before})`, (w) => {
      w.update('workspace', 1, { riskAppetite: appetite });
    });
  }
  return { appetite: getRiskAppetite(ctx) };
}
