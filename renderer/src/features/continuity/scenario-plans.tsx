/**
 * Scenario plans: recovery plans tied to no one process but to a disruption of the whole company
 * (loss of site, of IT, of a key supplier, of people). Listed under the processes with their own
 * readiness, opened on a page of their own (steps, call tree, exercises — the same plan card a
 * process page shows), and added here.
 */
import { useEffect, useState } from 'react';
import { planScenarioLabels, type ContinuityOverview } from '../../../../shared/continuity';
import { useQuery } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { GapBadges, ScoreChip } from './badges';
import { useContinuity } from './continuity-store';
import { showDate } from '../../app/dates';
import { PlanCard, PlanDialog } from './plans-section';
import { ReadinessAside } from './readiness-panel';

export function ScenarioPlans({ overview }: { overview: ContinuityOverview }) {
  const open = useContinuity((s) => s.openScenarioPlan);
  const [adding, setAdding] = useState(false);
  const plans = overview.scenarioPlans;
  return (
    <section className="panel cont-card cont-scenarios" aria-label="Scenario plans">
      <header className="panel-header">
        <h3>
          Scenario plans <span className="muted">{plans.length > 0 ? plans.length : ''}</span>
        </h3>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add scenario plan
        </button>
      </header>
      {plans.length === 0 ? (
        <p className="muted">
          None yet. A scenario plan covers a disruption of the whole company rather than one process — the loss of the main site, of IT, of a key supplier or
          of key people.
        </p>
      ) : (
        <table className="data-table cont-scenario-table" aria-label="Scenario plans">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Scenario</th>
              <th scope="col" className="num">
                Steps
              </th>
              <th scope="col" className="num">
                Call tree
              </th>
              <th scope="col">Last exercised</th>
              <th scope="col">Readiness</th>
              <th scope="col">Gaps</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id} data-scenario-plan={p.name}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(p.id)}>
                    {p.name}
                  </button>
                </th>
                <td>{p.scenario ? planScenarioLabels[p.scenario] : '—'}</td>
                <td className="num">{p.stepCount}</td>
                <td className="num">{p.callTreeCount}</td>
                <td>{p.lastExercisedOn ? showDate(p.lastExercisedOn) : 'never'}</td>
                <td>
                  <ScoreChip score={p.readiness.score} gaps={p.readiness.gaps} />
                </td>
                <td>
                  <GapBadges gaps={p.readiness.gaps} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding ? <PlanDialog plan={null} processId={null} defaultName="" onClose={() => setAdding(false)} /> : null}
    </section>
  );
}

/** One scenario plan: the plan card (steps, call tree, exercises) beside its readiness. */
export function ScenarioPlanPage({ planId, overview }: { planId: string; overview: ContinuityOverview | null }) {
  const open = useContinuity((s) => s.openScenarioPlan);
  const query = useQuery('continuity.plan', { id: planId });
  const summary = overview?.scenarioPlans.find((p) => p.id === planId);
  // Deleted (here, by undo, or tied to a process since): back to the lists.
  const gone = overview !== null && summary === undefined;
  useEffect(() => {
    if (gone) open(null);
  }, [gone, open]);
  const plan = query.data;
  return (
    <div className="cont-process">
      <div className="cont-process-head">
        <button type="button" className="button ghost" onClick={() => open(null)}>
          <span aria-hidden="true">←</span> All processes
        </button>
        {plan ? (
          <h2 className="cont-process-title">
            {plan.name} <span className="badge neutral">{plan.scenario ? planScenarioLabels[plan.scenario] : 'Scenario plan'}</span>
          </h2>
        ) : null}
      </div>
      <ErrorBanner message={gone ? null : query.error} />
      {!plan && query.loading ? <p className="loading">Loading…</p> : null}
      {plan ? (
        <div className="cont-process-layout">
          <div className="cont-process-main">
            <section className="panel cont-card" aria-label="Plans">
              <PlanCard plan={plan} />
            </section>
          </div>
          {summary ? <ReadinessAside readiness={summary.readiness} none="✓ No gaps found: reviewed, exercised, and everyone on it is covered and still with the company." /> : null}
        </div>
      ) : null}
    </div>
  );
}
