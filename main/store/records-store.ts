import type { Notice } from '../../shared/model/app-info.ts';
import type { Agreement, AgreementSave } from '../../shared/model/agreement.ts';
import type { JournalCreate, JournalEntry, JournalListItem, JournalPatch } from '../../shared/model/journal.ts';
import type { Beat, BeatColumns, PhaseMarker, SessionDetail, SessionListItem, SessionRecord, SessionStart } from '../../shared/model/session.ts';
import { systemClock, type Clock } from '../../shared/time/clock.ts';
import { StoreError, toStoreError } from './errors.ts';
import { nodeFs, type StoreFs } from './fs-layer.ts';
import type { JournalFilter } from './journal-records.ts';
import { loadOrCreateKey, unsavedKey, type KeyProtection, type KeyProtector, type LoadedKey } from './key-file.ts';
import { DeferredWork, writeBlockOf, type WriteBlock } from './deferred-work.ts';
import { storeLayout } from './layout.ts';
import { Mutex } from './mutex.ts';
import type { QuarantineEntry, QuarantineExport, QuarantineReport } from './quarantine.ts';
import type { AdoptOutcome } from './record-files.ts';
import { assembleParts, loadRecords, type PartsOptions, type StoreParts } from './store-opening.ts';
import { summarizeBeats, type SummarizeBeats } from '../../shared/signal/session-summary.ts';
import { checkWritable, deletionUnfinished, ensureDataFolders, hasAnyData, listDataFiles, removeAllData } from './vault-folder.ts';
import { Vault } from './vault.ts';

// The records store: sessions, their beats, journal entries and repair agreements, one
// encrypted file per record under one folder, and an in-memory summary index for lists,
// trends and search. This class is the front: it owns the one lock every operation runs
// under, turns file-system failures into StoreErrors, and hands each call to the part
// that does it: the vault (files, sealing, quarantine), the index, sessions and beats,
// journal, agreements. Each operation writes exactly the files it changes (atomically) and
// updates the index only after the disk has the change.

export { newRecordId } from './layout.ts';
export type { AdoptOutcome } from './record-files.ts';
export type { JournalFilter } from './journal-records.ts';

export type RecordsStoreOptions = {
  /** The records folder, e.g. join(app.getPath('userData'), 'records'). Created if missing. */
  directory: string;
  keyProtector: KeyProtector;
  clock?: Clock;
  fs?: StoreFs;
  summarize?: SummarizeBeats;
  /** How long after a change the index snapshot is saved (it is also saved on close). */
  indexSaveDelayMs?: number;
  /** While the disk takes no writes, how often the work opening left waiting is tried again. */
  retryIntervalMs?: number;
};

export type StoreStatus = {
  directory: string;
  encryption: KeyProtection;
  sessionCount: number;
  journalCount: number;
  agreementCount: number;
  /** Files set aside into quarantine since the store opened (listQuarantine has them all). */
  quarantined: QuarantineReport[];
  /** Records written by a newer Attune: left untouched on disk, not shown. */
  newerRecordCount: number;
  /** Why the folder takes no writes (work from opening waits for it), or null when it does. */
  writeBlock: WriteBlock | null;
};

export class RecordsStore {
  private readonly mutex = new Mutex();
  private readonly partsOptions: PartsOptions;
  private parts: StoreParts;
  private closed = false;
  /** Writes opening could not do yet (full or read-only disk), done once the disk takes them. */
  private readonly later: DeferredWork;
  /** An empty store whose key file could not be written: nothing may be sealed until it is. */
  private keyUnsaved = false;
  private retryTimer: ReturnType<typeof setInterval> | null = null;

  private readonly vault: Vault;
  private readonly protector: KeyProtector;

  private constructor(vault: Vault, protector: KeyProtector, options: Omit<PartsOptions, 'exclusive'>) {
    this.vault = vault;
    this.protector = protector;
    this.partsOptions = { ...options, exclusive: (task) => this.mutex.run(task) };
    this.parts = assembleParts(vault, this.partsOptions);
    this.later = new DeferredWork(() => checkWritable(vault.fs, vault.layout.root));
  }

