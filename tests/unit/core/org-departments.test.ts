import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../electron/core/budget/account-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  moveDepartment,
  updateDepartment,
} from '../../../electron/core/org/department-service';
import { createPerson } from '../../../electron/core/org/people-service';
import { snapshot } from '../../helpers/db-snapshot';
import { insertActual, insertBudgetLine, insertPlan } from '../../helpers/raw-figures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { refusal } from '../../helpers/refusal';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());


function dept(code: string, name: string, parentId: string | null = null, manager: string | null = null) {
  return createDepartment(t.ctx, { code, name, parentId, manager });
}

function addPerson(departmentId: string, name: string) {
  return createPerson(t.ctx, {
    departmentId,
    name,
    title: null,
    fte: 1,
    annualSalaryMinor: 4_000_000,
    startDate: '2025-01-01',
    endDate: null,
    status: 'active',
  });
}

/** A plan, an account and one budget line on the given department. */
function giveBudgetLine(departmentId: string) {
  const planId = insertPlan(t.ctx, { fiscalYear: 2026, scenario: 'Base' });
  const account = createAccount(t.ctx, { code: '6000', name: 'Salaries & wages', type: 'expense' });
  insertBudgetLine(t.ctx, planId, { departmentId, accountId: account.id, period: '2026-01', amountMinor: 100_00 });
  return { planId, accountId: account.id };
}

describe('listDepartments', () => {
  it('lists the tree depth-first with siblings in code order and counts per department', () => {
    const root = dept('100', 'Larkspur Freight');
    const sales = dept('400', 'Sales & Marketing', root.id);
    const ops = dept('200', 'Operations', root.id);
    const fleet = dept('220', 'Fleet', ops.id);
    const warehouse = dept('210', 'Warehouse', ops.id);
    dept('90', 'Board', null);
    addPerson(warehouse.id, 'Ann');
    addPerson(warehouse.id, 'Bob');
    giveBudgetLine(fleet.id);

    const list = listDepartments(t.ctx);
    // "90" before "100": codes compare as numbers where they are numbers.
    expect(list.map((d) => `${'  '.repeat(d.depth)}${d.code}`)).toEqual(['90', '100', '  200', '    210', '    220', '  400']);
    const byCode = new Map(list.map((d) => [d.code, d]));
    expect(byCode.get('100')).toMatchObject({ childCount: 2, peopleCount: 0, budgetLineCount: 0, parentId: null });
    expect(byCode.get('200')).toMatchObject({ childCount: 2, depth: 1, parentId: root.id });
    expect(byCode.get('210')).toMatchObject({ childCount: 0, peopleCount: 2, budgetLineCount: 0 });
    expect(byCode.get('220')).toMatchObject({ peopleCount: 0, budgetLineCount: 1 });
    expect(byCode.get('400')?.id).toBe(sales.id);
  });
});

describe('createDepartment', () => {
  it('adds a department as one undoable change', () => {
    const root = dept('100', 'Larkspur Freight');
    const before = snapshot(t.ctx);
    const returns = dept('250', 'Returns', root.id, 'Kim Lee');
    expect(returns).toMatchObject({ code: '250', name: 'Returns', parentId: root.id, manager: 'Kim Lee', depth: 1, childCount: 0 });
    const after = snapshot(t.ctx);
    expect(historyState(t.ctx).undoLabel).toBe('Add department 250 Returns');

    expect(undo(t.ctx).label).toBe('Add department 250 Returns');
    expect(snapshot(t.ctx)).toEqual(before);
    expect(redo(t.ctx).label).toBe('Add department 250 Returns');
    expect(snapshot(t.ctx)).toEqual(after);
  });

  it('refuses a cost-centre code that is already used, naming who uses it', () => {
    dept('210', 'Warehouse');
    const err = refusal(() => dept('210', 'Returns'));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('Cost-centre code 210 is already used by Warehouse.');
  });

  it('refuses a parent that does not exist', () => {
    const err = refusal(() => dept('250', 'Returns', 'no-such-id'));
    expect(err.code).toBe('not_found');
  });

  it('refuses a sub-department under a department that holds budget lines, and says why', () => {
    const fleet = dept('220', 'Fleet');
    giveBudgetLine(fleet.id);
    const before = snapshot(t.ctx);
    const err = refusal(() => dept('221', 'Fleet North', fleet.id));
    expect(err.code).toBe('refused');
    expect(err.message).toContain('220 Fleet');
    expect(err.message).toContain('1 budget line');
    expect(err.message).toMatch(/only on departments without sub-departments/);
    expect(err.message).toMatch(/roll up/);
    expect(snapshot(t.ctx)).toEqual(before);
  });

  it('refuses a sub-department under a department that holds actuals only', () => {
    const fleet = dept('220', 'Fleet');
    const account = createAccount(t.ctx, { code: '6400', name: 'Fuel', type: 'expense' });
    insertActual(t.ctx, { departmentId: fleet.id, accountId: account.id, period: '2026-01', amountMinor: 5 });
    insertActual(t.ctx, { departmentId: fleet.id, accountId: account.id, period: '2026-02', amountMinor: 5 });
    const err = refusal(() => dept('221', 'Fleet North', fleet.id));
    expect(err.code).toBe('refused');
    expect(err.message).toContain('2 recorded actuals');
  });
});

