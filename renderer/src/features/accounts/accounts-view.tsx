import { useState } from 'react';
import { TableHead } from '../../components/table-head';
import { ErrorBanner } from '../../components/error-banner';
import type { Account } from '../../../../shared/budget';
import { call, useQuery } from '../../api';
import { change, useApp } from '../../app/store';
import { typeLabels } from '../budget/grid-lines';
import { AccountDialog } from './account-dialog';

export function AccountsView() {
  const query = useQuery('accounts.list', {});
  const openDialog = useApp((s) => s.openDialog);
  const [editing, setEditing] = useState<Account | null>(null);
  const [showInactive, setShowInactive] = useState(true);
  const accounts = (query.data ?? []).filter((a) => showInactive || a.active);

  const setActive = (account: Account, active: boolean) =>
    void change(() => call('accounts.update', { id: account.id, active }), {
      done: `${account.code} ${account.name} ${active ? 'reactivated' : 'deactivated'}`,
    });

  return (
    <section className="view" aria-label="Accounts">
      <header className="view-header">
        <div className="view-title">
          <h1>Chart of accounts</h1>
          <p className="view-subtitle">Inactive accounts keep their history but are not offered for new budgets.</p>
        </div>
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> Show inactive
        </label>
        <button type="button" className="button primary" onClick={() => openDialog({ kind: 'addAccount' })}>
          Add account
        </button>
      </header>
      <ErrorBanner message={query.error} />
      <div className="table-wrap">
        <table className="data-table" aria-label="Accounts">
          <TableHead columns={['Code', 'Name', 'Type', 'Status']} actions />
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className={a.active ? undefined : 'inactive'} data-account={a.code}>
                <td className="code">{a.code}</td>
                <th scope="row">{a.name}</th>
                <td>
                  <span className={`type-tag type-${a.type}`}>{typeLabels[a.type]}</span>
                </td>
                <td>{a.active ? <span className="badge neutral">Active</span> : <span className="badge muted-badge">Inactive</span>}</td>
                <td className="row-actions">
                  <button type="button" className="button small" aria-label={`Edit ${a.code} ${a.name}`} onClick={() => setEditing(a)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`${a.active ? 'Deactivate' : 'Reactivate'} ${a.code} ${a.name}`}
                    onClick={() => setActive(a, !a.active)}
                  >
                    {a.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? <AccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
