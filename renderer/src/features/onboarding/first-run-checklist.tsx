/**
 * What a new workspace needs before a budget means anything, in order: departments, then the
 * chart of accounts, then a plan. Each step is ticked when the workspace has it, with buttons to
 * where it is done (import or by hand). Shown by the Budget view until there is a plan to show.
 */
import type { ReactNode } from 'react';
import { useQuery } from '../../api';
import { useApp } from '../../app/store';

interface Step {
  id: string;
  title: string;
  why: string;
  done: boolean;
  detail: string;
  actions: ReactNode;
}

export function FirstRunChecklist() {
  const departments = useApp((s) => s.departments);
  const plans = useApp((s) => s.plans);
  const setView = useApp((s) => s.setView);
  const openDialog = useApp((s) => s.openDialog);
  const accountsQuery = useQuery('accounts.list', {});
  const accounts = accountsQuery.data ?? [];
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

  const steps: Step[] = [
    {
      id: 'departments',
      title: 'Departments',
      why: 'Budgets and actuals are kept per department (cost centre).',
      done: departments.length > 0,
      detail: plural(departments.length, 'department'),
      actions: (
        <>
          <button type="button" className="button" onClick={() => setView('import')}>
            Import departments
          </button>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'addDepartment', parentId: null })}>
            Add department
          </button>
        </>
      ),
    },
    {
      id: 'accounts',
      title: 'Chart of accounts',
      why: 'Every figure is booked to an account: revenue, expense or capital.',
      done: accounts.length > 0,
      detail: accountsQuery.data ? plural(accounts.length, 'account') : '…',
      actions: (
        <>
          <button type="button" className="button" onClick={() => setView('import')}>
            Import accounts
          </button>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'addAccount' })}>
            Add account
          </button>
        </>
      ),
    },
    {
      id: 'plan',
      title: 'A budget plan',
      why: 'A plan is a fiscal year and a scenario, such as “FY2027 · Base”; import managers’ budgets into it or type them in.',
      done: plans.length > 0,
      detail: plural(plans.length, 'plan'),
      actions: (
        <>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'createPlan' })}>
            Create plan
          </button>
          <button type="button" className="button" onClick={() => setView('import')}>
            Import a budget
          </button>
        </>
      ),
    },
  ];
  const next = steps.find((s) => !s.done);

  return (
    <section className="panel first-run" aria-label="Getting started">
      <header className="panel-header">
        <h2>Getting started</h2>
        <span className="muted">
          {steps.filter((s) => s.done).length} of {steps.length} done
        </span>
      </header>
      <p className="muted">Set these up in order: a plan’s lines are departments × accounts × months.</p>
      <ol className="first-run-steps">
        {steps.map((s, i) => (
          <li key={s.id} className={s.done ? 'done' : s === next ? 'next' : undefined} data-step={s.id} aria-current={s === next ? 'step' : undefined}>
            <span className="first-run-mark" aria-hidden="true">
              {s.done ? '✓' : i + 1}
            </span>
            <div className="first-run-text">
              <strong>{s.title}</strong>
              <span className="first-run-state">{s.done ? `Done · ${s.detail}` : 'To do'}</span>
              <span className="muted">{s.why}</span>
            </div>
            <div className="first-run-actions">{s.actions}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
