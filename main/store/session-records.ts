import { BEATS_DAMAGE_WORDS, STORE_NOTICE_WORDS } from '../../shared/content/store-messages.ts';
import {
  beatColumnsProblem,
  SESSION_SCHEMA_VERSION,
  type Beat,
  type BeatColumns,
  type BeatsLoss,
  type PhaseMarker,
  type SessionDetail,
  type SessionListItem,
  type SessionRecord,
  type SessionStart,
} from '../../shared/model/session.ts';
import { beatsLoss, type BeatsReadout } from './beats-file.ts';
import type { Clock } from '../../shared/time/clock.ts';
import { notFound, StoreError } from './errors.ts';
import { errorCode } from './fs-layer.ts';
import { newRecordId } from './layout.ts';
import { KindRecords, sameJson, type AdoptOutcome, type RecordFiles } from './record-files.ts';
import type { SummarizeBeats } from '../../shared/signal/session-summary.ts';

// Sessions and their beats: starting a recording, appending beats batch by batch, phase
// markers, finishing with the engine's summary, discarding; reading a session back with its
// beats; adopting one from an export or a recording file; and, when the store opens,
// finishing sessions a crash cut off. The store's lock is held around every call here.

type ActiveSession = { record: SessionRecord; beatsBytes: number; frameCount: number; beatCount: number };

const BEATS_PER_IMPORTED_FRAME = 1024;

function noBeats(): BeatColumns {
  return { tMs: [], rrMs: [] };
}

export class SessionRecords extends KindRecords {
  /** Sessions recording now, with where their beats file ends. */
  private readonly active = new Map<string, ActiveSession>();
  private readonly summarize: SummarizeBeats;

  constructor(files: RecordFiles, clock: Clock, summarize: SummarizeBeats) {
    super(files, clock);
    this.summarize = summarize;
  }

  private get vault() {
    return this.files.vault;
  }

  async start(input: SessionStart): Promise<SessionListItem> {
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
    await this.files.write('session', record);
    let beatsBytes: number;
    try {
      beatsBytes = await this.vault.createBeats(record.id);
    } catch (error) {
      await this.files.remove('session', record.id).catch(() => undefined);
      throw error;
    }
    this.active.set(record.id, { record, beatsBytes, frameCount: 0, beatCount: 0 });
    this.index.putSession(record);
    return this.item(record.id);
  }

  /** Appends one batch; when this resolves the batch is on disk. */
  async appendBeats(sessionId: string, beats: readonly Beat[]): Promise<{ beatCount: number }> {
    const session = this.recording(sessionId);
    if (beats.length === 0) return { beatCount: session.beatCount };
    session.beatsBytes += await this.vault.appendBeats(sessionId, session.frameCount, beats, session.beatsBytes);
    session.frameCount += 1;
    session.beatCount += beats.length;
    return { beatCount: session.beatCount };
  }

  async addMarker(sessionId: string, marker: PhaseMarker): Promise<{ markerCount: number }> {
    const session = this.recording(sessionId);
    const record: SessionRecord = { ...session.record, revision: session.record.revision + 1, markers: [...session.record.markers, marker] };
    await this.files.write('session', record);
    session.record = record;
    this.index.putSession(record);
    return { markerCount: record.markers.length };
  }

  /** Ends the recording and stores the summary the signal engine computes from the stored beats. */
  async finish(sessionId: string, options: { baselineHrBpm?: number | null }): Promise<SessionListItem> {
    const session = this.recording(sessionId);
    const baselineHrBpm = options.baselineHrBpm === undefined ? session.record.baselineHrBpm : options.baselineHrBpm;
    // A failed append may have left bytes past the last acknowledged frame; they are not data.
    await this.settleBeats(sessionId, { acknowledgedBeats: session.beatCount, endBytes: session.beatsBytes }, async (beats, loss) => {
      const record: SessionRecord = {
        ...session.record,
        revision: session.record.revision + 1,
        status: 'finished',
        endedAtMs: Math.max(session.record.startedAtMs, Math.round(this.clock.nowMs())),
        baselineHrBpm,
        beatCount: beats.rrMs.length,
        summary: this.summarize(beats, { baselineHrBpm, markers: session.record.markers }),
        ...(loss ? { beatsLost: loss } : {}),
      };
      await this.files.write('session', record);
      this.index.putSession(record);
    });
    this.active.delete(sessionId);
    return this.item(sessionId);
  }

