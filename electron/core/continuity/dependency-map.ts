/**
 * The dependency map: processes and what they depend on as a graph, with single points of
 * failure marked. Pure over loaded data.
 *
 * A SINGLE POINT OF FAILURE is a person, system, site or vendor T such that
 *   (a) T is depended on (a row in `dependencies`) by two or more different processes, or by at
 *       least one Tier-1 process; and
 *   (b) T has no alternate, where
 *       - a person has an alternate when at least one call-tree entry (in any plan) that calls
 *         them names an alternate person whose end date has not passed;
 *       - a vendor has an alternate when another vendor in the register offers the same service
 *         (equal ignoring case and surrounding spaces, and not empty) and its contract has not
 *         ended;
 *       - a system or a site never has one: the register has no place to name a stand-in for
 *         them, so every system or site meeting (a) is a single point of failure.
 * Processes are never single points of failure here: what they depend on is.
 */
import type { DependencyMap } from '../../../shared/continuity';
import { byName, type ContinuityIndex } from './load';
import { formatHours, processReadiness, resolveDependency, targetIdOf } from './readiness';

type TargetKind = 'person' | 'system' | 'site' | 'vendor';

function nodeId(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/** Whether a person or vendor has an alternate, as defined above. */
function hasAlternate(index: ContinuityIndex, kind: TargetKind, id: string): boolean {
  if (kind === 'person') {
    return index.data.callTree.some((e) => e.personId === id && e.alternatePersonId !== null && !index.hasLeft(e.alternatePersonId));
  }
  if (kind === 'vendor') {
    const vendor = index.vendorById.get(id);
    const service = vendor?.service.trim().toLowerCase() ?? '';
    if (service === '') return false;
    return index.data.vendors.some(
      (v) => v.id !== id && v.service.trim().toLowerCase() === service && (v.contractEnd === null || v.contractEnd >= index.data.today),
    );
  }
  return false;
}

/** Why a vendor counts as uncovered, as the rule in hasAlternate reads. */
function vendorCover(index: ContinuityIndex, id: string): string {
  const service = index.vendorById.get(id)?.service.trim() ?? '';
  return service === ''
    ? 'no service is recorded for it, so no other vendor can be matched to stand in for it'
    : `no other vendor whose contract has not ended lists the same service ("${service}")`;
}

export function dependencyMapOf(index: ContinuityIndex): DependencyMap {
  const processes = [...index.data.processes].sort((a, b) => a.tier - b.tier || byName(a, b));
  const nodes: DependencyMap['nodes'] = processes.map((p) => ({
    id: nodeId('process', p.id),
    kind: 'process',
    refId: p.id,
    label: p.name,
    tier: p.tier,
    score: processReadiness(index, p).score,
    recoveryHours: p.rtoHours,
    singlePointOfFailure: false,
  }));
  const edges: DependencyMap['edges'] = [];
  const targets = new Map<string, { kind: TargetKind; id: string; name: string; recoveryHours: number | null; processes: Set<string>; tier1: boolean }>();

  for (const p of processes) {
    for (const row of index.dependenciesByProcess.get(p.id) ?? []) {
      const dep = resolveDependency(index, p, row);
      const to = nodeId(row.kind, targetIdOf(row));
      edges.push({ id: row.id, from: nodeId('process', p.id), to, effectiveRecoveryHours: dep.effectiveRecoveryHours, exceedsRto: dep.exceedsRto });
      if (row.kind === 'process') continue;
      let target = targets.get(to);
      if (!target) {
        const own =
          row.kind === 'vendor'
            ? (index.vendorById.get(dep.targetId)?.recoveryHours ?? null)
            : row.kind === 'person'
              ? null
              : (index.assetById.get(dep.targetId)?.recoveryHours ?? null);
        target = { kind: row.kind, id: dep.targetId, name: dep.targetName, recoveryHours: own, processes: new Set(), tier1: false };
        targets.set(to, target);
      }
      target.processes.add(p.name);
      if (p.tier === 1) target.tier1 = true;
    }
  }

  const singlePointsOfFailure: DependencyMap['singlePointsOfFailure'] = [];
  const kindOrder: TargetKind[] = ['person', 'system', 'site', 'vendor'];
  const sorted = [...targets.entries()].sort(([, a], [, b]) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || byName(a, b));
  for (const [id, t] of sorted) {
    const names = [...t.processes].sort((a, b) => a.localeCompare(b));
    const shared = names.length >= 2 || t.tier1;
    const spof = shared && !hasAlternate(index, t.kind, t.id);
    nodes.push({ id, kind: t.kind, refId: t.id, label: t.name, tier: null, score: null, recoveryHours: t.recoveryHours, singlePointOfFailure: spof });
    if (!spof) continue;
    const who =
      names.length >= 2
        ? `${names.length} processes depend on it (${names.join(', ')})`
        : `Tier-1 process ${names[0]} depends on it`;
    const cover = t.kind === 'person' ? 'no alternate is named for them on any call tree' : t.kind === 'vendor' ? vendorCover(index, t.id) : 'nothing else in the register stands in for it';
    const recovery = t.recoveryHours === null ? '' : ` Its recovery time is ${formatHours(t.recoveryHours)}.`;
    singlePointsOfFailure.push({ nodeId: id, kind: t.kind, refId: t.id, name: t.name, processes: names, reason: `${who} and ${cover}.${recovery}` });
  }
  return { nodes, edges, singlePointsOfFailure };
}
