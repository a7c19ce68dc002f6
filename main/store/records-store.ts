import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { STORE_NOTICE_WORDS } from '../../shared/content/store-messages.ts';
import type { Notice } from '../../shared/model/app-info.ts';
import { AGREEMENT_SCHEMA_VERSION, type Agreement, type AgreementSave } from '../../shared/model/agreement.ts';
import {
  JOURNAL_SCHEMA_VERSION,
  JOURNAL_TRASH_KEEP_MS,
  type JournalCreate,
  type JournalEntry,
  type JournalListItem,
  type JournalPatch,
} from '../../shared/model/journal.ts';
import {
  SESSION_SCHEMA_VERSION,
  type Beat,
  type BeatColumns,
  type PhaseMarker,
  type SessionDetail,
  type SessionListItem,
  type SessionRecord,
  type SessionStart,
} from '../../shared/model/session.ts';
import { syncDirectory, TEMP_SUFFIX, writeFileAtomic } from './atomic-write.ts';
import { appendBeatsFrame, createBeatsFile, decodeBeatsFile, encodeBeatsFrame, type BeatsReadout } from './beats-file.ts';
import { systemClock, type Clock } from './clock.ts';
import { UnsealError, type DataKey } from './crypto.ts';
import { notFound, StoreError, toStoreError } from './errors.ts';
import { isNotFound, nodeFs, type StoreFs } from './fs-layer.ts';
import { decodeSnapshot, encodeSnapshot, fileFingerprint } from './index-snapshot.ts';
import { KEY_FILE_NAME, loadOrCreateKey, recordsFromOtherKey, type KeyProtection, type KeyProtector } from './key-file.ts';
import {
  BEATS_EXT,
  BEATS_FOLDER,
  DELETING_PREFIX,
  INDEX_FILE_NAME,
  QUARANTINE_FOLDER,
  RECORD_EXT,
  RECORD_FOLDERS,
  RECORD_KINDS,
  storeLayout,
  type RecordKind,
  type StoreLayout,
} from './layout.ts';
import { Mutex } from './mutex.ts';
import { moveToQuarantine, type QuarantineReport } from './quarantine.ts';
import { decodeRecord, encodeRecord, type RecordDoc } from './record-codec.ts';
import { createSearchIndex, type JournalSearchIndex } from './search-index.ts';
import { summarizeBeats, type SummarizeBeats } from './summarize.ts';
import { journalIndexEntry, sessionIndexEntry, SummaryIndex } from './summary-index.ts';

// The records store: sessions, their beats, journal entries and repair agreements, one
// encrypted file per record under one folder, and an in-memory summary index for lists,
// trends and search. Every operation runs through one mutex, writes exactly the files it
// changes (atomically) and updates the index only after the disk has the change.

export type RecordsStoreOptions = {
  /** The records folder, e.g. join(app.getPath('userData'), 'records'). Created if missing. */
  directory: string;
  keyProtector: KeyProtector;
  clock?: Clock;
  fs?: StoreFs;
  summarize?: SummarizeBeats;
  /** How long after a change the index snapshot is saved (it is also saved on close). */
  indexSaveDelayMs?: number;
};

export type StoreStatus = {
  directory: string;
  encryption: KeyProtection;
  sessionCount: number;
  journalCount: number;
  agreementCount: number;
  /** Files moved to quarantine since the store opened. */
  quarantined: QuarantineReport[];
  /** Records written by a newer Attune: left untouched on disk, not shown. */
  newerRecordCount: number;
};

export type AdoptOutcome = 'added' | 'unchanged' | 'conflict';

type ActiveSession = { record: SessionRecord; beatsBytes: number; frameCount: number; beatCount: number };

const BEATS_PER_IMPORTED_FRAME = 1024;

export function newRecordId(): string {
  return randomBytes(12).toString('base64url');
}

export class RecordsStore {
  private readonly fs: StoreFs;
  private readonly clock: Clock;
  private readonly layout: StoreLayout;
  private readonly protector: KeyProtector;
  private readonly summarize: SummarizeBeats;
  private readonly indexSaveDelayMs: number;
  private readonly mutex = new Mutex();
  private dataKey: DataKey;
  private protection: KeyProtection;
  private index = new SummaryIndex();
  private search: JournalSearchIndex = createSearchIndex();
  private readonly active = new Map<string, ActiveSession>();
  private readonly reports: QuarantineReport[] = [];
  private pendingNotices: Notice[] = [];
  private newerRecords = new Set<string>();
  private indexDirty = false;
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(options: RecordsStoreOptions, dataKey: DataKey, protection: KeyProtection) {
    this.fs = options.fs ?? nodeFs;
    this.clock = options.clock ?? systemClock;
    this.layout = storeLayout(options.directory);
    this.protector = options.keyProtector;
    this.summarize = options.summarize ?? summarizeBeats;
    this.indexSaveDelayMs = options.indexSaveDelayMs ?? 5000;
    this.dataKey = dataKey;
    this.protection = protection;
  }

