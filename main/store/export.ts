import { join } from 'node:path';
import type { Agreement } from '../../shared/model/agreement.ts';
import type { JournalEntry } from '../../shared/model/journal.ts';
import type { BeatColumns, SessionRecord } from '../../shared/model/session.ts';
import { toCsv, type CsvCell } from '../../shared/formats/csv.ts';
import { writePlainRr } from '../../shared/formats/write-recording.ts';
import { isNotFound, type StoreFs } from './fs-layer.ts';
import type { RecordsStore } from './records-store.ts';

// Export writes everything the user has, unencrypted, into a new folder inside the one
// they picked: the records as JSON (what import reads back), summaries and beats as CSV
// for spreadsheets, and each session's RR intervals as a plain one-value-per-line file,
// which Kubios HRV and most HRV tools open. Nothing in the store changes.

export const EXPORT_MANIFEST = 'manifest.json';
export const EXPORT_FORMAT = 'attune-export';
export const EXPORT_FORMAT_VERSION = 1;

export type ExportResult = { folder: string; sessions: number; journalEntries: number; agreements: number };

const SUMMARY_COLUMNS = [
  'id', 'kind', 'status', 'startedAt', 'endedAt', 'source', 'beatCount', 'durationSec', 'meanHrBpm', 'minHrBpm', 'maxHrBpm',
  'rmssdMs', 'sdnnMs', 'correctedBeatCount', 'correctedPercent', 'peakHrBpm', 'calmDownSec', 'coherenceMean', 'coherenceHighSec', 'coherenceMeasuredSec',
  'verdict', 'engineVersion', 'journalEntryIds',
] as const;

export async function exportEverything(store: RecordsStore, fs: StoreFs, parentFolder: string, nowMs: number): Promise<ExportResult> {
  const folder = await freshFolder(fs, parentFolder, `Attune export ${new Date(nowMs).toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-')}`);
  for (const sub of ['sessions', 'beats', 'rr', 'journal', 'agreements']) await fs.mkdir(join(folder, sub));

  const counts = { sessions: 0, journalEntries: 0, agreements: 0 };
  const linked = new Map<string, string[]>();
  const sessions: SessionRecord[] = [];

  await store.forEachRecord({
    session: async (record, beats) => {
      sessions.push(record);
      await writeJson(fs, join(folder, 'sessions', `${record.id}.json`), record);
      await fs.writeFile(join(folder, 'beats', `${record.id}.csv`), beatsCsv(beats));
      const rr = beats.rrMs.filter((value) => Number.isFinite(value) && value > 0);
      if (rr.length > 0) await fs.writeFile(join(folder, 'rr', `${rrFileName(record)}.txt`), writePlainRr(rr));
      counts.sessions += 1;
    },
    journal: async (entry: JournalEntry) => {
      await writeJson(fs, join(folder, 'journal', `${entry.id}.json`), entry);
      if (entry.trashedAtMs === null) for (const sessionId of entry.sessionIds) linked.set(sessionId, [...(linked.get(sessionId) ?? []), entry.id]);
      counts.journalEntries += 1;
    },
    agreement: async (agreement: Agreement) => {
      await writeJson(fs, join(folder, 'agreements', `${agreement.id}.json`), agreement);
      counts.agreements += 1;
    },
  });

  const summaryRows = sessions.map((record) => summaryRow(record, linked.get(record.id) ?? []));
  await fs.writeFile(join(folder, 'sessions.csv'), toCsv(SUMMARY_COLUMNS, summaryRows));
  await fs.writeFile(join(folder, 'README.txt'), README);
  // Written last: an export without its manifest is unfinished and import will say so.
  await writeJson(fs, join(folder, EXPORT_MANIFEST), { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAtMs: nowMs, ...counts });
  return { folder, ...counts };
}

/** tMs (ms since the session started) and rrMs per beat, exactly as stored. */
function beatsCsv(beats: BeatColumns): string {
  return toCsv(['tMs', 'rrMs'], beats.rrMs.map((rrMs, i) => [beats.tMs[i], rrMs]));
}

function summaryRow(record: SessionRecord, journalEntryIds: string[]): CsvCell[] {
  const s = record.summary;
  let verdict = '';
  for (const marker of record.markers) if (marker.verdict) verdict = marker.verdict;
  const values: Record<(typeof SUMMARY_COLUMNS)[number], CsvCell> = {
    id: record.id,
    kind: record.kind,
    status: record.status,
    startedAt: new Date(record.startedAtMs).toISOString(),
    endedAt: record.endedAtMs === null ? '' : new Date(record.endedAtMs).toISOString(),
    source: record.source.kind === 'file' ? `file:${record.source.format}` : record.source.kind,
    beatCount: record.beatCount,
    durationSec: s?.durationSec,
    meanHrBpm: s?.meanHrBpm,
    minHrBpm: s?.minHrBpm,
    maxHrBpm: s?.maxHrBpm,
    rmssdMs: s?.rmssdMs,
    sdnnMs: s?.sdnnMs,
    correctedBeatCount: s?.correctedBeatCount,
    correctedPercent: s?.correctedPercent,
    peakHrBpm: s?.peakHrBpm,
    calmDownSec: s?.calmDownSec,
    // The mean as the share of the rhythm in one wave (0–1), as the session page shows it.
    coherenceMean: s?.coherence.meanNormalized,
    coherenceHighSec: s?.coherence.highSec,
    coherenceMeasuredSec: s?.coherence.measuredSec,
    verdict,
    engineVersion: s?.engineVersion,
    journalEntryIds: journalEntryIds.join(' '),
  };
  return SUMMARY_COLUMNS.map((column) => values[column]);
}

function rrFileName(record: SessionRecord): string {
  const stamp = new Date(record.startedAtMs).toISOString().slice(0, 16).replace('T', '_').replace(':', '-');
  return `${stamp}_${record.kind}_${record.id}`;
}

async function writeJson(fs: StoreFs, path: string, value: unknown): Promise<void> {
  await fs.writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

async function freshFolder(fs: StoreFs, parent: string, name: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = join(parent, n === 1 ? name : `${name} (${n})`);
    try {
      await fs.stat(candidate);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await fs.mkdir(candidate);
      return candidate;
    }
  }
}

const README = `Attune export
=============

manifest.json          what this export holds (Attune reads it when importing)
sessions/<id>.json     each session: kind, times, source, breathing pattern, phase markers, summary
beats/<id>.csv         each session's beats: tMs (ms since the session started), rrMs (RR interval, ms)
rr/<date>_<kind>_<id>.txt   RR intervals in ms, one per line: open these in Kubios HRV or similar tools
sessions.csv           one row per session with its summary
journal/<id>.json      journal entries (entries in the trash are included, with trashedAtMs set)
agreements/<id>.json   repair agreements

These files are not encrypted. Keep them somewhere private.
To bring them back, choose this folder under Settings > Data > Import.
`;