describe('updateDepartment', () => {
  it('renames with a label that names the department, undo and redo restore each state', () => {
    const warehouse = dept('210', 'Warehouse');
    const before = snapshot(t.ctx);
    const renamed = updateDepartment(t.ctx, { id: warehouse.id, name: 'Distribution' });
    expect(renamed.name).toBe('Distribution');
    const after = snapshot(t.ctx);
    expect(historyState(t.ctx).undoLabel).toBe('Rename 210 Warehouse to Distribution');
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
  });

  it('re-codes and changes the manager; refuses a code another department uses', () => {
    const warehouse = dept('210', 'Warehouse');
    dept('220', 'Fleet');
    expect(updateDepartment(t.ctx, { id: warehouse.id, code: '215' }).code).toBe('215');
    expect(historyState(t.ctx).undoLabel).toBe('Re-code 210 Warehouse to 215');
    expect(updateDepartment(t.ctx, { id: warehouse.id, manager: 'Priya Natarajan' }).manager).toBe('Priya Natarajan');
    expect(historyState(t.ctx).undoLabel).toBe('Change manager of 215 Warehouse');
    const err = refusal(() => updateDepartment(t.ctx, { id: warehouse.id, code: '220' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('Cost-centre code 220 is already used by Fleet.');
  });

  it('leaves no history step when nothing changes', () => {
    const warehouse = dept('210', 'Warehouse');
    const label = historyState(t.ctx).undoLabel;
    updateDepartment(t.ctx, { id: warehouse.id, name: 'Warehouse', code: '210' });
    expect(historyState(t.ctx).undoLabel).toBe(label);
    expect(refusal(() => updateDepartment(t.ctx, { id: 'missing', name: 'X' })).code).toBe('not_found');
  });
});

describe('moveDepartment', () => {
  it('moves under another parent with a label naming both, and back through undo', () => {
    const root = dept('100', 'Larkspur Freight');
    const ops = dept('200', 'Operations', root.id);
    const sm = dept('400', 'Sales & Marketing', root.id);
    const cs = dept('230', 'Customer Service', ops.id);
    const before = snapshot(t.ctx);
    const moved = moveDepartment(t.ctx, { id: cs.id, parentId: sm.id });
    expect(moved).toMatchObject({ parentId: sm.id, depth: 2 });
    expect(historyState(t.ctx).undoLabel).toBe('Move 230 Customer Service under 400 Sales & Marketing');
    const after = snapshot(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);

    const top = moveDepartment(t.ctx, { id: cs.id, parentId: null });
    expect(top).toMatchObject({ parentId: null, depth: 0 });
    expect(historyState(t.ctx).undoLabel).toBe('Move 230 Customer Service to the top level');
  });

  it('refuses to move a department under itself or under one of its descendants', () => {
    const root = dept('100', 'Larkspur Freight');
    const ops = dept('200', 'Operations', root.id);
    const warehouse = dept('210', 'Warehouse', ops.id);
    const bay = dept('211', 'Loading Bay', warehouse.id);
    const before = snapshot(t.ctx);

    const self = refusal(() => moveDepartment(t.ctx, { id: ops.id, parentId: ops.id }));
    expect(self.code).toBe('refused');
    expect(self.message).toBe('Cannot move 200 Operations under itself.');

    const child = refusal(() => moveDepartment(t.ctx, { id: ops.id, parentId: warehouse.id }));
    expect(child.code).toBe('refused');
    expect(child.message).toBe('Cannot move 200 Operations under 210 Warehouse: Warehouse is inside Operations.');

    const grandchild = refusal(() => moveDepartment(t.ctx, { id: root.id, parentId: bay.id }));
    expect(grandchild.message).toMatch(/Loading Bay is inside Larkspur Freight/);
    expect(snapshot(t.ctx)).toEqual(before);
  });

  it('refuses to move under a department that holds budget lines, and a missing parent', () => {
    const fleet = dept('220', 'Fleet');
    const cs = dept('230', 'Customer Service');
    giveBudgetLine(fleet.id);
    const err = refusal(() => moveDepartment(t.ctx, { id: cs.id, parentId: fleet.id }));
    expect(err.code).toBe('refused');
    expect(err.message).toMatch(/^Cannot move 230 Customer Service under 220 Fleet: it holds 1 budget line\./);
    expect(refusal(() => moveDepartment(t.ctx, { id: cs.id, parentId: 'gone' })).code).toBe('not_found');
  });
});

describe('deleteDepartment', () => {
  it('refuses while sub-departments and people remain, naming them', () => {
    const warehouse = dept('210', 'Warehouse');
    dept('211', 'Loading Bay', warehouse.id);
    dept('212', 'Cold Store', warehouse.id);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) addPerson(warehouse.id, name);
    const before = snapshot(t.ctx);
    const err = refusal(() => deleteDepartment(t.ctx, warehouse.id));
    expect(err.code).toBe('refused');
    expect(err.message).toBe('Warehouse still has 2 sub-departments and 7 people; move or remove them first.');
    expect(snapshot(t.ctx)).toEqual(before);
  });

  it('refuses while budget lines or actuals remain, naming them', () => {
    const fleet = dept('220', 'Fleet');
    addPerson(fleet.id, 'Sam');
    const { accountId } = giveBudgetLine(fleet.id);
    insertActual(t.ctx, { departmentId: fleet.id, accountId, period: '2026-01', amountMinor: 1 });
    const err = refusal(() => deleteDepartment(t.ctx, fleet.id));
    expect(err.message).toBe('Fleet still has 1 person, 1 budget line and 1 recorded actual; move or remove them first.');
  });

  it('deletes an empty department as an undoable change', () => {
    const root = dept('100', 'Larkspur Freight');
    const returns = dept('250', 'Returns', root.id);
    const before = snapshot(t.ctx);
    deleteDepartment(t.ctx, returns.id);
    const after = snapshot(t.ctx);
    expect(listDepartments(t.ctx).map((d) => d.code)).toEqual(['100']);
    expect(historyState(t.ctx).undoLabel).toBe('Delete department 250 Returns');
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    expect(listDepartments(t.ctx).map((d) => d.code)).toEqual(['100', '250']);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
    expect(refusal(() => deleteDepartment(t.ctx, returns.id)).code).toBe('not_found');
  });
});

describe('through the dispatcher', () => {
  it('answers refusals as data and parses input', async () => {
    await t.session.call('org.createDepartment', { code: '210', name: 'Warehouse', parentId: null });
    const dup = await t.session.call('org.createDepartment', { code: '210', name: 'Again', parentId: null });
    expect(dup).toEqual({ ok: false, error: { code: 'conflict', message: 'Cost-centre code 210 is already used by Warehouse.' } });
    const bad = await t.session.call('org.createDepartment', { code: ' ', name: 'X', parentId: null });
    expect(bad.ok).toBe(false);
    const list = await t.session.call('org.listDepartments', {});
    expect(list.ok && (list.value as { code: string }[]).map((d) => d.code)).toEqual(['210']);
  });
});