  /**
   * Opens (or creates) the store. Throws StoreKeyError, having changed nothing, when the key
   * is missing, locked or does not fit the data; file-system errors from reading are thrown
   * as they are. Opening needs no free space: on a full or read-only disk it opens and reads
   * everything, and what it would write waits (see writeBlock and retryDeferredWork).
   */
  static async open(options: RecordsStoreOptions): Promise<RecordsStore> {
    const fs = options.fs ?? nodeFs;
    const layout = storeLayout(options.directory);
    const clock = options.clock ?? systemClock;
    // A delete-everything was cut short; the user asked for it, so finish it first.
    if (await deletionUnfinished(fs, layout)) await removeAllData(fs, layout);
    const listing = await listDataFiles(fs, layout);
    let key: LoadedKey;
    let keyUnsaved = false;
    try {
      key = await loadOrCreateKey(fs, layout.root, options.keyProtector, hasAnyData(listing));
    } catch (error) {
      // Only a new key for an empty store is ever written here (existing data reads its key).
      if (hasAnyData(listing) || writeBlockOf(error) === null) throw error;
      key = unsavedKey(options.keyProtector);
      keyUnsaved = true;
    }
    const store = new RecordsStore(new Vault(fs, layout, clock, key), options.keyProtector, {
      clock,
      summarize: options.summarize ?? summarizeBeats,
      indexSaveDelayMs: options.indexSaveDelayMs ?? 5000,
    });
    if (keyUnsaved) {
      store.keyUnsaved = true;
      store.later.add('key', async () => {
        store.vault.useKey(await loadOrCreateKey(fs, layout.root, options.keyProtector, false));
        store.keyUnsaved = false;
      });
    }
    await loadRecords(store.vault, store.parts, listing, store.later);
    store.retryWhileBlocked(options.retryIntervalMs ?? 60_000);
    return store;
  }

  /** Delete-everything for a folder the store could not open (a lost key): no key needed. */
  static async removeAllData(options: Pick<RecordsStoreOptions, 'directory' | 'fs'>): Promise<void> {
    const fs = options.fs ?? nodeFs;
    await fs.mkdir(options.directory);
    await removeAllData(fs, storeLayout(options.directory));
  }

  // ---- status and notices -------------------------------------------------------------

  status(): StoreStatus {
    return {
      directory: this.vault.layout.root,
      encryption: this.vault.protection,
      ...this.parts.index.counts(),
      quarantined: this.vault.quarantined(),
      newerRecordCount: this.parts.index.newerRecords.size,
      writeBlock: this.later.blocked,
    };
  }

  /**
   * Every file in the quarantine folder, read from the folder itself, so the list (and its
   * count) is the same after a restart. Needs no key and no writes.
   */
  listQuarantine(): Promise<QuarantineEntry[]> {
    return this.runReading(() => this.vault.listQuarantine());
  }

  /** Copies the quarantined files, byte for byte and still encrypted, into a new folder inside `parent`. */
  exportQuarantine(parent: string): Promise<QuarantineExport> {
    return this.runReading(() => this.vault.exportQuarantine(parent));
  }

  /** Why the folder takes no writes (work from opening is waiting), or null when it does. */
  writeBlock(): WriteBlock | null {
    return this.later.blocked;
  }

  /**
   * Tries the work opening left waiting (recovery, index save, quarantine moves …) now;
   * resolves with why the disk still refuses, or null once it is all done.
   */
  async retryDeferredWork(): Promise<WriteBlock | null> {
    this.openParts();
    await this.mutex.run(() => this.catchUp());
    return this.later.blocked;
  }

  /** Things to tell the user once (quarantined files, recovered sessions); then forgotten. */
  takeNotices(): Notice[] {
    return this.vault.takeNotices();
  }

  // ---- sessions (session-records.ts) --------------------------------------------------

  startSession(input: SessionStart): Promise<SessionListItem> {
    return this.run(() => this.parts.sessions.start(input));
  }

  /** Appends one batch; when this resolves the batch is on disk. */
  appendBeats(sessionId: string, beats: readonly Beat[]): Promise<{ beatCount: number }> {
    return this.run(() => this.parts.sessions.appendBeats(sessionId, beats));
  }

