import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readRecording } from '../../shared/formats/read-recording.ts';
import { MAX_SESSION_SPAN_MS, type BeatColumns, type SessionListItem } from '../../shared/model/session.ts';
import { isPossibleInterval, isStorableRr, MAX_STORABLE_RR_MS, MIN_STORABLE_RR_MS } from '../../shared/signal/rr-range.ts';
import { StoreError } from './errors.ts';
import { readImportFile } from './import-files.ts';
import type { RecordsStore } from './records-store.ts';

// One recording file (plain RR, Kubios, Polar HRM, Polar Sensor Logger CSV, arrival-time
// CSV: whatever shared/formats reads) becomes a finished session, summarised by the same
// engine as live sessions. The file's SHA-256 is kept in the session's source, so
// importing the same file again returns the first import instead of a duplicate.

/** Far more than any RR recording (a week of beats is ~4 MB); anything bigger is not one. */
export const MAX_RECORDING_FILE_BYTES = 64 * 1024 * 1024;

export type RecordingImport = {
  session: SessionListItem;
  alreadyImported: boolean;
  /** Values left out as not beat intervals (outside 100–5000 ms): the user is told how many. */
  leftOutCount: number;
};

/** The dates a recording may carry: anything else is a clock or a file that went wrong. */
const PLAUSIBLE_FROM_MS = Date.UTC(2000, 0, 1);
const PLAUSIBLE_UNTIL_MS = Date.UTC(2100, 0, 1);
/** More values than this share outside the storable range and the file is not beat intervals. */
const MAX_LEFT_OUT_SHARE = 0.1;

export async function importRecordingFile(store: RecordsStore, path: string, nowMs: number): Promise<RecordingImport> {
  const read = await readImportFile(path, MAX_RECORDING_FILE_BYTES);
  if (!read.ok) {
    if (read.reason.startsWith('it is larger')) throw new StoreError({ code: 'invalid', reason: 'file-too-large' });
    throw new StoreError({ code: 'invalid', reason: 'not-a-file', detail: read.reason });
  }
  const { bytes } = read;
  const contentSha256 = createHash('sha256').update(bytes).digest('hex');
  const earlier = store.findImportedSession(contentSha256);
  if (earlier) return { session: earlier, alreadyImported: true, leftOutCount: 0 };

  const recording = readRecording(bytes.toString('utf8'));
  if (!recording.ok) throw new StoreError({ code: 'invalid', reason: 'not-a-recording', detail: recording.error.message });
  const { format, rrMs, startedAt } = recording.value;
  const intervals = beatsFromIntervals(rrMs);
  if (typeof intervals === 'string') throw new StoreError({ code: 'invalid', reason: 'not-a-recording', detail: intervals });
  const { beats, leftOutCount } = intervals;
  const spanMs = beats.tMs.at(-1) ?? 0;

  const session = await store.addImportedRecording(
    {
      kind: 'recording',
      source: { kind: 'file', format, fileName: basename(path).slice(0, 255), contentSha256 },
      startedAtMs: recordingStartMs(startedAt, read.mtimeMs - spanMs, nowMs, spanMs),
    },
    beats,
  );
  return { session, alreadyImported: false, leftOutCount };
}

/**
 * Beat times from cumulative RR (arrival times are not beat times). An interval outside the
 * storable range (rr-range.ts) is left out (a short dropout still moves the clock on); a file
 * where many are, or that runs over a week, is not beat intervals in ms (epoch timestamps in
 * the RR column, seconds instead of ms) and is refused with a sentence saying so.
 */
function beatsFromIntervals(rrMs: readonly number[]): { beats: BeatColumns; leftOutCount: number } | string {
  const beats: BeatColumns = { tMs: [], rrMs: [] };
  let tMs = 0;
  let leftOut = 0;
  let firstLeftOut: number | null = null;
  for (const rr of rrMs) {
    if (isPossibleInterval(rr)) tMs += rr;
    if (!isStorableRr(rr)) {
      leftOut += 1;
      firstLeftOut ??= rr;
      continue;
    }
    if (tMs > MAX_SESSION_SPAN_MS) return 'it runs for more than a week';
    beats.tMs.push(tMs);
    beats.rrMs.push(rr);
  }
  if (leftOut > rrMs.length * MAX_LEFT_OUT_SHARE || beats.rrMs.length < 2) {
    return `${leftOut} of ${rrMs.length} values (such as ${String(firstLeftOut)}) are not beat intervals between ${MIN_STORABLE_RR_MS} and ${MAX_STORABLE_RR_MS} ms`;
  }
  return { beats, leftOutCount: leftOut };
}

/**
 * The start written in the file (local time, as the device kept it), else the file's
 * modification time minus the recording's length, else now; a date before 2000 or that
 * would end after 2099 is not believed.
 */
function recordingStartMs(startedAt: string | undefined, mtimeStartMs: number, nowMs: number, spanMs: number): number {
  const plausible = (ms: number) => Number.isFinite(ms) && ms >= PLAUSIBLE_FROM_MS && ms + spanMs < PLAUSIBLE_UNTIL_MS;
  const fromFile = startedAt === undefined ? Number.NaN : new Date(startedAt).getTime();
  if (plausible(fromFile)) return Math.round(fromFile);
  if (plausible(mtimeStartMs)) return Math.round(mtimeStartMs);
  return Math.round(nowMs);
}
