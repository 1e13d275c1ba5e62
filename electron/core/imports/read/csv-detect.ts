/**
 * Guessing how a CSV was written. Excel saves "CSV" in the machine's code page (Windows-1252 in
 * Western Europe) unless told UTF-8, and in decimal-comma countries it separates with ";".
 * Every guess is reported in WorkbookData.csv so the preview can show it and let the user change it.
 */
import { isAscii } from 'node:buffer';
import { maxListedWarnings, type EncodingEvidence } from './text';

export type CsvEncoding = 'utf-8' | 'windows-1252';

const utf8Bom = [0xef, 0xbb, 0xbf];

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  evidence: EncodingEvidence;
}

/**
 * Decides a CSV's encoding on evidence from the whole file, and decodes it. Valid UTF-8 multi-byte
 * sequences are counted against bytes that cannot be UTF-8: a file that is UTF-8 but for a few
 * bytes (a name pasted from an old system) is read as UTF-8, each stray byte read on its own as
 * Windows-1252 and its line reported; a file with more stray bytes than valid sequences is
 * Windows-1252 (Excel's "CSV" in Western Europe). Nothing is replaced by "�" unless the user
 * forces UTF-8.
 */
export function decodeCsvText(bytes: Uint8Array, forced?: CsvEncoding): DecodedCsv {
  const hasBom = utf8Bom.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (forced === 'windows-1252') {
    return { text: decodeWindows1252(body), encoding: forced, evidence: { reason: 'chosen', ...scanUtf8(body) } };
  }
  if (forced) {
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', evidence: { reason: 'chosen', ...scanUtf8(body) } };
  }
  if (isAscii(body)) {
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', evidence: { reason: hasBom ? 'bom' : 'ascii', utf8Sequences: 0, invalidBytes: 0, invalidLines: [] } };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, encoding: 'utf-8', evidence: { reason: hasBom ? 'bom' : 'utf-8', utf8Sequences: countLeadBytes(body), invalidBytes: 0, invalidLines: [] } };
  } catch {
    // Some bytes are not UTF-8: weigh them against the valid sequences.
  }
  const counts = scanUtf8(body);
  if (hasBom || counts.utf8Sequences >= counts.invalidBytes) {
    return { text: decodeMixed(body), encoding: 'utf-8', evidence: { reason: hasBom ? 'bom' : 'mostly-utf-8', ...counts } };
  }
  return { text: decodeWindows1252(body), encoding: 'windows-1252', evidence: { reason: 'windows-1252', ...counts } };
}

/** Lead bytes of multi-byte sequences, in a file known to be valid UTF-8. */
function countLeadBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc2) n++;
  return n;
}

/** The length of the valid UTF-8 sequence starting at `i` (a byte ≥ 0x80), or 0 when there is none. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    // No overlong forms (E0 80–9F) and no surrogates (ED A0–BF).
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Every byte above ASCII, sorted into valid UTF-8 sequences and bytes that are not (with their lines). */
function scanUtf8(bytes: Uint8Array): Omit<EncodingEvidence, 'reason'> {
  let utf8Sequences = 0;
  let invalidBytes = 0;
  const invalidLines: number[] = [];
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      utf8Sequences++;
      i += n;
    } else {
      invalidBytes++;
      if (invalidLines.length < maxListedWarnings && invalidLines[invalidLines.length - 1] !== line) invalidLines.push(line);
      i++;
    }
  }
  return { utf8Sequences, invalidBytes, invalidLines };
}

/** UTF-8, except each byte that is not part of a valid sequence, read on its own as Windows-1252. */
function decodeMixed(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(from, i)), decodeWindows1252(bytes.subarray(i, i + 1)));
    from = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(from)));
  return parts.join('');
}

// Windows-1252 is Latin-1 except 0x80–0x9F, where it puts € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™
// š › œ ž Ÿ. Node 20's TextDecoder('windows-1252') decodes those bytes as Latin-1 control
// characters, which would turn "€" into U+0080, so the range is mapped here.
const high1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => high1252[ch.charCodeAt(0) - 0x80]!);
}

// Number-like cells, once currency signs, spaces, brackets and signs are set aside. Only
// unambiguous shapes count: "1,234" and "1.234" could be either convention.
const commaDecimal = /^(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,(?:\d{1,2}|\d{4,}))$/;
const pointDecimal = /^(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.(?:\d{1,2}|\d{4,}))$/;
const decoration = /[\s\u00a0€$£¥()+-]|EUR|USD|GBP|CHF/g;

/**
 * True when the file's numbers are written "1.234,50": decided only for files not separated by
 * commas (a comma file cannot use bare decimal commas), by which convention more cells show.
 */
export function detectDecimalComma(rows: readonly (readonly unknown[])[], delimiter: string, sampleRows = 5000): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  const end = Math.min(rows.length, sampleRows);
  for (let r = 0; r < end; r++) {
    for (const cell of rows[r] ?? []) {
      if (typeof cell !== 'string' || cell.length > 40) continue;
      const bare = cell.replace(decoration, '');
      if (commaDecimal.test(bare)) comma++;
      else if (pointDecimal.test(bare)) point++;
    }
  }
  return comma > point;
}
