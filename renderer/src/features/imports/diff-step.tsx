import type { CellChange, ImportPlan } from '../../../../shared/imports';
import { TableHead } from '../../components/table-head';
import { formatMoney } from '../../../../shared/money';
import { periodLabel } from '../../../../shared/periods';
import { plural } from './plan-summary';

/** Changes lists are capped on screen: a first import of a big file adds thousands of cells. */
const shownPerList = 100;

const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, { decimals: 2 }));

/** Step 4: what committing would change, against the workspace as it is now. */
export function DiffStep({ plan }: { plan: ImportPlan }) {
  if (plan.identical) {
    return (
      <div className="import-step">
        <p className="banner notice identical" role="status">
          {plan.sameFileAs ? `The same as import ${plan.sameFileAs}: nothing would change.` : 'Nothing would change: the workspace already holds exactly this.'}
        </p>
      </div>
    );
  }
  const d = plan.figureDiff;
  const e = plan.entityDiff;
  return (
    <div className="import-step diff-step">
      {d ? (
        <>
          <p className="import-summary">
            <strong>{plural(d.added.length, 'cell')}</strong> added, <strong>{d.changed.length}</strong> changed,{' '}
            <strong>{d.removed.length}</strong> removed, {d.unchanged} unchanged. Total{' '}
            <strong data-testid="total-before">{money(d.totals.before)}</strong> → <strong data-testid="total-after">{money(d.totals.after)}</strong>
          </p>
          <div className="table-wrap">
            <table className="data-table" aria-label="Totals per department">
              <TableHead columns={['Department', { label: 'Before', num: true }, { label: 'After', num: true }, { label: 'Change', num: true }]} />
              <tbody>
                {d.perDepartment.map((t) => (
                  <tr key={t.code} data-department={t.code}>
                    <td className="code">{t.code}</td>
                    <td className="num">{money(t.before)}</td>
                    <td className="num">{money(t.after)}</td>
                    <td className="num">{money(t.after - t.before)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CellList title="Changed" cells={d.changed} />
          <CellList title="Added" cells={d.added} />
          <CellList title="Removed" cells={d.removed} />
        </>
      ) : null}
      {e ? (
        <>
          <p className="import-summary">
            <strong>{e.created.length}</strong> new, <strong>{e.updated.length}</strong> updated, {e.unchanged} unchanged.
          </p>
          {e.created.length > 0 ? (
            <section className="panel" aria-label="New">
              <h2 className="panel-header">New</h2>
              <p className="code-list">{e.created.join(', ')}</p>
            </section>
          ) : null}
          {e.updated.length > 0 ? (
            <section className="panel" aria-label="Updated">
              <h2 className="panel-header">Updated</h2>
              <ul className="code-list">
                {e.updated.map((u) => (
                  <li key={u.key}>
                    <strong>{u.key}</strong>: {u.fields.join(', ')}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      {plan.creates.departments.length + plan.creates.accounts.length > 0 ? (
        <p className="banner notice">
          Also creates{' '}
          {[...plan.creates.departments.map((x) => `department ${x.code}`), ...plan.creates.accounts.map((x) => `account ${x.code} ${x.name}`)].join(', ')}.
        </p>
      ) : null}
    </div>
  );
}

function CellList({ title, cells }: { title: string; cells: CellChange[] }) {
  if (cells.length === 0) return null;
  return (
    <details className="cell-list" open={title !== 'Added'}>
      <summary>
        {title} ({cells.length})
      </summary>
      <table className="data-table" aria-label={`${title} cells`}>
        <TableHead columns={['Department', 'Account', 'Month', { label: 'Before', num: true }, { label: 'After', num: true }, 'From']} />
        <tbody>
          {cells.slice(0, shownPerList).map((c) => (
            <tr key={`${c.departmentCode}|${c.accountCode}|${c.period}`}>
              <td className="code">{c.departmentCode}</td>
              <td className="code">{c.accountCode}</td>
              <td>{periodLabel(c.period, true)}</td>
              <td className="num">{money(c.before)}</td>
              <td className="num">{money(c.after)}</td>
              <td className="muted">{c.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cells.length > shownPerList ? <p className="muted">and {cells.length - shownPerList} more</p> : null}
    </details>
  );
}
