/**
 * Guessing how a CSV was written. Excel saves "CSV" in the machine's code page (Windows-1252 in
 * Western Europe) unless told UTF-8, and in decimal-comma countries it separates with ";".
 * Every guess is reported in WorkbookData.csv so the preview can show it and let the user change it.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

const utf8Bom = [0xef, 0xbb, 0xbf];

export function decodeCsvText(bytes: Uint8Array, forced?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const hasBom = utf8Bom.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (forced === 'windows-1252') return { text: decodeWindows1252(body), encoding: forced };
  if (forced || hasBom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: every byte sequence is valid Windows-1252, the likeliest other source.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
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