  /**
   * Opens (or creates) the store. Throws StoreKeyError, having changed nothing, when the key
   * is missing, locked or does not fit the data; file-system errors are thrown as they are.
   */
  static async open(options: RecordsStoreOptions): Promise<RecordsStore> {
    const fs = options.fs ?? nodeFs;
    const layout = storeLayout(options.directory);
    await fs.mkdir(layout.root);
    if ((await fs.readdir(layout.root)).some((name) => name.startsWith(DELETING_PREFIX))) {
      // A delete-everything was cut short; the user asked for it, so finish it first.
      await removeAllData(fs, layout);
    }
    const listing = await listDataFiles(fs, layout);
    const hasData = listing.hasIndex || listing.beats.length > 0 || RECORD_KINDS.some((kind) => listing.records[kind].length > 0);
    const { dataKey, protection } = await loadOrCreateKey(fs, layout.root, options.keyProtector, hasData);
    const store = new RecordsStore(options, dataKey, protection);
    await store.load(listing);
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
    let journalCount = 0;
    for (const entry of this.index.journal.values()) if (entry.trashedAtMs === null) journalCount += 1;
    return {
      directory: this.layout.root,
      encryption: this.protection,
      sessionCount: this.index.allSessions().length,
      journalCount,
      agreementCount: this.index.agreements.size,
      quarantined: [...this.reports],
      newerRecordCount: this.newerRecords.size,
    };
  }

  /** Things to tell the user once (quarantined files, recovered sessions); then forgotten. */
  takeNotices(): Notice[] {
    const notices = this.pendingNotices;
    this.pendingNotices = [];
    return notices;
  }

  // ---- sessions -----------------------------------------------------------------------

  startSession(input: SessionStart): Promise<SessionListItem> {
    return this.run(async () => {
      const record: SessionRecord = {
        schemaVersion: SESSION_SCHEMA_VERSION,
        id: newRecordId(),
        revision: 1,
        kind: input.kind,
        status: 'recording',
        startedAtMs: Math.round(this.clock.nowMs()),
        endedAtMs: null,
        source: input.source,
        breathingPattern: input.breathingPattern ?? null,
        baselineHrBpm: input.baselineHrBpm ?? null,
        markers: [],
        beatCount: 0,
        summary: null,
      };
      // Record first, beats file second: a crash in between leaves a session with no beats,
      // which recovery finishes as interrupted, never a beats file nobody knows about.
      await this.writeDoc('session', record);
      let beatsBytes: number;
      try {
        beatsBytes = await createBeatsFile(this.fs, this.layout.beatsPath(record.id), this.dataKey);
      } catch (error) {
        await this.removeDocFile('session', record.id).catch(() => undefined);
        throw error;
      }
      this.active.set(record.id, { record, beatsBytes, frameCount: 0, beatCount: 0 });
      this.index.putSession(sessionIndexEntry(record));
      return this.sessionItem(record.id);
    });
  }

  /** Appends one batch; when this resolves the batch is on disk. */
  appendBeats(sessionId: string, beats: readonly Beat[]): Promise<{ beatCount: number }> {
    return this.run(async () => {
      const session = this.recordingSession(sessionId);
      if (beats.length === 0) return { beatCount: session.beatCount };
      const frame = encodeBeatsFrame(this.dataKey, sessionId, session.frameCount, beats);
      await appendBeatsFrame(this.fs, this.layout.beatsPath(sessionId), frame, session.beatsBytes);
      session.beatsBytes += frame.length;
      session.frameCount += 1;
      session.beatCount += beats.length;
      return { beatCount: session.beatCount };
    });
  }

  addMarker(sessionId: string, marker: PhaseMarker): Promise<{ markerCount: number }> {
    return this.run(async () => {
      const session = this.recordingSession(sessionId);
      const record: SessionRecord = { ...session.record, revision: session.record.revision + 1, markers: [...session.record.markers, marker] };
      await this.writeDoc('session', record);
      session.record = record;
      this.index.putSession(sessionIndexEntry(record));
      return { markerCount: record.markers.length };
    });
  }

  /** Ends the recording and stores the summary the signal engine computes from the stored beats. */
  finishSession(sessionId: string, options: { baselineHrBpm?: number | null } = {}): Promise<SessionListItem> {
    return this.run(async () => {
      const session = this.recordingSession(sessionId);
      const { beats } = await this.readBeatsForFinish(sessionId, session.beatsBytes);
      const baselineHrBpm = options.baselineHrBpm === undefined ? session.record.baselineHrBpm : options.baselineHrBpm;
      const record: SessionRecord = {
        ...session.record,
        revision: session.record.revision + 1,
        status: 'finished',
        endedAtMs: Math.max(session.record.startedAtMs, Math.round(this.clock.nowMs())),
        baselineHrBpm,
        beatCount: beats.rrMs.length,
        summary: this.summarize(beats, { baselineHrBpm, markers: session.record.markers }),
      };
      await this.writeDoc('session', record);
      this.active.delete(sessionId);
      this.index.putSession(sessionIndexEntry(record));
      return this.sessionItem(sessionId);
    });
  }

  /** Removes a session and its beats for good (a recording the user does not want to keep). */
  discardSession(sessionId: string): Promise<{ discarded: true }> {
    return this.run(async () => {
      if (!this.index.getSession(sessionId)) throw notFound('session');
      // Beats first: a crash in between leaves a session without beats, which can be
      // discarded again, rather than beats without a session.
      await unlinkIfPresent(this.fs, this.layout.beatsPath(sessionId));
      await this.removeDocFile('session', sessionId);
      this.active.delete(sessionId);
      this.index.removeSession(sessionId);
      this.markIndexDirty();
      return { discarded: true as const };
    });
  }