  addMarker(sessionId: string, marker: PhaseMarker): Promise<{ markerCount: number }> {
    return this.run(() => this.parts.sessions.addMarker(sessionId, marker));
  }

  /** Ends the recording and stores the summary the signal engine computes from the stored beats. */
  finishSession(sessionId: string, options: { baselineHrBpm?: number | null } = {}): Promise<SessionListItem> {
    return this.run(() => this.parts.sessions.finish(sessionId, options));
  }

  /** Removes a session and its beats for good (a recording the user does not want to keep). */
  discardSession(sessionId: string): Promise<{ discarded: true }> {
    return this.run(() => this.parts.sessions.discard(sessionId));
  }

  /** Moves a finished session to the trash (session-trash.ts); it can be restored for 30 days. */
  trashSession(sessionId: string): Promise<{ sessionId: string; trashedAtMs: number }> {
    return this.run(() => this.parts.sessionTrash.trash(sessionId));
  }

  restoreSession(sessionId: string): Promise<SessionListItem> {
    return this.run(() => this.parts.sessionTrash.restore(sessionId));
  }

  /** Sessions that started in [fromMs, toMs), oldest first. Served from memory. */
  listSessions(fromMs: number, toMs: number): SessionListItem[] {
    return this.openParts().sessions.list(fromMs, toMs);
  }

  getSession(sessionId: string): Promise<SessionDetail> {
    return this.run(() => this.parts.sessions.get(sessionId));
  }

  /** The session imported earlier from a file with these bytes, if any. */
  findImportedSession(contentSha256: string): SessionListItem | null {
    return this.openParts().sessions.findImported(contentSha256);
  }

  // ---- journal (journal-records.ts) ---------------------------------------------------

