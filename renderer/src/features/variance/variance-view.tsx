import { useEffect, useMemo, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { accountTypes, type VarianceReport } from '../../../../shared/budget';
import { formatMoney, formatPercent } from '../../../../shared/money';
import { periodLabel } from '../../../../shared/periods';
import { useQuery } from '../../api';
import { useApp, useCurrentDepartment, useCurrentPlan } from '../../app/store';
import { Segmented } from '../../components/segmented';
import { ExportTableMenu } from '../export/export-table-menu';
import { typeLabels } from '../budget/grid-lines';
import { toneClass, VarianceMarker } from './variance-marker';
import { noChoice, varianceMonths, type PeriodChoice, type PeriodMode } from './variance-period';

const periodModes = [
  ['ytd', 'Year to date'],
  ['month', 'Month'],
  ['range', 'Range'],
] as const satisfies readonly (readonly [PeriodMode, string])[];

interface Figures {
  budget: number;
  actual: number;
  variance: number;
  variancePct: number | null;
  favourable: boolean | null;
}

function FigureCells({ f }: { f: Figures }) {
  return (
    <>
      <td className="num">{formatMoney(f.budget)}</td>
      <td className="num">{formatMoney(f.actual)}</td>
      <td className={`num ${toneClass(f.favourable)}`}>{formatMoney(f.variance)}</td>
      <td className={`num ${toneClass(f.favourable)}`}>{formatPercent(f.variancePct)}</td>
      <td>
        <VarianceMarker favourable={f.favourable} />
      </td>
    </>
  );
}

export function VarianceView() {
  const plan = useCurrentPlan();
  const department = useCurrentDepartment();
  const departments = useApp((s) => s.departments);
  const setDepartment = useApp((s) => s.setDepartment);
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const setView = useApp((s) => s.setView);
  const [mode, setMode] = useState<PeriodMode>('ytd');
  const [choice, setChoice] = useState<PeriodChoice>(noChoice);
  // The plan's last month with actuals, as the newest answer for it said.
  const [booked, setBooked] = useState<{ planId: string; last: string | null } | null>(null);
  const months = useMemo(() => plan?.months ?? [], [plan]);

  // A new plan has other months: start its choices over.
  useEffect(() => {
    setChoice(noChoice);
  }, [months]);

  const lastActual = booked && booked.planId === plan?.id ? booked.last : undefined;
  const range = varianceMonths(mode, months, lastActual, choice);
  const input = !plan || !department ? null : range ? { planId: plan.id, departmentId: department.id, ...range } : { planId: plan.id, departmentId: department.id };
  const query = useQuery('budget.variance', input);
  const report = query.data && department && query.data.departmentId === department.id && query.data.planId === plan?.id ? query.data : null;

  useEffect(() => {
    if (report) setBooked((b) => (b && b.planId === report.planId && b.last === report.lastActualPeriod ? b : { planId: report.planId, last: report.lastActualPeriod }));
  }, [report]);
  const from = range?.from ?? report?.from ?? '';
  const to = range?.to ?? report?.to ?? '';

  if (!plan || !department) {
    return (
      <section className="view" aria-label="Variance">
        <p className="empty-state">Choose a plan and a department to compare budget with actuals.</p>
      </section>
    );
  }

  const parent = department.parentId ? departments.find((d) => d.id === department.parentId) : null;

  return (
    <section className="view variance-view" aria-label="Variance">
      <header className="view-header">
        <div className="view-title">
          <h1>
            Budget vs actual · {department.name} <span className="muted">{department.code}</span>
          </h1>
          <p className="view-subtitle">
            {plan.name} · amounts in <strong>{currency}</strong>
            {report ? ` · ${periodLabel(report.from)} – ${periodLabel(report.to)}` : ''}
            {report ? (report.lastActualPeriod ? ` · actuals through ${periodLabel(report.lastActualPeriod)}` : ' · no actuals yet for this plan') : ''}
          </p>
        </div>
        {parent ? (
          <button type="button" className="button" onClick={() => setDepartment(parent.id)}>
            Up to {parent.name}
          </button>
        ) : null}
        {/* The months the table shows, so the file holds the same figures as the screen. */}
        <ExportTableMenu
          what="variance table"
          input={report ? { view: 'variance', planId: plan.id, departmentId: department.id, from: report.from, to: report.to } : null}
        />
      </header>

      <div className="period-control" role="group" aria-label="Period">
        <Segmented label="Period type" options={periodModes} value={mode} onChange={setMode} />
        {mode !== 'ytd' ? (
          <span className="inline-field">
            <label htmlFor="variance-from">{mode === 'month' ? 'Month' : 'From'}</label>
            <select
              id="variance-from"
              value={from}
              onChange={(e) => setChoice((c) => (mode === 'month' ? { ...c, month: e.target.value } : { ...c, from: e.target.value }))}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {periodLabel(m)}
                </option>
              ))}
            </select>
          </span>
        ) : null}
        {mode === 'range' ? (
          <span className="inline-field">
            <label htmlFor="variance-to">To</label>
            <select id="variance-to" value={to} onChange={(e) => setChoice((c) => ({ ...c, to: e.target.value }))}>
              {months.filter((m) => m >= from).map((m) => (
                <option key={m} value={m}>
                  {periodLabel(m)}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>

      <ErrorBanner message={query.error} />
      {report && report.lastActualPeriod === null ? (
        <div className="empty-state variance-empty" role="status">
          <p>
            No actuals yet for {plan.name}: there is nothing to compare the budget with. Import actuals (a general-ledger or
            trial-balance export) to see budget against actual.
          </p>
          <button type="button" className="button" onClick={() => setView('import')}>
            Import actuals
          </button>
        </div>
      ) : report ? (
        <VarianceTables report={report} onDrill={setDepartment} />
      ) : query.loading ? (
        <p className="loading">Loading…</p>
      ) : null}
    </section>
  );
}

function VarianceTables({ report, onDrill }: { report: VarianceReport; onDrill: (id: string) => void }) {
  const groups = accountTypes
    .map((type) => ({ type, rows: report.rows.filter((r) => r.type === type), subtotal: report.subtotals.find((s) => s.type === type) }))
    .filter((g) => g.rows.length > 0 || g.subtotal);
  return (
    <>
      <div className="table-wrap">
        <table className="data-table figures" aria-label="Variance by account">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <FigureHeads />
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.type}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={6}>
                  {typeLabels[g.type]}
                </th>
              </tr>
              {g.rows.map((r) => (
                <tr key={r.accountId} data-account={r.code}>
                  <th scope="row">
                    <span className="account-code">{r.code}</span> {r.name}
                  </th>
                  <FigureCells f={r} />
                </tr>
              ))}
              {g.subtotal ? (
                <tr className="subtotal-row" data-subtotal={g.type}>
                  <th scope="row">Total {typeLabels[g.type].toLowerCase()}</th>
                  <FigureCells f={g.subtotal} />
                </tr>
              ) : null}
            </tbody>
          ))}
        </table>
        {groups.length === 0 ? <p className="empty-state">No budget or actuals for this department in this period.</p> : null}
      </div>

      {report.children.length > 0 ? (
        <section className="panel" aria-label="Departments under this one">
          <header className="panel-header">
            <h2>Departments</h2>
            <span className="muted">Select a department to drill in.</span>
          </header>
          <div className="table-wrap">
            <table className="data-table figures" aria-label="Variance by department">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    Department
                  </th>
                  <th scope="colgroup" colSpan={5} className="col-group">
                    Spend
                  </th>
                  <th scope="colgroup" colSpan={5} className="col-group">
                    Revenue
                  </th>
                </tr>
                <tr>
                  {['spend', 'revenue'].map((k) => (
                    <FigureHeads key={k} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.children.map((c) => (
                  <tr key={c.departmentId} data-department={c.code} className="clickable" onClick={() => onDrill(c.departmentId)}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={(e) => (e.stopPropagation(), onDrill(c.departmentId))}>
                        {c.name}
                      </button>{' '}
                      <span className="muted">{c.code}</span>
                    </th>
                    <FigureCells f={c.spend} />
                    <FigureCells f={c.revenue} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

function FigureHeads() {
  return (
    <>
      <th scope="col" className="num">
        Budget
      </th>
      <th scope="col" className="num">
        Actual
      </th>
      <th scope="col" className="num">
        Variance
      </th>
      <th scope="col" className="num">
        Var %
      </th>
      <th scope="col">
        <span className="visually-hidden">Favourable or unfavourable</span>
      </th>
    </>
  );
}
