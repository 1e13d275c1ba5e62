/** What the go-bag dialog asks core for: the plans chosen, on the paper chosen. */
import type { GoBagInput, GoBagPaper } from '../../../../shared/go-bag';

/** What the dialog opens on: a plan or a process (from its page), else the whole workspace. */
export type GoBagScope = { kind: 'plan'; planId: string; name: string } | { kind: 'process'; processId: string; name: string } | { kind: 'workspace' };

/** 'this' is the plan or process the dialog was opened on. */
export type GoBagChoice = 'this' | 'tier1' | 'all';

export function goBagRequest(scope: GoBagScope, choice: GoBagChoice, paper: GoBagPaper): GoBagInput {
  if (choice === 'tier1') return { tier: 1, paper };
  if (choice === 'all' || scope.kind === 'workspace') return { paper };
  return scope.kind === 'plan' ? { planId: scope.planId, paper } : { processId: scope.processId, paper };
}
