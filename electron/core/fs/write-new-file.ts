/**
 * Writing a file the user named, without ever replacing one that is there: the bytes go to a
 * temporary file first, which is then hard-linked into place (link fails if the target exists,
 * so there is no window in which another file could be overwritten). File systems without hard
 * links (FAT, some network shares) fall back to an existence check and a rename.
 */
import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/result';

const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV']);

function refuseExisting(target: string): never {
  throw new AppError('refused', `${basename(target)} already exists; Quartermaster never replaces a file. Nothing was written.`);
}

export function writeNewFile(target: string, bytes: Uint8Array): void {
  const temp = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
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
}
