import { describe, expect, it } from 'vitest';
import { cellRiskIds, describeCell, filterRisks, isFiltered, noFilters } from '../../../renderer/src/features/risks/risk-filters';
import { isAboveAppetite, riskScore, scoreBand, type HeatMap, type Risk } from '../../../shared/risks';

function risk(id: string, title: string, over: Partial<Risk> = {}): Risk {
  return {
    id,
    title,
    description: '',
    category: 'operational',
    ownerPersonId: null,
    ownerName: null,
    ownerLeftOn: null,
    inherent: { likelihood: 3, impact: 3, score: 9 },
    residual: { likelihood: 2, impact: 2, score: 4 },
    aboveAppetite: false,
    reviewDate: null,
    reviewOverdue: false,
    mitigations: [],
    mitigationCounts: { planned: 0, inProgress: 0, done: 0 },
    links: [],
    updatedAt: '2026-11-21T12:00:00.000Z',
    ...over,
  };
}

const risks = [
  risk('a', 'Diesel supplier fails', {
    category: 'supplier',
    ownerPersonId: 'p1',
    ownerName: 'Priya',
    residual: { likelihood: 4, impact: 5, score: 20 },
    inherent: { likelihood: 5, impact: 5, score: 25 },
    aboveAppetite: true,
    links: [{ kind: 'process', targetId: 'x', name: 'Dispatch' }],
  }),
  risk('b', 'Payroll key person', { category: 'people', mitigations: [{ id: 'm', action: 'Cross-train a deputy', status: 'planned', ownerPersonId: null, ownerName: null, ownerLeftOn: null, dueOn: null }] }),
];

describe('register filters', () => {
  it('filters by category, owner (or none), residual band, above appetite and words in any field', () => {
    const titles = (f: Partial<typeof noFilters>, inCell: Set<string> | null = null) => filterRisks(risks, { ...noFilters, ...f }, inCell).map((r) => r.id);
    expect(titles({})).toEqual(['a', 'b']);
    expect(titles({ category: 'people' })).toEqual(['b']);
    expect(titles({ owner: 'p1' })).toEqual(['a']);
    expect(titles({ owner: 'none' })).toEqual(['b']);
    expect(titles({ band: 'critical' })).toEqual(['a']);
    expect(titles({ band: 'low' })).toEqual(['b']);
    expect(titles({ aboveOnly: true })).toEqual(['a']);
    expect(titles({ text: 'deputy' })).toEqual(['b']);
    expect(titles({ text: 'DISPATCH diesel' })).toEqual(['a']);
    expect(titles({ text: 'dispatch payroll' })).toEqual([]);
    expect(titles({}, new Set(['b']))).toEqual(['b']);
    expect(isFiltered(noFilters)).toBe(false);
    expect(isFiltered({ ...noFilters, text: '  ' })).toBe(false);
    expect(isFiltered({ ...noFilters, aboveOnly: true })).toBe(true);
  });

  it('takes a chosen cell’s risks from the heat map of its mode', () => {
    const cells = (ids: string[]) => [{ likelihood: 4, impact: 5, score: 20, count: ids.length, riskIds: ids }];
    const map: HeatMap = { appetite: 12, residual: cells(['a']), inherent: cells(['b']) };
    expect(cellRiskIds(map, null)).toBeNull();
    expect([...cellRiskIds(map, { mode: 'residual', likelihood: 4, impact: 5 })!]).toEqual(['a']);
    expect([...cellRiskIds(map, { mode: 'inherent', likelihood: 4, impact: 5 })!]).toEqual(['b']);
    expect([...cellRiskIds(map, { mode: 'inherent', likelihood: 1, impact: 1 })!]).toEqual([]);
    expect(describeCell({ mode: 'residual', likelihood: 4, impact: 5 })).toBe('residual Likely (4) × Severe (5)');
  });
});

describe('scores', () => {
  it('multiplies the ratings, bands them 1–4, 5–9, 10–16, 20–25, and flags only above the appetite', () => {
    expect(riskScore({ likelihood: 4, impact: 3 })).toBe(12);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(scoreBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect(isAboveAppetite(12, 12)).toBe(false);
    expect(isAboveAppetite(13, 12)).toBe(true);
  });
});
