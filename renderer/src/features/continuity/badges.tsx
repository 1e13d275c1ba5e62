import type { ReadinessGap } from '../../../../shared/continuity';
import { gapKinds, gapLabels, readinessBand, scoreBandLabels, severityLabels } from './words';

/**
 * The readiness score with its band in words ("72 Gaps"), never colour alone. With `gaps`, a
 * high-severity gap keeps the band below "Ready" whatever the score.
 */
export function ScoreChip({ score, gaps, large = false }: { score: number | null; gaps?: readonly Pick<ReadinessGap, 'severity'>[]; large?: boolean }) {
  if (score === null) return <span className="muted">—</span>;
  const band = readinessBand(score, gaps);
  return (
    <span className={`cont-score band-${band}${large ? ' large' : ''}`} title={`Readiness ${score} of 100: ${scoreBandLabels[band].toLowerCase()}`}>
      <span className="cont-score-number">{score}</span>
      <span className="cont-score-word">{scoreBandLabels[band]}</span>
    </span>
  );
}

/** One badge per kind of gap, named in words; the severity is in the badge's text for screen readers. */
export function GapBadges({ gaps, limit = 3 }: { gaps: readonly ReadinessGap[]; limit?: number }) {
  const kinds = gapKinds(gaps);
  if (kinds.length === 0) return <span className="cont-gap none">No gaps</span>;
  const shown = kinds.slice(0, limit);
  const rest = kinds.length - shown.length;
  return (
    <span className="cont-gaps">
      {shown.map((k) => (
        <span key={k.code} className={`cont-gap sev-${k.severity}`} data-gap={k.code} title={`${severityLabels[k.severity]} severity`}>
          <span aria-hidden="true" className="cont-gap-icon">
            {k.severity === 'high' ? '!' : k.severity === 'medium' ? '•' : '·'}
          </span>
          {gapLabels[k.code]}
          {k.count > 1 ? ` ×${k.count}` : ''}
          <span className="visually-hidden"> ({severityLabels[k.severity].toLowerCase()} severity)</span>
        </span>
      ))}
      {rest > 0 ? <span className="cont-gap more">+{rest} more</span> : null}
    </span>
  );
}
