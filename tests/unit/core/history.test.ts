import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../electron/core/context';
import { sealHistory, withChange } from '../../../electron/core/history/change';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { openSession } from '../../../electron/core/session';
import { snapshot } from '../../helpers/db-snapshot';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let ws: TempWorkspace;
afterEach(() => ws.cleanup());

const account = (id: string, code: string) => ({
  id,
  code,
  name: `Account ${code}`,
  type: 'expense' as const,
  active: true,
  createdAt: '2026-11-21T12:00:00.000Z',
  updatedAt: '2026-11-21T12:00:00.000Z',
});

describe('changes, undo and redo', () => {
  it('undo restores exactly the state before a change, redo exactly the state after', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    withChange(ctx, 'Add two accounts', (w) => {
      w.insert('accounts', account('a1', '6000'));
      w.insert('accounts', account('a2', '6100'));
    });
    const beforeEdit = snapshot(ctx);
    withChange(ctx, 'Rework accounts', (w) => {
      w.update('accounts', 'a1', { name: 'Salaries', active: false });
      w.remove('accounts', 'a2');
      w.insert('accounts', account('a3', '6200'));
      w.update('accounts', 'a3', { name: 'Software' });
    });
    const afterEdit = snapshot(ctx);
    expect(afterEdit).not.toEqual(beforeEdit);

    expect(undo(ctx).label).toBe('Rework accounts');
    expect(snapshot(ctx)).toEqual(beforeEdit);
    expect(redo(ctx).label).toBe('Rework accounts');
    expect(snapshot(ctx)).toEqual(afterEdit);
  });

  it('survives closing and reopening the workspace', () => {
    ws = tempWorkspace();
    withChange(ws.ctx, 'Add account 6000', (w) => w.insert('accounts', account('a1', '6000')));
    withChange(ws.ctx, 'Rename 6000', (w) => w.update('accounts', 'a1', { name: 'Salaries & wages' }));
    ws.session.close();

    const reopened = openSession(ws.path, { newId: sequentialIds('00000000-0000-4000-9000-') });
    try {
      expect(historyState(reopened.ctx)).toEqual({ canUndo: true, undoLabel: 'Rename 6000', canRedo: false, redoLabel: null });
      undo(reopened.ctx);
      const row = reopened.ctx.db.$client.prepare("SELECT name FROM accounts WHERE id = 'a1'").get();
      expect(row).toEqual({ name: 'Account 6000' });
    } finally {
      reopened.close();
    }
    const again = openSession(ws.path, { newId: sequentialIds('00000000-0000-4000-a000-') });
    try {
      expect(historyState(again.ctx)).toMatchObject({ canRedo: true, redoLabel: 'Rename 6000', undoLabel: 'Add account 6000' });
    } finally {
      again.close();
    }
  });

  it('redoes in the order things were undone, and a new change discards what could be redone', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    withChange(ctx, 'one', (w) => w.insert('accounts', account('a1', '1')));
    withChange(ctx, 'two', (w) => w.insert('accounts', account('a2', '2')));
    withChange(ctx, 'three', (w) => w.insert('accounts', account('a3', '3')));
    expect(undo(ctx).label).toBe('three');
    expect(undo(ctx).label).toBe('two');
    expect(historyState(ctx).redoLabel).toBe('two');
    expect(redo(ctx).label).toBe('two');
    withChange(ctx, 'four', (w) => w.insert('accounts', account('a4', '4')));
    expect(historyState(ctx)).toMatchObject({ canRedo: false, undoLabel: 'four' });
    expect(redo(ctx).label).toBeNull();
    const codes = ctx.db.$client.prepare('SELECT code FROM accounts ORDER BY code').pluck().all();
    expect(codes).toEqual(['1', '2', '4']);
  });

  it('a change that throws writes nothing and leaves no undo step', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    const before = snapshot(ctx);
    expect(() =>
      withChange(ctx, 'half', (w) => {
        w.insert('accounts', account('a1', '6000'));
        throw new Error('refused midway');
      }),
    ).toThrow('refused midway');
    expect(snapshot(ctx)).toEqual(before);
    expect(historyState(ctx).canUndo).toBe(false);
  });

  it('a change that writes nothing leaves no undo step and keeps what can be redone', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    withChange(ctx, 'Add account 6000', (w) => w.insert('accounts', account('a1', '6000')));
    undo(ctx);
    withChange(ctx, 'nothing', () => undefined);
    expect(historyState(ctx)).toEqual({ canUndo: false, undoLabel: null, canRedo: true, redoLabel: 'Add account 6000' });
  });

  it('forgets the row images of changes that can no longer be redone', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    withChange(ctx, 'one', (w) => w.insert('accounts', account('a1', '1')));
    withChange(ctx, 'two', (w) => w.insert('accounts', account('a2', '2')));
    undo(ctx);
    withChange(ctx, 'three', (w) => w.insert('accounts', account('a3', '3')));
    const labels = ctx.db.$client.prepare('SELECT label FROM changes ORDER BY seq').pluck().all();
    expect(labels).toEqual(['one', 'three']);
    const images = ctx.db.$client.prepare('SELECT row_id FROM audit_rows ORDER BY id').pluck().all();
    expect(images).toEqual(['a1', 'a3']);
  });

  it('never unlocks a plan or changes its lines through undo or redo', () => {
    ws = tempWorkspace();
    const { ctx } = ws;
    const at = '2026-11-21T12:00:00.000Z';
    withChange(ctx, 'Set up', (w) => {
      w.insert('departments', { id: 'd1', code: '210', name: 'Warehouse', parentId: null, manager: null, createdAt: at, updatedAt: at });
      w.insert('accounts', account('a1', '6000'));
      w.insert('plans', { id: 'p1', name: 'FY2026 · Base', fiscalYear: 2026, scenario: 'Base', status: 'draft', createdAt: at, updatedAt: at });
    });
    withChange(ctx, 'Edit 210 · 6000 · Jan 2026', (w) =>
      w.insert('budget_lines', { id: 'l1', planId: 'p1', departmentId: 'd1', accountId: 'a1', period: '2026-01', amountMinor: 500, source: null, updatedAt: at }),
    );
    withChange(ctx, 'Lock FY2026 · Base', (w) => w.update('plans', 'p1', { status: 'locked' }));
    const before = snapshot(ctx);
    const refused = refusal(() => undo(ctx));
    expect(refused.code).toBe('locked');
    expect(refused.message).toBe('Cannot undo "Lock FY2026 · Base": FY2026 · Base is locked, and locked plans stay as they are.');
    expect(snapshot(ctx)).toEqual(before);

    // Sealing (what locking does) makes the past permanent but keeps it as the audit trail.
    sealHistory(ctx);
    expect(historyState(ctx)).toMatchObject({ canUndo: false, canRedo: false });
    expect(ctx.db.$client.prepare('SELECT count(*) FROM audit_rows').pluck().get()).toBeGreaterThan(0);
  });
});