  /** Removes a session and its beats for good (a recording the user does not want to keep). */
  async discard(sessionId: string): Promise<{ discarded: true }> {
    if (!this.index.summary.getSession(sessionId)) throw notFound('session');
    // Beats first: a crash in between leaves a session without beats, which can be
    // discarded again, rather than beats without a session.
    await this.vault.removeBeats(sessionId);
    await this.files.remove('session', sessionId);
    this.active.delete(sessionId);
    this.index.summary.removeSession(sessionId);
    return { discarded: true as const };
  }

  /** Whether the session is recording now (its beats file is still being appended to). */
  isRecording(sessionId: string): boolean {
    return this.active.has(sessionId);
  }

  /** Sessions that started in [fromMs, toMs), oldest first. Served from memory. */
  list(fromMs: number, toMs: number): SessionListItem[] {
    return this.index.summary.sessionsInRange(fromMs, toMs).map((entry) => this.index.summary.toListItem(entry));
  }

  async get(sessionId: string): Promise<SessionDetail> {
    if (!this.index.summary.getSession(sessionId)) throw notFound('session');
    const stored = this.active.get(sessionId)?.record ?? (await this.files.read('session', sessionId));
    const { session, beats, beatsStatus } = await this.beatsForView(stored);
    return { session, beats, beatsStatus, journalEntryIds: this.index.summary.linkedEntries(sessionId) };
  }

  /** The session imported earlier from a file with these bytes, if any. */
  findImported(contentSha256: string): SessionListItem | null {
    const entry = this.index.summary.allSessions().find((s) => s.sourceSha256 === contentSha256);
    return entry ? this.index.summary.toListItem(entry) : null;
  }

  item(sessionId: string): SessionListItem {
    const entry = this.index.summary.getSession(sessionId);
    if (!entry) throw notFound('session');
    return this.index.summary.toListItem(entry);
  }

  /** Every session with its beats, for export; one that cannot be read is left out. */
  async forEach(visit: (record: SessionRecord, beats: BeatColumns) => Promise<void>): Promise<void> {
    for (const entry of [...this.index.summary.allSessions()]) {
      const stored = this.active.get(entry.id)?.record ?? (await this.files.readOrSkip('session', entry.id));
      if (!stored) continue;
      const { session, beats } = await this.beatsForView(stored);
      await visit(session, beats);
    }
  }

  /** Adds a session from an export or an imported file, keeping its id; see RecordsStore.adoptSession. */
  async adopt(record: SessionRecord, beats: BeatColumns): Promise<AdoptOutcome> {
    if (this.index.summary.getSession(record.id)) {
      const existing = this.active.get(record.id)?.record ?? (await this.files.read('session', record.id));
      return sameJson(existing, record) ? 'unchanged' : 'conflict';
    }
    if (await this.files.occupied('session', record.id, [this.vault.layout.beatsPath(record.id)])) return 'conflict';
    const beatsProblem = beatColumnsProblem(beats);
    if (beatsProblem) throw new StoreError({ code: 'invalid', reason: 'record-not-valid', detail: beatsProblem });
    // A session exported mid-recording counts its beats only when finished (here, below).
    if (record.status !== 'recording' && beats.rrMs.length > record.beatCount) {
      throw new StoreError({ code: 'invalid', reason: 'record-not-valid', detail: `the beats file holds ${beats.rrMs.length} beats, the session ${record.beatCount}` });
    }
    // A session exported while it was recording arrives without anyone to finish it:
    // it is finished here as interrupted, like one cut off by a crash.
    const stored: SessionRecord = record.status === 'recording' ? this.interrupted(record, beats) : record;
    let positionBytes = await this.vault.createBeats(stored.id);
    let frameIndex = 0;
    for (let start = 0; start < beats.rrMs.length; start += BEATS_PER_IMPORTED_FRAME) {
      const batch: Beat[] = [];
      for (let i = start; i < Math.min(start + BEATS_PER_IMPORTED_FRAME, beats.rrMs.length); i += 1) {
        batch.push({ tMs: beats.tMs[i] ?? 0, rrMs: beats.rrMs[i] ?? 0 });
      }
      positionBytes += await this.vault.appendBeats(stored.id, frameIndex, batch, positionBytes);
      frameIndex += 1;
    }
    await this.files.write('session', stored);
    this.index.putSession(stored);
    return 'added';
  }

