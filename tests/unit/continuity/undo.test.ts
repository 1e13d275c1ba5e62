/**
 * Every kind of continuity mutation is one change: undo puts every table back exactly as it was,
 * redo exactly as it became.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createExercise,
  createPlan,
  deleteExercise,
  deletePlan,
  setCallTree,
  setSteps,
  updateExercise,
  updatePlan,
} from '../../../electron/core/continuity/plan-service';
import {
  addDependency,
  createProcess,
  deleteProcess,
  removeDependency,
  setBia,
  updateDependency,
  updateProcess,
} from '../../../electron/core/continuity/process-service';
import { createAsset, createVendor, deleteAsset, deleteVendor, updateAsset, updateVendor } from '../../../electron/core/continuity/register-service';
import { getContinuitySettings, setContinuitySettings } from '../../../electron/core/continuity/settings';
import { listPlans, planDetail, processDetail } from '../../../electron/core/continuity/views';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { snapshot } from '../../helpers/db-snapshot';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { contentHash, fullBia, seedPeople, type People } from './continuity-fixture';

let ws: TempWorkspace;
let people: People;
let processId: string;
let planId: string;
beforeEach(() => {
  ws = tempWorkspace();
  people = seedPeople(ws.ctx, ['Ana', 'Ben', 'Cleo', 'Dev']);
  processId = createProcess(ws.ctx, { name: 'Dispatch', tier: 1, rtoHours: 4, mtpdHours: 24 }).process.id;
  planId = createPlan(ws.ctx, { name: 'Dispatch recovery', processId }).id;
});
afterEach(() => ws.cleanup());

/** Runs the mutation as one change labelled `label`, then checks undo and redo restore exactly. */
function roundTrip<T>(label: string | RegExp, fn: () => T): T {
  const before = snapshot(ws.ctx);
  const changes = () => ws.ctx.db.$client.prepare("SELECT count(*) FROM changes WHERE state = 'done'").pluck().get() as number;
  const count = changes();
  const result = fn();
  expect(changes()).toBe(count + 1);
  expect(historyState(ws.ctx).undoLabel).toMatch(label);
  const after = snapshot(ws.ctx);
  expect(after).not.toEqual(before);
  undo(ws.ctx);
  expect(snapshot(ws.ctx)).toEqual(before);
  redo(ws.ctx);
  expect(snapshot(ws.ctx)).toEqual(after);
  return result;
}

