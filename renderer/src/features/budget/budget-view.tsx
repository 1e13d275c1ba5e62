import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import type { CellEdit } from '../../../../shared/budget';
import { call, useQuery } from '../../api';
import { change, useApp, useCurrentDepartment, useCurrentPlan } from '../../app/store';
import { BudgetGridView } from './budget-grid';
import { ExportTableMenu } from '../export/export-table-menu';
import { PlanActions } from './plan-actions';
import { RollupPath } from './rollup-path';
import { FirstRunChecklist } from '../onboarding/first-run-checklist';

export function BudgetView() {
  const plan = useCurrentPlan();
  const department = useCurrentDepartment();
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const query = useQuery('budget.grid', plan && department ? { planId: plan.id, departmentId: department.id } : null);
  const [notice, setNotice] = useState<{ text: string; seq: number } | null>(null);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const notify = useCallback((text: string) => setNotice((n) => ({ text, seq: (n?.seq ?? 0) + 1 })), []);

  const writeCells = useCallback(
    async (cells: CellEdit[], label?: string) => {
      if (!plan) return false;
      const result = await change(() => call('budget.setCells', label ? { planId: plan.id, cells, label } : { planId: plan.id, cells }), {
        scope: 'figures',
      });
      return result.ok;
    },
    [plan],
  );

  // A new workspace: what to set up first, in order, instead of a bare "Create plan".
  if (!plan || !department) {
    return (
      <section className="view" aria-label="Budget">
        <FirstRunChecklist />
      </section>
    );
  }

  // Never show another department's or plan's figures while the right ones load.
  const grid = query.data && query.data.departmentId === department.id && query.data.planId === plan.id ? query.data : null;
  return (
    <section className="view budget-view" aria-label="Budget">
      <header className="view-header">
        <div className="view-title">
          <h1>
            {department.name} <span className="muted">{department.code}</span>
          </h1>
          <p className="view-subtitle">
            {plan.name} · amounts in <strong data-testid="currency">{currency}</strong>
            {grid && grid.rolledUpFrom > 1 ? ` · rolled up from ${grid.rolledUpFrom} departments` : ''}
          </p>
        </div>
        <PlanActions plan={plan} />
        <ExportTableMenu what="budget grid" input={{ view: 'budget', planId: plan.id, departmentId: department.id }} />
      </header>
      {grid ? <RollupPath path={grid.rollupPath} currency={currency} /> : null}
      {grid && !grid.editable ? (
        <div className={notice ? 'banner read-only flash' : 'banner read-only'} role="note" data-testid="read-only-reason" key={notice?.seq}>
          <span className="banner-tag">Read-only</span> {grid.readOnlyReason}
        </div>
      ) : null}
      {notice && (!grid || grid.editable || notice.text !== grid.readOnlyReason) ? (
        <div className="banner notice" role="alert" data-testid="grid-notice">
          {notice.text}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
      {notice && grid && !grid.editable && notice.text === grid.readOnlyReason ? (
        <div className="visually-hidden" role="alert">
          {notice.text}
        </div>
      ) : null}
      <ErrorBanner message={query.error} />
      {grid ? (
        <BudgetGridView grid={grid} writeCells={writeCells} notify={notify} />
      ) : query.loading || query.data ? (
        <p className="loading">Loading the grid…</p>
      ) : null}
      <p className="grid-hint muted">
        Type to replace · F2 edits · Enter commits · Delete clears · paste a block from a spreadsheet · Ctrl+Z undoes · ? for all keys
      </p>
    </section>
  );
}