  /** A finished session built from beats read out of a file, summarised like a live one. */
  importedRecord(input: Pick<SessionRecord, 'kind' | 'source' | 'startedAtMs'>, beats: BeatColumns): SessionRecord {
    return {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id: newRecordId(),
      revision: 1,
      kind: input.kind,
      status: 'finished',
      startedAtMs: input.startedAtMs,
      endedAtMs: input.startedAtMs + Math.round(beats.tMs.at(-1) ?? 0),
      source: input.source,
      breathingPattern: null,
      baselineHrBpm: null,
      markers: [],
      beatCount: beats.rrMs.length,
      summary: this.summarize(beats, { baselineHrBpm: null }),
    };
  }

  /**
   * When the store opens: sessions still marked as recording were cut off by a crash or a
   * forced quit. They are finished as 'interrupted' from the beats that reached the disk; a
   * last batch that was half-written (never acknowledged) is cut off the file. A damaged
   * frame before that costs only itself (see settleBeats), and the session says so.
   */
  async recoverInterrupted(): Promise<boolean> {
    let recovered = 0;
    for (const entry of this.index.summary.allSessions().filter((s) => s.status === 'recording')) {
      const record = await this.files.read('session', entry.id).catch(() => null);
      if (!record) continue;
      await this.settleBeats(record.id, { acknowledgedBeats: null }, async (beats, loss) => {
        const finished = this.interrupted(record, beats, loss);
        await this.files.write('session', finished);
        this.index.putSession(finished);
      });
      recovered += 1;
    }
    if (recovered > 0) this.vault.notify('storage-warning', STORE_NOTICE_WORDS.sessionsRecovered(recovered));
    return recovered > 0;
  }

  private interrupted(record: SessionRecord, beats: BeatColumns, loss: BeatsLoss | null = null): SessionRecord {
    return {
      ...record,
      revision: record.revision + 1,
      status: 'interrupted',
      endedAtMs: record.startedAtMs + Math.round(beats.tMs.at(-1) ?? 0),
      beatCount: beats.rrMs.length,
      summary: this.summarize(beats, { baselineHrBpm: record.baselineHrBpm, markers: record.markers }),
      ...(loss ? { beatsLost: loss } : {}),
    };
  }

  private recording(sessionId: string): ActiveSession {
    const session = this.active.get(sessionId);
    if (session) return session;
    if (this.index.summary.getSession(sessionId)) throw new StoreError({ code: 'conflict', reason: 'not-recording' });
    throw notFound('session');
  }

  /**
   * Reads a session's beats to finish it (or finish it as interrupted), and `save`s the
   * record from what opened. A tail a crash or a failed append left (never acknowledged) is
   * cut off first. Damage is kept, not cut: the whole file is copied to quarantine, the
   * record saved with what was lost, and only then is the file written afresh from the
   * frames that opened; a crash in between leaves the copy and a record that already says
   * what was lost (a later read repairs the file again and finds nothing new missing).
   */
  private async settleBeats(
    sessionId: string,
    known: { acknowledgedBeats: number | null; endBytes?: number },
    save: (beats: BeatColumns, loss: BeatsLoss | null) => Promise<void>,
  ): Promise<void> {
    const readout = await this.readBeats(sessionId);
    if (!readout) return save(noBeats(), null);
    const loss = beatsLoss(readout, known.acknowledgedBeats);
    if (!readout.damaged && !loss) {
      if (readout.tail !== 'none' || (known.endBytes !== undefined && readout.goodBytes !== known.endBytes)) {
        await this.vault.truncateBeats(sessionId, readout.goodBytes);
      }
      return save(readout.beats, null);
    }
    await this.vault.keepBeatsCopy(sessionId, damageReason(readout, loss));
    await save(readout.beats, loss);
    await this.vault.rewriteBeats(sessionId, readout.beats);
    this.tellDamage(loss);
  }

