/** The readiness of one process or scenario plan: its score and every gap, why it matters and how to fix it. */
import type { ProcessDetail, Readiness } from '../../../../shared/continuity';
import { ScoreChip } from './badges';
import { gapLabels, severityLabels } from './words';

export function ReadinessPanel({ detail }: { detail: ProcessDetail }) {
  return <ReadinessAside readiness={detail.readiness} none="✓ No gaps found: plan, exercises, people and dependencies are in order." />;
}

/** A score and its gaps, each with why it matters and the fix; `none` says what is in order when there are none. */
export function ReadinessAside({ readiness, none }: { readiness: Readiness; none: string }) {
  const { score, gaps } = readiness;
  return (
    <aside className="panel cont-card cont-readiness" aria-label="Readiness">
      <header className="panel-header">
        <h3>Readiness</h3>
        <ScoreChip score={score} gaps={gaps} large />
      </header>
      {gaps.length === 0 ? (
        <p className="cont-ok">{none}</p>
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
