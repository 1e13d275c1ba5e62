/**
 * Writing a file the user named, without ever replacing one that is there: the bytes go to a
 * temporary file first, which is then hard-linked into place (link fails if the target exists,
 * so there is no window in which another file could be overwritten). File systems without hard
 * links (FAT, some network shares) fall back to an existence check and a rename.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/result';

const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV']);

function refuseExisting(target: string): never {
  throw new AppError('refused', `${basename(target)} already exists; Quartermaster never replaces a file. Nothing was written.`);
}

/** Flushes a file or folder to the disk; a folder that cannot be opened for it (Windows) is left to the system. */
function sync(path: string, folder: boolean): void {
  let fd: number;
  try {
    fd = openSync(path, folder ? 'r' : 'r+');
  } catch (err) {
    if (folder) return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    if (!folder) throw err;
  } finally {
    closeSync(fd);
  }
}

/**
 * Gives a finished temporary file its final name `target` (in the same folder), never replacing a
 * file there. The file is flushed before it gets the name and the folder after, so after a crash
 * the name is either absent or names the whole file. The temporary name is gone afterwards.
 */
export function placeNewFile(temp: string, target: string): void {
  try {
    sync(temp, false);
    try {
      linkSync(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') refuseExisting(target);
      if (!noHardLinks.has(code)) throw err;
      if (existsSync(target)) refuseExisting(target);
      renameSync(temp, target);
    }
  } finally {
    rmSync(temp, { force: true });
  }
  sync(dirname(target), true);
}

export function writeNewFile(target: string, bytes: Uint8Array): void {
  const temp = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    placeNewFile(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}
