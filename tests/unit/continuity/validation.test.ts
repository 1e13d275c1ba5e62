/**
 * Every bad input is refused with a sentence the director can act on, and leaves every table of
 * the workspace exactly as it was (content hash before = after).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExercise, createPlan, setCallTree, setSteps, updateExercise, updatePlan } from '../../../electron/core/continuity/plan-service';
import { addDependency, createProcess, setBia, updateDependency, updateProcess } from '../../../electron/core/continuity/process-service';
import { createAsset, createVendor, updateVendor } from '../../../electron/core/continuity/register-service';
import { setContinuitySettings } from '../../../electron/core/continuity/settings';
import { planDetail } from '../../../electron/core/continuity/views';
import { dependencyCreateSchema } from '../../../shared/continuity';
import type { ErrorCode } from '../../../shared/result';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { contentHash, fullBia, seedPeople, type People } from './continuity-fixture';

let ws: TempWorkspace;
let people: People;
let dispatchId: string;
let payrollId: string;
let planId: string;
let otherPlanId: string;
beforeEach(() => {
  ws = tempWorkspace();
  people = seedPeople(ws.ctx, ['Ana', 'Ben', 'Cleo', 'Dev'], { left: { Dev: '2026-03-31' }, open: ['Open seat'] });
  dispatchId = createProcess(ws.ctx, { name: 'Dispatch', tier: 1, rtoHours: 4, mtpdHours: 24 }).process.id;
  payrollId = createProcess(ws.ctx, { name: 'Payroll', tier: 2 }).process.id;
  planId = createPlan(ws.ctx, { name: 'Dispatch recovery', processId: dispatchId }).id;
  otherPlanId = createPlan(ws.ctx, { name: 'Loss of site', scenario: 'site' }).id;
});
afterEach(() => ws.cleanup());

/** The call must be refused with that code and a message matching, and write nothing at all. */
function expectRefused(fn: () => unknown, code: ErrorCode, message: RegExp): void {
  const before = contentHash(ws.ctx);
  const err = refusal(fn);
  expect(err.message).toMatch(message);
  expect(err.code).toBe(code);
  expect(contentHash(ws.ctx)).toBe(before);
}

