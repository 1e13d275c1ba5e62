/**
 * Generated inputs for the reader tests: small hostile zips (a real zip layout — local headers,
 * central directory, end record — whose declared sizes can be made to lie) and a big CSV.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** Already raw-deflated bytes (method 8). */
  deflated: Buffer;
  crc: number;
  size: number;
  /** What the headers claim; defaults to the truth. */
  declaredSize?: number;
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntrySpec {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.byteLength };
}

/** `megabytes` of zeros, deflated in 1 MB steps so the test never holds the inflated bytes. */
export async function zerosEntry(name: string, megabytes: number): Promise<ZipEntrySpec> {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), crc, size: megabytes * 1024 * 1024 };
}

export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // utf-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, e.deflated);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.byteLength, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + e.deflated.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The two parts that make a zip look like a workbook, so the bomb is what gets tested. */
export function workbookShell(): ZipEntrySpec[] {
  return [
    deflatedEntry('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    deflatedEntry('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
  ];
}

/** A long-format GL export of `rows` lines (≈38 MB for a million). */
export function millionRowCsv(rows = 1_000_000): Uint8Array {
  const parts = ['Posting Period,Cost Center,GL Account,Description,Debit,Credit\n'];
  for (let i = 0; i < rows; i++) {
    parts.push(`2026-${String((i % 12) + 1).padStart(2, '0')},210,${6000 + (i % 1000)},line ${i},${i}.99,\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}
