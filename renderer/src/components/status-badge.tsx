import type { PlanStatus } from '../../../shared/budget';

const words: Record<PlanStatus, string> = { draft: 'Draft', approved: 'Approved', locked: 'Locked' };

export function StatusBadge({ status }: { status: PlanStatus }) {
  return (
    <span className={`badge status-${status}`} data-testid="plan-status">
      {words[status]}
    </span>
  );
}