  createJournal(input: JournalCreate): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.create(input));
  }

  /** Applies a patch. With `expectedRevision`, refuses (conflict) if the entry changed since. */
  updateJournal(id: string, patch: JournalPatch, expectedRevision?: number): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.update(id, patch, expectedRevision));
  }

  /** Moves the entry to the trash; it can be restored for 30 days. */
  trashJournal(id: string): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.trash(id));
  }

  restoreJournal(id: string): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.restore(id));
  }

  linkJournal(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.link(entryId, sessionId));
  }

  unlinkJournal(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.unlink(entryId, sessionId));
  }

  getJournal(id: string): Promise<JournalEntry> {
    return this.run(() => this.parts.journal.get(id));
  }

  listJournal(filter: JournalFilter = {}): JournalListItem[] {
    return this.openParts().journal.list(filter);
  }

  /** Full-text search (with prefixes and small typos), narrowed by tags and dates; best first. */
  searchJournal(query: JournalFilter & { text: string }): Array<JournalListItem & { score: number }> {
    return this.openParts().journal.search(query);
  }

  // ---- agreements (agreement-records.ts) ----------------------------------------------

  listAgreements(): Agreement[] {
    return this.openParts().agreements.list();
  }

  saveAgreement(input: AgreementSave): Promise<Agreement> {
    return this.run(() => this.parts.agreements.save(input));
  }

  deleteAgreement(id: string): Promise<{ deleted: true }> {
    return this.run(() => this.parts.agreements.delete(id));
  }

  // ---- bulk: export, import, delete everything -----------------------------------------

  /** Every record and its beats, one at a time, for export. Reads under the store's lock. */
  async forEachRecord(visit: {
    session(record: SessionRecord, beats: BeatColumns): Promise<void>;
    journal(entry: JournalEntry): Promise<void>;
    agreement(agreement: Agreement): Promise<void>;
  }): Promise<void> {
    await this.run(async () => {
      // A record found damaged on the way is quarantined, reported and left out.
      await this.parts.sessions.forEach(visit.session);
      await this.parts.journal.forEach(visit.journal);
      await this.parts.agreements.forEach(visit.agreement);
    });
  }

  /**
   * Adds a record from an export or an imported file, keeping its id. A record with that id
   * already here is left alone: 'unchanged' when identical, 'conflict' when it differs
   * (the local one wins; nothing is overwritten by an import).
   */
  adoptSession(record: SessionRecord, beats: BeatColumns): Promise<AdoptOutcome> {
    return this.run(() => this.parts.sessions.adopt(record, beats));
  }

  adoptJournal(entry: JournalEntry): Promise<AdoptOutcome> {
    return this.run(() => this.parts.journal.adopt(entry));
  }

  adoptAgreement(agreement: Agreement): Promise<AdoptOutcome> {
    return this.run(() => this.parts.agreements.adopt(agreement));
  }

  /** Builds a session from beats read out of a file, summarised like a live one, and adds it. */
  async addImportedRecording(input: Pick<SessionRecord, 'kind' | 'source' | 'startedAtMs'>, beats: BeatColumns): Promise<SessionListItem> {
    const record = this.openParts().sessions.importedRecord(input, beats);
    await this.adoptSession(record, beats);
    return this.parts.sessions.item(record.id);
  }

  /**
   * Removes every record, beats file, the index, the quarantine and the key, then starts
   * afresh with a new key. Everything is first renamed into one `deleting-…` folder, so a
   * crash half-way is finished on the next start instead of leaving half the data.
   */
  deleteEverything(): Promise<{ deleted: true }> {
    return this.run(async () => {
      const { fs, layout } = this.vault;
      this.parts.index.stop();
      await removeAllData(fs, layout);
      await ensureDataFolders(fs, layout);
      this.vault.useKey(await loadOrCreateKey(fs, layout.root, this.protector, false));
      this.keyUnsaved = false;
      this.later.clear(); // what waited was about the data now deleted
      this.parts = assembleParts(this.vault, this.partsOptions);
      return { deleted: true as const };
    });
  }

  /** Saves the index snapshot now if it has changed. */
  flush(): Promise<void> {
    return this.run(() => this.parts.index.saveIfDirty());
  }

  /**
   * Saves the index and refuses further calls. Sessions still recording stay on disk and are
   * recovered next time. A disk that takes no writes only costs the snapshot (a cache).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.stopRetrying();
    await this.flush().catch((error: unknown) => {
      if (!(error instanceof StoreError) || !['storage-full', 'storage-failed', 'read-only'].includes(error.code)) throw error;
    });
    this.parts.index.stop();
    this.closed = true;
  }

  // ---- the lock -------------------------------------------------------------------------

  /**
   * One operation at a time, on an open store; file-system failures become StoreErrors.
   * Work opening left waiting goes first (it tries quietly: a read still works without it),
   * so a write lands on a folder that is up to date.
   */
  private async run<T>(task: () => Promise<T>): Promise<T> {
    this.openParts();
    return this.mutex.run(async () => {
      this.openParts();
      try {
        await this.catchUp();
        if (this.keyUnsaved) throw new StoreError({ code: 'read-only', reason: this.later.blocked?.reason ?? 'not-writable' });
        return await task();
      } catch (error) {
        throw toStoreError(error);
      }
    });
  }

  /** Under the lock, on an open store, without the waiting work first: the task only reads the records folder. */
  private async runReading<T>(task: () => Promise<T>): Promise<T> {
    this.openParts();
    return this.mutex.run(async () => {
      this.openParts();
      try {
        return await task();
      } catch (error) {
        throw toStoreError(error);
      }
    });
  }

  private async catchUp(): Promise<void> {
    if (!this.later.pending) return;
    // A task that failed for another reason than the disk (a damaged file …) is dropped by
    // DeferredWork; the caller's own operation still runs.
    await this.later.catchUp().catch(() => false);
    if (!this.later.pending) this.stopRetrying();
  }

  /** While work waits, try it again every so often (under the lock, like any call). */
  private retryWhileBlocked(intervalMs: number): void {
    if (!this.later.pending || this.retryTimer) return;
    this.retryTimer = setInterval(() => {
      if (this.closed) return;
      this.mutex.run(() => this.catchUp()).catch(() => undefined);
    }, intervalMs);
    this.retryTimer.unref?.();
  }

  private stopRetrying(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** The parts, for calls served from memory; refuses once the store is closed. */
  private openParts(): StoreParts {
    if (this.closed) throw new StoreError({ code: 'closed' });
    return this.parts;
  }
}
