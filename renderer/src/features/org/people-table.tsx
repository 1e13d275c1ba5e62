import { useState } from 'react';
import { TableHead } from '../../components/table-head';
import { ErrorBanner } from '../../components/error-banner';
import type { Department, Person } from '../../../../shared/org';
import { formatMoney } from '../../../../shared/money';
import { useQuery } from '../../api';
import { useApp } from '../../app/store';
import { PersonDeleteDialog } from './person-delete-dialog';
import { PersonDialog } from './person-dialog';
import { EditRemoveCell } from '../../components/row-actions';
import { showDate } from '../../app/dates';

export function PeopleTable({ department }: { department: Department }) {
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const query = useQuery('org.listPeople', { departmentId: department.id });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const people = query.data ?? [];
  const fte = people.filter((p) => p.status === 'active').reduce((sum, p) => sum + p.fte, 0);

  return (
    <section className="panel people-panel" aria-label={`People in ${department.name}`}>
      <header className="panel-header">
        <h2>
          People <span className="muted">{people.length > 0 ? `${people.length} · ${fte.toFixed(1)} FTE active` : ''}</span>
        </h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add person
        </button>
      </header>
      <ErrorBanner message={query.error} />
      <div className="table-wrap">
        <table className="data-table" aria-label="People">
          <TableHead columns={['Name', 'Title', { label: 'FTE', num: true }, { label: `Annual salary (${currency})`, num: true }, 'Start', 'End', 'Phone', 'Status']} actions />
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.title ?? ''}</td>
                <td className="num">{p.fte.toFixed(2)}</td>
                <td className="num">{p.annualSalaryMinor === null ? '' : formatMoney(p.annualSalaryMinor)}</td>
                <td className="date">{showDate(p.startDate, '')}</td>
                <td className="date">{showDate(p.endDate, '')}</td>
                <td className="phone">{p.phone ?? ''}</td>
                <td>{p.status === 'open' ? <span className="badge open-role">Open role</span> : <span className="badge neutral">Active</span>}</td>
                <EditRemoveCell name={p.name} onEdit={() => setEditing(p)} onRemove={() => setRemoving(p)} removeLabel="Remove" />
              </tr>
            ))}
          </tbody>
        </table>
        {!query.loading && people.length === 0 ? <p className="empty-state">No people or open roles in {department.name}.</p> : null}
      </div>
      {editing ? (
        <PersonDialog departmentId={department.id} person={editing === 'new' ? null : editing} currency={currency} onClose={() => setEditing(null)} />
      ) : null}
      {removing ? <PersonDeleteDialog person={removing} departmentName={department.name} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
}