describe('process objectives', () => {
  it('refuses an RTO longer than the MTPD', () => {
    expectRefused(
      () => createProcess(ws.ctx, { name: 'Billing', tier: 2, rtoHours: 48, mtpdHours: 24 }),
      'invalid_input',
      /^The RTO \(2 days\) is longer than the MTPD \(24 hours\): the process would come back only after the longest disruption the business can survive\. Shorten the RTO or lengthen the MTPD\.$/,
    );
    // On update, against the stored MTPD.
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoHours: 36 }), 'invalid_input', /The RTO \(36 hours\) is longer than the MTPD \(24 hours\)/);
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, mtpdHours: 2 }), 'invalid_input', /The RTO \(4 hours\) is longer than the MTPD \(2 hours\)/);
  });

  it('refuses a negative RPO, an RTO of zero or less, and a tier outside 1–4', () => {
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, rpoHours: -1 }), 'invalid_input', /^The RPO \(recovery point objective\) cannot be negative; got -1 hours\.$/);
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, rtoHours: 0 }), 'invalid_input', /^The RTO \(recovery time objective\) must be longer than zero hours; got 0\.$/);
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoHours: -4 }), 'invalid_input', /The RTO .* must be longer than zero hours; got -4\./);
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 5 }), 'invalid_input', /^The tier must be 1, 2, 3 or 4 \(Tier 1 = restore within hours … Tier 4 = can wait weeks\); got 5\.$/);
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, tier: 0 }), 'invalid_input', /The tier must be 1, 2, 3 or 4 .*got 0\./);
  });

  it('refuses a duplicate name (ignoring case), a blank name and unknown owners or ids', () => {
    expectRefused(() => createProcess(ws.ctx, { name: ' dispatch ', tier: 2 }), 'conflict', /^There is already a process called "Dispatch"; choose another name\.$/);
    expectRefused(() => updateProcess(ws.ctx, { id: payrollId, name: 'DISPATCH' }), 'conflict', /already a process called "Dispatch"/);
    expectRefused(() => createProcess(ws.ctx, { name: '   ', tier: 2 }), 'invalid_input', /^The process needs a name\.$/);
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, ownerPersonId: 'nobody' }), 'not_found', /owner chosen for the process is no longer in the workspace/);
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, ownerDepartmentId: 'nowhere' }), 'not_found', /owner department/);
    expectRefused(() => updateProcess(ws.ctx, { id: 'missing', tier: 2 }), 'not_found', /^That process is no longer in the workspace\.$/);
  });

  it('asks why the RTO differs from the suggestion only when an edit sets the RTO or clears the reason', () => {
    // Dispatch was given 4 h before any impact was rated; the ratings now suggest 24 h.
    setBia(ws.ctx, { processId: dispatchId, rows: fullBia() });
    const reasonNeeded = /^Say why the RTO of Dispatch \(8 hours\) differs from the suggested 24 hours, or use the suggestion\.$/;
    // Other fields still save, alone or sent with the unchanged RTO as the process form sends them.
    expect(updateProcess(ws.ctx, { id: dispatchId, description: 'Reefer loads' }).process.description).toBe('Reefer loads');
    expect(updateProcess(ws.ctx, { id: dispatchId, name: 'Dispatch', tier: 1, rtoHours: 4, rtoReason: null, mtpdHours: 24, reviewDate: '2027-01-31' }).process.reviewDate).toBe('2027-01-31');
    // Setting another RTO than the suggestion needs the reason with it.
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoHours: 8 }), 'invalid_input', reasonNeeded);
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoHours: 8, rtoReason: '  ' }), 'invalid_input', reasonNeeded);
    expect(updateProcess(ws.ctx, { id: dispatchId, rtoHours: 8, rtoReason: 'Contracts promise 8 hours' }).bia.overridden).toBe(true);
    // Clearing the reason while the RTO still differs is the same omission.
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoReason: null }), 'invalid_input', reasonNeeded);
    // Following the suggestion needs no reason, and may drop the old one.
    expect(updateProcess(ws.ctx, { id: dispatchId, rtoHours: 24, rtoReason: null }).bia.overridden).toBe(false);
    // A lower tolerance moves the suggestion to 4 h: the 24 h RTO now differs, yet other edits save.
    setContinuitySettings(ws.ctx, { impactTolerance: 2 });
    expect(updateProcess(ws.ctx, { id: dispatchId, description: 'Reefer and ambient loads', rtoHours: 24, rtoReason: null }).process.description).toBe('Reefer and ambient loads');
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, rtoHours: 12 }), 'invalid_input', /^Say why the RTO of Dispatch \(12 hours\) differs from the suggested 4 hours/);
    expect(updateProcess(ws.ctx, { id: dispatchId, rtoHours: 4 }).process.rtoHours).toBe(4);
  });

  it('refuses a negative cost per day, repeating the amount as typed, and takes cents', () => {
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, costPerDayMinor: -50_000 }), 'invalid_input', /^The cost per day cannot be negative; got -500\.$/);
    expectRefused(() => updateProcess(ws.ctx, { id: dispatchId, costPerDayMinor: -800_050 }), 'invalid_input', /^The cost per day cannot be negative; got -8000\.50\.$/);
    expect(updateProcess(ws.ctx, { id: dispatchId, costPerDayMinor: 800_050 }).process.costPerDayMinor).toBe(800_050);
    expectRefused(() => createProcess(ws.ctx, { name: 'Billing', tier: 2, costPerDayMinor: 12.5 }), 'invalid_input', /^The cost per day has a fraction of a cent \(0\.125\); give at most two decimals\.$/);
  });
});

describe('impact analysis', () => {
  it('refuses ratings outside 1–5, unknown or repeated horizons, a negative cost', () => {
    const row = { horizonHours: 24, financial: 2, customer: 6, regulatory: null, reputational: null, safety: null };
    expectRefused(() => setBia(ws.ctx, { processId: dispatchId, rows: [row] }), 'invalid_input', /^Impacts are rated 1 to 5: the customer impact at 24 hours is 6\.$/);
    expectRefused(
      () => setBia(ws.ctx, { processId: dispatchId, rows: [{ ...row, customer: 3, horizonHours: 48 }] }),
      'invalid_input',
      /horizons of 4, 24, 72, 168 \(1 week\) and 336 \(2 weeks\) hours; got 48/,
    );
    expectRefused(
      () => setBia(ws.ctx, { processId: dispatchId, rows: [{ ...row, customer: 3 }, { ...row, customer: 3 }] }),
      'invalid_input',
      /^The impact table has 24 hours twice; send one row per horizon\.$/,
    );
    expectRefused(() => setBia(ws.ctx, { processId: dispatchId, rows: [], costPerDayMinor: -5 }), 'invalid_input', /^The cost per day cannot be negative; got -0\.05\.$/);
    expectRefused(() => setBia(ws.ctx, { processId: 'missing', rows: [] }), 'not_found', /That process is no longer in the workspace/);
  });
});

