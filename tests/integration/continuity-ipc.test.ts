/**
 * Every continuity method through the dispatcher, as the renderer calls it: inputs parsed by the
 * contract, answers checked against its output schemas, refusals as typed data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContinuityOverview, DependencyMap, PlanDetail, ProcessDetail, Vendor } from '../../shared/continuity';
import { methodNames } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';
import { contentHash, fullBia, seedPeople } from '../unit/continuity/continuity-fixture';

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
});
afterAll(() => ws.cleanup());

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const r: Result<unknown> = await ws.session.call(method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('continuity over the dispatcher', () => {
  it('builds a process with a BIA, dependencies, a plan with steps, a call tree and an exercise; every answer fits the contract', async () => {
    const people = seedPeople(ws.ctx, ['Ana', 'Ben']);
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    const p = await ok<ProcessDetail>('continuity.createProcess', { name: 'Dispatch', tier: 1, rtoHours: 24, mtpdHours: 72, ownerPersonId: ana });
    const id = p.process.id;
    await ok('continuity.setBia', { processId: id, rows: fullBia(), costPerDayMinor: 1_250_000 });
    const vendor = await ok<Vendor>('continuity.createVendor', { name: 'Acme Fuel', service: 'Diesel', recoveryHours: 12, contractEnd: '2027-12-31' });
    const system = await ok<{ id: string }>('continuity.createAsset', { kind: 'system', name: 'TMS', recoveryHours: 8 });
    await ok('continuity.addDependency', { processId: id, kind: 'vendor', targetId: vendor.id });
    const detail = await ok<ProcessDetail>('continuity.addDependency', { processId: id, kind: 'system', targetId: system.id });
    expect(detail.dependencies.map((d) => d.targetName)).toEqual(['TMS', 'Acme Fuel']);
    await ok('continuity.updateDependency', { id: detail.dependencies[0]!.id, notes: 'Hosted by the vendor' });
    const plan = await ok<PlanDetail>('continuity.createPlan', { name: 'Dispatch recovery', processId: id, reviewedOn: '2026-10-01' });
    await ok('continuity.setSteps', { planId: plan.id, steps: [{ action: 'Paper dockets', ownerPersonId: ana, withinHours: 1 }] });
    const withTree = await ok<PlanDetail>('continuity.setCallTree', { planId: plan.id, entries: [{ id: 'a', personId: ana, parentId: null, alternatePersonId: ben }] });
    expect(withTree.callTree[0]).toMatchObject({ personName: 'Ana', alternateName: 'Ben', depth: 0 });
    await ok('continuity.createExercise', { planId: plan.id, kind: 'tabletop', heldOn: '2026-10-15', actions: [{ action: 'Spare keys', ownerPersonId: ben, dueOn: '2026-11-15' }] });
    await ok('continuity.updatePlan', { id: plan.id, workarounds: 'Phone orders' });
    await ok('continuity.updateProcess', { id, rpoHours: 1 });

    const full = await ok<ProcessDetail>('continuity.process', { id });
    expect(full.readiness).toEqual({ score: 100, gaps: [] });
    expect(full.bia.suggested.hours).toBe(24);
    const overview = await ok<ContinuityOverview>('continuity.overview', {});
    expect(overview.overallScore).toBe(100);
    const map = await ok<DependencyMap>('continuity.map', {});
    expect(map.singlePointsOfFailure.map((s) => s.name)).toEqual(['TMS', 'Acme Fuel']);
    expect(await ok('continuity.plans', {})).toHaveLength(1);
    expect(await ok('continuity.plan', { id: plan.id })).toMatchObject({ workarounds: 'Phone orders' });
    expect(await ok('continuity.vendors', {})).toHaveLength(1);
    expect(await ok('continuity.assets', { kind: 'site' })).toEqual([]);
    expect(await ok('continuity.usage', { kind: 'person', id: ana })).toMatchObject({ processes: ['Dispatch'], plans: ['Dispatch recovery'] });
    expect(await ok('continuity.settings', {})).toEqual({ impactTolerance: 4, riskAppetite: 12 });
    expect(await ok('continuity.setSettings', { riskAppetite: 10 })).toEqual({ impactTolerance: 4, riskAppetite: 10 });
  });

  it('answers a refusal and a malformed payload as typed errors, writing nothing', async () => {
    const before = contentHash(ws.ctx);
    const refused = await ws.session.call('continuity.createProcess', { name: 'Billing', tier: 2, rtoHours: 48, mtpdHours: 24 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^The RTO \(2 days\) is longer than the MTPD/) } });
    const malformed = await ws.session.call('continuity.setCallTree', { planId: 'x', entries: 'everyone' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await ws.session.call('continuity.createVendor', { name: 'X', sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(contentHash(ws.ctx)).toBe(before);
  });

  it('declares every continuity method with a handler', () => {
    const names = methodNames.filter((m) => m.startsWith('continuity.'));
    // 31 from shared/continuity.ts and the go-bag PDF from shared/go-bag.ts.
    expect(names.length).toBe(32);
    expect(names).toContain('continuity.goBag');
  });
});
