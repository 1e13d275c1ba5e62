import { useState } from 'react';
import { TableHead } from '../../components/table-head';
import type { Plan } from '../../../../shared/budget';
import { periodLabel } from '../../../../shared/periods';
import { call } from '../../api';
import { change, useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { StatusBadge } from '../../components/status-badge';
import { PlanActions } from '../budget/plan-actions';
import { exportBudgetTemplates, useTemplateExport } from './export-templates';

export function PlansView() {
  const plans = useApp((s) => s.plans);
  const currentId = useApp((s) => s.planId);
  const openDialog = useApp((s) => s.openDialog);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const exportingId = useTemplateExport((s) => s.busyPlanId);

  const open = (plan: Plan, view: 'budget' | 'variance') => {
    const s = useApp.getState();
    s.setPlan(plan.id);
    s.setView(view);
  };

  return (
    <section className="view" aria-label="Plans">
      <header className="view-header">
        <div className="view-title">
          <h1>Plans</h1>
          <p className="view-subtitle">Each plan is a fiscal year × scenario: draft → approved → locked.</p>
        </div>
        <button type="button" className="button primary" onClick={() => openDialog({ kind: 'createPlan' })}>
          Create plan
        </button>
      </header>
      <div className="table-wrap">
        <table className="data-table" aria-label="Plans">
          <TableHead columns={['Plan', 'Fiscal year', 'Scenario', 'Months', 'Status', { label: 'Lines', num: true }]} actions />
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id} className={plan.id === currentId ? 'current' : undefined} aria-current={plan.id === currentId ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(plan, 'budget')}>
                    {plan.name}
                  </button>
                </th>
                <td>FY{plan.fiscalYear}</td>
                <td>{plan.scenario}</td>
                <td className="muted">
                  {plan.months.length > 0 ? `${periodLabel(plan.months[0]!)} – ${periodLabel(plan.months[plan.months.length - 1]!)}` : ''}
                </td>
                <td>
                  <StatusBadge status={plan.status} />
                </td>
                <td className="num">{plan.lineCount.toLocaleString('en-US')}</td>
                <td className="row-actions wrap">
                  <button type="button" className="button small" onClick={() => open(plan, 'variance')}>
                    Variance
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Export budget templates for ${plan.name}`}
                    aria-busy={exportingId === plan.id}
                    disabled={exportingId !== null}
                    onClick={() => void exportBudgetTemplates(plan)}
                  >
                    {exportingId === plan.id ? 'Exporting…' : 'Export budget templates'}
                  </button>
                  <PlanActions plan={plan} compact />
                  {plan.status === 'draft' ? (
                    <button type="button" className="button small danger-text" onClick={() => setDeleting(plan)}>
                      Delete
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {plans.length === 0 ? <p className="empty-state">No plans yet.</p> : null}
      </div>
      {deleting ? (
        <ConfirmDialog
          label="Delete plan"
          message={`Delete ${deleting.name} and its ${deleting.lineCount.toLocaleString('en-US')} budget lines? You can undo this.`}
          confirmLabel="Delete plan"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const plan = deleting;
            const result = await change(() => call('plans.delete', { id: plan.id }), { quiet: true, done: `Deleted ${plan.name}` });
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </section>
  );
}