  /** Sessions that started in [fromMs, toMs), oldest first. Served from memory. */
  listSessions(fromMs: number, toMs: number): SessionListItem[] {
    this.assertOpen();
    return this.index.sessionsInRange(fromMs, toMs).map((entry) => this.index.toListItem(entry));
  }

  getSession(sessionId: string): Promise<SessionDetail> {
    return this.run(async () => {
      if (!this.index.getSession(sessionId)) throw notFound('session');
      const session = this.active.get(sessionId)?.record ?? (await this.readDoc('session', sessionId));
      const { beats, beatsStatus } = await this.readBeatsForView(session);
      return { session, beats, beatsStatus, journalEntryIds: this.index.linkedEntries(sessionId) };
    });
  }

  /** The session imported earlier from a file with these bytes, if any. */
  findImportedSession(contentSha256: string): SessionListItem | null {
    this.assertOpen();
    const entry = this.index.allSessions().find((s) => s.sourceSha256 === contentSha256);
    return entry ? this.index.toListItem(entry) : null;
  }

  // ---- journal ------------------------------------------------------------------------

  createJournal(input: JournalCreate): Promise<JournalEntry> {
    return this.run(async () => {
      const nowMs = Math.round(this.clock.nowMs());
      const sessionIds = unique(input.sessionIds ?? []);
      for (const sessionId of sessionIds) if (!this.index.getSession(sessionId)) throw notFound('session');
      const entry: JournalEntry = {
        schemaVersion: JOURNAL_SCHEMA_VERSION,
        id: newRecordId(),
        revision: 1,
        createdAtMs: input.createdAtMs ?? nowMs,
        updatedAtMs: nowMs,
        title: input.title ?? '',
        text: input.text,
        tags: normaliseTags(input.tags ?? []),
        kind: input.kind ?? 'note',
        promptId: input.promptId ?? null,
        cues: input.cues ?? [],
        signsRating: input.signsRating ?? null,
        // Optional structure (absent in entries written before it existed).
        ...(input.pleasantness !== undefined ? { pleasantness: input.pleasantness } : {}),
        ...(input.emotions !== undefined ? { emotions: input.emotions } : {}),
        ...(input.repair !== undefined ? { repair: input.repair } : {}),
        sessionIds,
        trashedAtMs: null,
      };
      await this.writeJournal(entry);
      return entry;
    });
  }

  /** Applies a patch. With `expectedRevision`, refuses (conflict) if the entry changed since. */
  updateJournal(id: string, patch: JournalPatch, expectedRevision?: number): Promise<JournalEntry> {
    return this.run(async () => {
      const current = await this.readJournalForWrite(id);
      if (expectedRevision !== undefined && current.revision !== expectedRevision) {
        throw new StoreError({ code: 'conflict', reason: 'changed-since-read' });
      }
      const next: JournalEntry = {
        ...current,
        ...patch,
        tags: patch.tags ? normaliseTags(patch.tags) : current.tags,
        revision: current.revision + 1,
        updatedAtMs: Math.round(this.clock.nowMs()),
      };
      await this.writeJournal(next);
      return next;
    });
  }

  /** Moves the entry to the trash; it can be restored for 30 days. */
  trashJournal(id: string): Promise<JournalEntry> {
    return this.changeJournal(id, (entry, nowMs) => (entry.trashedAtMs === null ? { ...entry, trashedAtMs: nowMs } : null));
  }

  restoreJournal(id: string): Promise<JournalEntry> {
    return this.changeJournal(id, (entry) => (entry.trashedAtMs === null ? null : { ...entry, trashedAtMs: null }));
  }

  linkJournal(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.changeJournal(entryId, (entry) => {
      if (!this.index.getSession(sessionId)) throw notFound('session');
      return entry.sessionIds.includes(sessionId) ? null : { ...entry, sessionIds: [...entry.sessionIds, sessionId] };
    });
  }

  unlinkJournal(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.changeJournal(entryId, (entry) =>
      entry.sessionIds.includes(sessionId) ? { ...entry, sessionIds: entry.sessionIds.filter((s) => s !== sessionId) } : null,
    );
  }

  getJournal(id: string): Promise<JournalEntry> {
    return this.run(async () => {
      if (!this.index.journal.has(id)) throw notFound('journal');
      return this.readDoc('journal', id);
    });
  }

