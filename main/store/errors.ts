import { IpcError } from '../../shared/ipc/result.ts';
import { errorCode } from './fs-layer.ts';

// File-system failures become the typed errors the window understands. A full disk is
// worth its own code: the user can do something about it, and nothing was lost.

const FULL_DISK_CODES = new Set(['ENOSPC', 'EDQUOT']);

export function toStoreError(error: unknown): unknown {
  if (error instanceof IpcError) return error;
  const code = errorCode(error);
  if (code === undefined) return error;
  if (FULL_DISK_CODES.has(code)) {
    return new IpcError('storage-full', 'The disk is full, so this was not saved. Everything saved before is safe; free some space and try again.');
  }
  return new IpcError('storage-failed', `Attune could not write to its data folder (${code}). Everything saved before is safe.`);
}

export function notFound(what: string): IpcError {
  return new IpcError('not-found', `There is no ${what} with that id.`);
}
