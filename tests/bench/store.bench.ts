// Records store on a generated 5-year data set: 1,825 sessions of 5 minutes with their
// beats, and 1,825 journal entries of 200–2,000 characters, in a temp folder.
//   storeOpenMs         open: read the key, decrypt the index snapshot, check every record
//                       file against it, load the search index (goal ≤ 300; median of 5)
//   sessionAppendP99Ms  append one 5-second batch of beats, flushed to disk (goal ≤ 10)
//   journalSaveP99Ms    save a journal entry (create or edit), flushed to disk (goal ≤ 15)
//   listYearMs          one year of session summaries from the index (goal ≤ 20; median)
//   searchJournalMs     full-text search over every entry (goal ≤ 50; median of the queries)
//   dataSetMB           size of the folder on disk
//   storeRebuildMs      open with the index snapshot missing: every record read (reported)
// The data key is random (no key derivation) and the key protector is a no-op, as in the
// app when the OS key store adds nothing measurable. Generation skips fsync to be quick;
// every measured operation uses the real file system with fsync.
import { mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs, type StoreFs } from '../../main/store/fs-layer.ts';
import type { KeyProtector } from '../../main/store/key-file.ts';
import { RecordsStore, newRecordId } from '../../main/store/records-store.ts';
import { summarizeBeats } from '../../shared/signal/session-summary.ts';
import { JOURNAL_SCHEMA_VERSION } from '../../shared/model/journal.ts';
import { SESSION_SCHEMA_VERSION, type BeatColumns, type SessionSummary } from '../../shared/model/session.ts';

const DAYS = 1825;
const DAY_MS = 24 * 3600 * 1000;
const START_MS = Date.UTC(2020, 0, 1, 19);
const SESSION_SEC = 300;
const BEAT_PATTERNS = 16;

const noOpProtector: KeyProtector = { isAvailable: () => true, backend: () => 'bench', encrypt: (b) => Buffer.from(b), decrypt: (b) => Buffer.from(b) };
/** The real file system without fsync: only for generating the data set. */
const noSyncFs: StoreFs = {
  ...nodeFs,
  async open(path, flags) {
    const handle = await nodeFs.open(path, flags);
    return { write: (...a) => handle.write(...a), sync: async () => undefined, truncate: (n) => handle.truncate(n), stat: () => handle.stat(), close: () => handle.close() };
  },
};

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function fiveMinutesOfBeats(random: () => number): BeatColumns {
  const beats: BeatColumns = { tMs: [], rrMs: [] };
  const baseMs = 700 + random() * 300;
  let tMs = 0;
  for (let i = 0; tMs < SESSION_SEC * 1000; i += 1) {
    const rrMs = (Math.round((baseMs + 60 * Math.sin(i / 2.5) + (random() - 0.5) * 40) * 1.024) * 1000) / 1024;
    tMs += rrMs;
    beats.tMs.push(tMs);
    beats.rrMs.push(rrMs);
  }
  return beats;
}

/** Words with a long-tailed frequency, like real writing: a few common, many rare. */
function makeWriter(random: () => number): (chars: number) => string {
  const syllables = ['ka', 'lo', 'mi', 'ten', 'ra', 'su', 've', 'dor', 'al', 'ne', 'pi', 'gru', 'sha', 'em', 'tor', 'li'];
  const common = ['the', 'and', 'felt', 'we', 'talked', 'about', 'my', 'heart', 'calm', 'breath', 'partner', 'after', 'break', 'angry', 'listened', 'money', 'kids', 'work', 'sorry', 'tired'];
  const rare: string[] = [];
  for (let i = 0; i < 4000; i += 1) {
    let word = '';
    for (let s = 0; s < 2 + (i % 3); s += 1) word += syllables[Math.floor(random() * syllables.length)];
    rare.push(word);
  }
  return (chars) => {
    const words: string[] = [];
    let length = 0;
    while (length < chars) {
      const word = random() < 0.45 ? common[Math.floor(random() * common.length)]! : rare[Math.floor(random() ** 2 * rare.length)]!;
      words.push(word);
      length += word.length + 1;
    }
    return words.join(' ').slice(0, chars);
  };
}

