import { join } from 'node:path';
import { STORE_NOTICE_WORDS } from '../../shared/content/store-messages.ts';
import type { Notice } from '../../shared/model/app-info.ts';
import type { Beat, BeatColumns } from '../../shared/model/session.ts';
import { syncDirectory, writeFileAtomic } from './atomic-write.ts';
import { appendBeatsFrame, createBeatsFile, decodeBeatsFile, encodeBeatsFile, encodeBeatsFrame, type BeatsReadout } from './beats-file.ts';
import type { Clock } from '../../shared/time/clock.ts';
import { UnsealError, type DataKey } from './crypto.ts';
import { isNotFound, type StoreFs } from './fs-layer.ts';
import { decodeSnapshot, encodeSnapshot, fileFingerprint, type IndexSnapshot, type SnapshotOutcome } from './index-snapshot.ts';
import type { KeyProtection, LoadedKey } from './key-file.ts';
import { newRecordId, RECORD_FOLDERS, type RecordKind, type StoreLayout } from './layout.ts';
import { copyToQuarantine, exportQuarantine, listQuarantine, moveToQuarantine, type QuarantineEntry, type QuarantineExport, type QuarantineReport } from './quarantine.ts';
import { decodeRecord, encodeRecord, validateRecord, type DecodeOutcome, type RecordDoc } from './record-codec.ts';
import { StoreError } from './errors.ts';
import { truncateFile, unlinkIfPresent } from './vault-folder.ts';

// The records folder seen one file at a time: where each file lives, sealing and opening it
// with the data key, writing it atomically, and moving a damaged one aside into quarantine
// (and telling the user once). Only the vault holds the key. It keeps no index and makes no
// decisions about records: a read says what it found, and the caller decides.

export type RecordRead<K extends RecordKind> = DecodeOutcome<K> | { ok: false; problem: 'missing'; detail: string };

/** A beats file read back: its frames, or that there is none, or that it was damaged and moved aside. */
export type BeatsRead = BeatsReadout | 'none' | 'quarantined';

export class Vault {
  private dataKey: DataKey;
  private keyProtection: KeyProtection;
  private readonly reports: QuarantineReport[] = [];
  private notices: Notice[] = [];

  readonly fs: StoreFs;
  readonly layout: StoreLayout;
  private readonly clock: Clock;

  constructor(fs: StoreFs, layout: StoreLayout, clock: Clock, key: LoadedKey) {
    this.fs = fs;
    this.layout = layout;
    this.clock = clock;
    this.dataKey = key.dataKey;
    this.keyProtection = key.protection;
  }

  get protection(): KeyProtection {
    return this.keyProtection;
  }

  /** After delete-everything: everything from now on is sealed with the new key. */
  useKey(key: LoadedKey): void {
    this.dataKey = key.dataKey;
    this.keyProtection = key.protection;
  }

  // ---- records --------------------------------------------------------------------------

  /**
   * Seals and writes one record; resolves with the file's fingerprint ('' when unknown).
   * Every record is checked against its schema first: a record that would not read back
   * would be quarantined on the next open, or break every list that shows it.
   */
  async writeRecord<K extends RecordKind>(kind: K, doc: RecordDoc[K]): Promise<string> {
    const check = validateRecord(kind, doc.id, doc);
    if (!check.ok) throw new StoreError({ code: 'invalid', reason: 'record-not-valid', detail: check.detail });
    const path = this.layout.recordPath(kind, doc.id);
    await writeFileAtomic(this.fs, path, encodeRecord(this.dataKey, kind, doc));
    // An unknown fingerprint only means this file is read again on the next open.
    return this.fs.stat(path).then(fileFingerprint, () => '');
  }

  async fingerprint(kind: RecordKind, id: string): Promise<string> {
    return fileFingerprint(await this.fs.stat(this.layout.recordPath(kind, id)));
  }

  async readRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordRead<K>> {
    let sealed: Buffer;
    try {
      sealed = await this.fs.readFile(this.layout.recordPath(kind, id));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return { ok: false, problem: 'missing', detail: 'The record file is gone.' };
    }
    return decodeRecord(this.dataKey, kind, id, sealed);
  }

  async removeRecord(kind: RecordKind, id: string): Promise<void> {
    await unlinkIfPresent(this.fs, this.layout.recordPath(kind, id));
    await syncDirectory(this.fs, join(this.layout.root, RECORD_FOLDERS[kind]));
  }

  /** Moves a damaged record aside, a session's beats with it, and tells the user once. */
  async quarantineRecord(kind: RecordKind, id: string, reason: string): Promise<void> {
    await this.quarantine(this.layout.recordPath(kind, id), kind, reason);
    if (kind === 'session') await this.quarantineBeats(id, 'its session record was damaged');
  }

  // ---- beats ----------------------------------------------------------------------------