describe('dependencies', () => {
  it('refuses self-dependency, a cycle of processes (naming the path), a duplicate, a wrong kind and unknown targets', () => {
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'process', targetId: dispatchId }), 'invalid_input', /^Dispatch cannot depend on itself\.$/);
    const billing = createProcess(ws.ctx, { name: 'Billing', tier: 3 }).process.id;
    addDependency(ws.ctx, { processId: payrollId, kind: 'process', targetId: billing });
    addDependency(ws.ctx, { processId: billing, kind: 'process', targetId: dispatchId });
    expectRefused(
      () => addDependency(ws.ctx, { processId: dispatchId, kind: 'process', targetId: payrollId }),
      'invalid_input',
      /^Dispatch cannot depend on Payroll: Payroll already depends on Dispatch \(Payroll → Billing → Dispatch\), and processes that wait on each other could never be recovered\.$/,
    );
    expectRefused(() => addDependency(ws.ctx, { processId: billing, kind: 'process', targetId: dispatchId }), 'conflict', /^Billing already depends on Dispatch\.$/);
    const site = createAsset(ws.ctx, { kind: 'site', name: 'Depot North' }).id;
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'system', targetId: site }), 'invalid_input', /^Depot North is a site, not a system\.$/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'vendor', targetId: 'gone' }), 'not_found', /vendor chosen as a dependency is no longer/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'person', targetId: 'gone' }), 'not_found', /person chosen as a dependency/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'site', targetId: site, recoveryHours: -3 }), 'invalid_input', /recovery time of Depot North cannot be negative/);
    // A new vendor or asset made with the dependency is checked like one made in the register.
    createVendor(ws.ctx, { name: 'Acme Fuel' });
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'vendor', newTarget: { name: 'acme fuel' } }), 'conflict', /Acme Fuel/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'system', newTarget: { name: 'TMS', recoveryHours: -1 } }), 'invalid_input', /recovery time of TMS cannot be negative/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'person', newTarget: { name: 'Zoe' } }), 'invalid_input', /people are added in the org/);
    expectRefused(() => addDependency(ws.ctx, { processId: dispatchId, kind: 'site', newTarget: { name: 'Depot South', service: 'x' } }), 'invalid_input', /A site has no service/);
    expect(dependencyCreateSchema.safeParse({ processId: dispatchId, kind: 'vendor', targetId: 'v1', newTarget: { name: 'X' } }).success).toBe(false);
    expect(dependencyCreateSchema.safeParse({ processId: dispatchId, kind: 'vendor' }).success).toBe(false);
    // Re-pointing an existing dependency goes through the same checks.
    const dep = addDependency(ws.ctx, { processId: dispatchId, kind: 'site', targetId: site }).dependencies[0]!;
    expectRefused(() => updateDependency(ws.ctx, { id: dep.id, kind: 'process', targetId: payrollId }), 'invalid_input', /Payroll already depends on Dispatch/);
    expectRefused(() => updateDependency(ws.ctx, { id: dep.id, kind: 'process' }), 'invalid_input', /send both the kind and the target/);
  });
});

