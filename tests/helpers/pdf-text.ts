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

/** The page whose items include `title` as a section heading. */
export function sectionPage(pages: PdfPage[], title: string): PdfPage {
  const page = pages.find((p) => p.items[2] === title);
  if (!page) throw new Error(`no page starts the section "${title}"`);
  return page;
}

/** The row that starts with the department's name (top rows print name and code as two runs, children as one). */
export function rowItems(page: PdfPage, d: { name: string; code: string }, count: number): string[] {
  const at = page.items.findIndex((s, i) => s === `${d.name} ${d.code}` || (s === d.name && page.items[i + 1] === d.code));
  if (at < 0) throw new Error(`no row for ${d.name} on the page: ${page.text.slice(0, 300)}`);
  const start = page.items[at] === d.name ? at + 2 : at + 1;
  return page.items.slice(start, start + count).filter((s) => s !== 'F' && s !== 'U');
}
