/** The go-bag dialog asks core for exactly the plans the director chose, on the paper chosen. */
import { describe, expect, it } from 'vitest';
import { goBagInputSchema } from '../../../shared/go-bag';
import { goBagRequest, type GoBagScope } from '../../../renderer/src/features/continuity/go-bag-request';

const plan: GoBagScope = { kind: 'plan', planId: 'plan-1', name: 'Dispatch recovery' };
const process: GoBagScope = { kind: 'process', processId: 'proc-1', name: 'Dispatch' };
const workspace: GoBagScope = { kind: 'workspace' };

describe('goBagRequest', () => {
  it('prints the plan or the process it was opened on', () => {
    expect(goBagRequest(plan, 'this', 'phone')).toEqual({ planId: 'plan-1', paper: 'phone' });
    expect(goBagRequest(process, 'this', 'a4')).toEqual({ processId: 'proc-1', paper: 'a4' });
  });

  it('prints every Tier-1 plan, or every plan, whatever it was opened on', () => {
    for (const scope of [plan, process, workspace]) {
      expect(goBagRequest(scope, 'tier1', 'letter')).toEqual({ tier: 1, paper: 'letter' });
      expect(goBagRequest(scope, 'all', 'letter')).toEqual({ paper: 'letter' });
    }
  });

  it('asks for every plan when opened on the workspace with no narrower choice', () => {
    expect(goBagRequest(workspace, 'this', 'a4')).toEqual({ paper: 'a4' });
  });

  it('always makes a request core accepts', () => {
    for (const scope of [plan, process, workspace]) {
      for (const choice of ['this', 'tier1', 'all'] as const) {
        for (const paper of ['a4', 'letter', 'phone'] as const) expect(goBagInputSchema.strict().safeParse(goBagRequest(scope, choice, paper)).success).toBe(true);
      }
    }
  });
});
