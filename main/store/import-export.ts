import { join } from 'node:path';
import { beatColumnsProblem, type BeatColumns } from '../../shared/model/session.ts';
import { StoreError } from './errors.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_MANIFEST } from './export.ts';
import { listImportFolder, MIB, readImportFile } from './import-files.ts';
import type { RecordKind } from './layout.ts';
import { parseRecordJson, type RecordDoc } from './record-codec.ts';
import type { AdoptOutcome, RecordsStore } from './records-store.ts';

// Reads a folder written by export back into the store. Records keep their ids, so a
// second import of the same folder finds every record already there and adds nothing; a
// record that exists here with different content is kept as it is here and counted as a
// conflict, and so is a record whose file is already on disk though the index does not
// list it (one from a newer Attune): import never writes over anything. Only regular files
// within size limits are read (import-files.ts); a file that does not parse, or holds values
// out of range, is listed as a problem with its reason and the rest goes on.

export type ImportResult = {
  added: { sessions: number; journalEntries: number; agreements: number };
  unchanged: number;
  conflicts: number;
  problems: Array<{ file: string; reason: string }>;
};

/** Per-file limits: far above anything export writes, far below what could fill memory. */
export const IMPORT_LIMITS_BYTES = { manifest: 64 * 1024, record: MIB, beatsCsv: 64 * MIB } as const;

const FOLDERS = { session: 'sessions', journal: 'journal', agreement: 'agreements' } as const satisfies Record<RecordKind, string>;

export async function importExportFolder(store: RecordsStore, folder: string): Promise<ImportResult> {
  await readManifest(folder);
  const result: ImportResult = { added: { sessions: 0, journalEntries: 0, agreements: 0 }, unchanged: 0, conflicts: 0, problems: [] };
  const count = (outcome: AdoptOutcome, kind: keyof ImportResult['added']) => {
    if (outcome === 'added') result.added[kind] += 1;
    else if (outcome === 'unchanged') result.unchanged += 1;
    else result.conflicts += 1;
  };
  /** A record the store refuses (out of range) is a problem of that file; the rest goes on. */
  const adopt = async (where: string, task: () => Promise<AdoptOutcome>, kind: keyof ImportResult['added']) => {
    try {
      count(await task(), kind);
    } catch (error) {
      if (!(error instanceof StoreError && error.problem.code === 'invalid')) throw error;
      result.problems.push({ file: where, reason: error.problem.detail ?? 'it is outside what Attune can keep' });
    }
  };

  for (const { where, doc } of await recordsIn(folder, 'session', result)) {
    const beatsFile = `beats/${doc.id}.csv`;
    const beats = await readBeatsCsv(join(folder, 'beats', `${doc.id}.csv`));
    if (typeof beats === 'string' || (beats === null && doc.beatCount > 0)) {
      result.problems.push({ file: beatsFile, reason: beats ?? 'the beats file is missing' });
      continue;
    }
    await adopt(where, () => store.adoptSession(doc, beats ?? { tMs: [], rrMs: [] }), 'sessions');
  }
  for (const { where, doc } of await recordsIn(folder, 'journal', result)) await adopt(where, () => store.adoptJournal(doc), 'journalEntries');
  for (const { where, doc } of await recordsIn(folder, 'agreement', result)) await adopt(where, () => store.adoptAgreement(doc), 'agreements');
  return result;
}

/**
 * The records of one kind in the export that read and check out; every other file is a
 * problem with its reason. A file must be named after the record's id, so two files can
 * never bring the same record.
 */
async function recordsIn<K extends RecordKind>(folder: string, kind: K, result: ImportResult): Promise<Array<{ where: string; doc: RecordDoc[K] }>> {
  const sub = FOLDERS[kind];
  const listing = await listImportFolder(join(folder, sub));
  if ('missing' in listing) return [];
  if ('reason' in listing) {
    result.problems.push({ file: sub, reason: listing.reason });
    return [];
  }
  const out: Array<{ where: string; doc: RecordDoc[K] }> = [];
  for (const name of listing.names.filter((n) => n.endsWith('.json'))) {
    const where = `${sub}/${name}`;
    const read = await readImportFile(join(folder, sub, name), IMPORT_LIMITS_BYTES.record);
    if (!read.ok) {
      result.problems.push({ file: where, reason: read.reason });
      continue;
    }
    const outcome = parseRecordJson(kind, null, read.bytes.toString('utf8'));
    if (!outcome.ok) result.problems.push({ file: where, reason: outcome.detail });
    else if (`${outcome.doc.id}.json` !== name) result.problems.push({ file: where, reason: 'the file name does not match the record inside it' });
    else out.push({ where, doc: outcome.doc });
  }
  return out;
}

async function readManifest(folder: string): Promise<void> {
  const read = await readImportFile(join(folder, EXPORT_MANIFEST), IMPORT_LIMITS_BYTES.manifest);
  let manifest: unknown;
  try {
    if (!read.ok) throw new Error(read.reason);
    manifest = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    throw new StoreError({ code: 'not-an-export', reason: 'no-manifest' });
  }
  const m = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as { format?: unknown; formatVersion?: unknown };
  if (m.format !== EXPORT_FORMAT) throw new StoreError({ code: 'not-an-export', reason: 'other-format' });
  if (typeof m.formatVersion !== 'number' || m.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new StoreError({ code: 'newer-version', what: 'export' });
  }
}

/** The beats CSV export writes, null when there is none, or a sentence saying what is wrong with it. */
export async function readBeatsCsv(path: string): Promise<BeatColumns | string | null> {
  const read = await readImportFile(path, IMPORT_LIMITS_BYTES.beatsCsv);
  if (!read.ok) return read.missing ? null : read.reason;
  const lines = read.bytes.toString('utf8').split(/\r?\n/);
  if ((lines[0] ?? '').trim() !== 'tMs,rrMs') return 'the first line is not the header tMs,rrMs';
  const beats: BeatColumns = { tMs: [], rrMs: [] };
  for (let i = 1; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const [t, rr, extra] = line.split(',');
    const tMs = Number(t);
    const rrMs = Number(rr);
    if (extra !== undefined || t === '' || rr === '' || !Number.isFinite(tMs) || !Number.isFinite(rrMs)) return `line ${i + 1} is not two numbers`;
    beats.tMs.push(tMs);
    beats.rrMs.push(rrMs);
  }
  return beatColumnsProblem(beats) ?? beats;
}
