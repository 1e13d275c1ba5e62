/**
 * Text at the boundary: every string a reader hands on is well-formed (no lone surrogate, which
 * SQLite would store as bytes that are not UTF-8), in Unicode NFC (so "Chloé" typed with a
 * combining accent matches "Chloé" typed precomposed) and no longer than a cell may be — and
 * whatever was changed on the way is said, naming the cell or line, never done silently.
 */
import { isWellFormed, toWellFormed } from '../../../../shared/text';

/** Something the reader changed or doubted while reading; the preview lists them as warnings. */
export interface ReadWarning {
  /** Where: "budget.xlsx!Budget!D7", "actuals.csv!B12", or "actuals.csv line 12". */
  ref: string;
  message: string;
}

/** How a CSV's encoding was decided, for the preview to show beside the choice. */
export interface EncodingEvidence {
  /**
   * ascii: no byte above 127, any encoding reads it the same. utf-8: every multi-byte sequence is
   * valid UTF-8. bom: a UTF-8 byte-order mark says so. mostly-utf-8: valid UTF-8 sequences
   * outnumber the bytes that are not; those bytes were read one by one as Windows-1252.
   * windows-1252: bytes that are not UTF-8, and no more valid sequences than them. chosen: the
   * user (or a flag) chose the encoding.
   */
  reason: 'ascii' | 'utf-8' | 'bom' | 'mostly-utf-8' | 'windows-1252' | 'chosen';
  /** Valid UTF-8 multi-byte sequences (characters beyond ASCII written as UTF-8). */
  utf8Sequences: number;
  /** Bytes that are not part of any valid UTF-8 sequence. */
  invalidBytes: number;
  /** 1-based lines holding those bytes, the first few only (see maxListed). */
  invalidLines: number[];
}

/** Warnings of one kind listed one by one before the rest are counted in one line. */
export const maxListedWarnings = 20;

/**
 * Collects a read's warnings, at most `maxListedWarnings` of each kind: a file with a million
 * over-long cells gets twenty named and one line for the rest, not a million warnings.
 */
export class ReadWarnings {
  readonly list: ReadWarning[] = [];
  private readonly counts = new Map<string, number>();
  private readonly summaries = new Map<string, (more: number) => ReadWarning>();

  add(kind: string, warning: () => ReadWarning, summary: (more: number) => ReadWarning): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= maxListedWarnings) this.list.push(warning());
    else this.summaries.set(kind, summary);
  }

  /** The warnings, with one closing line per kind that had more than could be listed. */
  done(): ReadWarning[] {
    const out = [...this.list];
    for (const [kind, summary] of this.summaries) out.push(summary((this.counts.get(kind) ?? 0) - maxListedWarnings));
    return out;
  }
}

/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair (an
 * emoji, a rare CJK character): the result never ends in half a character.
 */
export function cutAtCodePoint(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A cut for names and labels: the text and whether anything was left out (so the caller can warn). */
export function clipText(text: string, max: number): { text: string; clipped: boolean } {
  const clipped = cutAtCodePoint(text, max);
  return { text: clipped, clipped: clipped.length < text.length };
}

/**
 * Characters that NFC may change or combine with what precedes them: combining marks, Hangul
 * vowel and final jamo, and the code points NFC replaces outright (a superset is harmless: it
 * only costs a normalize() that changes nothing). Text with none of them is already NFC, so the
 * costly normalize() is skipped for almost every cell.
 */
const mayChangeUnderNfc =
  /[\p{M}\u0340-\u0344\u0374\u037e\u0387\u0958-\u095f\u09dc-\u09df\u0a33-\u0a5e\u0b5c\u0b5d\u0f43-\u0f78\u1161-\u1175\u11a8-\u11c2\u1f71-\u1ffd\u2000\u2001\u2126\u212a\u212b\u2329\u232a\u2adc\uf900-\ufaff\ufb1d-\ufb4e\u{1d15e}-\u{1d1c0}\u{2f800}-\u{2fa1d}]/u;

/** `text` in NFC, cheaply when it already is. */
export function toNfc(text: string): string {
  return mayChangeUnderNfc.test(text) ? text.normalize('NFC') : text;
}

/** Code points replaced because they were half of a surrogate pair with no other half. */
export function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else n++;
    } else if (c >= 0xdc00 && c <= 0xdfff) n++;
  }
  return n;
}

export interface CellTextRules {
  /** The most UTF-16 units a cell keeps (Excel's own limit is 32,767). */
  maxCellChars: number;
}

/**
 * One cell's text as the reader hands it on: lone surrogates replaced by U+FFFD, NFC, cut to
 * `maxCellChars` at a character boundary. `warn` is called for each change worth saying.
 */
export function cleanCellText(text: string, rules: CellTextRules, warn: (kind: 'broken-text' | 'cut', detail: { lone: number; length: number }) => void): string {
  let out = text;
  if (out.length > rules.maxCellChars) {
    warn('cut', { lone: 0, length: out.length });
    out = cutAtCodePoint(out, rules.maxCellChars);
  }
  if (!isWellFormed(out)) {
    warn('broken-text', { lone: loneSurrogates(out), length: out.length });
    out = toWellFormed(out);
  }
  out = toNfc(out);
  // NFC may lengthen a little (a few characters decompose): the cut holds after it too.
  return out.length > rules.maxCellChars ? cutAtCodePoint(out, rules.maxCellChars) : out;
}
