/**
 * The register as other domains read it: the board pack's top risks and the JSON export. Plain
 * read functions, no contract methods; the caller opens the read transaction (D9), so every figure
 * in one pack comes from one state of the workspace.
 */
import { type HeatCell, type MitigationCounts, type Risk, type RiskCategory } from '../../../shared/risks';
import type { Ctx } from '../context';
import { listRisks, riskHeatMap } from './risk-queries';

export interface TopRisk {
  id: string;
  title: string;
  category: RiskCategory;
  ownerName: string | null;
  /** The owner's end date when they have left (before the day the register is read on). */
  ownerLeftOn: string | null;
  inherentScore: number;
  residual: { likelihood: number; impact: number; score: number };
  aboveAppetite: boolean;
  mitigationCounts: MitigationCounts;
  /** "1 of 3 done, 1 in progress, 1 planned", or "No mitigations". */
  mitigationStatus: string;
  reviewDate: string | null;
  reviewOverdue: boolean;
}

export interface TopRisks {
  appetite: number;
  /** Risks in the register, and how many of them are above appetite. */
  total: number;
  aboveAppetite: number;
  /** The residual heat map, for the pack's chart (25 cells, top row first). */
  heatMap: HeatCell[];
  /** Above appetite first, then by residual score (highest first), at most `limit`. */
  risks: TopRisk[];
}

export function mitigationStatusText(c: MitigationCounts): string {
  const total = c.planned + c.inProgress + c.done;
  if (total === 0) return 'No mitigations';
  const parts = [`${c.done} of ${total} done`];
  if (c.inProgress > 0) parts.push(`${c.inProgress} in progress`);
  if (c.planned > 0) parts.push(`${c.planned} planned`);
  return parts.join(', ');
}

function toTop(r: Risk): TopRisk {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    ownerName: r.ownerName,
    ownerLeftOn: r.ownerLeftOn,
    inherentScore: r.inherent.score,
    residual: r.residual,
    aboveAppetite: r.aboveAppetite,
    mitigationCounts: r.mitigationCounts,
    mitigationStatus: mitigationStatusText(r.mitigationCounts),
    reviewDate: r.reviewDate,
    reviewOverdue: r.reviewOverdue,
  };
}

export function topRisks(ctx: Ctx, { limit }: { limit: number }): TopRisks {
  const { appetite, risks } = listRisks(ctx);
  // listRisks is by residual score already, so above-appetite risks lead; sorting on the flag says so.
  const ordered = [...risks].sort((a, b) => Number(b.aboveAppetite) - Number(a.aboveAppetite));
  return {
    appetite,
    total: risks.length,
    aboveAppetite: risks.filter((r) => r.aboveAppetite).length,
    heatMap: riskHeatMap(ctx).residual,
    risks: ordered.slice(0, Math.max(0, limit)).map(toTop),
  };
}

/** The whole register for exports: every risk with ids and names of what it points at, by title. */
export function riskRegister(ctx: Ctx): { appetite: number; risks: Risk[] } {
  const { appetite, risks } = listRisks(ctx);
  return { appetite, risks: [...risks].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id)) };
}