describe('undo and redo of every mutation', () => {
  it('processes: create, update, impact analysis, delete', () => {
    const id = roundTrip('Add process Payroll', () => createProcess(ws.ctx, { name: 'Payroll', tier: 2, peakMonths: [12, 3, 3], ownerPersonId: people.id('Ana') })).process.id;
    expect(processDetail(ws.ctx, id).process.peakMonths).toEqual([3, 12]);
    roundTrip('Edit process Payroll', () => updateProcess(ws.ctx, { id, rtoHours: 24, rtoReason: 'Pay runs are weekly', mtpdHours: 72 }));
    roundTrip('Rename process Payroll to Pay', () => updateProcess(ws.ctx, { id, name: 'Pay' }));
    roundTrip('Edit impact analysis of Pay', () => setBia(ws.ctx, { processId: id, rows: fullBia(), costPerDayMinor: 500_000 }));
    // A second set changes one row, clears another and leaves the rest.
    const rows = fullBia().filter((r) => r.horizonHours !== 336);
    rows[0] = { ...rows[0]!, safety: 3 };
    const detail = roundTrip('Edit impact analysis of Pay', () => setBia(ws.ctx, { processId: id, rows }));
    expect(detail.bia.ratedCells).toBe(20);
    // Setting the same table again is no change at all.
    const hash = contentHash(ws.ctx);
    setBia(ws.ctx, { processId: id, rows });
    expect(contentHash(ws.ctx)).toBe(hash);
    roundTrip('Delete process Pay', () => deleteProcess(ws.ctx, id));
  });

  it('deleting a process takes its plans (a scenario plan stays, detached), dependencies, impact rows and risk links', () => {
    const ana = people.id('Ana');
    setBia(ws.ctx, { processId, rows: fullBia() });
    setSteps(ws.ctx, { planId, steps: [{ action: 'Paper dockets', ownerPersonId: ana }] });
    setCallTree(ws.ctx, {
      planId,
      entries: [
        { id: 'a', personId: ana, parentId: null },
        { id: 'b', personId: people.id('Ben'), parentId: 'a' },
      ],
    });
    createExercise(ws.ctx, { planId, kind: 'tabletop', heldOn: '2026-01-01', actions: [{ action: 'Print dockets', ownerPersonId: ana, dueOn: '2026-02-01' }] });
    const scenario = createPlan(ws.ctx, { name: 'Loss of IT', processId, scenario: 'it' }).id;
    addDependency(ws.ctx, { processId, kind: 'person', targetId: ana });
    const db = ws.ctx.db.$client;
    db.prepare(
      "INSERT INTO risks (id, title, category, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, created_at, updated_at) VALUES ('r1', 'Ransomware', 'technology', 3, 5, 2, 4, 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO risk_links (id, risk_id, process_id) VALUES ('l1', 'r1', ?)").run(processId);
    roundTrip('Delete process Dispatch', () => deleteProcess(ws.ctx, processId));
    expect(listPlans(ws.ctx).map((p) => [p.name, p.processId, p.scenario])).toEqual([['Loss of IT', null, 'it']]);
    expect(db.prepare('SELECT count(*) FROM risk_links').pluck().get()).toBe(0);
    expect(planDetail(ws.ctx, scenario).processId).toBeNull();
  });

  it('refuses to delete a process others depend on, naming them', () => {
    const other = createProcess(ws.ctx, { name: 'Billing', tier: 3 }).process.id;
    addDependency(ws.ctx, { processId: other, kind: 'process', targetId: processId });
    const hash = contentHash(ws.ctx);
    expect(() => deleteProcess(ws.ctx, processId)).toThrow('Cannot delete Dispatch: Billing depends on it. Remove those dependencies first.');
    expect(contentHash(ws.ctx)).toBe(hash);
  });

  it('dependencies: add, update, remove', () => {
    const tms = createAsset(ws.ctx, { kind: 'system', name: 'TMS', recoveryHours: 8 }).id;
    const site = createAsset(ws.ctx, { kind: 'site', name: 'Depot' }).id;
    const dep = roundTrip('Dispatch depends on TMS', () => addDependency(ws.ctx, { processId, kind: 'system', targetId: tms, notes: 'Hosted' })).dependencies[0]!;
    expect(dep).toMatchObject({ targetName: 'TMS', effectiveRecoveryHours: 8, exceedsRto: true, notes: 'Hosted' });
    roundTrip('Edit dependency of Dispatch', () => updateDependency(ws.ctx, { id: dep.id, recoveryHours: 2 }));
    roundTrip('Dispatch depends on Depot instead', () => updateDependency(ws.ctx, { id: dep.id, kind: 'site', targetId: site }));
    roundTrip('Remove a dependency of Dispatch', () => removeDependency(ws.ctx, dep.id));
  });

  it('a dependency on a new vendor or system adds both in one change', () => {
    let detail = roundTrip('Dispatch depends on new vendor Polar Reefer Hire', () =>
      addDependency(ws.ctx, { processId, kind: 'vendor', newTarget: { name: 'Polar Reefer Hire', service: 'Reefer trailers', recoveryHours: 72 } }),
    );
    expect(detail.dependencies[0]).toMatchObject({ kind: 'vendor', targetName: 'Polar Reefer Hire', effectiveRecoveryHours: 72, recoverySource: 'vendor' });
    detail = roundTrip('Dispatch depends on new system Reefer telemetry', () =>
      addDependency(ws.ctx, { processId, kind: 'system', newTarget: { name: 'Reefer telemetry', recoveryHours: 8 }, recoveryHours: 2 }),
    );
    expect(detail.dependencies.find((d) => d.targetName === 'Reefer telemetry')).toMatchObject({ kind: 'system', effectiveRecoveryHours: 2, recoverySource: 'dependency' });
  });

  it('vendors and assets: create, update, delete', () => {
    const v = roundTrip('Add vendor Acme Fuel', () => createVendor(ws.ctx, { name: 'Acme Fuel', service: 'Diesel', email: 'ops@acme.test' }));
    expect(v).toMatchObject({ name: 'Acme Fuel', service: 'Diesel', contractEnded: false, usedBy: [] });
    roundTrip('Edit vendor Acme Fuel', () => updateVendor(ws.ctx, { id: v.id, contractEnd: '2026-01-31', phone: '+44 1234' }));
    roundTrip('Delete vendor Acme Fuel', () => deleteVendor(ws.ctx, { id: v.id }));
    const a = roundTrip('Add system TMS', () => createAsset(ws.ctx, { kind: 'system', name: 'TMS' }));
    roundTrip('Edit system TMS 2', () => updateAsset(ws.ctx, { id: a.id, name: 'TMS 2', recoveryHours: 6 }));
    roundTrip('Delete system TMS 2', () => deleteAsset(ws.ctx, { id: a.id }));
  });

  it('plans: create, update, delete with everything in them', () => {
    const id = roundTrip('Add plan Loss of site', () => createPlan(ws.ctx, { name: 'Loss of site', scenario: 'site', activationCriteria: 'Depot closed > 2 h' })).id;
    roundTrip('Edit plan Loss of site', () => updatePlan(ws.ctx, { id, reviewedOn: '2026-10-01', workarounds: 'Use the north yard' }));
    setSteps(ws.ctx, { planId: id, steps: [{ action: 'Open the north yard', ownerPersonId: people.id('Ana') }] });
    setCallTree(ws.ctx, {
      planId: id,
      entries: [
        { id: 'a', personId: people.id('Ana'), parentId: null },
        { id: 'b', personId: people.id('Ben'), parentId: 'a' },
        { id: 'c', personId: people.id('Cleo'), parentId: 'b' },
      ],
    });
    createExercise(ws.ctx, { planId: id, kind: 'full', heldOn: '2026-02-02', actions: [{ action: 'Fix the gate', ownerPersonId: people.id('Cleo'), dueOn: '2026-03-01' }] });
    roundTrip('Delete plan Loss of site', () => deletePlan(ws.ctx, id));
  });

  it('steps: set, reorder (keeping ids), edit and remove, each in one change', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    const first = roundTrip('Edit the steps of Dispatch recovery', () =>
      setSteps(ws.ctx, {
        planId,
        steps: [
          { action: 'One', ownerPersonId: ana, withinHours: 1 },
          { action: 'Two', ownerPersonId: ben },
          { action: 'Three', ownerPersonId: ana },
        ],
      }),
    ).steps;
    const [one, two, three] = first;
    const reordered = roundTrip('Edit the steps of Dispatch recovery', () =>
      setSteps(ws.ctx, {
        planId,
        steps: [
          { id: three!.id, action: 'Three', ownerPersonId: ana },
          { id: one!.id, action: 'One, done first', ownerPersonId: ben, withinHours: 1 },
        ],
      }),
    ).steps;
    expect(reordered.map((s) => [s.id, s.action, s.ownerName, s.position])).toEqual([
      [three!.id, 'Three', 'Ana', 0],
      [one!.id, 'One, done first', 'Ben', 1],
    ]);
    expect(reordered.some((s) => s.id === two!.id)).toBe(false);
  });

  it('call tree: set, restructure (kept, new and removed entries), each in one change', () => {
    const [ana, ben, cleo, dev] = ['Ana', 'Ben', 'Cleo', 'Dev'].map(people.id);
    const tree = roundTrip('Edit the call tree of Dispatch recovery', () =>
      setCallTree(ws.ctx, {
        planId,
        entries: [
          { id: 'a', personId: ana!, parentId: null, alternatePersonId: dev! },
          { id: 'b', personId: ben!, parentId: 'a' },
          { id: 'c', personId: cleo!, parentId: 'b' },
        ],
      }),
    ).callTree;
    expect(tree.map((e) => [e.personName, e.depth, e.alternateName, e.phone !== null])).toEqual([
      ['Ana', 0, 'Dev', true],
      ['Ben', 1, null, true],
      ['Cleo', 2, null, true],
    ]);
    const [a, b, c] = tree;
    // Cleo moves to the top, calling Ana; Ben (the old middle) goes; Dev is new under Cleo. The
    // child is listed before its parent: the order sent is sibling order, not insertion order.
    const next = roundTrip('Edit the call tree of Dispatch recovery', () =>
      setCallTree(ws.ctx, {
        planId,
        entries: [
          { id: a!.id, personId: ana!, parentId: c!.id, alternatePersonId: ben! },
          { id: 'new-dev', personId: dev!, parentId: c!.id },
          { id: c!.id, personId: cleo!, parentId: null },
        ],
      }),
    ).callTree;
    expect(next.map((e) => [e.personName, e.depth, e.alternateName])).toEqual([
      ['Cleo', 0, null],
      ['Ana', 1, 'Ben'],
      ['Dev', 1, null],
    ]);
    expect(next[0]!.id).toBe(c!.id);
    expect(next[1]!.id).toBe(a!.id);
    expect(next.some((e) => e.id === b!.id)).toBe(false);
    roundTrip('Edit the call tree of Dispatch recovery', () => setCallTree(ws.ctx, { planId, entries: [] }));
  });

  it('exercises: create with actions, update (actions replaced), delete', () => {
    const ana = people.id('Ana');
    const ex = roundTrip('Record tabletop exercise of Dispatch recovery', () =>
      createExercise(ws.ctx, {
        planId,
        kind: 'tabletop',
        heldOn: '2026-10-01',
        participants: 'Ana, Ben',
        findings: 'Nobody had the depot key',
        nextDue: '2027-04-01',
        actions: [
          { action: 'Cut spare keys', ownerPersonId: ana, dueOn: '2026-11-01' },
          { action: 'Update the contact sheet', ownerPersonId: people.id('Ben'), dueOn: '2026-12-01' },
        ],
      }),
    );
    expect(ex.actions.map((a) => [a.action, a.ownerName, a.done])).toEqual([
      ['Cut spare keys', 'Ana', false],
      ['Update the contact sheet', 'Ben', false],
    ]);
    const updated = roundTrip('Edit full exercise of Dispatch recovery', () =>
      updateExercise(ws.ctx, { id: ex.id, kind: 'full', actions: [{ id: ex.actions[0]!.id, action: 'Cut spare keys', done: true }] }),
    );
    expect(updated.actions).toEqual([{ ...ex.actions[0], done: true }]);
    roundTrip('Delete full exercise of Dispatch recovery', () => deleteExercise(ws.ctx, ex.id));
  });

  it('settings: tolerance and appetite', () => {
    expect(getContinuitySettings(ws.ctx)).toEqual({ impactTolerance: 4, riskAppetite: 12 });
    roundTrip('Set impact tolerance to 3 and risk appetite to 15', () => setContinuitySettings(ws.ctx, { impactTolerance: 3, riskAppetite: 15 }));
    expect(getContinuitySettings(ws.ctx)).toEqual({ impactTolerance: 3, riskAppetite: 15 });
    const hash = contentHash(ws.ctx);
    setContinuitySettings(ws.ctx, { impactTolerance: 3 });
    expect(contentHash(ws.ctx)).toBe(hash);
  });
});
