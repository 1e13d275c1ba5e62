import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetMatch, recallMatches, rememberMatches } from '../../../electron/core/imports/entity-matches';
import { historyState } from '../../../electron/core/history/history-service';
import { matchName } from '../../../shared/name-match';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());

describe('remembered name matches', () => {
  it('remembers a confirmed match per source and kind, by normalised name, and matchName applies it', () => {
    rememberMatches(t.ctx, 'src-1', [
      { kind: 'department', name: 'Enginerring', code: '600' },
      { kind: 'account', name: 'Travel & Ent.', code: '6300' },
    ]);
    const depts = recallMatches(t.ctx, 'src-1', 'department');
    expect([...depts]).toEqual([['enginerring', '600']]);
    expect(recallMatches(t.ctx, 'src-2', 'department').size).toBe(0);
    expect([...recallMatches(t.ctx, 'src-1', 'account')]).toEqual([['travel and ent', '6300']]);
    expect(matchName('ENGINERRING', [{ code: '600', name: 'Engineering' }], { remembered: depts })).toEqual({ kind: 'exact', code: '600', how: 'remembered' });
    // A preference, not data: nothing to undo.
    expect(historyState(t.ctx).canUndo).toBe(false);
  });

  it('a later confirmation replaces the earlier one; forgetting removes it', () => {
    rememberMatches(t.ctx, 'src-1', [{ kind: 'department', name: 'Sales', code: '410' }]);
    rememberMatches(t.ctx, 'src-1', [{ kind: 'department', name: 'sales', code: '420' }]);
    expect([...recallMatches(t.ctx, 'src-1', 'department')]).toEqual([['sales', '420']]);
    expect(forgetMatch(t.ctx, 'src-1', 'department', 'SALES')).toBe(true);
    expect(forgetMatch(t.ctx, 'src-1', 'department', 'SALES')).toBe(false);
    expect(recallMatches(t.ctx, 'src-1', 'department').size).toBe(0);
  });
});
