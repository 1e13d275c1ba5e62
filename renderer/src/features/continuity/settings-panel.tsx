/** The impact tolerance that turns the impact analysis into a suggested RTO. */
import { useState } from 'react';
import { call, useQuery } from '../../api';
import { change } from '../../app/store';
import { ErrorBanner } from '../../components/error-banner';
import { ratingWords } from './bia-logic';

export function SettingsPanel() {
  const query = useQuery('continuity.settings', {});
  const [problem, setProblem] = useState<string | null>(null);
  const tolerance = query.data?.impactTolerance ?? null;

  const choose = async (value: number) => {
    setProblem(null);
    const result = await change(() => call('continuity.setSettings', { impactTolerance: value }), { quiet: true, done: `Impact tolerance set to ${value}` });
    if (!result.ok) setProblem(result.message);
  };

  return (
    <section className="panel cont-card cont-settings" aria-label="Continuity settings">
      <h3>Impact tolerance</h3>
      <p className="muted">
        An impact rated at or above the tolerance is not tolerable. The suggested RTO of a process is the first outage length in its impact analysis at which any
        impact reaches it.
      </p>
      <p className="muted">
        Changing the tolerance moves the suggestions, not the RTOs already set. A process whose RTO then differs keeps it and can still be edited; a reason is asked
        for when its RTO is next changed.
      </p>
      <ErrorBanner message={query.error ?? problem} />
      <fieldset className="cont-tolerance">
        <legend>Not tolerable from</legend>
        {[1, 2, 3, 4, 5].map((v) => (
          <label key={v} className={tolerance === v ? 'cont-tol on' : 'cont-tol'}>
            <input type="radio" name="impact-tolerance" value={v} checked={tolerance === v} onChange={() => void choose(v)} disabled={tolerance === null} />
            <span className="cont-tol-value">{v}</span>
            <span className="cont-tol-word">{ratingWords[v]}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