describe('plans and steps', () => {
  it('refuses a plan for neither a process nor a scenario, and a duplicate plan name', () => {
    expectRefused(() => createPlan(ws.ctx, { name: 'Floating' }), 'invalid_input', /^A plan is for a process, a scenario \(loss of site, loss of it, .*\), or both: choose at least one\.$/);
    expectRefused(() => updatePlan(ws.ctx, { id: otherPlanId, scenario: null }), 'invalid_input', /choose at least one/);
    expectRefused(() => createPlan(ws.ctx, { name: 'dispatch RECOVERY', scenario: 'it' }), 'conflict', /^There is already a plan called "Dispatch recovery"; choose another name\.$/);
  });

  it('refuses a step with no owner, no action, an open role, a step of another plan, and writes none of the list', () => {
    const ana = people.id('Ana');
    expectRefused(
      () =>
        setSteps(ws.ctx, {
          planId,
          steps: [
            { action: 'Call the depot', ownerPersonId: ana },
            { action: 'Reroute the vans', ownerPersonId: null },
          ],
        }),
      'invalid_input',
      /^Step 2 \("Reroute the vans"\) has no owner: every recovery step needs a person who does it\.$/,
    );
    expectRefused(() => setSteps(ws.ctx, { planId, steps: [{ action: '  ', ownerPersonId: ana }] }), 'invalid_input', /^Step 1 has no action: say what is done\.$/);
    expectRefused(
      () => setSteps(ws.ctx, { planId, steps: [{ action: 'Staff the desk', ownerPersonId: people.id('Open seat') }] }),
      'invalid_input',
      /^Open seat is an open role, not a person: choose someone who can act as the owner of step 1\.$/,
    );
    expectRefused(() => setSteps(ws.ctx, { planId, steps: [{ action: 'x', ownerPersonId: 'gone' }] }), 'not_found', /person chosen as the owner of step 1 is no longer/);
    const other = setSteps(ws.ctx, { planId: otherPlanId, steps: [{ action: 'Open the spare depot', ownerPersonId: ana }] }).steps[0]!;
    expectRefused(
      () => setSteps(ws.ctx, { planId, steps: [{ id: other.id, action: 'Open the spare depot', ownerPersonId: ana }] }),
      'not_found',
      /^Step 1 \("Open the spare depot"\) is not a step of "Dispatch recovery"; send it without an id to add it\.$/,
    );
    expectRefused(() => setSteps(ws.ctx, { planId, steps: [{ action: 'x', ownerPersonId: ana, withinHours: -1 }] }), 'invalid_input', /time for step 1 cannot be negative/);
  });
});

describe('call tree', () => {
  it('refuses a cycle, naming who calls whom', () => {
    const [ana, ben, cleo] = [people.id('Ana'), people.id('Ben'), people.id('Cleo')];
    expectRefused(
      () =>
        setCallTree(ws.ctx, {
          planId,
          entries: [
            { id: 'a', personId: ana, parentId: 'c' },
            { id: 'b', personId: ben, parentId: 'a' },
            { id: 'c', personId: cleo, parentId: 'b' },
          ],
        }),
      'invalid_input',
      /^The call tree goes round in a circle: Ana calls Ben calls Cleo calls Ana\. Everyone must be reachable from a first caller\.$/,
    );
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: ana, parentId: 'a' }] }), 'invalid_input', /circle: Ana calls Ana/);
  });

  it('refuses an entry whose parent, or which itself, is in another plan', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    const elsewhere = setCallTree(ws.ctx, { planId: otherPlanId, entries: [{ id: 'x', personId: ana, parentId: null, alternatePersonId: ben }] }).callTree[0]!;
    expectRefused(
      () => setCallTree(ws.ctx, { planId, entries: [{ id: 'b', personId: ben, parentId: elsewhere.id }] }),
      'invalid_input',
      /^Ben is called by an entry of the call tree of "Loss of site"; a call tree stays within one plan\.$/,
    );
    expectRefused(
      () => setCallTree(ws.ctx, { planId, entries: [{ id: elsewhere.id, personId: ana, parentId: null }] }),
      'invalid_input',
      /^The entry for Ana belongs to the call tree of "Loss of site"; a call tree stays within one plan\.$/,
    );
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: [{ id: 'b', personId: ben, parentId: 'nobody' }] }), 'not_found', /^Ben is called by an entry that is not in this call tree\.$/);
  });

  it('refuses duplicates, self-alternates, open roles and unknown people — but allows someone who has left (readiness flags it)', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    expectRefused(
      () =>
        setCallTree(ws.ctx, {
          planId,
          entries: [
            { id: 'a', personId: ana, parentId: null },
            { id: 'a', personId: ben, parentId: null },
          ],
        }),
      'invalid_input',
      /lists the entry for (Ana|Ben) twice/,
    );
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: ana, parentId: null, alternatePersonId: ana }] }), 'invalid_input', /^Ana cannot be their own alternate on the call tree\.$/);
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: people.id('Open seat'), parentId: null }] }), 'invalid_input', /Open seat is an open role/);
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: 'ghost', parentId: null }] }), 'not_found', /someone on the call tree is no longer in the workspace/);
    const tree = setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: people.id('Dev'), parentId: null, alternatePersonId: ana }] });
    expect(tree.callTree[0]).toMatchObject({ personName: 'Dev', personLeft: true, alternateName: 'Ana' });
    expect(planDetail(ws.ctx, planId).callTree).toHaveLength(1);
  });

  it('refuses a person on the tree twice, naming them and the plan — a loop of people even when the entries make none', () => {
    const [ana, ben, cleo] = [people.id('Ana'), people.id('Ben'), people.id('Cleo')];
    // Ana calls Ben (alternate Cleo), Ben calls Cleo — and Cleo calls Ben again.
    const tree = [
      { id: 'a', personId: ana, parentId: null },
      { id: 'b', personId: ben, parentId: 'a', alternatePersonId: cleo },
      { id: 'c', personId: cleo, parentId: 'b' },
    ];
    setCallTree(ws.ctx, { planId, entries: tree });
    const stored = planDetail(ws.ctx, planId).callTree;
    const sent = stored.map((e) => ({ id: e.id, personId: e.personId, parentId: e.parentEntryId, alternatePersonId: e.alternatePersonId }));
    const cleoEntry = stored.find((e) => e.personName === 'Cleo')!.id;
    expectRefused(
      () => setCallTree(ws.ctx, { planId, entries: [...sent, { id: 'again', personId: ben, parentId: cleoEntry }] }),
      'invalid_input',
      /^Ben is on the call tree of "Dispatch recovery" twice; each person appears once — move the entry instead\.$/,
    );
    // Moving the entry is the way: Ben's entry under Cleo is refused as a circle, not as a repeat.
    const benEntry = stored.find((e) => e.personName === 'Ben')!.id;
    const moved = sent.map((e) => (e.id === benEntry ? { ...e, parentId: cleoEntry } : e));
    expectRefused(() => setCallTree(ws.ctx, { planId, entries: moved }), 'invalid_input', /^The call tree goes round in a circle: /);
  });

  it('says to remove one entry when a stored tree already names someone twice, and lets that edit through', () => {
    const [ana, ben] = [people.id('Ana'), people.id('Ben')];
    setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: ana, parentId: null }] });
    const first = planDetail(ws.ctx, planId).callTree[0]!;
    // Written before each person was held to one entry.
    ws.ctx.db.$client
      .prepare('INSERT INTO call_tree_entries (id, plan_id, person_id, parent_entry_id, alternate_person_id, position) VALUES (?, ?, ?, ?, NULL, 1)')
      .run('legacy', planId, ana, first.id);
    const both = [
      { id: first.id, personId: ana, parentId: null },
      { id: 'legacy', personId: ana, parentId: first.id },
    ];
    expectRefused(
      () => setCallTree(ws.ctx, { planId, entries: both.map((e) => (e.id === first.id ? { ...e, alternatePersonId: ben } : e)) }),
      'invalid_input',
      /^Ana is on the call tree of "Dispatch recovery" twice; each person appears once — remove one of the two entries\.$/,
    );
    expect(setCallTree(ws.ctx, { planId, entries: [both[0]!] }).callTree.map((e) => e.personName)).toEqual(['Ana']);
  });
});

