/**
 * pdf.js, for the board pack preview. Loaded on first use (it is large and only this view needs
 * it) and run with its worker bundled beside the app: no network, and nothing the CSP has to
 * loosen. The worker is created here from a same-origin URL, which script-src 'self' already
 * allows (worker-src falls back to it); pdf.js's own start-up would wrap a URL it judges
 * cross-origin — as it may judge the desktop app's custom scheme — in a blob: URL that the CSP
 * refuses. One worker serves every document, so a new preview does not wait for a new worker.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfDocument = PDFDocumentProxy;

interface Loaded {
  lib: typeof PdfJs;
  worker: PDFWorker;
}

let loading: Promise<Loaded> | null = null;

function load(): Promise<Loaded> {
  loading ??= import('pdfjs-dist')
    .then((lib) => {
      const port = new Worker(new URL(workerUrl, window.location.href), { type: 'module', name: 'pdf.js' });
      // verbosity 0: errors only; pdf.js's warnings (a missing optional font table, say) go to
      // console.log and would only be noise.
      return { lib, worker: lib.PDFWorker.create({ port, verbosity: 0 }) };
    })
    .catch((err: unknown) => {
      // Try again next time rather than remember a failure for the rest of the session.
      loading = null;
      throw err;
    });
  return loading;
}

/** Opens PDF bytes (handed to the worker; the array is unusable afterwards). */
export async function openPdf(bytes: Uint8Array<ArrayBuffer>): Promise<PdfDocument> {
  const { lib, worker } = await load();
  const task = lib.getDocument({
    data: bytes,
    worker,
    verbosity: 0,
    // The CSP has no 'unsafe-eval': without this pdf.js probes with new Function, which the
    // page would report as a CSP violation, and then falls back to this anyway.
    isEvalSupported: false,
    // Everything is inside the file (the pack embeds its fonts); nothing is fetched.
    useWorkerFetch: false,
    enableXfa: false,
  });
  return task.promise;
}

/** The page sizes in PDF points, read up front so the preview can lay out every page before drawing any. */
export async function pageSizes(doc: PdfDocument): Promise<{ width: number; height: number }[]> {
  const sizes: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    sizes.push({ width, height });
  }
  return sizes;
}
