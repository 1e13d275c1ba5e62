/**
 * Reading a file named by a path, when only a regular file will do. A FIFO would block the read
 * (and a worker blocked in a read cannot be terminated, so the process never ends); /dev/zero and
 * /dev/urandom report a size of 0 and never end; a directory is not a spreadsheet. So the path is
 * opened without blocking, the opened file itself is asked what it is (no window for a swap
 * between the check and the read), and anything but a regular file is refused before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatMegabytes, refuse } from './limits';

/** Kinds of file, as a user would name them, for the refusal. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(fileName: string, stat: Stats): Error {
  const kind = kindOf(stat);
  return refuse(fileName, `is not a regular file${kind === 'not a regular file' ? '' : ` (it is ${kind})`}; import a spreadsheet saved as a file.`);
}

function tooBig(fileName: string, maxBytes: number): Error {
  return refuse(fileName, `is larger than ${formatMegabytes(maxBytes)}; Quartermaster does not import files that big.`);
}

/**
 * Refuses a path that is not a regular file, without opening it: for the side that hands the path
 * on (read-contained.ts), so a FIFO is refused before any reader starts. stat() never blocks.
 */
export function checkRegularFile(path: string, fileName: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw refuse(fileName, 'could not be opened.', { cause: err instanceof Error ? err.message : String(err) });
  }
  if (!stat.isFile()) throw notRegular(fileName, stat);
}

/** The bytes of the regular file at `path`, at most `maxBytes` of them; anything else is refused. */
export function readRegularFile(path: string, fileName: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw refuse(fileName, 'could not be opened.', { cause: err instanceof Error ? err.message : String(err) });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(fileName, stat);
    // Look at the size before reading, so a huge file is refused without loading it.
    if (stat.size > maxBytes) throw tooBig(fileName, maxBytes);
    // The size it has, and one byte more to see whether it is still growing: a file being written
    // while it is read would be read half old, half new.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > stat.size) throw refuse(fileName, 'changed while it was being read; import it again once it is saved.');
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
