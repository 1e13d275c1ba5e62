import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { createDepartment } from '../../../electron/core/org/department-service';
import { createPerson, deletePerson, listPeople, updatePerson, type PersonCreate } from '../../../electron/core/org/people-service';
import { snapshot } from '../../helpers/db-snapshot';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { refusal } from '../../helpers/refusal';

let t: TempWorkspace;
let warehouse: string;
let fleet: string;
beforeEach(() => {
  t = tempWorkspace();
  warehouse = createDepartment(t.ctx, { code: '210', name: 'Warehouse', parentId: null }).id;
  fleet = createDepartment(t.ctx, { code: '220', name: 'Fleet', parentId: null }).id;
});
afterEach(() => t.cleanup());


function person(overrides: Partial<PersonCreate> = {}): PersonCreate {
  return {
    departmentId: warehouse,
    name: 'Priya Natarajan',
    title: 'Warehouse Manager',
    fte: 1,
    annualSalaryMinor: 92_000_00,
    startDate: '2021-03-15',
    endDate: null,
    status: 'active',
    ...overrides,
  };
}

describe('people', () => {
  it('keeps a phone number for the call tree, and clears it with an empty one', () => {
    const p = createPerson(t.ctx, { ...person(), phone: '+1 (555) 010-2233' });
    expect(p.phone).toBe('+1 (555) 010-2233');
    expect(updatePerson(t.ctx, { id: p.id, phone: '' }).phone).toBeNull();
    undo(t.ctx);
    expect(listPeople(t.ctx, null).find((x) => x.id === p.id)?.phone).toBe('+1 (555) 010-2233');
  });

  it('adds a person as an undoable change and returns it as stored', () => {
    const before = snapshot(t.ctx);
    const p = createPerson(t.ctx, person({ fte: 0.8 }));
    expect(p).toEqual({ id: p.id, ...person({ fte: 0.8 }), phone: null });
    expect(historyState(t.ctx).undoLabel).toBe('Add Priya Natarajan to 210 Warehouse');
    const after = snapshot(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
  });

  it('lists active people before open roles, by name, per department or all', () => {
    createPerson(t.ctx, person({ name: 'adam Young' }));
    createPerson(t.ctx, person({ name: 'Open role — Forklift operator', status: 'open', annualSalaryMinor: null, startDate: null }));
    createPerson(t.ctx, person({ name: 'Aisha Rahman' }));
    createPerson(t.ctx, person({ name: 'Luca Bianchi' }));
    createPerson(t.ctx, person({ name: 'Sean Gallagher', departmentId: fleet }));

    // Names compare without regard to case: "adam" before "Aisha".
    expect(listPeople(t.ctx, warehouse).map((p) => p.name)).toEqual([
      'adam Young',
      'Aisha Rahman',
      'Luca Bianchi',
      'Open role — Forklift operator',
    ]);
    expect(listPeople(t.ctx, fleet).map((p) => p.name)).toEqual(['Sean Gallagher']);
    expect(listPeople(t.ctx, null)).toHaveLength(5);
    expect(refusal(() => listPeople(t.ctx, 'nope')).code).toBe('not_found');
    expect(historyState(t.ctx).undoLabel).toBe('Add Sean Gallagher to 220 Fleet');
  });

  it('labels an open role as one', () => {
    createPerson(t.ctx, person({ name: 'Open role — HGV driver', status: 'open', departmentId: fleet }));
    expect(historyState(t.ctx).undoLabel).toBe('Add open role Open role — HGV driver to 220 Fleet');
  });

  it('refuses an end date before the start date, on create and on update', () => {
    const before = snapshot(t.ctx);
    const err = refusal(() => createPerson(t.ctx, person({ startDate: '2026-05-01', endDate: '2026-04-30' })));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe('The end date (2026-04-30) is before the start date (2026-05-01).');
    expect(snapshot(t.ctx)).toEqual(before);

    const p = createPerson(t.ctx, person({ startDate: '2026-05-01' }));
    expect(updatePerson(t.ctx, { id: p.id, endDate: '2026-05-01' }).endDate).toBe('2026-05-01');
    const mid = snapshot(t.ctx);
    expect(refusal(() => updatePerson(t.ctx, { id: p.id, endDate: '2026-01-31' })).code).toBe('invalid_input');
    // Moving the start after an existing end date is the same mistake.
    expect(refusal(() => updatePerson(t.ctx, { id: p.id, startDate: '2026-06-01' })).code).toBe('invalid_input');
    expect(snapshot(t.ctx)).toEqual(mid);
  });

  it('refuses a department that does not exist', () => {
    expect(refusal(() => createPerson(t.ctx, person({ departmentId: 'gone' }))).code).toBe('not_found');
    const p = createPerson(t.ctx, person());
    expect(refusal(() => updatePerson(t.ctx, { id: p.id, departmentId: 'gone' })).code).toBe('not_found');
    expect(refusal(() => updatePerson(t.ctx, { id: 'gone', name: 'X' })).code).toBe('not_found');
  });

  it('edits and moves a person between departments, each undoable', () => {
    const p = createPerson(t.ctx, person());
    const before = snapshot(t.ctx);
    const edited = updatePerson(t.ctx, { id: p.id, title: 'Head of Warehouse', annualSalaryMinor: 95_000_00 });
    expect(edited).toMatchObject({ title: 'Head of Warehouse', annualSalaryMinor: 95_000_00, name: 'Priya Natarajan' });
    expect(historyState(t.ctx).undoLabel).toBe('Edit Priya Natarajan');
    const moved = updatePerson(t.ctx, { id: p.id, departmentId: fleet });
    expect(moved.departmentId).toBe(fleet);
    expect(historyState(t.ctx).undoLabel).toBe('Move Priya Natarajan to 220 Fleet');
    const after = snapshot(t.ctx);
    undo(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    redo(t.ctx);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
  });

  it('removes a person, and undo brings them back unchanged', () => {
    const p = createPerson(t.ctx, person());
    const before = snapshot(t.ctx);
    deletePerson(t.ctx, p.id);
    expect(listPeople(t.ctx, warehouse)).toEqual([]);
    expect(historyState(t.ctx).undoLabel).toBe('Remove Priya Natarajan');
    const after = snapshot(t.ctx);
    undo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(before);
    expect(listPeople(t.ctx, warehouse)).toEqual([p]);
    redo(t.ctx);
    expect(snapshot(t.ctx)).toEqual(after);
    expect(refusal(() => deletePerson(t.ctx, p.id)).code).toBe('not_found');
  });
});
