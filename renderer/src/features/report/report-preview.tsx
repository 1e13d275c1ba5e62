import { useEffect, useRef, useState, type RefObject } from 'react';
import type { RenderingCancelledException } from 'pdfjs-dist';
import type { PdfDocument } from './pdf-document';
import { pageBox, renderScale } from './report-logic';
import type { Preview } from './use-report-preview';

/** Pages further than this from the visible part of the column are drawn only when scrolled near. */
const lookAheadPx = 900;
/** Wider pages are no easier to read; the column centres them. */
const maxPageWidth = 720;
const columnPadding = 48;

/** Watches the column's width, in whole pixels, so a resize redraws the pages at the new size. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface PreviewPagesProps {
  preview: Preview | null;
  rendering: boolean;
}

/**
 * The pack's pages as a scrollable column of canvases, each numbered. Every page gets its box
 * at once (no jump as pages arrive); a page is drawn when it scrolls near the visible part.
 */
export function PreviewPages({ preview, rendering }: PreviewPagesProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const columnWidth = useWidth(scroller);
  const pageWidth = Math.max(120, Math.min(maxPageWidth, columnWidth - columnPadding));

  const jumpTo = (page: number) => {
    const target = scroller.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    target?.focus({ preventScroll: true });
  };

  return (
    <section className="report-preview" aria-label="Preview" aria-busy={rendering}>
      <header className="preview-bar">
        <h2>Preview</h2>
        <span className="muted preview-meta">
          {preview ? `${preview.report.periodLabel} · ${preview.report.pages} ${preview.report.pages === 1 ? 'page' : 'pages'}` : ''}
        </span>
        <span className="preview-status" role="status">
          {rendering ? (
            <>
              <span className="spinner" aria-hidden="true" /> Rendering…
            </>
          ) : preview ? (
            `Rendered in ${(preview.report.ms / 1000).toFixed(1)} s`
          ) : (
            ''
          )}
        </span>
      </header>
      {preview && preview.report.sections.length > 0 ? (
        <nav className="preview-contents" aria-label="Sections in the preview">
          {preview.report.sections.map((s) => (
            <button key={s.id} type="button" className="link-button" onClick={() => jumpTo(s.page)}>
              {s.title} <span className="muted">p. {s.page}</span>
            </button>
          ))}
        </nav>
      ) : null}
      <div ref={scroller} className={rendering && preview ? 'preview-scroll stale' : 'preview-scroll'} tabIndex={0} role="region" aria-label="Pages">
        {preview && columnWidth > 0 ? (
          preview.sizes.map((size, i) => (
            <PdfPage key={i} doc={preview.doc} number={i + 1} count={preview.sizes.length} size={size} width={pageWidth} root={scroller} />
          ))
        ) : rendering ? (
          <p className="preview-empty muted">Rendering the first preview…</p>
        ) : null}
      </div>
    </section>
  );
}

interface PdfPageProps {
  doc: PdfDocument;
  number: number;
  count: number;
  /** PDF points. */
  size: { width: number; height: number };
  /** CSS pixels. */
  width: number;
  root: RefObject<HTMLElement | null>;
}

function isCancelled(err: unknown): err is RenderingCancelledException {
  return err instanceof Error && err.name === 'RenderingCancelledException';
}

/**
 * One page. It draws into a canvas of its own first and copies that onto the visible one when
 * done, so the previous preview's page stays in view until the new one is ready.
 */
function PdfPage({ doc, number, count, size, width, root }: PdfPageProps) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState<{ doc: PdfDocument; width: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const box = pageBox(size, width);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry?.isIntersecting ?? false), {
      root: root.current,
      rootMargin: `${lookAheadPx}px 0px`,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [root]);

  const upToDate = drawn?.doc === doc && drawn.width === box.width;
  // Far from view, a page gives its pixels back (a long pack at 2x would otherwise hold hundreds
  // of megabytes); its box keeps its size, so nothing moves, and it is drawn again on the way back.
  useEffect(() => {
    const target = canvas.current;
    if (near || !target || target.width === 0) return;
    target.width = 0;
    target.height = 0;
    setDrawn(null);
  }, [near]);

  useEffect(() => {
    if (!near || upToDate) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    void (async () => {
      try {
        const page = await doc.getPage(number);
        if (cancelled) return;
        const viewport = page.getViewport({ scale: renderScale(size.width, box.width, window.devicePixelRatio) });
        const offscreen = document.createElement('canvas');
        offscreen.width = Math.ceil(viewport.width);
        offscreen.height = Math.ceil(viewport.height);
        task = page.render({ canvas: offscreen, viewport, background: '#ffffff' });
        await task.promise;
        const target = canvas.current;
        if (cancelled || !target) return;
        target.width = offscreen.width;
        target.height = offscreen.height;
        target.getContext('2d')?.drawImage(offscreen, 0, 0);
        setDrawn({ doc, width: box.width });
        setFailed(false);
      } catch (err) {
        // Cancelled (a newer preview or size) or the document was replaced and freed meanwhile.
        if (cancelled || isCancelled(err)) return;
        setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, near, upToDate, number, size.width, box.width]);

  return (
    <figure
      ref={frame}
      className="preview-page"
      data-page={number}
      data-rendered={upToDate ? 'true' : 'false'}
      tabIndex={-1}
      aria-label={`Page ${number} of ${count}`}
    >
      <canvas ref={canvas} style={{ width: box.width, height: box.height }} aria-hidden="true" />
      {failed ? <p className="preview-page-error">This page could not be drawn.</p> : null}
      <figcaption className="muted">
        {number} / {count}
      </figcaption>
    </figure>
  );
}
