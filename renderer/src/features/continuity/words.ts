/** The words continuity shows for codes, so no badge says something only in colour. */
import type { DependencyKind, ReadinessGap, ReadinessGapCode } from '../../../../shared/continuity';

export const kindLabels: Record<DependencyKind, string> = { person: 'Person', process: 'Process', system: 'System', site: 'Site', vendor: 'Vendor' };

export const gapLabels: Record<ReadinessGapCode, string> = {
  no_plan: 'No plan',
  plan_not_reviewed: 'Plan not reviewed',
  never_exercised: 'Never exercised',
  exercise_overdue: 'Exercise overdue',
  rto_exceeds_dependency: 'RTO cannot be met',
  key_person: 'Key person',
  person_left: 'Leaver named',
  vendor_contract_ended: 'Vendor contract ended',
  no_rto: 'No RTO',
  bia_missing: 'No impact analysis',
  bia_incomplete: 'Impact analysis incomplete',
  process_review_overdue: 'Review overdue',
};

export const severityLabels: Record<ReadinessGap['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low' };

export type ScoreBand = 'good' | 'fair' | 'poor';
export function scoreBand(score: number): ScoreBand {
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}
export const scoreBandLabels: Record<ScoreBand, string> = { good: 'Ready', fair: 'Gaps', poor: 'At risk' };

/**
 * The band shown beside a score: by the score, except that nothing with a high-severity gap is
 * called ready (a plan that cannot meet its RTO, a leaver on the call tree, no plan at all).
 */
export function readinessBand(score: number, gaps: readonly Pick<ReadinessGap, 'severity'>[] = []): ScoreBand {
  const band = scoreBand(score);
  return band === 'good' && gaps.some((g) => g.severity === 'high') ? 'fair' : band;
}

/** One badge per kind of gap, the worst severity first. */
export function gapKinds(gaps: readonly ReadinessGap[]): { code: ReadinessGapCode; severity: ReadinessGap['severity']; count: number }[] {
  const order = { high: 0, medium: 1, low: 2 } as const;
  const byCode = new Map<ReadinessGapCode, { code: ReadinessGapCode; severity: ReadinessGap['severity']; count: number }>();
  for (const g of gaps) {
    const have = byCode.get(g.code);
    if (!have) byCode.set(g.code, { code: g.code, severity: g.severity, count: 1 });
    else {
      have.count += 1;
      if (order[g.severity] < order[have.severity]) have.severity = g.severity;
    }
  }
  return [...byCode.values()].sort((a, b) => order[a.severity] - order[b.severity] || gapLabels[a.code].localeCompare(gapLabels[b.code]));
}
