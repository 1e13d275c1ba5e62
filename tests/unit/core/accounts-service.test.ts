import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, listAccounts, updateAccount } from '../../../electron/core/budget/account-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { createDepartment } from '../../../electron/core/org/department-service';
import { snapshot } from '../../helpers/db-snapshot';
import { insertBudgetLine, insertPlan } from '../../helpers/raw-figures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { refusal } from '../../helpers/refusal';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());


describe('accounts', () => {
  it('adds accounts, lists them in code order including inactive ones', () => {
    createAccount(t.ctx, { code: '6000', name: 'Salaries & wages', type: 'expense' });
    const fuel = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
    createAccount(t.ctx, { code: '4000', name: 'Freight revenue', type: 'revenue' });
    createAccount(t.ctx, { code: '1500', name: 'Equipment (capital)', type: 'capex' });
    updateAccount(t.ctx, { id: fuel.id, active: false });
    expect(listAccounts(t.ctx).map((a) => `${a.code} ${a.type} ${a.active}`)).toEqual([
      '1500 capex true',
      '4000 revenue true',
      '6000 expense true',
      '6400 expense false',
    ]);
  });

  it('refuses a code already used, on create and on re-code', () => {
    createAccount(t.ctx, { code: '6000', name: 'Salaries & wages', type: 'expense' });
    const fuel = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
    const before = snapshot(t.ctx);
    const dup = refusal(() => createAccount(t.ctx, { code: '6000', name: 'Wages', type: 'expense' }));
    expect(dup.code).toBe('conflict');
    expect(dup.message).toBe('Account code 6000 is already used by Salaries & wages.');
    const recode = refusal(() => updateAccount(t.ctx, { id: fuel.id, code: '6000' }));
    expect(recode.message).toBe('Account code 6000 is already used by Salaries & wages.');
    expect(snapshot(t.ctx)).toEqual(before);
    expect(refusal(() => updateAccount(t.ctx, { id: 'gone', name: 'X' })).code).toBe('not_found');
  });

  it('each create and edit is one undoable change with a telling label', () => {
    const before = snapshot(t.ctx);
    const fuel = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
    expect(fuel).toEqual({ id: fuel.id, code: '6400', name: 'Fuel', type: 'expense', active: true });
    expect(historyState(t.ctx).undoLabel).toBe('Add account 6400 Fuel');
    const created = snapshot(t.ctx);

    updateAccount(t.ctx, { id: fuel.id, active: false });
    expect(historyState(t.ctx).undoLabel).toBe('Deactivate account 6400 Fuel');
    const deactivated = snapshot(t.ctx);
    updateAccount(t.ctx, { id: fuel.id, active: true });
    expect(historyState(t.ctx).undoLabel).toBe('Reactivate account 6400 Fuel');
    updateAccount(t.ctx, { id: fuel.id, name: 'Fuel & tolls' });
    expect(historyState(t.ctx).undoLabel).toBe('Rename account 6400 Fuel to Fuel & tolls');
    const renamed = snapshot(t.ctx);

    undo(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(deactivated);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(created);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    for (let i = 0; i < 4; i++) redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(renamed);
  });

  it('allows correcting the type of an account that already has budget lines', () => {
    const dept = createDepartment(t.ctx, { code: '220', name: 'Fleet', parentId: null });
    const acct = createAccount(t.ctx, { code: '1500', name: 'Equipment', type: 'expense' });
    insertBudgetLine(t.ctx, insertPlan(t.ctx, { fiscalYear: 2026, scenario: 'Base' }), {
      departmentId: dept.id,
      accountId: acct.id,
      period: '2026-03',
      amountMinor: 145_000_00,
    });
    expect(updateAccount(t.ctx, { id: acct.id, type: 'capex' }).type).toBe('capex');
    expect(historyState(t.ctx).undoLabel).toBe('Change type of account 1500 Equipment to capex');
  });

  it('makes no history step for an edit that changes nothing', () => {
    const fuel = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
    updateAccount(t.ctx, { id: fuel.id, name: 'Fuel', active: true });
    undo(t.ctx);
    expect(listAccounts(t.ctx)).toEqual([]);
    expect(historyState(t.ctx).canUndo).toBe(false);
  });
});