  listJournal(filter: JournalFilter = {}): JournalListItem[] {
    this.assertOpen();
    const matches = [...this.index.journal.values()].filter(journalFilter(filter));
    matches.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : 1));
    return matches.slice(0, filter.limit ?? matches.length);
  }

  /** Full-text search (with prefixes and small typos), narrowed by tags and dates; best first. */
  searchJournal(query: JournalFilter & { text: string }): Array<JournalListItem & { score: number }> {
    this.assertOpen();
    const keep = journalFilter(query);
    const out: Array<JournalListItem & { score: number }> = [];
    for (const hit of this.search.search(query.text)) {
      const entry = this.index.journal.get(hit.id);
      if (entry && keep(entry)) out.push({ ...entry, score: hit.score });
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  // ---- agreements ---------------------------------------------------------------------

  listAgreements(): Agreement[] {
    this.assertOpen();
    return [...this.index.agreements.values()].sort((a, b) => b.createdAtMs - a.createdAtMs);
  }

  saveAgreement(input: AgreementSave): Promise<Agreement> {
    return this.run(async () => {
      const nowMs = Math.round(this.clock.nowMs());
      const { id, ...fields } = input;
      let next: Agreement;
      if (id === undefined) {
        if (fields.text === undefined) throw new StoreError({ code: 'invalid', reason: 'agreement-without-text' });
        next = {
          schemaVersion: AGREEMENT_SCHEMA_VERSION,
          id: newRecordId(),
          revision: 1,
          createdAtMs: nowMs,
          updatedAtMs: nowMs,
          text: fields.text,
          status: fields.status ?? 'active',
          remindAtMs: fields.remindAtMs ?? null,
          journalEntryId: fields.journalEntryId ?? null,
          sessionId: fields.sessionId ?? null,
        };
      } else {
        if (!this.index.agreements.has(id)) throw notFound('agreement');
        const current = await this.readDoc('agreement', id);
        next = { ...current, ...fields, revision: current.revision + 1, updatedAtMs: nowMs };
      }
      await this.writeDoc('agreement', next);
      this.index.agreements.set(next.id, next);
      return next;
    });
  }

  deleteAgreement(id: string): Promise<{ deleted: true }> {
    return this.run(async () => {
      if (!this.index.agreements.has(id)) throw notFound('agreement');
      await this.removeDocFile('agreement', id);
      this.index.agreements.delete(id);
      this.markIndexDirty();
      return { deleted: true as const };
    });
  }

  // ---- bulk: export, import, delete everything -----------------------------------------

  /** Every record and its beats, one at a time, for export. Reads under the store's lock. */
  async forEachRecord(visit: {
    session(record: SessionRecord, beats: BeatColumns): Promise<void>;
    journal(entry: JournalEntry): Promise<void>;
    agreement(agreement: Agreement): Promise<void>;
  }): Promise<void> {
    await this.run(async () => {
      // A record found damaged on the way is quarantined and reported by readDoc; the
      // export goes on without it rather than failing as a whole.
      for (const entry of [...this.index.allSessions()]) {
        const record = this.active.get(entry.id)?.record ?? (await skipUnreadable(this.readDoc('session', entry.id)));
        if (!record) continue;
        const { beats } = await this.readBeatsForView(record);
        await visit.session(record, beats);
      }
      for (const id of [...this.index.journal.keys()]) {
        const entry = await skipUnreadable(this.readDoc('journal', id));
        if (entry) await visit.journal(entry);
      }
      for (const agreement of [...this.index.agreements.values()]) await visit.agreement(agreement);
    });
  }

  /**
   * Adds a record from an export or an imported file, keeping its id. A record with that id
   * already here is left alone: 'unchanged' when identical, 'conflict' when it differs
   * (the local one wins; nothing is overwritten by an import).
   */
  adoptSession(record: SessionRecord, beats: BeatColumns): Promise<AdoptOutcome> {
    return this.run(async () => {
      if (this.index.getSession(record.id)) {
        const existing = this.active.get(record.id)?.record ?? (await this.readDoc('session', record.id));
        return sameJson(existing, record) ? 'unchanged' : 'conflict';
      }
      // A session exported while it was recording arrives without anyone to finish it:
      // it is finished here as interrupted, like one cut off by a crash.
      const stored: SessionRecord = record.status === 'recording' ? this.interrupted(record, beats) : record;
      const path = this.layout.beatsPath(stored.id);
      let positionBytes = await createBeatsFile(this.fs, path, this.dataKey);
      let frameIndex = 0;
      for (let start = 0; start < beats.rrMs.length; start += BEATS_PER_IMPORTED_FRAME) {
        const batch: Beat[] = [];
        for (let i = start; i < Math.min(start + BEATS_PER_IMPORTED_FRAME, beats.rrMs.length); i += 1) {
          batch.push({ tMs: beats.tMs[i] ?? 0, rrMs: beats.rrMs[i] ?? 0 });
        }
        const frame = encodeBeatsFrame(this.dataKey, stored.id, frameIndex, batch);
        await appendBeatsFrame(this.fs, path, frame, positionBytes);
        positionBytes += frame.length;
        frameIndex += 1;
      }
      await this.writeDoc('session', stored);
      this.index.putSession(sessionIndexEntry(stored));
      return 'added';
    });
  }

  adoptJournal(entry: JournalEntry): Promise<AdoptOutcome> {
    return this.run(async () => {
      if (this.index.journal.has(entry.id)) {
        return sameJson(await this.readDoc('journal', entry.id), entry) ? 'unchanged' : 'conflict';
      }
      await this.writeJournal(entry);
      return 'added';
    });
  }

  adoptAgreement(agreement: Agreement): Promise<AdoptOutcome> {
    return this.run(async () => {
      const existing = this.index.agreements.get(agreement.id);
      if (existing) return sameJson(existing, agreement) ? 'unchanged' : 'conflict';
      await this.writeDoc('agreement', agreement);
      this.index.agreements.set(agreement.id, agreement);
      return 'added';
    });
  }

  /** Builds a session from beats read out of a file, summarised like a live one, and adds it. */
  async addImportedRecording(input: Pick<SessionRecord, 'kind' | 'source' | 'startedAtMs'>, beats: BeatColumns): Promise<SessionListItem> {
    const lastTMs = beats.tMs.at(-1) ?? 0;
    const record: SessionRecord = {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id: newRecordId(),
      revision: 1,
      kind: input.kind,
      status: 'finished',
      startedAtMs: input.startedAtMs,
      endedAtMs: input.startedAtMs + Math.round(lastTMs),
      source: input.source,
      breathingPattern: null,
      baselineHrBpm: null,
      markers: [],
      beatCount: beats.rrMs.length,
      summary: this.summarize(beats, { baselineHrBpm: null }),
    };
    await this.adoptSession(record, beats);
    return this.sessionItem(record.id);
  }

  /**
   * Removes every record, beats file, the index, the quarantine and the key, then starts
   * afresh with a new key. Everything is first renamed into one `deleting-…` folder, so a
   * crash half-way is finished on the next start instead of leaving half the data.
   */
  deleteEverything(): Promise<{ deleted: true }> {
    return this.run(async () => {
      if (this.indexTimer) clearTimeout(this.indexTimer);
      this.indexTimer = null;
      await removeAllData(this.fs, this.layout);
      await listDataFiles(this.fs, this.layout); // recreates the empty folders
      const { dataKey, protection } = await loadOrCreateKey(this.fs, this.layout.root, this.protector, false);
      this.dataKey = dataKey;
      this.protection = protection;
      this.index = new SummaryIndex();
      this.search = createSearchIndex();
      this.active.clear();
      this.newerRecords = new Set();
      this.indexDirty = false;
      return { deleted: true as const };
    });
  }

  /** Saves the index snapshot now if it has changed. */
  flush(): Promise<void> {
    return this.run(() => this.saveIndexIfDirty());
  }

  /** Saves the index and refuses further calls. Sessions still recording stay on disk and are recovered next time. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    this.closed = true;
  }

  // ---- opening ------------------------------------------------------------------------

  private async load(listing: DataListing): Promise<void> {
    const { fs, layout } = this;
    for (const tempPath of listing.tempFiles) await unlinkIfPresent(fs, tempPath);
    let indexChanged = !listing.hasIndex;

    if (listing.hasIndex) {
      const outcome = decodeSnapshot(this.dataKey, await fs.readFile(layout.indexPath));
      if (outcome.ok) {
        const { snapshot } = outcome;
        for (const [file, fingerprint] of snapshot.fingerprints) this.index.fingerprints.set(file, fingerprint);
        for (const session of snapshot.sessions) this.index.putSession(session);
        for (const entry of snapshot.journal) this.index.putJournal(entry);
        for (const agreement of snapshot.agreements) this.index.agreements.set(agreement.id, agreement);
        this.search = createSearchIndex(snapshot.search);
      } else if (outcome.problem === 'other-key') {
        throw recordsFromOtherKey();
      } else if (outcome.problem === 'damaged') {
        await this.quarantine(layout.indexPath, 'index', outcome.detail);
      }
      // 'old-format': rebuilt below and overwritten on save; it is only a cache.
    }

    // Which record files are new or changed since the snapshot, and which are gone.
    const seen = new Set<string>();
    const changed: Array<{ kind: RecordKind; id: string; file: string; fingerprint: string }> = [];
    await Promise.all(
      RECORD_KINDS.flatMap((kind) =>
        listing.records[kind].map(async (id) => {
          const file = relativeRecordFile(kind, id);
          seen.add(file);
          const fingerprint = fileFingerprint(await fs.stat(layout.recordPath(kind, id)));
          if (this.index.fingerprints.get(file) !== fingerprint) changed.push({ kind, id, file, fingerprint });
        }),
      ),
    );
    for (const file of [...this.index.fingerprints.keys()]) {
      if (seen.has(file)) continue;
      const parsed = parseRelativeRecordFile(file);
      if (parsed) this.forget(parsed.kind, parsed.id);
      this.index.fingerprints.delete(file);
      indexChanged = true;
    }

    const damaged: Array<{ kind: RecordKind; id: string; detail: string }> = [];
    let otherKey = false;
    for (const item of changed) {
      indexChanged = true;
      const outcome = decodeRecord(this.dataKey, item.kind, item.id, await fs.readFile(layout.recordPath(item.kind, item.id)));
      if (outcome.ok) {
        this.remember(item.kind, outcome.doc);
        this.index.fingerprints.set(item.file, item.fingerprint);
      } else {
        this.forget(item.kind, item.id);
        this.index.fingerprints.delete(item.file);
        if (outcome.problem === 'other-key') otherKey = true;
        else if (outcome.problem === 'newer-version') this.newerRecords.add(item.file);
        else damaged.push({ kind: item.kind, id: item.id, detail: outcome.detail });
      }
    }
    // Records sealed with another key mean the key file does not belong to this data:
    // stop before moving anything, rather than quarantine every record.
    if (otherKey) throw recordsFromOtherKey();
    for (const item of damaged) {
      await this.quarantine(layout.recordPath(item.kind, item.id), item.kind, item.detail);
      if (item.kind === 'session') await this.quarantineBeatsIfPresent(item.id, 'its session record was damaged');
    }
    if (this.newerRecords.size > 0) {
      this.notify('storage-warning', STORE_NOTICE_WORDS.newerRecordsKept(this.newerRecords.size));
    }

    // Beats whose session record is gone (its record was quarantined in an earlier run).
    for (const sessionId of listing.beats) {
      if (!this.index.getSession(sessionId) && !this.newerRecords.has(relativeRecordFile('session', sessionId))) {
        await this.quarantineBeatsIfPresent(sessionId, 'no session record refers to it');
      }
    }

    indexChanged = (await this.purgeExpiredTrash()) || indexChanged;
    indexChanged = (await this.recoverInterruptedSessions()) || indexChanged;
    if (indexChanged) {
      this.indexDirty = true;
      await this.saveIndexIfDirty();
    }
  }

  private remember<K extends RecordKind>(kind: K, doc: RecordDoc[K]): void {
    if (kind === 'session') this.index.putSession(sessionIndexEntry(doc as SessionRecord));
    else if (kind === 'journal') {
      const entry = doc as JournalEntry;
      this.index.putJournal(journalIndexEntry(entry));
      this.search.put(entry);
    } else this.index.agreements.set(doc.id, doc as Agreement);
  }

  private forget(kind: RecordKind, id: string): void {
    if (kind === 'session') this.index.removeSession(id);
    else if (kind === 'journal') {
      this.index.removeJournal(id);
      this.search.remove(id);
    } else this.index.agreements.delete(id);
  }

  /** Journal entries in the trash for more than 30 days are removed for good. */
  private async purgeExpiredTrash(): Promise<boolean> {
    const cutoffMs = this.clock.nowMs() - JOURNAL_TRASH_KEEP_MS;
    let purged = false;
    for (const entry of [...this.index.journal.values()]) {
      if (entry.trashedAtMs === null || entry.trashedAtMs > cutoffMs) continue;
      await this.removeDocFile('journal', entry.id);
      this.forget('journal', entry.id);
      purged = true;
    }
    return purged;
  }

  /**
   * Sessions still marked as recording were cut off by a crash or a forced quit. They are
   * finished as 'interrupted' from the beats that reached the disk; a last batch that was
   * half-written (never acknowledged) is cut off the file.
   */
  private async recoverInterruptedSessions(): Promise<boolean> {
    let recovered = 0;
    for (const entry of this.index.allSessions().filter((s) => s.status === 'recording')) {
      const record = await this.readDoc('session', entry.id).catch(() => null);
      if (!record) continue;
      const path = this.layout.beatsPath(record.id);
      let beats: BeatColumns = { tMs: [], rrMs: [] };
      let file: Buffer | null = null;
      try {
        file = await this.fs.readFile(path);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (file) {
        try {
          const readout = decodeBeatsFile(this.dataKey, record.id, file);
          beats = readout.beats;
          if (readout.tail !== 'none') await truncateFile(this.fs, path, readout.goodBytes);
        } catch (error) {
          if (!(error instanceof UnsealError)) throw error;
          await this.quarantineBeatsIfPresent(record.id, error.message);
        }
      }
      const finished = this.interrupted(record, beats);
      await this.writeDoc('session', finished);
      this.index.putSession(sessionIndexEntry(finished));
      recovered += 1;
    }
    if (recovered > 0) {
      this.notify('storage-warning', STORE_NOTICE_WORDS.sessionsRecovered(recovered));
    }
    return recovered > 0;
  }

  private interrupted(record: SessionRecord, beats: BeatColumns): SessionRecord {
    return {
      ...record,
      revision: record.revision + 1,
      status: 'interrupted',
      endedAtMs: record.startedAtMs + Math.round(beats.tMs.at(-1) ?? 0),
      beatCount: beats.rrMs.length,
      summary: this.summarize(beats, { baselineHrBpm: record.baselineHrBpm, markers: record.markers }),
    };
  }

  // ---- reading and writing records ----------------------------------------------------

  private async run<T>(task: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.mutex.run(async () => {
      this.assertOpen();
      try {
        return await task();
      } catch (error) {
        throw toStoreError(error);
      }
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError({ code: 'closed' });
  }

  private recordingSession(sessionId: string): ActiveSession {
    const session = this.active.get(sessionId);
    if (session) return session;
    if (this.index.getSession(sessionId)) throw new StoreError({ code: 'conflict', reason: 'not-recording' });
    throw notFound('session');
  }

  private sessionItem(sessionId: string): SessionListItem {
    const entry = this.index.getSession(sessionId);
    if (!entry) throw notFound('session');
    return this.index.toListItem(entry);
  }

  private async writeDoc<K extends RecordKind>(kind: K, doc: RecordDoc[K]): Promise<void> {
    const path = this.layout.recordPath(kind, doc.id);
    await writeFileAtomic(this.fs, path, encodeRecord(this.dataKey, kind, doc));
    // An unknown fingerprint only means this file is read again on the next open.
    const fingerprint = await this.fs.stat(path).then(fileFingerprint, () => '');
    this.index.fingerprints.set(relativeRecordFile(kind, doc.id), fingerprint);
    this.markIndexDirty();
  }

  private async writeJournal(entry: JournalEntry): Promise<void> {
    await this.writeDoc('journal', entry);
    this.index.putJournal(journalIndexEntry(entry));
    this.search.put(entry);
  }

  private changeJournal(id: string, change: (entry: JournalEntry, nowMs: number) => JournalEntry | null): Promise<JournalEntry> {
    return this.run(async () => {
      const current = await this.readJournalForWrite(id);
      const nowMs = Math.round(this.clock.nowMs());
      const changed = change(current, nowMs);
      if (!changed) return current;
      const next = { ...changed, revision: current.revision + 1, updatedAtMs: nowMs };
      await this.writeJournal(next);
      return next;
    });
  }

  private async readJournalForWrite(id: string): Promise<JournalEntry> {
    if (!this.index.journal.has(id)) throw notFound('journal');
    return this.readDoc('journal', id);
  }

  private async removeDocFile(kind: RecordKind, id: string): Promise<void> {
    await unlinkIfPresent(this.fs, this.layout.recordPath(kind, id));
    await syncDirectory(this.fs, join(this.layout.root, RECORD_FOLDERS[kind]));
    this.index.fingerprints.delete(relativeRecordFile(kind, id));
    this.markIndexDirty();
  }

  /** Reads one record; a damaged one is quarantined and reported, and the caller gets corrupt-data. */
  private async readDoc<K extends RecordKind>(kind: K, id: string): Promise<RecordDoc[K]> {
    const path = this.layout.recordPath(kind, id);
    let sealed: Buffer;
    try {
      sealed = await this.fs.readFile(path);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      this.forget(kind, id);
      this.index.fingerprints.delete(relativeRecordFile(kind, id));
      throw notFound(kind);
    }
    const outcome = decodeRecord(this.dataKey, kind, id, sealed);
    if (outcome.ok) return outcome.doc;
    if (outcome.problem === 'newer-version') throw new StoreError({ code: 'newer-version', what: 'record' });
    await this.quarantine(path, kind, outcome.detail);
    this.forget(kind, id);
    this.index.fingerprints.delete(relativeRecordFile(kind, id));
    this.markIndexDirty();
    if (kind === 'session') await this.quarantineBeatsIfPresent(id, 'its session record was damaged');
    throw new StoreError({ code: 'damaged', record: kind, detail: outcome.detail });
  }

  private async readBeatsForFinish(sessionId: string, beatsBytes: number): Promise<{ beats: BeatColumns }> {
    const readout = await this.readBeatsFile(sessionId);
    if (!readout) return { beats: { tMs: [], rrMs: [] } };
    // A failed append may have left bytes past the last acknowledged frame; they are not data.
    if (readout.goodBytes !== beatsBytes || readout.tail !== 'none') await truncateFile(this.fs, this.layout.beatsPath(sessionId), readout.goodBytes);
    return { beats: readout.beats };
  }

  private async readBeatsForView(session: SessionRecord): Promise<{ beats: BeatColumns; beatsStatus: SessionDetail['beatsStatus'] }> {
    const readout = await this.readBeatsFile(session.id);
    const empty: BeatColumns = { tMs: [], rrMs: [] };
    if (!readout) {
      // Never having had beats is fine; beats that should be there and are not is not.
      return { beats: empty, beatsStatus: session.beatCount === 0 && session.status !== 'interrupted' ? 'complete' : 'unavailable' };
    }
    if (session.status === 'recording') return { beats: readout.beats, beatsStatus: 'complete' };
    const count = readout.beats.rrMs.length;
    if (count === session.beatCount && readout.tail === 'none') return { beats: readout.beats, beatsStatus: 'complete' };
    if (count < session.beatCount || readout.tail !== 'none') {
      // A finished session's beats file lost frames or has a damaged end: not a crash
      // artefact (finish and recovery cut those), so it is damage. Keep the bytes aside.
      await this.quarantineBeatsIfPresent(session.id, `expected ${session.beatCount} beats, found ${count} readable`);
      return { beats: empty, beatsStatus: 'unavailable' };
    }
    return { beats: readout.beats, beatsStatus: 'complete' };
  }

  /** null when there is no beats file (or it was damaged and has been quarantined). */
  private async readBeatsFile(sessionId: string): Promise<BeatsReadout | null> {
    let file: Buffer;
    try {
      file = await this.fs.readFile(this.layout.beatsPath(sessionId));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      return decodeBeatsFile(this.dataKey, sessionId, file);
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      await this.quarantineBeatsIfPresent(sessionId, error.message);
      return null;
    }
  }

  private async quarantineBeatsIfPresent(sessionId: string, reason: string): Promise<void> {
    try {
      await this.quarantine(this.layout.beatsPath(sessionId), 'beats', reason);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    this.active.delete(sessionId);
  }

  private async quarantine(path: string, what: QuarantineReport['what'], reason: string): Promise<void> {
    const nowMs = this.clock.nowMs();
    const target = await moveToQuarantine(this.fs, this.layout.quarantineDir, path, nowMs);
    this.reports.push({ file: target, what, reason, atMs: nowMs });
    this.notify(
      'records-quarantined',
      what === 'index' ? STORE_NOTICE_WORDS.indexRebuilt : STORE_NOTICE_WORDS.fileQuarantined(what === 'beats' ? 'heart-beat file' : `${what} record`),
    );
  }

  private notify(kind: Notice['kind'], message: string): void {
    this.pendingNotices.push({ id: `records-${kind}-${newRecordId()}`, kind, message });
  }

  // ---- index snapshot -----------------------------------------------------------------

  private markIndexDirty(): void {
    this.indexDirty = true;
    if (this.indexTimer || this.closed) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      // A failed save costs only a slower next start (records are read again), so it is not an error.
      if (!this.closed) this.mutex.run(() => this.saveIndexIfDirty()).catch(() => undefined);
    }, this.indexSaveDelayMs);
    this.indexTimer.unref?.();
  }

  private async saveIndexIfDirty(): Promise<void> {
    if (!this.indexDirty) return;
    this.indexDirty = false;
    try {
      const sealed = encodeSnapshot(this.dataKey, {
        savedAtMs: this.clock.nowMs(),
        fingerprints: [...this.index.fingerprints.entries()],
        sessions: [...this.index.allSessions()],
        journal: [...this.index.journal.values()],
        agreements: [...this.index.agreements.values()],
        search: this.search.toPlain(),
      });
      await writeFileAtomic(this.fs, this.layout.indexPath, sealed);
    } catch (error) {
      this.indexDirty = true;
      throw error;
    }
  }
}

export type JournalFilter = {
  fromMs?: number;
  toMs?: number;
  /** Entries carrying every one of these tags (case does not matter). */
  tags?: string[];
  /** false (default): entries not in the trash; true: only entries in the trash. */
  trashed?: boolean;
  limit?: number;
};

function journalFilter(filter: JournalFilter): (entry: JournalListItem) => boolean {
  const tags = (filter.tags ?? []).map((tag) => tag.trim().toLowerCase());
  const trashed = filter.trashed ?? false;
  return (entry) => {
    if ((entry.trashedAtMs !== null) !== trashed) return false;
    if (filter.fromMs !== undefined && entry.createdAtMs < filter.fromMs) return false;
    if (filter.toMs !== undefined && entry.createdAtMs >= filter.toMs) return false;
    if (tags.length > 0) {
      const own = entry.tags.map((tag) => tag.toLowerCase());
      if (!tags.every((tag) => own.includes(tag))) return false;
    }
    return true;
  };
}

async function skipUnreadable<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'damaged' || error.code === 'not-found' || error.code === 'newer-version')) return null;
    throw error;
  }
}

