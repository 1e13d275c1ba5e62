import { useState } from 'react';
import { call } from '../../api';
import { change, useApp, useCurrentDepartment } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DepartmentDialog } from './department-dialog';
import { DepartmentTree } from './department-tree';
import { MoveDialog } from './move-dialog';
import { PeopleTable } from './people-table';

type OrgDialog = 'edit' | 'move' | 'delete' | null;

export function OrgView() {
  const departments = useApp((s) => s.departments);
  const department = useCurrentDepartment();
  const setDepartment = useApp((s) => s.setDepartment);
  const openDialog = useApp((s) => s.openDialog);
  const [dialog, setDialog] = useState<OrgDialog>(null);

  const move = async (id: string, parentId: string | null, quiet = false): Promise<string | null> => {
    const moving = departments.find((d) => d.id === id);
    const target = parentId === null ? 'the top level' : (departments.find((d) => d.id === parentId)?.name ?? 'its new parent');
    const result = await change(() => call('org.moveDepartment', { id, parentId }), { quiet, done: `Moved ${moving?.name ?? 'department'} under ${target}` });
    return result.ok ? null : result.message;
  };

  const parent = department?.parentId ? departments.find((d) => d.id === department.parentId) : null;
  const open = (view: 'budget' | 'variance') => useApp.getState().setView(view);

  return (
    <section className="view org-view" aria-label="Org">
      <header className="view-header">
        <div className="view-title">
          <h1>Organisation</h1>
          <p className="view-subtitle">
            {departments.length} departments · drag a row onto another department to move it, or use “Move to…”.
          </p>
        </div>
        <button type="button" className="button primary" onClick={() => openDialog({ kind: 'addDepartment', parentId: department?.id ?? null })}>
          Add department
        </button>
      </header>
      <div className="org-layout">
        <DepartmentTree departments={departments} selectedId={department?.id ?? null} onSelect={setDepartment} onMove={(id, p) => void move(id, p)} />
        {department ? (
          <div className="org-detail">
            <section className="panel" aria-label={`Department ${department.name}`}>
              <header className="panel-header">
                <h2>
                  {department.name} <span className="muted">{department.code}</span>
                </h2>
              </header>
              <dl className="facts">
                <dt>Manager</dt>
                <dd>{department.manager ?? '—'}</dd>
                <dt>Parent</dt>
                <dd>{parent ? `${parent.name} (${parent.code})` : 'Top level'}</dd>
                <dt>People</dt>
                <dd className="num">{department.peopleCount}</dd>
                <dt>Sub-departments</dt>
                <dd className="num">{department.childCount}</dd>
                <dt>Budget lines</dt>
                <dd className="num">{department.budgetLineCount.toLocaleString('en-US')}</dd>
              </dl>
              <div className="button-row">
                <button type="button" className="button" onClick={() => setDialog('edit')}>
                  Edit department
                </button>
                <button type="button" className="button" onClick={() => setDialog('move')}>
                  Move to…
                </button>
                <button type="button" className="button" onClick={() => openDialog({ kind: 'addDepartment', parentId: department.id })}>
                  Add sub-department
                </button>
                <button type="button" className="button" onClick={() => open('budget')}>
                  Open budget
                </button>
                <button type="button" className="button danger-text" onClick={() => setDialog('delete')}>
                  Delete department
                </button>
              </div>
            </section>
          </div>
        ) : (
          <p className="empty-state">Add a department to start the organisation.</p>
        )}
        {department ? <PeopleTable department={department} /> : null}
      </div>
      {department && dialog === 'edit' ? <DepartmentDialog department={department} onClose={() => setDialog(null)} /> : null}
      {department && dialog === 'move' ? <MoveDialog department={department} onMove={(p) => move(department.id, p, true)} onClose={() => setDialog(null)} /> : null}
      {department && dialog === 'delete' ? (
        <ConfirmDialog
          label="Delete department"
          message={`Delete ${department.name} (${department.code})? A department that still has sub-departments, people, budget lines or actuals cannot be deleted.`}
          confirmLabel="Delete department"
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const gone = department;
            const result = await change(
              async () => {
                const done = await call('org.deleteDepartment', { id: gone.id });
                // Select the parent before the refetch, so nothing asks for the deleted department.
                if (gone.parentId) setDepartment(gone.parentId);
                return done;
              },
              { quiet: true, done: `Deleted ${gone.name}` },
            );
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </section>
  );
}
