/**
 * Reads a PDF the way a test needs to: the text items of each page, in drawing order, with
 * pdfjs-dist (no browser). Tests compare the figures printed with the figures the services return.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** Each text run as drawn, trimmed, empty ones dropped. */
  items: string[];
  /** The runs joined with single spaces. */
  text: string;
  width: number;
  height: number;
}

export async function pdfPages(bytes: Uint8Array | Buffer): Promise<PdfPage[]> {
  const data = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items
      .map((item) => ('str' in item ? item.str.trim() : ''))
      .filter((s) => s !== '');
    pages.push({ items, text: items.join(' '), width: viewport.width, height: viewport.height });
  }
  await doc.destroy();
  return pages;
}

/** The items that follow the first item equal to `label` on the page (e.g. a row's figures after its name). */
export function itemsAfter(page: PdfPage, label: string, count: number): string[] {
  const at = page.items.indexOf(label);
  if (at < 0) throw new Error(`"${label}" is not on the page: ${page.text.slice(0, 400)}`);
  return page.items.slice(at + 1, at + 1 + count);
}