function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function relativeRecordFile(kind: RecordKind, id: string): string {
  return `${RECORD_FOLDERS[kind]}/${id}${RECORD_EXT}`;
}

function parseRelativeRecordFile(file: string): { kind: RecordKind; id: string } | null {
  const [folder, name] = file.split('/');
  const kind = RECORD_KINDS.find((k) => RECORD_FOLDERS[k] === folder);
  if (!kind || !name?.endsWith(RECORD_EXT)) return null;
  return { kind, id: name.slice(0, -RECORD_EXT.length) };
}

async function unlinkIfPresent(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

async function truncateFile(fs: StoreFs, path: string, lengthBytes: number): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.truncate(lengthBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

type DataListing = {
  records: Record<RecordKind, string[]>;
  beats: string[];
  hasIndex: boolean;
  tempFiles: string[];
};

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

async function listDataFiles(fs: StoreFs, layout: StoreLayout): Promise<DataListing> {
  const tempFiles: string[] = [];
  const listFolder = async (folder: string, ext: string): Promise<string[]> => {
    const dir = join(layout.root, folder);
    await fs.mkdir(dir);
    const ids: string[] = [];
    for (const name of await fs.readdir(dir)) {
      if (name.endsWith(TEMP_SUFFIX)) tempFiles.push(join(dir, name));
      else if (name.endsWith(ext) && ID_PATTERN.test(name.slice(0, -ext.length))) ids.push(name.slice(0, -ext.length));
    }
    return ids;
  };
  const records = {} as Record<RecordKind, string[]>;
  for (const kind of RECORD_KINDS) records[kind] = await listFolder(RECORD_FOLDERS[kind], RECORD_EXT);
  const beats = await listFolder(BEATS_FOLDER, BEATS_EXT);
  const rootNames = await fs.readdir(layout.root);
  for (const name of rootNames) if (name.endsWith(TEMP_SUFFIX)) tempFiles.push(join(layout.root, name));
  return { records, beats, hasIndex: rootNames.includes(INDEX_FILE_NAME), tempFiles };
}

/** Everything the store keeps, key last: until the key goes, what is left is still readable. */
const DATA_ENTRIES = [...RECORD_KINDS.map((kind) => RECORD_FOLDERS[kind]), BEATS_FOLDER, QUARANTINE_FOLDER, INDEX_FILE_NAME, KEY_FILE_NAME];

async function removeAllData(fs: StoreFs, layout: StoreLayout): Promise<void> {
  const existing = (await fs.readdir(layout.root)).find((name) => name.startsWith(DELETING_PREFIX));
  const deletingDir = join(layout.root, existing ?? `${DELETING_PREFIX}${randomBytes(6).toString('hex')}`);
  await fs.mkdir(deletingDir);
  for (const name of DATA_ENTRIES) {
    try {
      await fs.rename(join(layout.root, name), join(deletingDir, name));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  await syncDirectory(fs, layout.root);
  await fs.rm(deletingDir);
  for (const name of await fs.readdir(layout.root)) {
    if (name.endsWith(TEMP_SUFFIX) || name.startsWith(DELETING_PREFIX)) await fs.rm(join(layout.root, name));
  }
  await syncDirectory(fs, layout.root);
}
