/**
 * Reading the risk register: every risk with its owner, scores, appetite flag, mitigations and
 * links, assembled from a handful of whole-table reads (a register holds tens or hundreds of risks,
 * not millions). The board pack and the JSON export read through here too.
 */
import { eq } from 'drizzle-orm';
import {
  isAboveAppetite,
  riskScore,
  type HeatCell,
  type HeatMap,
  type Mitigation,
  type MitigationCounts,
  type Risk,
  type RiskChoices,
  type RiskLink,
  type RiskList,
} from '../../../shared/risks';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { people, processes, riskLinks, riskMitigations, risks, vendors, workspace } from '../db/schema';

export type RiskRow = typeof risks.$inferSelect;
export type MitigationRow = typeof riskMitigations.$inferSelect;
export type LinkRow = typeof riskLinks.$inferSelect;

/** The appetite stored on the workspace row (12 until the director sets another). */
export function getRiskAppetite(ctx: Ctx): number {
  const row = ctx.db.select({ appetite: workspace.riskAppetite }).from(workspace).where(eq(workspace.id, 1)).get();
  if (!row) throw new AppError('not_found', `${ctx.fileName} has no workspace settings yet: it was never initialised.`);
  return row.appetite;
}

export function requireRisk(ctx: Ctx, id: string): RiskRow {
  const row = ctx.db.select().from(risks).where(eq(risks.id, id)).get();
  if (!row) throw new AppError('not_found', 'That risk is no longer in the register.');
  return row;
}

function today(ctx: Ctx): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** Names of people, processes and vendors by id: what risks, mitigations and links point at. */
interface Names {
  people: Map<string, string>;
  /** People who have left (an end date before today), with that date. */
  leftOn: Map<string, string>;
  processes: Map<string, string>;
  vendors: Map<string, string>;
}

function readNames(ctx: Ctx, on: string): Names {
  const pairs = <T extends { id: string; name: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r.name]));
  const everyone = ctx.db.select({ id: people.id, name: people.name, endDate: people.endDate }).from(people).all();
  return {
    people: pairs(everyone),
    // Judged like an owner chosen in the dialog: someone whose last day is today has not left yet.
    leftOn: new Map(everyone.flatMap((p) => (p.endDate !== null && p.endDate < on ? [[p.id, p.endDate] as const] : []))),
    processes: pairs(ctx.db.select({ id: processes.id, name: processes.name }).from(processes).all()),
    vendors: pairs(ctx.db.select({ id: vendors.id, name: vendors.name }).from(vendors).all()),
  };
}

function groupBy<T extends { riskId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.riskId);
    if (list) list.push(row);
    else out.set(row.riskId, [row]);
  }
  return out;
}

export function countMitigations(list: readonly Pick<MitigationRow, 'status'>[]): MitigationCounts {
  const counts = { planned: 0, inProgress: 0, done: 0 };
  for (const m of list) {
    if (m.status === 'planned') counts.planned += 1;
    else if (m.status === 'in_progress') counts.inProgress += 1;
    else counts.done += 1;
  }
  return counts;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name);

function toRisk(row: RiskRow, mitigations: MitigationRow[], links: LinkRow[], names: Names, appetite: number, on: string): Risk {
  const inherent = { likelihood: row.inherentLikelihood, impact: row.inherentImpact };
  const residual = { likelihood: row.residualLikelihood, impact: row.residualImpact };
  const residualScore = riskScore(residual);
  const shownMitigations: Mitigation[] = mitigations.map((m) => ({
    id: m.id,
    action: m.action,
    status: m.status,
    ownerPersonId: m.ownerPersonId,
    ownerName: m.ownerPersonId === null ? null : (names.people.get(m.ownerPersonId) ?? null),
    ownerLeftOn: m.ownerPersonId === null ? null : (names.leftOn.get(m.ownerPersonId) ?? null),
    dueOn: m.dueOn,
  }));
  const processLinks: RiskLink[] = [];
  const vendorLinks: RiskLink[] = [];
  for (const l of links) {
    if (l.processId !== null) processLinks.push({ kind: 'process', targetId: l.processId, name: names.processes.get(l.processId) ?? '(unknown process)' });
    else if (l.vendorId !== null) vendorLinks.push({ kind: 'vendor', targetId: l.vendorId, name: names.vendors.get(l.vendorId) ?? '(unknown vendor)' });
  }
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    ownerPersonId: row.ownerPersonId,
    ownerName: row.ownerPersonId === null ? null : (names.people.get(row.ownerPersonId) ?? null),
    ownerLeftOn: row.ownerPersonId === null ? null : (names.leftOn.get(row.ownerPersonId) ?? null),
    inherent: { ...inherent, score: riskScore(inherent) },
    residual: { ...residual, score: residualScore },
    aboveAppetite: isAboveAppetite(residualScore, appetite),
    reviewDate: row.reviewDate,
    reviewOverdue: row.reviewDate !== null && row.reviewDate < on,
    mitigations: shownMitigations,
    mitigationCounts: countMitigations(mitigations),
    links: [...processLinks.sort(byName), ...vendorLinks.sort(byName)],
    updatedAt: row.updatedAt,
  };
}