  /** Creates an empty beats file; resolves with its length, where the first frame goes. */
  createBeats(sessionId: string): Promise<number> {
    return createBeatsFile(this.fs, this.layout.beatsPath(sessionId), this.dataKey);
  }

  /** Appends one sealed frame at `positionBytes`; resolves with the frame's length. */
  async appendBeats(sessionId: string, frameIndex: number, beats: readonly Beat[], positionBytes: number): Promise<number> {
    const frame = encodeBeatsFrame(this.dataKey, sessionId, frameIndex, beats);
    await appendBeatsFrame(this.fs, this.layout.beatsPath(sessionId), frame, positionBytes);
    return frame.length;
  }

  /**
   * Reads every frame that opens (a damaged frame costs only itself: see beats-file.ts); a
   * file that is not this key's beats file at all is quarantined whole.
   */
  async readBeats(sessionId: string): Promise<BeatsRead> {
    let file: Buffer;
    try {
      file = await this.fs.readFile(this.layout.beatsPath(sessionId));
    } catch (error) {
      if (isNotFound(error)) return 'none';
      throw error;
    }
    try {
      return decodeBeatsFile(this.dataKey, sessionId, file);
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      await this.quarantineBeats(sessionId, error.message);
      return 'quarantined';
    }
  }

  /** Cuts a beats file back to its last good frame (what a crash or a failed append left). */
  truncateBeats(sessionId: string, lengthBytes: number): Promise<void> {
    return truncateFile(this.fs, this.layout.beatsPath(sessionId), lengthBytes);
  }

  /** Copies a beats file as it is, byte for byte, into quarantine; the original stays. */
  async keepBeatsCopy(sessionId: string, reason: string): Promise<void> {
    const nowMs = this.clock.nowMs();
    const target = await copyToQuarantine(this.fs, this.layout.quarantineDir, this.layout.beatsPath(sessionId), nowMs, { what: 'beats', reason });
    this.reports.push({ file: target, what: 'beats', reason, atMs: nowMs });
  }

  /** Replaces a beats file, atomically, with these beats sealed afresh (after keepBeatsCopy). */
  rewriteBeats(sessionId: string, beats: BeatColumns): Promise<void> {
    return writeFileAtomic(this.fs, this.layout.beatsPath(sessionId), encodeBeatsFile(this.dataKey, sessionId, beats));
  }

  removeBeats(sessionId: string): Promise<void> {
    return unlinkIfPresent(this.fs, this.layout.beatsPath(sessionId));
  }

  /** Moves a beats file aside, if there is one, and tells the user once. */
  async quarantineBeats(sessionId: string, reason: string): Promise<void> {
    try {
      await this.quarantine(this.layout.beatsPath(sessionId), 'beats', reason);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  // ---- index snapshot -------------------------------------------------------------------

  async readIndex(): Promise<SnapshotOutcome> {
    return decodeSnapshot(this.dataKey, await this.fs.readFile(this.layout.indexPath));
  }

  writeIndex(snapshot: Omit<IndexSnapshot, 'format' | 'version' | 'savedAtMs'>): Promise<void> {
    return writeFileAtomic(this.fs, this.layout.indexPath, encodeSnapshot(this.dataKey, { savedAtMs: this.clock.nowMs(), ...snapshot }));
  }

  quarantineIndex(reason: string): Promise<void> {
    return this.quarantine(this.layout.indexPath, 'index', reason);
  }

  // ---- quarantine and notices -----------------------------------------------------------

  /** Files set aside (moved or copied) into quarantine since the store opened. */
  quarantined(): QuarantineReport[] {
    return [...this.reports];
  }

  /** Everything in the quarantine folder, whenever it was put there. */
  listQuarantine(): Promise<QuarantineEntry[]> {
    return listQuarantine(this.fs, this.layout.quarantineDir);
  }

  /** Copies the quarantine folder's files, still encrypted, into a new folder inside `parent`. */
  exportQuarantine(parent: string): Promise<QuarantineExport> {
    return exportQuarantine(this.fs, this.layout.quarantineDir, parent, this.clock.nowMs());
  }

  notify(kind: Notice['kind'], message: string): void {
    this.notices.push({ id: `records-${kind}-${newRecordId()}`, kind, message });
  }

  /** Things to tell the user once (quarantined files, recovered sessions); then forgotten. */
  takeNotices(): Notice[] {
    const notices = this.notices;
    this.notices = [];
    return notices;
  }

  private async quarantine(path: string, what: QuarantineReport['what'], reason: string): Promise<void> {
    const nowMs = this.clock.nowMs();
    const target = await moveToQuarantine(this.fs, this.layout.quarantineDir, path, nowMs, { what, reason });
    this.reports.push({ file: target, what, reason, atMs: nowMs });
    this.notify(
      'records-quarantined',
      what === 'index' ? STORE_NOTICE_WORDS.indexRebuilt : STORE_NOTICE_WORDS.fileQuarantined(what === 'beats' ? 'heart-beat file' : `${what} record`),
    );
  }
}
