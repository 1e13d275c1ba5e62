/**
 * Scenario plans (tied to no process) are judged by the plan rules: review, exercises, call-tree
 * cover and leavers — and shown in the overview with their own score. Clock pinned to 2026-11-21.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExercise, createPlan, setCallTree, setSteps } from '../../../electron/core/continuity/plan-service';
import { gapRules } from '../../../electron/core/continuity/readiness';
import { continuityOverview } from '../../../electron/core/continuity/views';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedPeople, type People } from './continuity-fixture';

let ws: TempWorkspace;
let people: People;
beforeEach(() => {
  ws = tempWorkspace();
  people = seedPeople(ws.ctx, ['Ana', 'Ben', 'Cleo', 'Dev'], { left: { Dev: '2026-03-31' } });
});
afterEach(() => ws.cleanup());

const scenario = () => continuityOverview(ws.ctx).scenarioPlans[0]!;

describe('readiness of a scenario plan', () => {
  it('flags a plan never reviewed, never exercised, with a caller without alternate and a leaver', () => {
    const p = people.id;
    const planId = createPlan(ws.ctx, { name: 'Loss of the depot', processId: null, scenario: 'site' }).id;
    setCallTree(ws.ctx, {
      planId,
      entries: [
        { id: 'a', personId: p('Ana'), parentId: null, alternatePersonId: p('Ben') },
        { id: 'c', personId: p('Cleo'), parentId: 'a' },
      ],
    });
    // Dev owns a step but has left; Ben owns one with no call-tree place (no tier, so no Tier-1 step rule).
    setSteps(ws.ctx, {
      planId,
      steps: [
        { action: 'Evacuate', ownerPersonId: p('Dev') },
        { action: 'Open the overflow site', ownerPersonId: p('Ben') },
      ],
    });
    const plan = scenario();
    expect(plan.readiness.gaps.map((g) => [g.code, g.message])).toEqual([
      ['plan_not_reviewed', 'Plan "Loss of the depot" has never been reviewed.'],
      ['never_exercised', 'Plan "Loss of the depot" has never been exercised.'],
      ['key_person', 'Cleo has no alternate in the call tree of "Loss of the depot".'],
      ['person_left', 'Dev owns step 1 of "Loss of the depot" but left on 2026-03-31.'],
    ]);
    const w = (code: keyof typeof gapRules) => gapRules[code].weight;
    expect(plan.readiness.score).toBe(100 - w('plan_not_reviewed') - w('never_exercised') - w('key_person') - w('person_left'));
    expect(plan.nextExerciseDue).toBeNull();
    // Scenario plans do not enter the process counts or the overall score.
    expect(continuityOverview(ws.ctx)).toMatchObject({ overallScore: null, counts: { processes: 0, gaps: 0 } });
  });

  it('is clear once reviewed, exercised and covered; an overdue exercise comes back as a gap', () => {
    const p = people.id;
    const planId = createPlan(ws.ctx, { name: 'Loss of IT', processId: null, scenario: 'it', reviewedOn: '2026-06-01' }).id;
    setCallTree(ws.ctx, { planId, entries: [{ id: 'a', personId: p('Ana'), parentId: null, alternatePersonId: p('Ben') }] });
    createExercise(ws.ctx, { planId, kind: 'walkthrough', heldOn: '2026-05-01' });
    expect(scenario()).toMatchObject({ readiness: { score: 100, gaps: [] }, lastExercisedOn: '2026-05-01', nextExerciseDue: '2027-05-01' });
    createExercise(ws.ctx, { planId, kind: 'tabletop', heldOn: '2026-06-01', nextDue: '2026-10-01' });
    expect(scenario().readiness.gaps.map((g) => g.message)).toEqual(['The next exercise of "Loss of IT" was due on 2026-10-01.']);
  });
});