const statusOrder: Record<MitigationRow['status'], number> = { in_progress: 0, planned: 1, done: 2 };

/**
 * Mitigations have no position of their own: open ones first (in progress, then planned), then
 * done; each by due date (undated last), then by action. Stable whatever order rows were written in.
 */
function compareMitigations(a: MitigationRow, b: MitigationRow): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
    a.action.localeCompare(b.action, 'en', { sensitivity: 'base' }) ||
    a.id.localeCompare(b.id)
  );
}

/** Highest residual score first, then highest inherent, then by title. */
export function compareRisks(a: Risk, b: Risk): number {
  return b.residual.score - a.residual.score || b.inherent.score - a.inherent.score || a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

function readRisks(ctx: Ctx, only?: string): { appetite: number; risks: Risk[] } {
  const appetite = getRiskAppetite(ctx);
  const rows = only === undefined ? ctx.db.select().from(risks).all() : [requireRisk(ctx, only)];
  const mitigationQuery = ctx.db.select().from(riskMitigations);
  const linkQuery = ctx.db.select().from(riskLinks);
  const mitigations = groupBy((only === undefined ? mitigationQuery : mitigationQuery.where(eq(riskMitigations.riskId, only))).all().sort(compareMitigations));
  const links = groupBy((only === undefined ? linkQuery : linkQuery.where(eq(riskLinks.riskId, only))).all());
  const on = today(ctx);
  const names = readNames(ctx, on);
  const list = rows.map((r) => toRisk(r, mitigations.get(r.id) ?? [], links.get(r.id) ?? [], names, appetite, on));
  return { appetite, risks: list.sort(compareRisks) };
}

export function listRisks(ctx: Ctx): RiskList {
  return readRisks(ctx);
}

export function getRisk(ctx: Ctx, id: string): Risk {
  return readRisks(ctx, id).risks[0]!;
}

/** Likelihood 5 → 1 (the top row of the map first), impact 1 → 5 along each row. */
function emptyCells(): HeatCell[] {
  const cells: HeatCell[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) cells.push({ likelihood, impact, score: likelihood * impact, count: 0, riskIds: [] });
  }
  return cells;
}

function cellAt(cells: HeatCell[], likelihood: number, impact: number): HeatCell {
  return cells[(5 - likelihood) * 5 + (impact - 1)]!;
}

/** How many risks sit in each cell, residual and inherent; ids in each cell in register order. */
export function riskHeatMap(ctx: Ctx): HeatMap {
  const { appetite, risks: list } = readRisks(ctx);
  const residual = emptyCells();
  const inherent = emptyCells();
  for (const r of list) {
    const res = cellAt(residual, r.residual.likelihood, r.residual.impact);
    res.count += 1;
    res.riskIds.push(r.id);
    const inh = cellAt(inherent, r.inherent.likelihood, r.inherent.impact);
    inh.count += 1;
    inh.riskIds.push(r.id);
  }
  return { appetite, residual, inherent };
}

/** Who and what a risk can name, for the pickers of the risk dialog: people who have left are not offered. */
export function riskChoices(ctx: Ctx): RiskChoices {
  const on = today(ctx);
  const everyone = ctx.db
    .select({ id: people.id, name: people.name, title: people.title, endDate: people.endDate })
    .from(people)
    .where(eq(people.status, 'active'))
    .all()
    .filter((p) => p.endDate === null || p.endDate >= on);
  return {
    people: everyone.sort(byName),
    processes: ctx.db.select({ id: processes.id, name: processes.name }).from(processes).all().sort(byName),
    vendors: ctx.db.select({ id: vendors.id, name: vendors.name }).from(vendors).all().sort(byName),
  };
}
