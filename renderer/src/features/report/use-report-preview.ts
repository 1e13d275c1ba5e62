import { useEffect, useRef, useState } from 'react';
import type { RenderedReport, ReportOptions } from '../../../../shared/report';
import { bytesOf, call, errorMessage, useRevision } from '../../api';
import { openPdf, pageSizes, type PdfDocument } from './pdf-document';
import { LatestOnly } from './report-logic';

/** A pack takes a moment to render; wait until the user has stopped changing options. */
export const previewDebounceMs = 600;
/** A large workspace's pack can take longer than a query's usual deadline. */
export const renderTimeoutMs = 120_000;

export interface Preview {
  report: RenderedReport;
  doc: PdfDocument;
  /** Page sizes in PDF points, one per page. */
  sizes: { width: number; height: number }[];
  /** The options and workspace revision it was rendered for. */
  key: string;
}

export interface PreviewState {
  /** The last preview that arrived; kept while a newer one renders. */
  preview: Preview | null;
  rendering: boolean;
  error: string | null;
}

/** What a preview was rendered for: the options and the workspace's revision. */
export function previewKey(options: ReportOptions, revision: number): string {
  return `${JSON.stringify(options)}@${revision}`;
}

/**
 * Renders the pack for `options` (null: not yet) shortly after they stop changing, and again
 * when the workspace changes. The previous preview stays up until the new one is ready, and an
 * answer overtaken by a newer request is dropped.
 */
export function useReportPreview(options: ReportOptions | null): PreviewState {
  const revision = useRevision('report.render');
  const key = options ? previewKey(options, revision) : '';
  const [state, setState] = useState<PreviewState>({ preview: null, rendering: options !== null, error: null });
  const turn = useRef(new LatestOnly());
  const hasPreview = state.preview !== null;

  useEffect(() => {
    const latest = turn.current;
    if (key === '') {
      latest.cancel();
      return;
    }
    const input = JSON.parse(key.slice(0, key.lastIndexOf('@'))) as ReportOptions;
    setState((s) => ({ ...s, rendering: true }));
    // The first preview is not kept waiting; later ones wait for the typing to stop.
    const timer = setTimeout(
      () => {
        const ticket = latest.next();
        void (async () => {
          try {
            const report = await call('report.render', input, { timeoutMs: renderTimeoutMs });
            if (!latest.isCurrent(ticket)) return;
            const doc = await openPdf(bytesOf(report.base64));
            const sizes = await pageSizes(doc);
            if (!latest.isCurrent(ticket)) {
              void doc.destroy();
              return;
            }
            setState({ preview: { report, doc, sizes, key }, rendering: false, error: null });
          } catch (err) {
            if (!latest.isCurrent(ticket)) return;
            setState((s) => ({ ...s, rendering: false, error: err instanceof Error && !('code' in err) ? `The preview could not be drawn: ${err.message}` : errorMessage(err) }));
          }
        })();
      },
      hasPreview ? previewDebounceMs : 0,
    );
    return () => clearTimeout(timer);
    // hasPreview only picks the delay; it must not start a render of its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // A replaced (or, on leaving the view, the last) document frees its worker-side memory.
  const doc = state.preview?.doc;
  useEffect(() => () => void doc?.destroy(), [doc]);

  // Leaving the view: answers still on their way are not wanted.
  useEffect(() => {
    const latest = turn.current;
    return () => latest.cancel();
  }, []);

  return state;
}
