import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// Where each kind of file lives under the records folder. One file per record, so a write
// touches one small file and a damaged file costs one record.
//
//   key.json                      the data key (wrapped by the OS key store when it can be)
//   index.rec                     snapshot of the summary index (a cache: rebuilt from records)
//   sessions/<id>.rec             session documents
//   beats/<id>.beats              append-only beats of each session
//   journal/<id>.rec              journal entries
//   agreements/<id>.rec           repair agreements
//   quarantine/                   files that failed to decrypt or parse, moved aside untouched
//   trash/                        deleted sessions' record and beats files, kept 30 days (session-trash.ts)

export type RecordKind = 'session' | 'journal' | 'agreement';

export const RECORD_FOLDERS: Record<RecordKind, string> = {
  session: 'sessions',
  journal: 'journal',
  agreement: 'agreements',
};
export const RECORD_KINDS: readonly RecordKind[] = ['session', 'journal', 'agreement'];
export const BEATS_FOLDER = 'beats';
export const QUARANTINE_FOLDER = 'quarantine';
export const TRASH_FOLDER = 'trash';
export const INDEX_FILE_NAME = 'index.rec';
export const RECORD_EXT = '.rec';
export const BEATS_EXT = '.beats';
/** Folders being removed by delete-everything are first renamed to this prefix. */
export const DELETING_PREFIX = 'deleting-';

/** A new record's id: 16 url-safe characters, also its file name. */
export function newRecordId(): string {
  return randomBytes(12).toString('base64url');
}

export type StoreLayout = {
  root: string;
  recordPath(kind: RecordKind, id: string): string;
  beatsPath(sessionId: string): string;
  indexPath: string;
  quarantineDir: string;
};

export function storeLayout(root: string): StoreLayout {
  return {
    root,
    recordPath: (kind, id) => join(root, RECORD_FOLDERS[kind], `${id}${RECORD_EXT}`),
    beatsPath: (sessionId) => join(root, BEATS_FOLDER, `${sessionId}${BEATS_EXT}`),
    indexPath: join(root, INDEX_FILE_NAME),
    quarantineDir: join(root, QUARANTINE_FOLDER),
  };
}

/** The additional authenticated data of a record: binds its bytes to its kind and id. */
export function recordAad(kind: RecordKind, id: string): string {
  return `${kind}/${id}`;
}
export const INDEX_AAD = 'index';
