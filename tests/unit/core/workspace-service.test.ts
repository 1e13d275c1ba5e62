import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../electron/core/db/migrations';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { createDepartment } from '../../../electron/core/org/department-service';
import { getSettings, getWorkspaceInfo, initWorkspace, updateWorkspace } from '../../../electron/core/workspace/workspace-service';
import { workspaceUpdateSchema } from '../../../shared/workspace';
import { snapshot } from '../../helpers/db-snapshot';
import { insertPlan } from '../../helpers/raw-figures';
import { FIXED_NOW, tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { refusal } from '../../helpers/refusal';

let t: TempWorkspace | undefined;
afterEach(() => t?.cleanup());


describe('workspace settings', () => {
  it('initialises once, outside the undo history', () => {
    t = tempWorkspace({ init: false });
    expect(refusal(() => getSettings(t!.ctx)).code).toBe('not_found');
    const info = initWorkspace(t.ctx, { name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4 });
    expect(info).toEqual({
      fileName: 'workspace.sqlite',
      name: 'Larkspur Freight',
      currency: 'EUR',
      fiscalYearStartMonth: 4,
      locale: 'en-GB',
      schemaVersion: loadMigrations().length,
      lastChangeAt: null,
      // A new file needs no deep check; tests open without a background one.
      storage: { readOnly: null, integrity: 'ok', problem: null },
    });
    expect(t.ctx.db.$client.pragma('user_version', { simple: true })).toBe(info.schemaVersion);
    expect(historyState(t.ctx).canUndo).toBe(false);

    const again = refusal(() => initWorkspace(t!.ctx, { name: 'Other', currency: 'USD', fiscalYearStartMonth: 1 }));
    expect(again.code).toBe('refused');
    expect(again.message).toBe('workspace.sqlite is already set up as the workspace "Larkspur Freight".');
    expect(getSettings(t.ctx)).toEqual({ name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4, locale: 'en-GB' });
  });

  it('refuses invalid settings with a clear message and writes nothing', () => {
    t = tempWorkspace({ init: false });
    const err = refusal(() => initWorkspace(t!.ctx, { name: 'X', currency: 'dollars', fiscalYearStartMonth: 1 }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/currency/);
    expect(refusal(() => initWorkspace(t!.ctx, { name: 'X', currency: 'USD', fiscalYearStartMonth: 13 })).code).toBe('invalid_input');
    // Amounts are kept in cents: a currency without two decimals would be shown 100× wrong.
    expect(refusal(() => initWorkspace(t!.ctx, { name: 'X', currency: 'JPY', fiscalYearStartMonth: 1 })).message).toMatch(/two decimal places/);
    expect(refusal(() => initWorkspace(t!.ctx, { name: 'X', currency: 'XYZ', fiscalYearStartMonth: 1 })).message).toMatch(/two decimal places/);
    expect(snapshot(t.ctx, ['workspace']).workspace).toEqual([]);
  });

  it('reports the time of the newest change that is done', () => {
    t = tempWorkspace({ now: '2027-02-03T04:05:06Z' });
    expect(getWorkspaceInfo(t.ctx).lastChangeAt).toBeNull();
    createDepartment(t.ctx, { code: '100', name: 'HQ', parentId: null });
    expect(getWorkspaceInfo(t.ctx).lastChangeAt).toBe('2027-02-03T04:05:06.000Z');
    undo(t.ctx);
    expect(getWorkspaceInfo(t.ctx).lastChangeAt).toBeNull();
  });

  it('changes how dates are shown (the locale) as an undoable change, and refuses a tag it cannot format', () => {
    t = tempWorkspace();
    expect(updateWorkspace(t.ctx, { locale: 'en-US' }).locale).toBe('en-US');
    expect(historyState(t.ctx).undoLabel).toBe('Show dates as en-US');
    undo(t.ctx);
    expect(getSettings(t.ctx).locale).toBe('en-GB');
    expect(workspaceUpdateSchema.safeParse({ locale: 'not a locale' }).success).toBe(false);
  });

  it('updates settings as an undoable change', () => {
    t = tempWorkspace();
    const before = snapshot(t.ctx);
    const info = updateWorkspace(t.ctx, { name: 'Larkspur Freight Ltd' });
    expect(info.name).toBe('Larkspur Freight Ltd');
    expect(info.lastChangeAt).toBe(new Date(FIXED_NOW).toISOString());
    expect(historyState(t.ctx).undoLabel).toBe('Rename workspace to Larkspur Freight Ltd');
    updateWorkspace(t.ctx, { currency: 'GBP', fiscalYearStartMonth: 4 });
    expect(historyState(t.ctx).undoLabel).toBe('Edit workspace settings');
    const after = snapshot(t.ctx);
    undo(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    expect(getSettings(t.ctx)).toEqual({ name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 1, locale: 'en-GB' });
    redo(t.ctx);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
    // Undo never removes the workspace row itself: it was not created by a change.
    while (historyState(t.ctx).canUndo) undo(t.ctx);
    expect(getSettings(t.ctx).name).toBe('Test Co');
  });

  it('makes no history step when nothing changes', () => {
    t = tempWorkspace();
    updateWorkspace(t.ctx, { name: 'Test Co', currency: 'USD' });
    expect(historyState(t.ctx).canUndo).toBe(false);
  });

  it('refuses to move the fiscal year start while plans exist', () => {
    t = tempWorkspace();
    insertPlan(t.ctx, { fiscalYear: 2026, scenario: 'Base' });
    const before = snapshot(t.ctx);
    const err = refusal(() => updateWorkspace(t!.ctx, { fiscalYearStartMonth: 7 }));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/fiscal year start cannot change while the workspace has plans/);
    expect(snapshot(t.ctx)).toEqual(before);
    // Other settings still change.
    expect(updateWorkspace(t.ctx, { name: 'Renamed', fiscalYearStartMonth: 1 }).name).toBe('Renamed');
  });

  it('answers workspace.info through the dispatcher', async () => {
    t = tempWorkspace();
    const res = await t.session.call('workspace.info', {});
    expect(res).toMatchObject({ ok: true, value: { name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 1 } });
  });
});
