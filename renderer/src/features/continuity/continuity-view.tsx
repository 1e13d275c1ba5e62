/**
 * Continuity: the critical processes with their readiness, a page per process (impact
 * analysis, dependencies, plans, call tree, exercises, gaps), the vendor and asset register,
 * the dependency map and the settings — tabs inside one view.
 */
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import '../../styles/continuity.css';
import { ScoreChip } from './badges';
import { useContinuity, type ContinuityTab } from './continuity-store';
import { GoBagDialog } from './go-bag-dialog';
import type { GoBagScope } from './go-bag-request';
import { ProcessList } from './process-list';
import { ProcessPage } from './process-page';
import { RegisterView } from './register-view';
import { ScenarioPlanPage } from './scenario-plans';
import { SettingsPanel } from './settings-panel';

// The map brings @xyflow/react (and ELK, loaded by the map itself): only fetched when opened.
const DependencyMapView = lazy(() => import('./dependency-map').then((m) => ({ default: m.DependencyMapView })));

const tabs: { id: ContinuityTab; label: string }[] = [
  { id: 'processes', label: 'Processes' },
  { id: 'register', label: 'Vendors, systems & sites' },
  { id: 'map', label: 'Dependency map' },
  { id: 'settings', label: 'Settings' },
];

function Tabs() {
  const tab = useContinuity((s) => s.tab);
  const setTab = useContinuity((s) => s.setTab);
  const list = useRef<HTMLDivElement>(null);
  // WAI-ARIA tabs: arrows move between tabs (and show them), Tab leaves the list.
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const i = (next + tabs.length) % tabs.length;
    const target = tabs[i];
    if (!target) return;
    setTab(target.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[i]?.focus();
  };
  return (
    <div ref={list} className="cont-tabs" role="tablist" aria-label="Continuity sections" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`cont-tab-${t.id}`}
          aria-selected={t.id === tab}
          aria-controls="cont-tabpanel"
          tabIndex={t.id === tab ? 0 : -1}
          className={t.id === tab ? 'cont-tab active' : 'cont-tab'}
          onClick={() => setTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ContinuityView() {
  const tab = useContinuity((s) => s.tab);
  const processId = useContinuity((s) => s.processId);
  const overview = useQuery('continuity.overview', {});
  const data = overview.data;
  const [printing, setPrinting] = useState(false);
  const scenarioPlanId = useContinuity((s) => s.scenarioPlanId);
  // On a process page with plans, or a scenario plan's page, "Print go-bag…" offers those plans first.
  const shown = tab === 'processes' && processId ? data?.processes.find((p) => p.id === processId) : undefined;
  const scenario = tab === 'processes' && scenarioPlanId ? data?.scenarioPlans.find((p) => p.id === scenarioPlanId) : undefined;
  const openProcessScope: GoBagScope | null = scenario
    ? { kind: 'plan', planId: scenario.id, name: scenario.name }
    : shown && shown.planCount > 0
      ? { kind: 'process', processId: shown.id, name: shown.name }
      : null;

  return (
    <section className="view continuity-view" aria-label="Continuity">
      <header className="view-header">
        <div className="view-title">
          <h1>Business continuity</h1>
          <p className="view-subtitle">
            {data
              ? [
                  count(data.counts.processes, 'critical process', 'critical processes'),
                  count(data.counts.plans, 'plan', 'plans'),
                  `${count(data.counts.gaps, 'gap', 'gaps')} in ${count(data.counts.processesWithGaps, 'process', 'processes')}`,
                  `${count(data.counts.exercisesDue, 'exercise', 'exercises')} due`,
                ].join(' · ')
              : 'Critical processes, impact analysis, plans and readiness.'}
          </p>
        </div>
        <div className="cont-overall" aria-label="Overall readiness">
          <span className="cont-overall-label">Overall readiness</span>
          <ScoreChip score={data?.overallScore ?? null} gaps={data?.processes.flatMap((p) => p.readiness.gaps)} large />
        </div>
        <button type="button" className="button" onClick={() => setPrinting(true)} disabled={!data || data.counts.plans === 0} title={data && data.counts.plans === 0 ? 'Add a plan first' : undefined}>
          Print go-bag…
        </button>
      </header>
      {printing ? <GoBagDialog scope={openProcessScope ?? { kind: 'workspace' }} onClose={() => setPrinting(false)} /> : null}
      <Tabs />
      <ErrorBanner message={overview.error} />
      <div id="cont-tabpanel" role="tabpanel" aria-labelledby={`cont-tab-${tab}`} className="cont-panel">
        {tab === 'processes' ? (
          scenarioPlanId ? (
            <ScenarioPlanPage planId={scenarioPlanId} overview={data} />
          ) : processId ? (
            <ProcessPage processId={processId} />
          ) : (
            <ProcessList overview={data} loading={overview.loading} />
          )
        ) : null}
        {tab === 'register' ? <RegisterView /> : null}
        {tab === 'map' ? (
          <Suspense fallback={<p className="loading">Loading the map…</p>}>
            <DependencyMapView />
          </Suspense>
        ) : null}
        {tab === 'settings' ? <SettingsPanel /> : null}
      </div>
    </section>
  );
}
