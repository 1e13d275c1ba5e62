/**
 * One critical process: its fields and objectives, the impact analysis, what it depends on,
 * its plans (steps, call tree, exercises) and the readiness gaps with their fixes.
 */
import { useState } from 'react';
import type { ProcessDetail } from '../../../../shared/continuity';
import { call, useQuery } from '../../api';
import { change, useApp } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { ScoreChip } from './badges';
import { BiaGrid } from './bia-grid';
import { useContinuity } from './continuity-store';
import { DependenciesPanel } from './dependencies-panel';
import { PlansSection } from './plans-section';
import { ProcessFields } from './process-fields';
import { ReadinessPanel } from './readiness-panel';

export function ProcessPage({ processId }: { processId: string }) {
  const query = useQuery('continuity.process', { id: processId });
  const openProcess = useContinuity((s) => s.openProcess);
  const [deleting, setDeleting] = useState(false);
  const detail = query.data;

  // Unsaved details stay in the continuity store; say so on the way out, with the way back.
  const backToList = () => {
    openProcess(null);
    const name = detail?.process.name;
    if (name && useContinuity.getState().processDrafts[processId]) {
      useApp.getState().toast('info', `Your unsaved changes to ${name} are kept: open it again to save or discard them.`, {
        label: `Open ${name}`,
        run: () => useContinuity.getState().openProcess(processId),
      });
    }
  };

  return (
    <div className="cont-process">
      <div className="cont-process-head">
        <button type="button" className="button ghost" onClick={backToList}>
          <span aria-hidden="true">←</span> All processes
        </button>
        {detail ? (
          <>
            <h2 className="cont-process-title">
              {detail.process.name} <span className={`cont-tier tier-${detail.process.tier}`}>Tier {detail.process.tier}</span>
            </h2>
            <span className="cont-process-score" aria-label="Readiness">
              Readiness <ScoreChip score={detail.readiness.score} gaps={detail.readiness.gaps} />
            </span>
            <button type="button" className="button danger-text" onClick={() => setDeleting(true)}>
              Delete process
            </button>
          </>
        ) : null}
      </div>
      <ErrorBanner message={query.error} />
      {!detail && query.loading ? <p className="loading">Loading…</p> : null}
      {detail ? (
        <div className="cont-process-layout">
          <div className="cont-process-main">
            <ProcessFields key={detail.process.id} detail={detail} />
            <BiaGrid detail={detail} />
            <DependenciesPanel detail={detail} />
            <PlansSection detail={detail} />
          </div>
          <ReadinessPanel detail={detail} />
        </div>
      ) : null}
      {deleting && detail ? <DeleteProcessDialog detail={detail} onClose={() => setDeleting(false)} /> : null}
    </div>
  );
}

function inWords(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Says up front everything deleting the process touches, as core does it: refused while other
 * processes depend on it (so Delete stays disabled, with the reason); otherwise its impact
 * analysis, dependencies and own plans go, scenario plans stay, and risks lose their link to it.
 */
function DeleteProcessDialog({ detail, onClose }: { detail: ProcessDetail; onClose: () => void }) {
  const { process, dependents, dependencies, plans } = detail;
  const risks = useQuery('risks.list', {});
  const openProcess = useContinuity((s) => s.openProcess);
  const setProcessDraft = useContinuity((s) => s.setProcessDraft);
  const { busy, error, run } = useSubmitState();
  const blocked = dependents.length > 0;
  const linkedRisks = (risks.data?.risks ?? []).filter((r) => r.links.some((l) => l.kind === 'process' && l.targetId === process.id)).map((r) => r.title);
  const ownPlans = plans.filter((p) => p.scenario === null).map((p) => `"${p.name}"`);
  const keptPlans = plans.filter((p) => p.scenario !== null).map((p) => `"${p.name}"`);
  const goes = [
    'its impact analysis',
    ...(dependencies.length > 0 ? [`its ${dependencies.length === 1 ? 'dependency' : `${dependencies.length} dependencies`}`] : []),
    ...(ownPlans.length > 0 ? [`its ${ownPlans.length === 1 ? 'plan' : 'plans'} ${inWords(ownPlans)}`] : []),
  ];

  return (
    <Dialog
      label={`Delete ${process.name}`}
      onClose={onClose}
      submitLabel="Delete"
      danger
      // Core refuses while others depend on it; until the risks are read the list would be incomplete.
      busy={busy || blocked || (risks.data === null && risks.error === null)}
      error={error ?? (risks.error ? `The linked risks could not be read: ${risks.error}` : null)}
      onSubmit={() =>
        run(async () => {
          const result = await change(() => call('continuity.deleteProcess', { id: process.id }), { quiet: true, done: `Deleted ${process.name}` });
          if (!result.ok) return result.message;
          setProcessDraft(process.id, null);
          onClose();
          openProcess(null);
          return null;
        })
      }
    >
      {blocked ? (
        <p>
          {process.name} cannot be deleted while {inWords(dependents.map((d) => d.name))} {dependents.length === 1 ? 'depends' : 'depend'} on it.{' '}
          {dependents.length === 1 ? 'Remove that dependency on its page first.' : 'Remove those dependencies on their pages first.'}
        </p>
      ) : (
        <p>
          Delete {process.name} with {inWords(goes)}?{' '}
          {keptPlans.length > 0 ? `${inWords(keptPlans)} also ${keptPlans.length === 1 ? 'covers a scenario and stays' : 'cover scenarios and stay'}, as ${keptPlans.length === 1 ? 'a scenario plan' : 'scenario plans'}. ` : ''}
          {linkedRisks.length > 0 ? `${linkedRisks.length === 1 ? 'The risk below loses its' : `The ${linkedRisks.length} risks below lose their`} link to it, and stay in the register. ` : ''}
          You can undo this.
        </p>
      )}
      {blocked || linkedRisks.length > 0 ? (
        <div className="cont-usage" role="group" aria-label={`What deleting ${process.name} touches`}>
          {blocked ? <UsageGroup label="Depend on it" names={dependents.map((d) => d.name)} /> : null}
          {linkedRisks.length > 0 ? <UsageGroup label="Linked risks" names={linkedRisks} /> : null}
        </div>
      ) : null}
      {risks.data === null && risks.error === null ? <p className="muted">Checking which risks are linked to it…</p> : null}
      {!blocked && risks.data !== null && linkedRisks.length === 0 ? <p className="muted">No risk is linked to it.</p> : null}
    </Dialog>
  );
}

/** A label and its names, one group under another (a list, since a risk title can be long). */
function UsageGroup({ label, names }: { label: string; names: string[] }) {
  return (
    <div className="cont-usage-group">
      <span className="muted">{label}</span>
      <ul aria-label={label}>
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