async function generate(directory: string): Promise<void> {
  const random = lcg(42);
  const write = makeWriter(random);
  const patterns: Array<{ beats: BeatColumns; summary: SessionSummary }> = [];
  for (let i = 0; i < BEAT_PATTERNS; i += 1) {
    const beats = fiveMinutesOfBeats(random);
    patterns.push({ beats, summary: summarizeBeats(beats, { baselineHrBpm: 62 }) });
  }
  const store = await RecordsStore.open({ directory, keyProtector: noOpProtector, fs: noSyncFs, indexSaveDelayMs: 3_600_000 });
  const tags = ['after', 'before', 'win', 'hard', 'money', 'family', 'repair', 'check-in'];
  for (let day = 0; day < DAYS; day += 1) {
    const startedAtMs = START_MS + day * DAY_MS;
    const pattern = patterns[day % BEAT_PATTERNS]!;
    const id = newRecordId();
    await store.adoptSession(
      {
        schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 3, kind: day % 3 ? 'check' : 'breathing', status: 'finished',
        startedAtMs, endedAtMs: startedAtMs + SESSION_SEC * 1000, source: { kind: 'strap', deviceName: 'Polar H10' },
        breathingPattern: null, baselineHrBpm: 62,
        markers: [{ tMs: 0, phase: 'baseline', edge: 'start' }, { tMs: 90_000, phase: 'verdict', edge: 'point', verdict: 'ready' }],
        beatCount: pattern.beats.rrMs.length, summary: pattern.summary,
      },
      pattern.beats,
    );
    await store.adoptJournal({
      schemaVersion: JOURNAL_SCHEMA_VERSION, id: newRecordId(), revision: 1, createdAtMs: startedAtMs + 600_000, updatedAtMs: startedAtMs + 600_000,
      title: write(20 + Math.floor(random() * 30)), text: write(200 + Math.floor(random() * 1800)),
      tags: [tags[day % tags.length]!, tags[(day * 7) % tags.length]!].filter((t, i, all) => all.indexOf(t) === i),
      kind: 'reflection', promptId: null, cues: [], signsRating: null, sessionIds: [id], trashedAtMs: null,
    });
  }
  await store.close();
}

function folderBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    const stat = statSync(child);
    total += stat.isDirectory() ? folderBytes(child) : stat.size;
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
}
const round2 = (ms: number) => Math.round(ms * 100) / 100;

export async function run(): Promise<Record<string, number>> {
  const directory = mkdtempSync(join(tmpdir(), 'attune-store-bench-'));
  try {
    process.stderr.write('bench: store: generating 5 years of records…\n');
    await generate(directory);
    const dataSetMB = folderBytes(directory) / (1024 * 1024);

    const openTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      const store = await RecordsStore.open({ directory, keyProtector: noOpProtector });
      openTimes.push(performance.now() - start);
      if (store.status().sessionCount !== DAYS || store.status().journalCount !== DAYS) throw new Error('the data set did not load completely');
      await store.close();
    }

    unlinkSync(join(directory, 'index.rec'));
    const rebuildStart = performance.now();
    await (await RecordsStore.open({ directory, keyProtector: noOpProtector })).close();
    const storeRebuildMs = performance.now() - rebuildStart;

    const store = await RecordsStore.open({ directory, keyProtector: noOpProtector, indexSaveDelayMs: 3_600_000 });
    const random = lcg(7);
    const session = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
    const appendTimes: number[] = [];
    let tMs = 0;
    for (let batch = 0; batch < 300; batch += 1) {
      const beats = [];
      for (let i = 0; i < 6; i += 1) {
        const rrMs = 800 + random() * 100;
        tMs += rrMs;
        beats.push({ tMs, rrMs });
      }
      const start = performance.now();
      await store.appendBeats(session.id, beats);
      appendTimes.push(performance.now() - start);
    }
    await store.finishSession(session.id);

    const write = makeWriter(lcg(9));
    const saveTimes: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const text = write(200 + Math.floor(random() * 1800));
      const start = performance.now();
      if (i % 2 === 0 || ids.length === 0) ids.push((await store.createJournal({ text, tags: ['bench'] })).id);
      else await store.updateJournal(ids[Math.floor(random() * ids.length)]!, { text });
      saveTimes.push(performance.now() - start);
    }

    const listTimes: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const fromMs = START_MS + (i % 4) * 365 * DAY_MS;
      const start = performance.now();
      const year = store.listSessions(fromMs, fromMs + 365 * DAY_MS);
      listTimes.push(performance.now() - start);
      if (year.length < 360) throw new Error('a year should hold 365 sessions');
    }

    const searchTimes: number[] = [];
    for (const text of ['partner', 'calm breath', 'kalo', 'money work', 'listened angry', 'tired', 'heart', 'sorry kids', 'dorsu', 'break after', 'temi']) {
      const start = performance.now();
      store.searchJournal({ text });
      searchTimes.push(performance.now() - start);
    }
    await store.close();

    return {
      storeOpenMs: round2(median(openTimes)),
      sessionAppendP99Ms: round2(p99(appendTimes)),
      journalSaveP99Ms: round2(p99(saveTimes)),
      listYearMs: round2(median(listTimes)),
      searchJournalMs: round2(median(searchTimes)),
      dataSetMB: round2(dataSetMB),
      storeRebuildMs: round2(storeRebuildMs),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
