import type { RenderedReport, ReportOptions } from '../../../../shared/report';
import { call, canShowInFolder, errorMessage } from '../../api';
import { revealSaved, saveExport } from '../export/save-export';
import { exportStatus, LatestOnly } from './report-logic';
import { isCommentaryDirty, saveCommentary, useReport } from './report-store';
import { renderTimeoutMs } from './use-report-preview';

// Cancel drops the answer of the render on its way; the workspace cannot stop a render midway,
// but nothing is saved and the button is free again at once.
const exportTurn = new LatestOnly();

/** The period whose commentary the pack prints, and its label for the "saved" toast. */
export interface CommentaryPeriod {
  period: string;
  label: string;
}

/**
 * Renders the pack and saves it. `ready` is the preview's render when it was made for exactly
 * these options and this state of the workspace: the bytes would be identical (rendering is
 * deterministic), so it is saved as is. Commentary still being typed is saved first (the pack
 * prints what the workspace holds, so an unsaved draft would silently be left out); if that save
 * fails, nothing is exported.
 */
export async function exportPdf(options: ReportOptions, ready: RenderedReport | null, commentary: CommentaryPeriod): Promise<void> {
  const { setExportPhase } = useReport.getState();
  const phase = useReport.getState().exportPhase.step;
  if (phase === 'rendering' || phase === 'saving') return;
  const ticket = exportTurn.next();
  try {
    let report = ready;
    if (isCommentaryDirty(useReport.getState(), commentary.period)) {
      setExportPhase({ step: 'rendering' });
      const saved = await saveCommentary(commentary.period, commentary.label);
      if (!exportTurn.isCurrent(ticket)) return;
      if (!saved) {
        setExportPhase({ step: 'failed', message: 'The commentary could not be saved, so the pack was not exported. Save it, then export again.' });
        return;
      }
      // The preview was drawn before the commentary was saved.
      report = null;
    }
    if (!report) {
      setExportPhase({ step: 'rendering' });
      report = await call('report.render', options, { timeoutMs: renderTimeoutMs });
      if (!exportTurn.isCurrent(ticket)) return;
    }
    setExportPhase({ step: 'saving', pages: report.pages, fileName: report.fileName });
    const saved = await saveExport(report.fileName, report.base64, 'board pack');
    if (!exportTurn.isCurrent(ticket)) return;
    setExportPhase(
      saved.saved
        ? { step: 'saved', pages: report.pages, fileName: report.fileName, path: saved.path ?? null }
        : { step: 'cancelled', pages: report.pages, fileName: report.fileName },
    );
  } catch (err) {
    if (exportTurn.isCurrent(ticket)) setExportPhase({ step: 'failed', message: errorMessage(err) });
  }
}

function cancelExport(): void {
  exportTurn.cancel();
  useReport.getState().setExportPhase({ step: 'idle' });
}

interface ExportPanelProps {
  options: ReportOptions | null;
  ready: RenderedReport | null;
  commentary: CommentaryPeriod;
}

/** "Export PDF", its progress (rendering → saving, with the page count) and, on the desktop, "Show in folder". */
export function ExportPanel({ options, ready, commentary }: ExportPanelProps) {
  const phase = useReport((s) => s.exportPhase);
  const busy = phase.step === 'rendering' || phase.step === 'saving';
  const status = exportStatus(phase);
  return (
    <div className="export-panel" aria-busy={busy}>
      <div className="export-row">
        <button type="button" className="button primary" disabled={!options || busy} onClick={() => options && void exportPdf(options, ready, commentary)}>
          {busy ? 'Exporting…' : 'Export PDF'}
        </button>
        {phase.step === 'rendering' ? (
          <button type="button" className="button" onClick={cancelExport}>
            Cancel
          </button>
        ) : null}
        {phase.step === 'saved' && phase.path && canShowInFolder() ? (
          <button type="button" className="button" onClick={() => phase.path && revealSaved(phase.path)}>
            Show in folder
          </button>
        ) : null}
      </div>
      <ol className="export-steps" aria-label="Export progress">
        <li className={stepClass(phase.step, 'rendering')}>Render</li>
        <li className={stepClass(phase.step, 'saving')}>Save</li>
      </ol>
      {/* Always in the layout, so a status appearing does not push anything down. */}
      <p className={phase.step === 'failed' ? 'export-status error' : 'export-status'} role={phase.step === 'failed' ? 'alert' : 'status'}>
        {status || '\u00a0'}
      </p>
    </div>
  );
}

const order = ['idle', 'rendering', 'saving', 'saved'] as const;

function stepClass(current: string, step: 'rendering' | 'saving'): string | undefined {
  if (current === step) return 'current';
  const at = order.indexOf(current as (typeof order)[number]);
  return at > order.indexOf(step) ? 'done' : undefined;
}
