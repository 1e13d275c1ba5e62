/** The readiness of one process: its score and every gap, why it matters and how to fix it. */
import type { ProcessDetail } from '../../../../shared/continuity';
import { ScoreChip } from './badges';
import { gapLabels, severityLabels } from './words';

export function ReadinessPanel({ detail }: { detail: ProcessDetail }) {
  const { score, gaps } = detail.readiness;
  return (
    <aside className="panel cont-card cont-readiness" aria-label="Readiness">
      <header className="panel-header">
        <h3>Readiness</h3>
        <ScoreChip score={score} large />
      </header>
      {gaps.length === 0 ? (
        <p className="cont-ok">✓ No gaps found: plan, exercises, people and dependencies are in order.</p>
      ) : (
        <ul className="cont-gap-list" aria-label="Gaps">
          {gaps.map((g, i) => (
            <li key={`${g.code}-${i}`} className={`cont-gap-item sev-${g.severity}`} data-gap={g.code}>
              <div className="cont-gap-title">
                <span className={`cont-gap sev-${g.severity}`}>
                  <span aria-hidden="true" className="cont-gap-icon">
                    {g.severity === 'high' ? '!' : g.severity === 'medium' ? '•' : '·'}
                  </span>
                  {severityLabels[g.severity]}
                </span>
                <strong>{gapLabels[g.code]}</strong>
                <span className="muted cont-gap-weight">−{g.weight}</span>
              </div>
              <p>{g.message}</p>
              <p className="cont-fix">
                <span className="cont-fix-label">Fix:</span> {g.fix}
              </p>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
