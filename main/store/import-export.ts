import { join } from 'node:path';
import type { BeatColumns } from '../../shared/model/session.ts';
import { StoreError } from './errors.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_MANIFEST } from './export.ts';
import { isNotFound, type StoreFs } from './fs-layer.ts';
import { parseRecordJson } from './record-codec.ts';
import type { AdoptOutcome, RecordsStore } from './records-store.ts';

// Reads a folder written by export back into the store. Records keep their ids, so a
// second import of the same folder finds every record already there and adds nothing; a
// record that exists here with different content is kept as it is here and counted as a
// conflict. A file that does not parse is listed as a problem and the rest goes on.

export type ImportResult = {
  added: { sessions: number; journalEntries: number; agreements: number };
  unchanged: number;
  conflicts: number;
  problems: Array<{ file: string; reason: string }>;
};

export async function importExportFolder(store: RecordsStore, fs: StoreFs, folder: string): Promise<ImportResult> {
  await readManifest(fs, folder);
  const result: ImportResult = { added: { sessions: 0, journalEntries: 0, agreements: 0 }, unchanged: 0, conflicts: 0, problems: [] };
  const count = (outcome: AdoptOutcome, kind: keyof ImportResult['added']) => {
    if (outcome === 'added') result.added[kind] += 1;
    else if (outcome === 'unchanged') result.unchanged += 1;
    else result.conflicts += 1;
  };

  for (const file of await jsonFiles(fs, join(folder, 'sessions'))) {
    const where = `sessions/${file}`;
    const outcome = parseRecordJson('session', null, (await fs.readFile(join(folder, 'sessions', file))).toString('utf8'));
    if (!outcome.ok) {
      result.problems.push({ file: where, reason: outcome.detail });
      continue;
    }
    const beats = await readBeatsCsv(fs, join(folder, 'beats', `${outcome.doc.id}.csv`));
    if (typeof beats === 'string' || (beats === null && outcome.doc.beatCount > 0)) {
      result.problems.push({ file: `beats/${outcome.doc.id}.csv`, reason: beats ?? 'the beats file is missing' });
      continue;
    }
    count(await store.adoptSession(outcome.doc, beats ?? { tMs: [], rrMs: [] }), 'sessions');
  }
  for (const file of await jsonFiles(fs, join(folder, 'journal'))) {
    const outcome = parseRecordJson('journal', null, (await fs.readFile(join(folder, 'journal', file))).toString('utf8'));
    if (outcome.ok) count(await store.adoptJournal(outcome.doc), 'journalEntries');
    else result.problems.push({ file: `journal/${file}`, reason: outcome.detail });
  }
  for (const file of await jsonFiles(fs, join(folder, 'agreements'))) {
    const outcome = parseRecordJson('agreement', null, (await fs.readFile(join(folder, 'agreements', file))).toString('utf8'));
    if (outcome.ok) count(await store.adoptAgreement(outcome.doc), 'agreements');
    else result.problems.push({ file: `agreements/${file}`, reason: outcome.detail });
  }
  return result;
}

async function readManifest(fs: StoreFs, folder: string): Promise<void> {
  let manifest: unknown;
  try {
    manifest = JSON.parse((await fs.readFile(join(folder, EXPORT_MANIFEST))).toString('utf8'));
  } catch {
    throw new StoreError({ code: 'not-an-export', reason: 'no-manifest' });
  }
  const m = manifest as { format?: unknown; formatVersion?: unknown };
  if (m.format !== EXPORT_FORMAT) throw new StoreError({ code: 'not-an-export', reason: 'other-format' });
  if (typeof m.formatVersion !== 'number' || m.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new StoreError({ code: 'newer-version', what: 'export' });
  }
}

async function jsonFiles(fs: StoreFs, dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The beats CSV export writes, null when there is none, or a sentence saying what is wrong with it. */
export async function readBeatsCsv(fs: StoreFs, path: string): Promise<BeatColumns | string | null> {
  let text: string;
  try {
    text = (await fs.readFile(path)).toString('utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const lines = text.split(/\r?\n/);
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
  return beats;
}
