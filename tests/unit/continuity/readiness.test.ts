/**
 * Readiness on one workspace built to trip every flag, asserted exactly; the suggested RTO; the
 * scores and the single points of failure. The clock is pinned to 2026-11-21.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExercise, createPlan, setCallTree, setSteps } from '../../../electron/core/continuity/plan-service';
import { addDependency, createProcess, setBia } from '../../../electron/core/continuity/process-service';
import { formatHours, gapRules, monthsBefore, overallScore, scoreOf, suggestRto } from '../../../electron/core/continuity/readiness';
import { createAsset, createVendor } from '../../../electron/core/continuity/register-service';
import { setContinuitySettings } from '../../../electron/core/continuity/settings';
import { continuityOverview, dependencyMap, loadContinuity, processDetail } from '../../../electron/core/continuity/views';
import { readinessGapCodes, type BiaRow } from '../../../shared/continuity';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { fullBia, seedPeople, type People } from './continuity-fixture';

let ws: TempWorkspace;
let people: People;
const ids: Record<string, string> = {};

beforeAll(() => {
  ws = tempWorkspace();
  const ctx = ws.ctx;
  people = seedPeople(ctx, ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'], { left: { Dev: '2026-03-31' } });
  const p = people.id;
  ids.tms = createAsset(ctx, { kind: 'system', name: 'TMS', recoveryHours: 24 }).id;
  ids.depot = createAsset(ctx, { kind: 'site', name: 'Depot', recoveryHours: 72 }).id;
  ids.acme = createVendor(ctx, { name: 'Acme Fuel', service: 'Diesel', contractEnd: '2026-06-30', recoveryHours: 48 }).id;

  // Dispatch (Tier 1) trips: BIA incomplete, plan not reviewed in 12 months, last exercise over a
  // year ago, key people (call tree and Tier-1 steps), leavers (call tree, steps, dependency), RTO
  // shorter than two dependencies, a vendor whose contract ended.
  ids.dispatch = createProcess(ctx, { name: 'Dispatch', tier: 1, rtoHours: 4, mtpdHours: 24 }).process.id;
  setBia(ctx, {
    processId: ids.dispatch,
    rows: [
      { horizonHours: 4, financial: 3, customer: 5, regulatory: 1, reputational: 2, safety: 1 },
      { horizonHours: 24, financial: 4, customer: 5, regulatory: 2, reputational: 4, safety: 1 },
    ],
  });
  addDependency(ctx, { processId: ids.dispatch, kind: 'system', targetId: ids.tms });
  addDependency(ctx, { processId: ids.dispatch, kind: 'vendor', targetId: ids.acme });
  addDependency(ctx, { processId: ids.dispatch, kind: 'person', targetId: p('Dev') });
  ids.dispatchPlan = createPlan(ctx, { name: 'Dispatch recovery', processId: ids.dispatch, reviewedOn: '2025-06-01' }).id;
  setSteps(ctx, {
    planId: ids.dispatchPlan,
    steps: [
      { action: 'Switch to paper dockets', ownerPersonId: p('Cleo'), withinHours: 1 },
      { action: 'Call every driver', ownerPersonId: p('Cleo'), withinHours: 2 },
      { action: 'Restore the TMS', ownerPersonId: p('Dev'), withinHours: 4 },
    ],
  });
  setCallTree(ctx, {
    planId: ids.dispatchPlan,
    entries: [
      { id: 'ana', personId: p('Ana'), parentId: null },
      { id: 'ben', personId: p('Ben'), parentId: 'ana', alternatePersonId: p('Dev') },
    ],
  });
  createExercise(ctx, { planId: ids.dispatchPlan, kind: 'tabletop', heldOn: '2025-09-01' });

  // Payroll (Tier 2): no RTO, no BIA, no plan.
  ids.payroll = createProcess(ctx, { name: 'Payroll', tier: 2 }).process.id;

  // Customer service (Tier 3): a plan never exercised.
  // Its own review date has passed, too.
  ids.cs = createProcess(ctx, { name: 'Customer service', tier: 3, rtoHours: 24, reviewDate: '2026-10-01' }).process.id;
  setBia(ctx, { processId: ids.cs, rows: fullBia() });
  ids.csPlan = createPlan(ctx, { name: 'Customer service recovery', processId: ids.cs, reviewedOn: '2026-01-10' }).id;
  setCallTree(ctx, { planId: ids.csPlan, entries: [{ id: 'a', personId: p('Ana'), parentId: null, alternatePersonId: p('Ben') }] });

  // Fleet maintenance (Tier 4): exercised this year, but the next exercise was due in October.
  ids.fleet = createProcess(ctx, { name: 'Fleet maintenance', tier: 4, rtoHours: 72, mtpdHours: 336 }).process.id;
  setBia(ctx, { processId: ids.fleet, rows: fullBia() });
  ids.fleetPlan = createPlan(ctx, { name: 'Fleet recovery', processId: ids.fleet, reviewedOn: '2026-02-01' }).id;
  setSteps(ctx, { planId: ids.fleetPlan, steps: [{ action: 'Hire vans', ownerPersonId: p('Ana') }] });
  createExercise(ctx, { planId: ids.fleetPlan, kind: 'walkthrough', heldOn: '2026-05-01', nextDue: '2026-10-01' });

  // Warehouse (Tier 1): ready. Its dependency on the Depot has its own recovery time of 12 h,
  // which beats the site's stated 72 h and fits the 24 h RTO.
  ids.warehouse = createProcess(ctx, { name: 'Warehouse', tier: 1, rtoHours: 24, mtpdHours: 72 }).process.id;
  setBia(ctx, { processId: ids.warehouse, rows: fullBia() });
  addDependency(ctx, { processId: ids.warehouse, kind: 'site', targetId: ids.depot, recoveryHours: 12 });
  ids.warehousePlan = createPlan(ctx, { name: 'Warehouse recovery', processId: ids.warehouse, reviewedOn: '2026-06-01' }).id;
  setSteps(ctx, { planId: ids.warehousePlan, steps: [{ action: 'Move stock to the overflow bay', ownerPersonId: p('Eve') }] });
  setCallTree(ctx, { planId: ids.warehousePlan, entries: [{ id: 'e', personId: p('Eve'), parentId: null, alternatePersonId: p('Ana') }] });
  createExercise(ctx, { planId: ids.warehousePlan, kind: 'full', heldOn: '2026-09-01' });
});
afterAll(() => ws.cleanup());

const gapsOf = (id: string) => processDetail(ws.ctx, id).readiness.gaps.map((g) => [g.code, g.message]);

describe('readiness, on a workspace that trips every flag', () => {
  it('finds exactly these gaps for Dispatch, in rule order', () => {
    expect(gapsOf(ids.dispatch!)).toEqual([
      ['bia_incomplete', 'The impact analysis of Dispatch rates 10 of 25 cells.'],
      ['plan_not_reviewed', 'Plan "Dispatch recovery" was last reviewed on 2025-06-01, over 12 months ago.'],
      ['exercise_overdue', 'Dispatch was last exercised on 2025-09-01, over a year ago.'],
      ['key_person', 'Ana has no alternate in the call tree of "Dispatch recovery".'],
      ['key_person', 'Cleo owns 2 steps of "Dispatch recovery" (Tier 1) with no alternate.'],
      ['key_person', 'Dev owns a step of "Dispatch recovery" (Tier 1) with no alternate.'],
      ['person_left', 'Dev is on the call tree of "Dispatch recovery" but left on 2026-03-31.'],
      ['person_left', 'Dev owns step 3 of "Dispatch recovery" but left on 2026-03-31.'],
      ['rto_exceeds_dependency', 'The RTO of Dispatch (4 hours) is shorter than the recovery time of TMS (24 hours): the RTO cannot be met.'],
      ['rto_exceeds_dependency', 'The RTO of Dispatch (4 hours) is shorter than the recovery time of Acme Fuel (2 days): the RTO cannot be met.'],
      ['vendor_contract_ended', 'Dispatch depends on Acme Fuel, whose contract ended on 2026-06-30.'],
      ['person_left', 'Dispatch depends on Dev, who left on 2026-03-31.'],
    ]);
  });

  it('finds no RTO, no BIA and no plan for Payroll — and nothing that needs a plan', () => {
    expect(gapsOf(ids.payroll!)).toEqual([
      ['no_rto', 'No RTO is set for Payroll.'],
      ['bia_missing', 'Payroll has no business impact analysis.'],
      ['no_plan', 'Payroll has no recovery plan.'],
    ]);
  });

  it('finds a process review overdue, a plan never exercised, and an exercise whose next date has passed', () => {
    expect(gapsOf(ids.cs!)).toEqual([
      ['process_review_overdue', 'The review of Customer service was due on 2026-10-01.'],
      ['never_exercised', 'The plans of Customer service have never been exercised.'],
    ]);
    expect(gapsOf(ids.fleet!)).toEqual([['exercise_overdue', 'The next exercise of Fleet maintenance was due on 2026-10-01.']]);
    expect(gapsOf(ids.warehouse!)).toEqual([]);
  });

  it('trips every rule there is, gives each gap a fix, and scores by the documented weights', () => {
    const overview = continuityOverview(ws.ctx);
    const codes = new Set(overview.processes.flatMap((p) => p.readiness.gaps.map((g) => g.code)));
    expect(readinessGapCodes.filter((c) => !codes.has(c))).toEqual([]);
    for (const p of overview.processes) for (const g of p.readiness.gaps) expect(g.fix.length).toBeGreaterThan(10);

    const scores = Object.fromEntries(overview.processes.map((p) => [p.name, p.readiness.score]));
    const w = (code: keyof typeof gapRules) => gapRules[code].weight;
    expect(scores).toEqual({
      Dispatch: 100 - w('bia_incomplete') - w('plan_not_reviewed') - w('exercise_overdue') - w('key_person') - w('person_left') - w('rto_exceeds_dependency') - w('vendor_contract_ended'),
      Payroll: 100 - w('no_rto') - w('bia_missing') - w('no_plan'),
      'Customer service': 100 - w('process_review_overdue') - w('never_exercised'),
      'Fleet maintenance': 100 - w('exercise_overdue'),
      Warehouse: 100,
    });
    expect(scores).toEqual({ Dispatch: 30, Payroll: 30, 'Customer service': 80, 'Fleet maintenance': 90, Warehouse: 100 });
    // Tier-weighted: (4×30 + 4×100 + 3×30 + 2×80 + 1×90) / 14 = 61.4
    expect(overview.overallScore).toBe(61);
    expect(overview.processes.map((p) => p.name)).toEqual(['Dispatch', 'Warehouse', 'Payroll', 'Customer service', 'Fleet maintenance']);
    expect(overview.counts).toEqual({
      processes: 5,
      byTier: [2, 1, 1, 1],
      plans: 4,
      gaps: 12 + 3 + 2 + 1,
      processesWithGaps: 4,
      exercisesLastYear: 2,
      exercisesDue: 3,
      vendors: 1,
      assets: 2,
    });
    expect(overview.today).toBe('2026-11-21');
    expect(overview.processes.find((p) => p.name === 'Warehouse')).toMatchObject({ lastExercisedOn: '2026-09-01', nextExerciseDue: '2027-09-01' });
  });

  it('resolves each dependency\'s recovery time: its own, else the vendor\'s or asset\'s', () => {
    const deps = processDetail(ws.ctx, ids.dispatch!).dependencies.map((d) => [d.kind, d.targetName, d.effectiveRecoveryHours, d.recoverySource, d.exceedsRto]);
    expect(deps).toEqual([
      ['person', 'Dev', null, null, false],
      ['system', 'TMS', 24, 'asset', true],
      ['vendor', 'Acme Fuel', 48, 'vendor', true],
    ]);
    expect(processDetail(ws.ctx, ids.warehouse!).dependencies[0]).toMatchObject({ recoveryHours: 12, effectiveRecoveryHours: 12, recoverySource: 'dependency', exceedsRto: false });
  });

  it('marks single points of failure as defined: shared or Tier-1, with no alternate', () => {
    const map = dependencyMap(ws.ctx);
    expect(map.singlePointsOfFailure.map((s) => [s.kind, s.name, s.reason])).toEqual([
      ['person', 'Dev', 'Tier-1 process Dispatch depends on it and no alternate is named for them on any call tree.'],
      ['system', 'TMS', 'Tier-1 process Dispatch depends on it and nothing else in the register stands in for it. Its recovery time is 24 hours.'],
      ['site', 'Depot', 'Tier-1 process Warehouse depends on it and nothing else in the register stands in for it. Its recovery time is 3 days.'],
      ['vendor', 'Acme Fuel', 'Tier-1 process Dispatch depends on it and no other vendor whose contract has not ended lists the same service ("Diesel"). Its recovery time is 2 days.'],
    ]);
    expect(map.nodes.filter((n) => n.kind === 'process').map((n) => [n.label, n.score])).toEqual([
      ['Dispatch', 30],
      ['Warehouse', 100],
      ['Payroll', 30],
      ['Customer service', 80],
      ['Fleet maintenance', 90],
    ]);
    expect(map.edges).toHaveLength(4);
    expect(loadContinuity(ws.ctx).map).toEqual(map);
  });
});

describe('single points of failure, in detail', () => {
  it('a person covered by an alternate on a call tree, or a vendor with a current alternative, is not one; two processes make one', () => {
    const t = tempWorkspace();
    try {
      const pp = seedPeople(t.ctx, ['Ana', 'Ben']);
      const a = createProcess(t.ctx, { name: 'A', tier: 3 }).process.id;
      const b = createProcess(t.ctx, { name: 'B', tier: 4 }).process.id;
      const sys = createAsset(t.ctx, { kind: 'system', name: 'ERP' }).id;
      const v1 = createVendor(t.ctx, { name: 'Haulier One', service: 'Trunking' }).id;
      createVendor(t.ctx, { name: 'Haulier Two', service: ' trunking ' });
      for (const p of [a, b]) {
        addDependency(t.ctx, { processId: p, kind: 'system', targetId: sys });
        addDependency(t.ctx, { processId: p, kind: 'person', targetId: pp.id('Ana') });
        addDependency(t.ctx, { processId: p, kind: 'vendor', targetId: v1 });
      }
      // Only Tier 3 and 4 processes, but two of them: shared.
      expect(dependencyMap(t.ctx).singlePointsOfFailure.map((s) => s.name)).toEqual(['Ana', 'ERP']);
      expect(dependencyMap(t.ctx).singlePointsOfFailure[0]!.reason).toBe('2 processes depend on it (A, B) and no alternate is named for them on any call tree.');
      const plan = createPlan(t.ctx, { name: 'A plan', processId: a }).id;
      setCallTree(t.ctx, { planId: plan, entries: [{ id: 'x', personId: pp.id('Ana'), parentId: null, alternatePersonId: pp.id('Ben') }] });
      expect(dependencyMap(t.ctx).singlePointsOfFailure.map((s) => s.name)).toEqual(['ERP']);
    } finally {
      t.cleanup();
    }
  });
});

describe('suggested RTO', () => {
  const row = (h: number, v: Partial<BiaRow> = {}): BiaRow => ({ horizonHours: h, financial: 1, customer: 1, regulatory: 1, reputational: 1, safety: 1, ...v });

  it('is the first horizon at which any rating reaches the tolerance, with the reason', () => {
    const rows = [row(4), row(24, { customer: 3 }), row(72, { customer: 4, regulatory: 5 }), row(168, { safety: 5 }), row(336)];
    expect(suggestRto(rows, 4)).toEqual({
      hours: 72,
      reason: 'At 72 hours the customer impact (4) and regulatory impact (5) reach your tolerance of 4.',
      dimensions: ['customer', 'regulatory'],
    });
    expect(suggestRto(rows, 3)).toMatchObject({ hours: 24, reason: 'At 24 hours the customer impact (3) reaches your tolerance of 3.' });
    expect(suggestRto(rows, 6)).toEqual({ hours: null, reason: 'No impact reaches your tolerance of 6 within 2 weeks.', dimensions: [] });
    expect(suggestRto([], 4)).toEqual({ hours: null, reason: 'No impact is rated yet.', dimensions: [] });
  });

  it('follows the director\'s tolerance in the process detail, and shows an override', () => {
    const bia = processDetail(ws.ctx, ids.dispatch!).bia;
    expect(bia).toMatchObject({ tolerance: 4, suggested: { hours: 4 }, rtoHours: 4, overridden: false, ratedCells: 10 });
    setContinuitySettings(ws.ctx, { impactTolerance: 5 });
    expect(processDetail(ws.ctx, ids.fleet!).bia).toMatchObject({ tolerance: 5, suggested: { hours: null }, overridden: false });
    setContinuitySettings(ws.ctx, { impactTolerance: 4 });
    expect(processDetail(ws.ctx, ids.fleet!).bia).toMatchObject({ suggested: { hours: 24, dimensions: ['customer'] }, rtoHours: 72, overridden: true });
  });
});

describe('helpers', () => {
  it('formats hours, counts months back, scores and weights', () => {
    expect([0.5, 1, 4, 24, 36, 48, 168, 336, 170].map(formatHours)).toEqual(['0.5 hours', '1 hour', '4 hours', '24 hours', '36 hours', '2 days', '1 week', '2 weeks', '7.1 days']);
    expect(monthsBefore('2026-11-21', 12)).toBe('2025-11-21');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(scoreOf([{ code: 'no_plan' }, { code: 'no_plan' }, { code: 'no_rto' }])).toBe(100 - gapRules.no_plan.weight - gapRules.no_rto.weight);
    expect(scoreOf(readinessGapCodes.map((code) => ({ code })))).toBe(0);
    expect(overallScore([])).toBeNull();
    expect(overallScore([{ tier: 1, score: 0 }, { tier: 4, score: 100 }])).toBe(20);
  });
});
