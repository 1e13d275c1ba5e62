/**
 * The register's filters as plain data and one pure function, so the table, the heat map and the
 * "showing n of m" line agree on what is shown.
 */
import { ratingLabel, scoreBand, type HeatMap, type Risk, type RiskCategory, type ScoreBand } from '../../../../shared/risks';

export type HeatMode = 'residual' | 'inherent';

/** A heat-map cell chosen to filter the table. */
export interface CellChoice {
  mode: HeatMode;
  likelihood: number;
  impact: number;
}

export interface RiskFilters {
  text: string;
  category: RiskCategory | 'all';
  /** A person id, 'none' for risks without an owner, or 'all'. */
  owner: string;
  /** The residual score's band. */
  band: ScoreBand | 'all';
  aboveOnly: boolean;
  cell: CellChoice | null;
}

export const noFilters: RiskFilters = { text: '', category: 'all', owner: 'all', band: 'all', aboveOnly: false, cell: null };

function matchesText(r: Risk, needle: string): boolean {
  if (needle === '') return true;
  const hay = [r.title, r.description, r.ownerName ?? '', ...r.mitigations.map((m) => m.action), ...r.links.map((l) => l.name)].join('\n').toLowerCase();
  return needle
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** The ids in the chosen cell, from the heat map (null when no cell is chosen or the map is not loaded). */
export function cellRiskIds(map: HeatMap | null, cell: CellChoice | null): Set<string> | null {
  if (!cell || !map) return null;
  const found = map[cell.mode].find((c) => c.likelihood === cell.likelihood && c.impact === cell.impact);
  return new Set(found?.riskIds ?? []);
}

export function filterRisks(risks: readonly Risk[], f: RiskFilters, inCell: Set<string> | null): Risk[] {
  return risks.filter(
    (r) =>
      (f.category === 'all' || r.category === f.category) &&
      (f.owner === 'all' || (f.owner === 'none' ? r.ownerPersonId === null : r.ownerPersonId === f.owner)) &&
      (f.band === 'all' || scoreBand(r.residual.score) === f.band) &&
      (!f.aboveOnly || r.aboveAppetite) &&
      (inCell === null || inCell.has(r.id)) &&
      matchesText(r, f.text.trim()),
  );
}

export function isFiltered(f: RiskFilters): boolean {
  return f.text.trim() !== '' || f.category !== 'all' || f.owner !== 'all' || f.band !== 'all' || f.aboveOnly || f.cell !== null;
}

/** "residual Likely (4) × Severe (5)" */
export function describeCell(cell: CellChoice): string {
  return `${cell.mode} ${ratingLabel('likelihood', cell.likelihood)} × ${ratingLabel('impact', cell.impact)}`;
}

/** Owners that appear in the register, by name, for the owner filter. */
export function ownersOf(risks: readonly Risk[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of risks) if (r.ownerPersonId !== null) seen.set(r.ownerPersonId, r.ownerName ?? 'Unknown');
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
