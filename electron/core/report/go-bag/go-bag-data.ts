/**
 * What a go-bag prints, read in one transaction through the continuity read functions (the same
 * shapes the Continuity view shows) and the people list of the org screens: the chosen plans in
 * print order, each with its process, dependencies and vendor contacts, and the processes in scope
 * that have no plan (the document says so rather than leaving them out silently).
 *
 * Readiness flags (who has left, which contracts have ended) are judged on the "as at" day, not the
 * clock, so the same workspace state and options give the same document.
 */
import type { Asset, Dependency, PlanDetail, Process, Vendor } from '../../../../shared/continuity';
import { tierLabels } from '../../../../shared/continuity';
import type { GoBagPaper } from '../../../../shared/go-bag';
import { AppError } from '../../../../shared/result';
import type { Ctx } from '../../context';
import { loadContinuity } from '../../continuity/views';
import { listPeople } from '../../org/people-service';
import { getSettings } from '../../workspace/workspace-service';
import { lastChangeDay, slugOf } from '../report-settings';

export interface Contact {
  name: string;
  title: string | null;
  phone: string | null;
}

export interface GoBagPlan {
  plan: PlanDetail;
  /** Null for a scenario plan that is not tied to a process. */
  process: Process | null;
  dependencies: Dependency[];
  /** The vendors the process depends on, by name, with their contacts. */
  vendors: Vendor[];
  /** The systems and sites the process depends on. */
  assets: Asset[];
}

export interface GoBagScope {
  kind: 'plan' | 'process' | 'tier' | 'all';
  /** "All Tier-1 plans", "Plans for Dispatch", … */
  label: string;
  /** For the file name: "tier-1", "dispatch", "dispatch-recovery", "all-plans". */
  slug: string;
}

export interface GoBagData {
  company: string;
  asOf: string;
  paper: GoBagPaper;
  scope: GoBagScope;
  plans: GoBagPlan[];
  /** People named anywhere in the plans, by id: their title and phone for the page. */
  people: Record<string, Contact>;
  /** Processes in scope without a recovery plan, by tier then name. */
  uncovered: { name: string; tier: number }[];
}

export interface GoBagSelection {
  planId?: string | undefined;
  processId?: string | undefined;
  tier?: number | undefined;
}



/** The services judge "today" by ctx.now(): a context whose clock stands on the given day. */
export function onDay(ctx: Ctx, day: string): Ctx {
  return { ...ctx, now: () => new Date(`${day}T12:00:00Z`) };
}

/** Reads everything the go-bag prints. The caller runs it inside one read transaction. */
export function readGoBag(ctx: Ctx, select: GoBagSelection, asOf: string | undefined, paper: GoBagPaper): GoBagData {
  const day = asOf ?? lastChangeDay(ctx);
  const snapshot = loadContinuity(onDay(ctx, day));
  const everyone = new Map(listPeople(ctx, null).map((p) => [p.id, p]));

  const processOf = select.processId === undefined ? undefined : snapshot.processes.find((p) => p.process.id === select.processId);
  if (select.processId !== undefined && !processOf) throw new AppError('not_found', 'That process is no longer in the workspace.');
  const candidates = [
    ...snapshot.processes.flatMap((detail) => detail.plans.map((plan) => ({ plan, detail }))),
    ...snapshot.scenarioPlans.map((plan) => ({ plan, detail: null })),
  ];
  const chosen = candidates.find((c) => c.plan.id === select.planId);
  if (select.planId !== undefined && !chosen) throw new AppError('not_found', 'That plan is no longer in the workspace.');

  const picked = candidates.filter(
    (c) =>
      (select.planId === undefined || c.plan.id === select.planId) &&
      (select.processId === undefined || c.plan.processId === select.processId) &&
      (select.tier === undefined || c.plan.tier === select.tier),
  );
  const inScope = snapshot.processes.filter(
    (d) => select.planId === undefined && (select.processId === undefined || d.process.id === select.processId) && (select.tier === undefined || d.process.tier === select.tier),
  );
  const uncovered = inScope.filter((d) => d.plans.length === 0).map((d) => ({ name: d.process.name, tier: d.process.tier }));

  let scope: GoBagScope;
  if (chosen) scope = { kind: 'plan', label: chosen.plan.name, slug: slugOf(chosen.plan.name) };
  else if (processOf) scope = { kind: 'process', label: `Plans for ${processOf.process.name}`, slug: slugOf(processOf.process.name) };
  else if (select.tier !== undefined) scope = { kind: 'tier', label: `All Tier-${select.tier} plans`, slug: `tier-${select.tier}` };
  else scope = { kind: 'all', label: 'All recovery plans', slug: 'all-plans' };

  if (picked.length === 0) {
    if (chosen && processOf) throw new AppError('invalid_input', `"${chosen.plan.name}" is not a plan of ${processOf.process.name}.`);
    if (chosen) throw new AppError('invalid_input', `"${chosen.plan.name}" is not a plan of a Tier-${select.tier} process.`);
    if (processOf) throw new AppError('not_found', `${processOf.process.name} has no recovery plan yet: add one on its page in the Continuity view.`);
    if (select.tier !== undefined) {
      const tier = tierLabels[select.tier as 1 | 2 | 3 | 4];
      throw new AppError('not_found', `No ${tier.split(':')[0]} process has a recovery plan yet${uncovered.length ? ` (${uncovered.map((u) => u.name).join(', ')} ${uncovered.length === 1 ? 'has' : 'have'} none)` : ''}.`);
    }
    throw new AppError('not_found', 'There are no recovery plans to print yet: add a plan in the Continuity view.');
  }

  const vendorById = new Map(snapshot.vendors.map((v) => [v.id, v]));
  const assetById = new Map(snapshot.assets.map((a) => [a.id, a]));
  const plans: GoBagPlan[] = picked.map(({ plan, detail }) => {
    const dependencies = detail?.dependencies ?? [];
    const vendors = dependencies.flatMap((d) => (d.kind === 'vendor' && vendorById.has(d.targetId) ? [vendorById.get(d.targetId)!] : []));
    const assets = dependencies.flatMap((d) => ((d.kind === 'system' || d.kind === 'site') && assetById.has(d.targetId) ? [assetById.get(d.targetId)!] : []));
    return {
      plan,
      process: detail?.process ?? null,
      dependencies,
      vendors: [...new Map(vendors.map((v) => [v.id, v])).values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
      assets,
    };
  });

  // Everyone a page names: step owners, callers and alternates, owners and people depended on.
  const named = new Set<string>();
  for (const { plan, process, dependencies } of plans) {
    for (const s of plan.steps) named.add(s.ownerPersonId);
    for (const e of plan.callTree) {
      named.add(e.personId);
      if (e.alternatePersonId !== null) named.add(e.alternatePersonId);
    }
    if (process?.ownerPersonId) named.add(process.ownerPersonId);
    for (const d of dependencies) if (d.kind === 'person') named.add(d.targetId);
  }
  const people: Record<string, Contact> = {};
  for (const id of [...named].sort()) {
    const p = everyone.get(id);
    if (p) people[id] = { name: p.name, title: p.title, phone: p.phone };
  }

  return { company: getSettings(ctx).name, asOf: day, paper, scope, plans, people, uncovered };
}
