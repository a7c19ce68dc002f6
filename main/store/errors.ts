import type { RecordKind } from './layout.ts';
import { errorCode } from './fs-layer.ts';

// The stores' own errors (the records store's and the settings store's). Storage knows nothing of the window: it says what went
// wrong (a code, and what the code needs: which record, which reason, the system's error
// code) and main/ipc/store-errors.ts turns that into the IpcError and the sentence the
// window shows. The message of a StoreError is technical, for the log, never for the user.

export type StoreProblem =
  /** No record of this kind with the id asked for. */
  | { code: 'not-found'; record: RecordKind; place?: 'trash' }
  /** The record is not in the state the call expects. */
  | { code: 'conflict'; reason: 'changed-since-read' | 'not-recording' | 'still-recording' }
  /** The input is well-formed but cannot be stored as it is. */
  | { code: 'invalid'; reason: 'agreement-without-text' | 'settings-not-valid' | 'not-a-file' | 'file-too-large' | 'not-a-recording' | 'record-not-valid'; detail?: string }
  /** The record's file failed to decrypt or parse; it has been quarantined. */
  | { code: 'damaged'; record: RecordKind; detail: string }
  /** Written by a newer Attune: left untouched. */
  | { code: 'newer-version'; what: 'record' | 'export' }
  /** A folder given for import is not an export this Attune can read. */
  | { code: 'not-an-export'; reason: 'no-manifest' | 'other-format' }
  /** The store has been closed (the app is quitting). */
  | { code: 'closed' }
  /** The store never opened; `problem` is the sentence the service already shows for why. */
  | { code: 'not-open'; problem: string | null }
  /** Delete-everything removed the data but a fresh store would not open. */
  | { code: 'reopen-failed'; problem: string | null }
  /** The disk refused a write: full (or over quota), or another system error. */
  | { code: 'storage-full'; fsCode: string }
  | { code: 'storage-failed'; fsCode: string }
  /** The data folder could not be written when the store opened, and this needs it (e.g. the first key). */
  | { code: 'read-only'; reason: 'disk-full' | 'not-writable' };

export type StoreErrorCode = StoreProblem['code'];

/** An expected failure of the records store; `problem` says which, with what the caller needs. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem) {
    super(describeProblem(problem));
    this.name = 'StoreError';
    this.code = problem.code;
    this.problem = problem;
  }
}

export function notFound(record: RecordKind): StoreError {
  return new StoreError({ code: 'not-found', record });
}

const FULL_DISK_CODES = new Set(['ENOSPC', 'EDQUOT']);

/**
 * File-system failures (errors with a system code) become StoreErrors; a full disk is worth
 * its own code, since the user can do something about it and nothing was lost. A StoreError,
 * and anything without a code (a bug), is returned as it is.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const fsCode = errorCode(error);
  if (fsCode === undefined) return error;
  return new StoreError({ code: FULL_DISK_CODES.has(fsCode) ? 'storage-full' : 'storage-failed', fsCode });
}

function describeProblem(problem: StoreProblem): string {
  const { code, ...rest } = problem;
  const parts = Object.entries(rest)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${String(value)}`);
  return parts.length > 0 ? `${code} (${parts.join(', ')})` : code;
}
