import type { BudgetGrid } from '../../../../shared/budget';
import { formatMoney } from '../../../../shared/money';

/**
 * This department and each ancestor with its rolled-up year totals, nearest first, so one edit
 * visibly moves every total above it.
 */
export function RollupPath({ path, currency }: { path: BudgetGrid['rollupPath']; currency: string }) {
  if (path.length === 0) return null;
  return (
    <ol className="rollup-path" aria-label={`Rolled-up year totals in ${currency}`}>
      {path.map((step, i) => (
        <li key={step.departmentId} className="rollup-step" data-testid={`rollup-${step.code}`}>
          {i > 0 ? (
            <span className="rollup-sep" aria-hidden="true">
              ›
            </span>
          ) : null}
          <span className="rollup-name">
            {step.name} <span className="muted">{step.code}</span>
          </span>
          <span className="rollup-figure">
            <span className="muted">spend</span> <span data-testid={`rollup-${step.code}-spend`}>{formatMoney(step.spendTotal)}</span>
          </span>
          {step.revenueTotal !== 0 ? (
            <span className="rollup-figure">
              <span className="muted">revenue</span>{' '}
              <span data-testid={`rollup-${step.code}-revenue`}>{formatMoney(step.revenueTotal)}</span>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
