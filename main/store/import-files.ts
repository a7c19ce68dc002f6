import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { errorCode } from './fs-layer.ts';

// Reading files from outside the store (an export folder, a recording the user picked):
// only regular files, never through a link, never more than a limit. The name is lstat'ed
// first (a link, a device, a pipe or a folder is refused with a reason, never opened), then
// opened without following links and without blocking, checked again on the open handle (the
// file may have been swapped in between) and read up to limit + 1 bytes, so a file that
// grows while it is read cannot fill memory.

export const MIB = 1024 * 1024;

export type ImportFileRead = { ok: true; bytes: Buffer; mtimeMs: number } | { ok: false; missing: boolean; reason: string };

function refused(reason: string): ImportFileRead {
  return { ok: false, missing: false, reason };
}

function sizeWords(bytes: number): string {
  return bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** What the thing at `path` is, in words, when it is not a regular file; null when it is one. */
function notAFile(stat: { isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean }): string | null {
  if (stat.isSymbolicLink()) return 'it is a link to somewhere else, not a file';
  if (stat.isDirectory()) return 'it is a folder, not a file';
  if (!stat.isFile()) return 'it is not an ordinary file (a device, pipe or socket)';
  return null;
}

export async function readImportFile(path: string, maxBytes: number): Promise<ImportFileRead> {
  let before;
  try {
    before = await fsp.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { ok: false, missing: true, reason: 'the file is missing' };
    throw error;
  }
  const kind = notAFile(before);
  if (kind) return refused(kind);
  const tooLarge = `it is larger than ${sizeWords(maxBytes)}`;
  if (before.size > maxBytes) return refused(tooLarge);

  let handle;
  try {
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ELOOP') return refused('it is a link to somewhere else, not a file');
    if (errorCode(error) === 'ENOENT') return { ok: false, missing: true, reason: 'the file is missing' };
    throw error;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev) return refused('it changed while it was being read');
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size, before.size) + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return refused(tooLarge);
    // A file that grew past its first size but not past the limit: read the rest, still bounded.
    if (filled === buffer.length) return refused('it changed while it was being read');
    return { ok: true, bytes: buffer.subarray(0, filled), mtimeMs: opened.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** The names in a folder of an export; the folder itself must be a real folder (not a link). */
export async function listImportFolder(path: string): Promise<{ names: string[] } | { missing: true } | { reason: string }> {
  let stat;
  try {
    stat = await fsp.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { missing: true };
    throw error;
  }
  if (stat.isSymbolicLink()) return { reason: 'it is a link to somewhere else, not a folder' };
  if (!stat.isDirectory()) return { reason: 'it is not a folder' };
  return { names: (await fsp.readdir(path)).sort() };
}
