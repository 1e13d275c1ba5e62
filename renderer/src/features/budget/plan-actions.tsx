import type { Plan } from '../../../../shared/budget';
import { call } from '../../api';
import { change, useApp } from '../../app/store';

/** Approve / lock / copy for one plan; used by the Budget toolbar and the Plans list. */
export function PlanActions({ plan, compact }: { plan: Plan; compact?: boolean }) {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <div className="plan-actions" role="group" aria-label={`Actions for ${plan.name}`}>
      {plan.status === 'draft' ? (
        <button
          type="button"
          className="button"
          aria-label={compact ? `Approve plan ${plan.name}` : undefined}
          onClick={() => void change(() => call('plans.setStatus', { id: plan.id, status: 'approved' }), { done: `${plan.name} approved` })}
        >
          {compact ? 'Approve' : 'Approve plan'}
        </button>
      ) : null}
      {plan.status === 'approved' ? (
        <button
          type="button"
          className="button"
          onClick={() => void change(() => call('plans.setStatus', { id: plan.id, status: 'draft' }), { done: `${plan.name} returned to draft` })}
        >
          Return to draft
        </button>
      ) : null}
      {plan.status !== 'locked' ? (
        <button
          type="button"
          className="button"
          aria-label={compact ? `Lock plan ${plan.name}` : undefined}
          onClick={() => openDialog({ kind: 'lockPlan', planId: plan.id })}
        >
          Lock plan
        </button>
      ) : null}
      <button
        type="button"
        className="button"
        aria-label={compact ? `Copy plan ${plan.name}` : undefined}
        onClick={() => openDialog({ kind: 'copyPlan', planId: plan.id })}
      >
        {compact ? 'Copy…' : 'Copy plan'}
      </button>
    </div>
  );
}
