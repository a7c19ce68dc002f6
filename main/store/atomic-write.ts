import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { FileHandleLike, StoreFs } from './fs-layer.ts';
import { errorCode } from './fs-layer.ts';

// A file is replaced by writing a sibling temp file, flushing it to the disk, renaming it
// over the old one and flushing the directory. Readers (and a crash at any moment) see
// either the whole old file or the whole new one, never a mix. Temp names end in
// TEMP_SUFFIX so the store can sweep leftovers from a crash on the next start.

export const TEMP_SUFFIX = '.tmp';

export async function writeFileAtomic(fs: StoreFs, path: string, data: Uint8Array): Promise<void> {
  const tempPath = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  let handle: FileHandleLike | null = null;
  try {
    handle = await fs.open(tempPath, 'wx');
    await writeAll(handle, data, 0);
    await handle.sync();
    await handle.close();
    handle = null;
    await renameWithRetry(fs, tempPath, path);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dirname(path));
}

/**
 * On Windows a rename over a file that a virus scanner or indexer has open fails for a
 * moment with EPERM, EACCES or EBUSY; a few short retries get through.
 */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= 4 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** Writes every byte (a single write may be short) starting at `positionBytes`. */
export async function writeAll(handle: FileHandleLike, data: Uint8Array, positionBytes: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, positionBytes + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Makes a rename or a new file durable. Windows cannot open a directory for syncing
 * (EISDIR/EPERM) and there the rename is already durable, so those errors are not failures.
 */
export async function syncDirectory(fs: StoreFs, directory: string): Promise<void> {
  let handle: FileHandleLike | null = null;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    if (handle) await handle.close().catch(() => undefined);
  }
}