describe('exercises, vendors, assets, settings', () => {
  it('refuses a next exercise due before the exercise, an empty action and unknown owners', () => {
    expectRefused(
      () => createExercise(ws.ctx, { planId, kind: 'tabletop', heldOn: '2026-06-01', nextDue: '2026-01-01' }),
      'invalid_input',
      /^The next exercise \(2026-01-01\) cannot be due before this one was held \(2026-06-01\)\.$/,
    );
    expectRefused(() => createExercise(ws.ctx, { planId, kind: 'tabletop', heldOn: '2026-06-01', actions: [{ action: ' ' }] }), 'invalid_input', /^Action 1 of the exercise says nothing/);
    expectRefused(
      () => createExercise(ws.ctx, { planId, kind: 'tabletop', heldOn: '2026-06-01', actions: [{ action: 'Buy radios', ownerPersonId: 'gone' }] }),
      'not_found',
      /owner of action 1 \("Buy radios"\) is no longer/,
    );
    const ex = createExercise(ws.ctx, { planId, kind: 'walkthrough', heldOn: '2026-06-01' });
    expectRefused(() => updateExercise(ws.ctx, { id: ex.id, nextDue: '2026-05-01' }), 'invalid_input', /cannot be due before/);
    expectRefused(() => createExercise(ws.ctx, { planId: 'gone', kind: 'full', heldOn: '2026-06-01' }), 'not_found', /^That plan is no longer in the workspace\.$/);
  });

  it('refuses an action without an owner or a due date, naming it, but keeps older actions that lack them editable', () => {
    const ana = people.id('Ana');
    const held = { planId, kind: 'tabletop' as const, heldOn: '2026-06-01' };
    const action = 'Sign the backup broker contract';
    expectRefused(() => createExercise(ws.ctx, { ...held, actions: [{ action }] }), 'invalid_input', /^The action "Sign the backup broker contract" needs an owner and a due date\.$/);
    expectRefused(() => createExercise(ws.ctx, { ...held, actions: [{ action, dueOn: '2026-07-01' }] }), 'invalid_input', /^The action "Sign the backup broker contract" needs an owner\.$/);
    expectRefused(
      () => createExercise(ws.ctx, { ...held, actions: [{ action: 'Buy radios', ownerPersonId: ana, dueOn: '2026-07-01' }, { action, ownerPersonId: ana }] }),
      'invalid_input',
      /^The action "Sign the backup broker contract" needs a due date\.$/,
    );
    const ex = createExercise(ws.ctx, { ...held, actions: [{ action, ownerPersonId: ana, dueOn: '2026-07-01' }] });
    const kept = ex.actions[0]!;
    expectRefused(() => updateExercise(ws.ctx, { id: ex.id, actions: [{ id: kept.id, action, ownerPersonId: null }] }), 'invalid_input', /^The action "Sign the backup broker contract" needs an owner\.$/);
    expectRefused(() => updateExercise(ws.ctx, { id: ex.id, actions: [{ id: kept.id, action }, { action: 'Test the radios' }] }), 'invalid_input', /"Test the radios" needs an owner and a due date/);
    // An action stored without them (before they were required) can still be ticked off, and the exercise edited.
    ws.ctx.db.$client.prepare('INSERT INTO exercise_actions (id, exercise_id, action, owner_person_id, due_on, done) VALUES (?, ?, ?, NULL, NULL, 0)').run('old', ex.id, 'Find the spare keys');
    const edited = updateExercise(ws.ctx, {
      id: ex.id,
      findings: 'Keys found',
      actions: [
        { id: kept.id, action, ownerPersonId: ana, dueOn: '2026-07-01', done: false },
        { id: 'old', action: 'Find the spare keys', ownerPersonId: null, dueOn: null, done: true },
      ],
    });
    expect(edited.actions.find((a) => a.id === 'old')).toMatchObject({ done: true, ownerPersonId: null, dueOn: null });
  });

  it('refuses duplicate vendor and asset names, negative recovery times and bad emails', () => {
    createVendor(ws.ctx, { name: 'Acme Fuel', service: 'Diesel' });
    expectRefused(() => createVendor(ws.ctx, { name: 'ACME fuel' }), 'conflict', /^There is already a vendor called "Acme Fuel"; choose another name\.$/);
    expectRefused(() => createVendor(ws.ctx, { name: 'Speedy', recoveryHours: -2 }), 'invalid_input', /^The recovery time of Speedy cannot be negative; got -2 hours\.$/);
    const v = createVendor(ws.ctx, { name: 'Speedy' });
    expectRefused(() => updateVendor(ws.ctx, { id: v.id, email: 'not an address' }), 'invalid_input', /is not an email address/);
    createAsset(ws.ctx, { kind: 'system', name: 'TMS' });
    expectRefused(() => createAsset(ws.ctx, { kind: 'system', name: 'tms' }), 'conflict', /^There is already a system called "TMS"/);
    // A site may share a system's name.
    expect(createAsset(ws.ctx, { kind: 'site', name: 'TMS' }).kind).toBe('site');
    // Spend is typed in major units and refused in them; cents are fine.
    expectRefused(() => createVendor(ws.ctx, { name: 'BorderLink', annualSpendMinor: -2_400_000 }), 'invalid_input', /^The annual spend with BorderLink cannot be negative; got -24000\.$/);
    expectRefused(() => updateVendor(ws.ctx, { id: v.id, annualSpendMinor: -1 }), 'invalid_input', /^The annual spend with Speedy cannot be negative; got -0\.01\.$/);
    expect(updateVendor(ws.ctx, { id: v.id, annualSpendMinor: 800_050 }).annualSpendMinor).toBe(800_050);
  });

  it('refuses a tolerance outside 1–5 and an appetite outside 1–25', () => {
    expectRefused(() => setContinuitySettings(ws.ctx, { impactTolerance: 6 }), 'invalid_input', /^The impact tolerance is a rating from 1 to 5 .*; got 6\.$/);
    expectRefused(() => setContinuitySettings(ws.ctx, { riskAppetite: 0 }), 'invalid_input', /^The risk appetite is a score from 1 to 25 \(likelihood × impact\); got 0\.$/);
  });
});
