import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readRecording } from '../../shared/formats/read-recording.ts';
import type { BeatColumns, SessionListItem } from '../../shared/model/session.ts';
import { StoreError } from './errors.ts';
import type { StoreFs } from './fs-layer.ts';
import type { RecordsStore } from './records-store.ts';

// One recording file (plain RR, Kubios, Polar HRM, Polar Sensor Logger CSV, arrival-time
// CSV: whatever shared/formats reads) becomes a finished session, summarised by the same
// engine as live sessions. The file's SHA-256 is kept in the session's source, so
// importing the same file again returns the first import instead of a duplicate.

/** Far more than any RR recording (a week of beats is ~4 MB); anything bigger is not one. */
export const MAX_RECORDING_FILE_BYTES = 64 * 1024 * 1024;

export type RecordingImport = { session: SessionListItem; alreadyImported: boolean };

export async function importRecordingFile(store: RecordsStore, fs: StoreFs, path: string, nowMs: number): Promise<RecordingImport> {
  const stat = await fs.stat(path);
  if (!stat.isFile()) throw new StoreError({ code: 'invalid', reason: 'not-a-file' });
  if (stat.size > MAX_RECORDING_FILE_BYTES) throw new StoreError({ code: 'invalid', reason: 'file-too-large' });
  const bytes = await fs.readFile(path);
  const contentSha256 = createHash('sha256').update(bytes).digest('hex');
  const earlier = store.findImportedSession(contentSha256);
  if (earlier) return { session: earlier, alreadyImported: true };

  const read = readRecording(bytes.toString('utf8'));
  if (!read.ok) throw new StoreError({ code: 'invalid', reason: 'not-a-recording', detail: read.error.message });
  const { format, rrMs, startedAt } = read.value;

  // Beat times come from cumulative RR (arrival times are not beat times).
  const beats: BeatColumns = { tMs: [], rrMs: [] };
  let tMs = 0;
  for (const rr of rrMs) {
    tMs += rr;
    beats.tMs.push(tMs);
    beats.rrMs.push(rr);
  }
  const session = await store.addImportedRecording(
    {
      kind: 'recording',
      source: { kind: 'file', format, fileName: basename(path).slice(0, 255), contentSha256 },
      startedAtMs: recordingStartMs(startedAt, stat.mtimeMs - tMs, nowMs),
    },
    beats,
  );
  return { session, alreadyImported: false };
}

/**
 * The start written in the file (local time, as the device kept it), else the file's
 * modification time minus the recording's length, else now.
 */
function recordingStartMs(startedAt: string | undefined, mtimeStartMs: number, nowMs: number): number {
  const fromFile = startedAt === undefined ? Number.NaN : new Date(startedAt).getTime();
  if (Number.isFinite(fromFile) && fromFile > 0) return Math.round(fromFile);
  if (Number.isFinite(mtimeStartMs) && mtimeStartMs > 0) return Math.round(mtimeStartMs);
  return Math.round(nowMs);
}
