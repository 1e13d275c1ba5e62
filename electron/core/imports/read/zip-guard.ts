/**
 * Checks an xlsx's zip before exceljs sees it (S2). exceljs inflates every entry into memory
 * and trusts the sizes the zip declares; a zip bomb lies about them. So we walk the central
 * directory with yauzl and inflate each entry ourselves as a stream, counting the real bytes
 * that come out and stopping the moment the total passes the cap. yauzl also checks that each
 * entry inflates to exactly the size it declares, which catches the "lying sizes" bomb early.
 */
import { type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { formatMegabytes, refuse, type ReadLimits } from './limits';

const notAWorkbook = 'is not an Excel workbook (.xlsx).';
const damaged =
  'is damaged: its zip structure is incomplete or corrupt (was it cut short while being sent or saved?). Ask for the file again.';

export async function checkXlsxZip(bytes: Uint8Array, fileName: string, limits: ReadLimits): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await openZip(buffer, fileName);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw refuse(
        fileName,
        `holds ${zip.entryCount} files inside its zip (a workbook has tens); it is not a workbook Quartermaster will open.`,
      );
    }
    const names = new Set<string>();
    let inflated = 0;
    for (let entry = await nextEntry(zip, fileName); entry; entry = await nextEntry(zip, fileName)) {
      names.add(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) {
        throw refuse(fileName, 'is password-protected; save it without a password and import again.');
      }
      inflated = await inflateCounting(zip, entry, fileName, inflated, limits.maxInflatedBytes);
    }
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      throw refuse(fileName, `${notAWorkbook} It is a zip file, but holds no Excel workbook.`);
    }
  } finally {
    zip.close();
  }
}

function openZip(buffer: Buffer, fileName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(refuse(fileName, damaged, { cause: err?.message }));
      else resolve(zip);
    });
  });
}

function nextEntry(zip: ZipFile, fileName: string): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(undefined);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(refuse(fileName, damaged, { cause: err.message }));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one entry, adding its real size to `before`; refuses as soon as the total passes `cap`. */
function inflateCounting(zip: ZipFile, entry: Entry, fileName: string, before: number, cap: number): Promise<number> {
  const tooBig = (): Error =>
    refuse(fileName, `expands to more than ${formatMegabytes(cap)}; it is not a workbook Quartermaster will open.`);
  // No shortcut on the declared size: it is what a bomb lies about, so only real bytes count.
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream: Readable | undefined) => {
      if (err || !stream) {
        reject(refuse(fileName, damaged, { cause: err?.message, entry: entry.fileName }));
        return;
      }
      let total = before;
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
      };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total > cap) {
          stream.destroy();
          settle(() => reject(tooBig()));
        }
      });
      stream.on('error', (e: Error) => {
        // yauzl says "too many bytes in the stream" when an entry inflates past its declared size.
        const lying = /bytes in the stream|expected \d+/i.test(e.message);
        const sentence = lying
          ? 'is damaged or crafted: its contents do not match the sizes it declares. It is not a workbook Quartermaster will open.'
          : damaged;
        settle(() => reject(refuse(fileName, sentence, { cause: e.message, entry: entry.fileName })));
      });
      stream.on('end', () => settle(() => resolve(total)));
    });
  });
}
