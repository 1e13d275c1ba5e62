/**
 * What a file is, told by its first bytes rather than its name: managers rename files, and an
 * old .xls or a CSV saved as "budget.xlsx" must get an answer that says what it really is.
 */
import { createHash } from 'node:crypto';

export type FileKind = 'zip' | 'cfb' | 'text' | 'binary' | 'empty';

const zipLocalHeader = [0x50, 0x4b, 0x03, 0x04];
const zipEmptyArchive = [0x50, 0x4b, 0x05, 0x06];
// The OLE compound file header: old .xls files and password-protected .xlsx files both use it.
const cfbHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.byteLength < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return 'empty';
  if (startsWith(bytes, zipLocalHeader) || startsWith(bytes, zipEmptyArchive)) return 'zip';
  if (startsWith(bytes, cfbHeader)) return 'cfb';
  // A NUL byte in the first 64 KB: no text encoding we read puts one there.
  const head = bytes.subarray(0, 64 * 1024);
  return head.includes(0) && !looksLikeUtf16(head) ? 'binary' : 'text';
}

/** UTF-16 text (Excel's "Unicode text") is full of NULs but is still text: it starts with a BOM. */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/**
 * An Excel file saved with a password is a compound file holding an "EncryptionInfo" stream;
 * directory entry names are stored as UTF-16LE, so that is how we look for it.
 */
export function isEncryptedCfb(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** "budget.xlsx" → "xlsx"; "" when the name has no extension. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** "budget-warehouse.csv" → "budget-warehouse": a csv's one sheet is named for its file. */
export function baseNameWithoutExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
