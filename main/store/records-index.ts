import type { Agreement } from '../../shared/model/agreement.ts';
import type { JournalEntry } from '../../shared/model/journal.ts';
import type { SessionRecord } from '../../shared/model/session.ts';
import type { IndexSnapshot } from './index-snapshot.ts';
import type { RecordKind } from './layout.ts';
import type { RecordDoc } from './record-codec.ts';
import { createSearchIndex, type JournalSearchIndex } from './search-index.ts';
import { journalIndexEntry, sessionIndexEntry, SummaryIndex } from './summary-index.ts';
import { relativeRecordFile } from './vault-folder.ts';
import type { Vault } from './vault.ts';

// Everything the store knows about its records without reading them: the summary index that
// lists and trends read, the journal's full-text search, the fingerprints of the files they
// came from, and the records left alone because a newer Attune wrote them. A change marks
// the index dirty; the sealed snapshot is saved a few seconds later (under the store's lock,
// which the store hands in as `exclusive`) and when the store closes.

export type IndexCounts = { sessionCount: number; journalCount: number; agreementCount: number };

export class RecordsIndex {
  readonly summary = new SummaryIndex();
  search: JournalSearchIndex = createSearchIndex();
  /** Record files (relative paths) written by a newer Attune: on disk, not listed. */
  readonly newerRecords = new Set<string>();
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  private readonly vault: Vault;
  private readonly saveDelayMs: number;
  private readonly exclusive: (task: () => Promise<void>) => Promise<void>;

  constructor(vault: Vault, saveDelayMs: number, exclusive: (task: () => Promise<void>) => Promise<void>) {
    this.vault = vault;
    this.saveDelayMs = saveDelayMs;
    this.exclusive = exclusive;
  }

  putSession(record: SessionRecord): void {
    this.summary.putSession(sessionIndexEntry(record));
  }

  putJournal(entry: JournalEntry): void {
    this.summary.putJournal(journalIndexEntry(entry));
    this.search.put(entry);
  }

  putAgreement(agreement: Agreement): void {
    this.summary.agreements.set(agreement.id, agreement);
  }

  remember<K extends RecordKind>(kind: K, doc: RecordDoc[K]): void {
    if (kind === 'session') this.putSession(doc as SessionRecord);
    else if (kind === 'journal') this.putJournal(doc as JournalEntry);
    else this.putAgreement(doc as Agreement);
  }

  forget(kind: RecordKind, id: string): void {
    if (kind === 'session') this.summary.removeSession(id);
    else if (kind === 'journal') {
      this.summary.removeJournal(id);
      this.search.remove(id);
    } else this.summary.agreements.delete(id);
  }

  /** A record file was written: remember which version of it the index describes. */
  fileWritten(kind: RecordKind, id: string, fingerprint: string): void {
    this.summary.fingerprints.set(relativeRecordFile(kind, id), fingerprint);
    this.markDirty();
  }

  fileGone(kind: RecordKind, id: string): void {
    this.summary.fingerprints.delete(relativeRecordFile(kind, id));
    this.markDirty();
  }

  counts(): IndexCounts {
    let journalCount = 0;
    for (const entry of this.summary.journal.values()) if (entry.trashedAtMs === null) journalCount += 1;
    return { sessionCount: this.summary.allSessions().length, journalCount, agreementCount: this.summary.agreements.size };
  }

  loadSnapshot(snapshot: IndexSnapshot): void {
    for (const [file, fingerprint] of snapshot.fingerprints) this.summary.fingerprints.set(file, fingerprint);
    for (const session of snapshot.sessions) this.summary.putSession(session);
    for (const entry of snapshot.journal) this.summary.putJournal(entry);
    for (const agreement of snapshot.agreements) this.summary.agreements.set(agreement.id, agreement);
    this.search = createSearchIndex(snapshot.search);
  }

  markDirty(): void {
    this.dirty = true;
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed save costs only a slower next start (records are read again), so it is not an error.
      // Stopped is checked again under the lock: a delete-everything may have run in between.
      this.exclusive(async () => {
        if (!this.stopped) await this.saveIfDirty();
      }).catch(() => undefined);
    }, this.saveDelayMs);
    this.timer.unref?.();
  }

  async saveIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await this.vault.writeIndex({
        fingerprints: [...this.summary.fingerprints.entries()],
        sessions: [...this.summary.allSessions()],
        journal: [...this.summary.journal.values()],
        agreements: [...this.summary.agreements.values()],
        search: this.search.toPlain(),
      });
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  /** No more saves of this index (the store is closing, or everything was deleted). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
  }
}