  /** A session's beats to show or export, with the record as it is after any repair. */
  private async beatsForView(session: SessionRecord): Promise<{ session: SessionRecord; beats: BeatColumns; beatsStatus: SessionDetail['beatsStatus'] }> {
    const readout = await this.readBeats(session.id);
    if (!readout) {
      // Never having had beats is fine; beats that should be there and are not is not.
      return { session, beats: noBeats(), beatsStatus: session.beatCount === 0 && session.status !== 'interrupted' ? 'complete' : 'unavailable' };
    }
    if (session.status === 'recording') return { session, beats: readout.beats, beatsStatus: 'complete' };
    const loss = beatsLoss(readout, session.beatCount);
    // A finished session's file was cut to its last frame when it finished: anything after
    // that, or anything missing, is damage.
    const current = readout.damaged || loss || readout.tail !== 'none' ? await this.repairFinished(session, readout, loss) : session;
    return { session: current, beats: readout.beats, beatsStatus: current.beatsLost ? 'partial' : 'complete' };
  }

  /**
   * A finished session's beats found damaged: the file copied to quarantine, the record told
   * what was lost (added to any earlier loss), the file written afresh. On a disk that takes
   * no writes nothing changes and the beats that opened are still shown; the next read
   * tries again.
   */
  private async repairFinished(session: SessionRecord, readout: BeatsReadout, loss: BeatsLoss | null): Promise<SessionRecord> {
    const record: SessionRecord = loss
      ? { ...session, revision: session.revision + 1, beatCount: readout.beats.rrMs.length, beatsLost: addLoss(session.beatsLost, loss) }
      : session;
    try {
      await this.vault.keepBeatsCopy(session.id, damageReason(readout, loss));
      if (record !== session) {
        await this.files.write('session', record);
        this.index.putSession(record);
      }
      await this.vault.rewriteBeats(session.id, readout.beats);
    } catch (error) {
      if (errorCode(error) === undefined) throw error;
      return record;
    }
    this.tellDamage(loss);
    return record;
  }

  private tellDamage(loss: BeatsLoss | null): void {
    this.vault.notify('records-quarantined', loss ? BEATS_DAMAGE_WORDS.partialNotice(loss) : BEATS_DAMAGE_WORDS.repairedNotice);
  }

  /** null when there is no beats file (or it was damaged and has been quarantined). */
  private async readBeats(sessionId: string): Promise<BeatsReadout | null> {
    const read = await this.vault.readBeats(sessionId);
    if (read === 'quarantined') this.active.delete(sessionId);
    return typeof read === 'string' ? null : read;
  }
}

function addLoss(earlier: BeatsLoss | undefined, loss: BeatsLoss): BeatsLoss {
  if (!earlier) return loss;
  return { frames: earlier.frames + loss.frames, beats: earlier.beats + loss.beats, seconds: Math.round((earlier.seconds + loss.seconds) * 10) / 10 };
}

/** For the quarantine note (a support request), not for the user's eyes. */
function damageReason(readout: BeatsReadout, loss: BeatsLoss | null): string {
  const parts = [];
  if (readout.gaps.length > 0) parts.push(`${readout.gaps.length} damaged stretch(es) between readable frames`);
  if (readout.tail !== 'none') parts.push(`${readout.tailBytes} unreadable bytes at the end`);
  if (parts.length === 0) parts.push('damaged header or length fields');
  parts.push(loss ? `${loss.beats} beats in ${loss.frames} frame(s) lost, about ${loss.seconds} s` : 'every beat could still be read');
  return `${parts.join('; ')}; the readable beats were written afresh`;
}
