import { z } from 'zod';
import { JournalListItemSchema } from '../../shared/model/journal.ts';
import { SessionListItemSchema } from '../../shared/model/session.ts';
import type { AsPlainObject } from 'minisearch';
import { AgreementSchema, type Agreement } from '../../shared/model/agreement.ts';
import { seal, unseal, UnsealError, type DataKey } from './crypto.ts';
import type { StatLike } from './fs-layer.ts';
import { INDEX_AAD } from './layout.ts';
import type { JournalIndexEntry, SessionIndexEntry } from './summary-index.ts';

// The summary index saved to disk, so opening the store reads one file instead of every
// record. It is only a cache: each entry remembers the fingerprint (size, modification time,
// inode) of the record file it came from, and on open any file whose fingerprint differs,
// or that the snapshot does not know, is read again. A missing, damaged or old-format
// snapshot just means reading every record once.

const SNAPSHOT_FORMAT = 'attune-index';
/** Bump when the shape of index entries changes: older snapshots are then rebuilt. */
export const SNAPSHOT_VERSION = 4;

export type IndexSnapshot = {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  savedAtMs: number;
  fingerprints: Array<[string, string]>;
  sessions: SessionIndexEntry[];
  journal: JournalIndexEntry[];
  agreements: Agreement[];
  search: AsPlainObject;
};

export function fileFingerprint(stat: StatLike): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

export function encodeSnapshot(dataKey: DataKey, snapshot: Omit<IndexSnapshot, 'format' | 'version'>): Buffer {
  const doc: IndexSnapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...snapshot };
  return seal(dataKey, Buffer.from(JSON.stringify(doc), 'utf8'), INDEX_AAD);
}

export type SnapshotOutcome =
  | { ok: true; snapshot: IndexSnapshot }
  | { ok: false; problem: 'damaged' | 'other-key' | 'old-format'; detail: string };

export function decodeSnapshot(dataKey: DataKey, sealed: Buffer): SnapshotOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(unseal(dataKey, sealed, INDEX_AAD).toString('utf8'));
  } catch (error) {
    if (error instanceof UnsealError && error.reason === 'other-key') return { ok: false, problem: 'other-key', detail: error.message };
    return { ok: false, problem: 'damaged', detail: error instanceof Error ? error.message : 'unreadable' };
  }
  // The bytes are authenticated (GCM) and were written by this code, so only the format
  // and version need checking; a version from another Attune is rebuilt, not trusted.
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== SNAPSHOT_FORMAT) {
    return { ok: false, problem: 'damaged', detail: 'The index is not an Attune index.' };
  }
  if ((doc as { version?: unknown }).version !== SNAPSHOT_VERSION) {
    return { ok: false, problem: 'old-format', detail: 'The index was saved in another format.' };
  }
  // Each entry must be one a list can show: a snapshot saved before writes were checked may
  // hold an entry no list could answer with; it is rebuilt from the records instead.
  const entries = SnapshotEntriesSchema.safeParse(doc);
  if (!entries.success) {
    const issue = entries.error.issues[0];
    return { ok: false, problem: 'damaged', detail: `The index holds an entry that cannot be shown${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}.` };
  }
  return { ok: true, snapshot: doc as IndexSnapshot };
}

const SnapshotEntriesSchema = z.object({
  fingerprints: z.array(z.tuple([z.string(), z.string()])),
  sessions: z.array(SessionListItemSchema.omit({ journalEntryIds: true }).extend({ revision: z.number().int().min(1), sourceSha256: z.string().nullable() })),
  journal: z.array(JournalListItemSchema),
  agreements: z.array(AgreementSchema),
});
