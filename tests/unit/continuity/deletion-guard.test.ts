/**
 * Deleting a person, vendor or asset that continuity (or the risk register) uses is refused with
 * what uses it by name, and nothing is written; with a replacement, every reference moves and the
 * row goes in one change, which one undo restores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExercise, createPlan, setCallTree, setSteps } from '../../../electron/core/continuity/plan-service';
import { addDependency, createProcess } from '../../../electron/core/continuity/process-service';
import { usageOf } from '../../../electron/core/continuity/references';
import { createAsset, createVendor, deleteAsset, deleteVendor } from '../../../electron/core/continuity/register-service';
import { planDetail, processDetail } from '../../../electron/core/continuity/views';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { deletePerson } from '../../../electron/core/org/people-service';
import { snapshot } from '../../helpers/db-snapshot';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { contentHash, seedPeople, type People } from './continuity-fixture';

let ws: TempWorkspace;
let people: People;
let dispatch: string;
let payroll: string;
let dispatchPlan: string;
let sitePlan: string;
let exerciseId: string;

beforeEach(() => {
  ws = tempWorkspace();
  people = seedPeople(ws.ctx, ['Ana', 'Ben', 'Cleo', 'Unused'], { open: ['Open seat'] });
  const [ana, ben, cleo] = ['Ana', 'Ben', 'Cleo'].map(people.id) as [string, string, string];
  dispatch = createProcess(ws.ctx, { name: 'Dispatch', tier: 1, ownerPersonId: ana }).process.id;
  payroll = createProcess(ws.ctx, { name: 'Payroll', tier: 2 }).process.id;
  addDependency(ws.ctx, { processId: payroll, kind: 'person', targetId: ana });
  addDependency(ws.ctx, { processId: dispatch, kind: 'person', targetId: ben });
  dispatchPlan = createPlan(ws.ctx, { name: 'Dispatch recovery', processId: dispatch }).id;
  sitePlan = createPlan(ws.ctx, { name: 'Loss of site', scenario: 'site' }).id;
  setSteps(ws.ctx, { planId: dispatchPlan, steps: [{ action: 'Paper dockets', ownerPersonId: ana }] });
  setCallTree(ws.ctx, {
    planId: sitePlan,
    entries: [
      { id: 'c', personId: cleo, parentId: null, alternatePersonId: ana },
      { id: 'a', personId: ana, parentId: 'c', alternatePersonId: ben },
    ],
  });
  exerciseId = createExercise(ws.ctx, { planId: sitePlan, kind: 'tabletop', heldOn: '2026-05-05', actions: [{ action: 'Spare keys', ownerPersonId: ana, dueOn: '2026-06-05' }] }).id;
  const db = ws.ctx.db.$client;
  db.prepare(
    "INSERT INTO risks (id, title, category, owner_person_id, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, created_at, updated_at) VALUES ('r1', 'Depot flood', 'operational', ?, 3, 5, 2, 4, 'x', 'x')",
  ).run(ana);
  db.prepare("INSERT INTO risk_mitigations (id, risk_id, action, status, owner_person_id) VALUES ('m1', 'r1', 'Flood barriers', 'planned', ?)").run(ana);
});
afterEach(() => ws.cleanup());

describe('deleting a person', () => {
  it('is refused, naming the plans, processes and risks that use them, and writes nothing', () => {
    const before = contentHash(ws.ctx);
    const err = refusal(() => deletePerson(ws.ctx, people.id('Ana')));
    expect(err.code).toBe('refused');
    expect(err.message).toBe(
      'Cannot delete Ana: the plans "Dispatch recovery" and "Loss of site", the processes "Dispatch" and "Payroll" and the risk "Depot flood" use them. Choose someone to take over their roles (they are moved in the same step), or remove them from those first.',
    );
    expect(err.details).toEqual({ plans: ['Dispatch recovery', 'Loss of site'], processes: ['Dispatch', 'Payroll'], risks: ['Depot flood'], references: 8 });
    expect(usageOf(ws.ctx, 'person', people.id('Ana'))).toEqual(err.details);
    expect(contentHash(ws.ctx)).toBe(before);
  });

  it('with reassignTo moves every reference and deletes in one change; one undo restores all', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    const before = snapshot(ws.ctx);
    deletePerson(ws.ctx, ana, { reassignTo: ben });
    expect(historyState(ws.ctx).undoLabel).toBe('Remove Ana, handing their roles to Ben');
    expect(usageOf(ws.ctx, 'person', ana).references).toBe(0);
    expect(processDetail(ws.ctx, dispatch).process.ownerPersonName).toBe('Ben');
    expect(processDetail(ws.ctx, payroll).dependencies.map((d) => d.targetName)).toEqual(['Ben']);
    expect(planDetail(ws.ctx, dispatchPlan).steps.map((s) => s.ownerName)).toEqual(['Ben']);
    // Cleo's alternate becomes Ben; Ana's entry becomes Ben's, whose alternate (Ben) is cleared.
    expect(planDetail(ws.ctx, sitePlan).callTree.map((e) => [e.personName, e.alternateName])).toEqual([
      ['Cleo', 'Ben'],
      ['Ben', null],
    ]);
    expect(planDetail(ws.ctx, sitePlan).exercises[0]!.actions[0]!.ownerName).toBe('Ben');
    const db = ws.ctx.db.$client;
    expect(db.prepare('SELECT owner_person_id FROM risks').pluck().get()).toBe(ben);
    expect(db.prepare('SELECT owner_person_id FROM risk_mitigations').pluck().get()).toBe(ben);
    const after = snapshot(ws.ctx);
    undo(ws.ctx);
    expect(snapshot(ws.ctx)).toEqual(before);
    redo(ws.ctx);
    expect(snapshot(ws.ctx)).toEqual(after);
  });

  it('a dependency that would be duplicated by the move is dropped instead', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    addDependency(ws.ctx, { processId: payroll, kind: 'person', targetId: ben });
    deletePerson(ws.ctx, ana, { reassignTo: ben });
    expect(processDetail(ws.ctx, payroll).dependencies.map((d) => d.targetName)).toEqual(['Ben']);
  });

  it('refuses a reassignment to themselves, to nobody, or to an open role, writing nothing', () => {
    const ana = people.id('Ana');
    const before = contentHash(ws.ctx);
    expect(refusal(() => deletePerson(ws.ctx, ana, { reassignTo: ana })).message).toBe('Ana cannot take over their own roles; choose someone else.');
    expect(refusal(() => deletePerson(ws.ctx, ana, { reassignTo: 'ghost' })).code).toBe('not_found');
    expect(refusal(() => deletePerson(ws.ctx, ana, { reassignTo: people.id('Open seat') })).message).toMatch(/^Open seat is an open role, not a person/);
    expect(contentHash(ws.ctx)).toBe(before);
  });

  it('refuses a reassignment to someone already on one of their call trees, which would name them twice, writing nothing', () => {
    const before = contentHash(ws.ctx);
    const err = refusal(() => deletePerson(ws.ctx, people.id('Cleo'), { reassignTo: people.id('Ana') }));
    expect(err.code).toBe('refused');
    expect(err.message).toBe(
      'Ana cannot take over Cleo\'s roles: both are on the call tree of "Loss of site", and a person appears there once. Remove one of them from that call tree first.',
    );
    expect(contentHash(ws.ctx)).toBe(before);
    // Ben is only an alternate there: he may take over.
    deletePerson(ws.ctx, people.id('Cleo'), { reassignTo: people.id('Ben') });
    expect(planDetail(ws.ctx, sitePlan).callTree.map((e) => [e.personName, e.alternateName])).toEqual([
      ['Ben', 'Ana'],
      ['Ana', 'Ben'],
    ]);
  });

  it('someone nothing uses is removed as before', () => {
    deletePerson(ws.ctx, people.id('Unused'));
    expect(historyState(ws.ctx).undoLabel).toBe('Remove Unused');
  });

  it('the exercise action keeps its exercise', () => {
    expect(planDetail(ws.ctx, sitePlan).exercises[0]!.id).toBe(exerciseId);
  });
});

describe('deleting a vendor or an asset', () => {
  it('a used vendor is refused with the processes and risks; with reassignTo its uses move (duplicates dropped) and undo restores', () => {
    const acme = createVendor(ws.ctx, { name: 'Acme Fuel', service: 'Diesel' }).id;
    const other = createVendor(ws.ctx, { name: 'Backup Fuel', service: 'Diesel' }).id;
    addDependency(ws.ctx, { processId: dispatch, kind: 'vendor', targetId: acme });
    addDependency(ws.ctx, { processId: payroll, kind: 'vendor', targetId: acme });
    addDependency(ws.ctx, { processId: payroll, kind: 'vendor', targetId: other });
    ws.ctx.db.$client.prepare("INSERT INTO risk_links (id, risk_id, vendor_id) VALUES ('l1', 'r1', ?)").run(acme);
    const hash = contentHash(ws.ctx);
    const err = refusal(() => deleteVendor(ws.ctx, { id: acme }));
    expect(err.message).toBe(
      'Cannot delete Acme Fuel: the processes "Dispatch" and "Payroll" and the risk "Depot flood" use it. Choose another vendor to take its place (moved in the same step), or remove those uses first.',
    );
    expect(contentHash(ws.ctx)).toBe(hash);

    const before = snapshot(ws.ctx);
    deleteVendor(ws.ctx, { id: acme, reassignTo: other });
    expect(historyState(ws.ctx).undoLabel).toBe('Delete vendor Acme Fuel, moving its uses to Backup Fuel');
    expect(processDetail(ws.ctx, dispatch).dependencies.filter((d) => d.kind === 'vendor').map((d) => d.targetName)).toEqual(['Backup Fuel']);
    expect(processDetail(ws.ctx, payroll).dependencies.filter((d) => d.kind === 'vendor').map((d) => d.targetName)).toEqual(['Backup Fuel']);
    expect(ws.ctx.db.$client.prepare('SELECT vendor_id FROM risk_links').pluck().all()).toEqual([other]);
    undo(ws.ctx);
    expect(snapshot(ws.ctx)).toEqual(before);
  });

  it('an asset is replaced only by one of the same kind', () => {
    const tms = createAsset(ws.ctx, { kind: 'system', name: 'TMS' }).id;
    const erp = createAsset(ws.ctx, { kind: 'system', name: 'ERP' }).id;
    const depot = createAsset(ws.ctx, { kind: 'site', name: 'Depot' }).id;
    addDependency(ws.ctx, { processId: dispatch, kind: 'system', targetId: tms });
    const hash = contentHash(ws.ctx);
    expect(refusal(() => deleteAsset(ws.ctx, { id: tms })).message).toBe(
      'Cannot delete TMS: the process "Dispatch" uses it. Choose another system or site to take its place (moved in the same step), or remove those uses first.',
    );
    expect(refusal(() => deleteAsset(ws.ctx, { id: tms, reassignTo: depot })).message).toBe('Depot is a site; a system can only be replaced by another system.');
    expect(contentHash(ws.ctx)).toBe(hash);
    const before = snapshot(ws.ctx);
    deleteAsset(ws.ctx, { id: tms, reassignTo: erp });
    expect(processDetail(ws.ctx, dispatch).dependencies.filter((d) => d.kind === 'system').map((d) => d.targetName)).toEqual(['ERP']);
    undo(ws.ctx);
    expect(snapshot(ws.ctx)).toEqual(before);
  });
});
