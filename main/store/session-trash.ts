import { join } from 'node:path';
import { JOURNAL_TRASH_KEEP_MS } from '../../shared/model/journal.ts';
import type { SessionListItem } from '../../shared/model/session.ts';
import { syncDirectory } from './atomic-write.ts';
import { notFound, StoreError } from './errors.ts';
import { isNotFound, type StoreFs } from './fs-layer.ts';
import { BEATS_EXT, RECORD_EXT, TRASH_FOLDER } from './layout.ts';
import { KindRecords, type RecordFiles } from './record-files.ts';
import type { Clock } from '../../shared/time/clock.ts';

// The sessions' trash: a deleted session's record and beats files are moved, untouched, into
// trash/ and can be moved back for as long as the journal keeps a trashed entry (30 days, one
// rule for both). A session in the trash is out of the index, so no list or trend counts it.
// Unlike a journal entry (whose record carries trashedAtMs), a session's files are moved as
// they are: its beats file is large and append-only, and rewriting it to mark it trashed
// would be a write that can fail half-way. The time of the move is in the file names:
//
//   trash/<trashedAtMs>.<id>.rec      the session record, byte for byte
//   trash/<trashedAtMs>.<id>.beats    its beats, byte for byte (absent if it had none)
//
// The record's place says where the session is: it moves first on delete and last on
// restore, and when the store opens, beats whose record is in the trash follow it there (a
// move cut short by a crash is finished, never quarantined as orphan beats).

const TRASHED_FILE = /^(\d{1,16})\.([A-Za-z0-9_-]{8,64})\.(rec|beats)$/;

export type TrashedSession = { id: string; trashedAtMs: number; hasBeats: boolean };

export class SessionTrash extends KindRecords {
  private readonly isRecording: (sessionId: string) => boolean;

  constructor(files: RecordFiles, clock: Clock, isRecording: (sessionId: string) => boolean) {
    super(files, clock);
    this.isRecording = isRecording;
  }

  private get vault() {
    return this.files.vault;
  }

  private get dir(): string {
    return join(this.vault.layout.root, TRASH_FOLDER);
  }

  private trashPath(trashedAtMs: number, id: string, ext: string): string {
    return join(this.dir, `${trashedAtMs}.${id}${ext}`);
  }

  /** Moves a finished session (record, then beats) to the trash; it is no longer listed. */
  async trash(sessionId: string): Promise<{ sessionId: string; trashedAtMs: number }> {
    if (!this.index.summary.getSession(sessionId)) throw notFound('session');
    if (this.isRecording(sessionId)) throw new StoreError({ code: 'conflict', reason: 'still-recording' });
    const trashedAtMs = Math.round(this.clock.nowMs());
    const { layout, fs } = this.vault;
    await fs.mkdir(this.dir);
    await fs.rename(layout.recordPath('session', sessionId), this.trashPath(trashedAtMs, sessionId, RECORD_EXT));
    this.index.forget('session', sessionId);
    this.index.fileGone('session', sessionId);
    await moveIfPresent(fs, layout.beatsPath(sessionId), this.trashPath(trashedAtMs, sessionId, BEATS_EXT));
    await syncDirectory(fs, this.dir);
    return { sessionId, trashedAtMs };
  }

  /** Moves a session back from the trash (beats, then record) and lists it again. */
  async restore(sessionId: string): Promise<SessionListItem> {
    const found = (await this.list()).find((item) => item.id === sessionId);
    if (!found) {
      // Restored already (a second click): it is simply there.
      const listed = this.index.summary.getSession(sessionId);
      if (listed) return this.index.summary.toListItem(listed);
      throw new StoreError({ code: 'not-found', record: 'session', place: 'trash' });
    }
    const { layout, fs } = this.vault;
    if (await this.files.occupied('session', sessionId, found.hasBeats ? [layout.beatsPath(sessionId)] : [])) {
      // Something took its name meanwhile (an import of the same export): never written over.
      throw new StoreError({ code: 'conflict', reason: 'changed-since-read' });
    }
    if (found.hasBeats) await fs.rename(this.trashPath(found.trashedAtMs, sessionId, BEATS_EXT), layout.beatsPath(sessionId));
    await fs.rename(this.trashPath(found.trashedAtMs, sessionId, RECORD_EXT), layout.recordPath('session', sessionId));
    await syncDirectory(fs, this.dir);
    const record = await this.files.read('session', sessionId);
    this.index.putSession(record);
    this.index.fileWritten('session', sessionId, await this.vault.fingerprint('session', sessionId));
    return this.index.summary.toListItem(this.index.summary.getSession(sessionId)!);
  }

  /** Sessions in the trash, from the folder's file names (a record file makes a session). */
  async list(): Promise<TrashedSession[]> {
    let names: string[];
    try {
      names = await this.vault.fs.readdir(this.dir);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const beats = new Set<string>();
    const records: Array<{ id: string; trashedAtMs: number }> = [];
    for (const name of names) {
      const match = TRASHED_FILE.exec(name);
      if (!match) continue;
      const [, atMs, id, ext] = match as unknown as [string, string, string, string];
      if (ext === 'beats') beats.add(`${atMs}.${id}`);
      else records.push({ id, trashedAtMs: Number(atMs) });
    }
    return records.map((r) => ({ ...r, hasBeats: beats.has(`${r.trashedAtMs}.${r.id}`) }));
  }

  /** Ids of the sessions in the trash, for the opening's check for orphan beats. */
  async trashedIds(): Promise<Set<string>> {
    return new Set((await this.list()).map((item) => item.id));
  }

  /**
   * When the store opens: beats a crash left behind their trashed record follow it, and
   * sessions in the trash for longer than the trash keeps them are removed for good.
   */
  async settle(): Promise<void> {
    const cutoffMs = this.clock.nowMs() - JOURNAL_TRASH_KEEP_MS;
    const { layout, fs } = this.vault;
    let changed = false;
    for (const item of await this.list()) {
      if (!item.hasBeats && !this.index.summary.getSession(item.id)) {
        changed = (await moveIfPresent(fs, layout.beatsPath(item.id), this.trashPath(item.trashedAtMs, item.id, BEATS_EXT))) || changed;
      }
      if (item.trashedAtMs > cutoffMs) continue;
      // Beats first: a crash in between leaves a record that is purged next time.
      await fs.rm(this.trashPath(item.trashedAtMs, item.id, BEATS_EXT));
      await fs.rm(this.trashPath(item.trashedAtMs, item.id, RECORD_EXT));
      changed = true;
    }
    if (changed) await syncDirectory(fs, this.dir);
  }
}

async function moveIfPresent(fs: StoreFs, from: string, to: string): Promise<boolean> {
  try {
    await fs.rename(from, to);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
