/**
 * One critical process: its fields and objectives, the impact analysis, what it depends on,
 * its plans (steps, call tree, exercises) and the readiness gaps with their fixes.
 */
import { useState } from 'react';
import { call, useQuery } from '../../api';
import { change } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
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

  return (
    <div className="cont-process">
      <div className="cont-process-head">
        <button type="button" className="button ghost" onClick={() => openProcess(null)}>
          <span aria-hidden="true">←</span> All processes
        </button>
        {detail ? (
          <>
            <h2 className="cont-process-title">
              {detail.process.name} <span className={`cont-tier tier-${detail.process.tier}`}>Tier {detail.process.tier}</span>
            </h2>
            <span className="cont-process-score" aria-label="Readiness">
              Readiness <ScoreChip score={detail.readiness.score} />
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
            <ProcessFields detail={detail} />
            <BiaGrid detail={detail} />
            <DependenciesPanel detail={detail} />
            <PlansSection detail={detail} />
          </div>
          <ReadinessPanel detail={detail} />
        </div>
      ) : null}
      {deleting && detail ? (
        <ConfirmDialog
          label="Delete process"
          message={`Delete ${detail.process.name} with its impact analysis, dependencies and its own plans? You can undo this.`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            const result = await change(() => call('continuity.deleteProcess', { id: detail.process.id }), { quiet: true, done: `Deleted ${detail.process.name}` });
            if (result.ok) openProcess(null);
            return result.ok ? null : result.message;
          }}
        />
      ) : null}
    </div>
  );
}
