import { useMemo, useState } from 'react';
import type { ImportPlan, ImportProblem } from '../../../../shared/imports';
import { formatMoney } from '../../../../shared/money';
import { periodLabel } from '../../../../shared/periods';
import { parseRef, plural, rowsOfProblem, sortedProblems, summarize } from './plan-summary';

/** Step 3: what would be written, per department and account, and every problem by cell. */
export function PreviewStep({ plan }: { plan: ImportPlan }) {
  const rows = useMemo(() => summarize(plan), [plan]);
  const problems = useMemo(() => sortedProblems(plan), [plan]);
  const [selected, setSelected] = useState<number | null>(null);
  const chosen = selected === null ? null : (problems[selected] ?? null);
  const highlighted = useMemo(() => (chosen ? rowsOfProblem(rows, chosen, plan.fileName) : new Set<string>()), [chosen, rows, plan.fileName]);
  const figures = plan.kind === 'budget' || plan.kind === 'actuals';
  const people = plan.kind === 'people';
  const total = rows.reduce((s, r) => s + (r.amountMinor ?? 0), 0);
  const count = rows.reduce((s, r) => s + r.rows, 0);
  const unit = figures ? 'cell' : people ? 'person' : 'record';

  return (
    <div className="import-step preview-step">
      <p className="import-summary">
        <strong>{plural(plan.rowsRead, 'row')}</strong> read;{' '}
        <strong>{people ? plural(count, 'person', 'people') : plural(count, unit)}</strong> to write
        {figures ? (
          <>
            {' '}
            totalling <strong>{formatMoney(total, { decimals: 2 })}</strong>
          </>
        ) : null}
        {plan.target ? ` into ${plan.target.planName}${plan.target.create ? ' (a new draft plan)' : ''}` : ''}.{' '}
        {plan.errorCount > 0 ? (
          <span className="problem-count error">{plural(plan.errorCount, 'error')} must be fixed before importing.</span>
        ) : null}{' '}
        {plan.warningCount > 0 ? <span className="problem-count warning">{plural(plan.warningCount, 'warning')}.</span> : null}
      </p>
      {plan.spreads.length > 0 ? <Spreads plan={plan} /> : null}
      <div className="preview-layout">
        {problems.length > 0 ? (
          <section className="panel problems-panel" aria-label="Problems">
            <h2 className="panel-header">Problems</h2>
            <ul className="problem-list">
              {problems.map((p, i) => (
                <li key={`${i}:${p.ref}`}>
                  <button
                    type="button"
                    className={`problem ${p.severity}${selected === i ? ' selected' : ''}`}
                    aria-pressed={selected === i}
                    onClick={() => setSelected(selected === i ? null : i)}
                  >
                    <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                    <span className="problem-ref">{p.ref}</span>
                    <span className="problem-message">{p.message}</span>
                  </button>
                </li>
              ))}
            </ul>
            {chosen ? <ProblemDetail plan={plan} problem={chosen} matches={highlighted.size} /> : null}
          </section>
        ) : (
          <p className="banner notice">No problems found.</p>
        )}
        <div className="table-wrap">
          <table className="data-table" aria-label="Rows to write">
            <thead>
              <tr>
                <th scope="col">{plan.kind === 'departments' || plan.kind === 'accounts' ? 'Code' : 'Department'}</th>
                {figures ? <th scope="col">Account</th> : null}
                <th scope="col" className="num">
                  {figures ? 'Cells' : people ? 'People' : 'Rows'}
                </th>
                {figures || people ? (
                  <th scope="col" className="num">
                    {people ? 'Salaries' : 'Amount'}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={highlighted.has(r.key) ? 'highlight' : undefined} data-row={r.key}>
                  <td className="code">{r.departmentCode}</td>
                  {figures ? <td className="code">{r.accountCode}</td> : null}
                  <td className="num">{r.rows}</td>
                  {figures || people ? <td className="num">{formatMoney(r.amountMinor ?? 0, { decimals: 2 })}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

/** Quarter and year amounts and the months each was spread to, for the user to see before importing. */
function Spreads({ plan }: { plan: ImportPlan }) {
  const months = plan.spreads[0]?.months.map((m) => m.period) ?? [];
  const sameMonths = plan.spreads.every((s) => s.months.length === months.length && s.months.every((m, i) => m.period === months[i]));
  return (
    <section className="panel spreads-panel" aria-label="Amounts spread to months">
      <h2 className="panel-header">
        {plural(plan.spreads.length, 'quarter or year amount')} spread to months
      </h2>
      <div className="table-wrap">
        <table className="data-table spread-months">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Department · account</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">How</th>
              {sameMonths ? months.map((p) => <th key={p} scope="col" className="num">{periodLabel(p, true)}</th>) : <th scope="col">Months</th>}
            </tr>
          </thead>
          <tbody>
            {plan.spreads.map((s) => (
              <tr key={s.source}>
                <td>
                  {s.header} <span className="muted">{s.source.split('!').pop()}</span>
                </td>
                <td className="code">
                  {s.departmentCode} · {s.accountCode}
                </td>
                <td className="num">{formatMoney(s.totalMinor, { decimals: 2 })}</td>
                <td>{s.method}</td>
                {sameMonths ? (
                  s.months.map((m) => (
                    <td key={m.period} className="num">
                      {formatMoney(m.amountMinor, { decimals: 2 })}
                    </td>
                  ))
                ) : (
                  <td>{s.months.map((m) => `${periodLabel(m.period, true)} ${formatMoney(m.amountMinor, { decimals: 2 })}`).join(', ')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Where a problem points: the sheet, the cell and the column it sits in, with what that column was mapped to. */
function ProblemDetail({ plan, problem, matches }: { plan: ImportPlan; problem: ImportProblem; matches: number }) {
  const ref = parseRef(problem.ref, plan.fileName);
  if (!ref) return <p className="problem-detail">About the whole file.</p>;
  // A CSV's one sheet goes unnamed in references.
  const sheet = ref.sheet === '' ? plan.sheets[0] : plan.sheets.find((s) => s.name === ref.sheet);
  const column = ref.column ? sheet?.mapping.find((m) => m.letter === ref.column) : undefined;
  return (
    <p className="problem-detail" role="status">
      Sheet <strong>{sheet?.name ?? ref.sheet}</strong>
      {ref.column && ref.row !== null ? (
        <>
          , cell <strong>{`${ref.column}${ref.row}`}</strong> (row {ref.row}
          {column ? `, column “${column.header}” imported as ${column.field}` : ''})
        </>
      ) : null}
      .{' '}
      {matches > 0 ? `${plural(matches, 'line')} below came from that row.` : 'Nothing from that row would be written.'}
    </p>
  );
}
