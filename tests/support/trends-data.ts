import { join } from 'node:path';
import { nodeFs, type StoreFs } from '../../main/store/fs-layer.ts';
import { NO_KEY_PROTECTOR } from '../../main/store/key-file.ts';
import { RecordsStore, newRecordId } from '../../main/store/records-store.ts';
import { summarizeBeats } from '../../shared/signal/session-summary.ts';
import { JOURNAL_SCHEMA_VERSION, type JournalEntry } from '../../shared/model/journal.ts';
import { SESSION_SCHEMA_VERSION, type BeatColumns, type PhaseMarker, type SessionRecord, type SessionSummary } from '../../shared/model/session.ts';

// Years of Trends data written through the real records store into `<userDataDir>/records`,
// for the Trends browser tests and benchmarks: about one session a day whose calm-down time
// shortens over the years, flooding now and then, an entry every few days linked to that
// day's session with tags, a weekly signs-of-progress rating, and one 60-minute check with
// every phase and a breathing pattern. Deterministic (a seeded generator).
// The summaries' trend numbers are set here rather than computed from the beats, so tests
// can know the answer; the beats are real 5-minute patterns summarised by the engine.

const DAY_MS = 86_400_000;
const BEAT_PATTERNS = 12;



/** The real file system without fsync: generating only. */
const noSyncFs: StoreFs = {
  ...nodeFs,
  async open(path, flags) {
    const handle = await nodeFs.open(path, flags);
    return { write: (...a) => handle.write(...a), sync: async () => undefined, truncate: (n) => handle.truncate(n), stat: () => handle.stat(), close: () => handle.close() };
  },
};

export function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Beats for `durationSec` around `baseMs`, with breathing-locked swings. */
export function beatsFor(durationSec: number, baseMs: number, random: () => number): BeatColumns {
  const beats: BeatColumns = { tMs: [], rrMs: [] };
  let tMs = 0;
  for (let i = 0; tMs < durationSec * 1000; i += 1) {
    const drift = 80 * Math.sin(tMs / 600_000);
    const rrMs = (Math.round((baseMs + drift + 60 * Math.sin(i / 2.5) + (random() - 0.5) * 40) * 1.024) * 1000) / 1024;
    tMs += rrMs;
    beats.tMs.push(tMs);
    beats.rrMs.push(rrMs);
  }
  return beats;
}

export type TrendsDataOptions = {
  userDataDir: string;
  /** The data set ends the day before this. */
  nowMs: number;
  days: number;
  /** Also write the 60-minute check (for session detail). */
  withLongSession?: boolean;
};

export type TrendsDataSet = {
  sessionCount: number;
  entryCount: number;
  signsCount: number;
  /** A recent entry tagged 'partner', linked to a session: for click-through tests. */
  partnerEntry: { id: string; createdAtMs: number; firstLine: string };
  longSessionId: string | null;
};

export const SIGN_TAGS = ['partner', 'work', 'family', 'money'] as const;

export async function writeTrendsData(options: TrendsDataOptions): Promise<TrendsDataSet> {
  const random = lcg(2024);
  const store = await RecordsStore.open({ directory: join(options.userDataDir, 'records'), keyProtector: NO_KEY_PROTECTOR, fs: noSyncFs, indexSaveDelayMs: 3_600_000 });
  const patterns: Array<{ beats: BeatColumns; summary: SessionSummary }> = [];
  for (let i = 0; i < BEAT_PATTERNS; i += 1) {
    const beats = beatsFor(300, 780 + random() * 200, random);
    patterns.push({ beats, summary: summarizeBeats(beats, { baselineHrBpm: 64 }) });
  }
  const firstDayMs = options.nowMs - options.days * DAY_MS;
  let sessionCount = 0;
  let entryCount = 0;
  let signsCount = 0;
  let partnerEntry: TrendsDataSet['partnerEntry'] | null = null;
  for (let day = 0; day < options.days; day += 1) {
    const progress = day / Math.max(1, options.days - 1);
    // Evening sessions, at a different minute each day.
    const startedAtMs = firstDayMs + day * DAY_MS + Math.floor(random() * 3600_000);
    const pattern = patterns[day % BEAT_PATTERNS]!;
    const flooded = random() < 0.12 - 0.08 * progress;
    const baselineHrBpm = Math.round(68 - 6 * progress + (random() - 0.5) * 3);
    const calmDownSec = Math.round((280 - 170 * progress) * (0.7 + random() * 0.6));
    const startHrBpm = Math.round(baselineHrBpm + 18 - 6 * progress + random() * 10);
    const kind = day % 4 === 3 ? 'breathing' : 'check';
    const id = newRecordId();
    const summary: SessionSummary = {
      ...pattern.summary,
      peakHrBpm: flooded ? 104 + Math.round(random() * 20) : startHrBpm + Math.round(random() * 6),
      calmDownSec: random() < 0.05 ? null : calmDownSec,
      baselineHrBpm,
      rmssdMs: Math.round(32 + 18 * progress + (random() - 0.5) * 12),
      phases: { ...pattern.summary.phases, startHrBpm, endHrBpm: Math.round(baselineHrBpm + 4 + random() * 4) },
    };
    const record: SessionRecord = {
      schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 3, kind, status: 'finished',
      startedAtMs, endedAtMs: startedAtMs + 300_000, source: { kind: 'strap', deviceName: 'Polar H10' },
      breathingPattern: null, baselineHrBpm,
      markers: [
        { tMs: 0, phase: 'baseline', edge: 'start' },
        { tMs: 60_000, phase: 'baseline', edge: 'end' },
        { tMs: 60_000, phase: 'verdict', edge: 'point', verdict: flooded ? 'take-a-break' : 'ready' },
      ],
      beatCount: pattern.beats.rrMs.length, summary,
    };
    await store.adoptSession(record, pattern.beats);
    sessionCount += 1;
    if (day % 3 === 0) {
      const tag = SIGN_TAGS[(day / 3) % SIGN_TAGS.length]!;
      const firstLine = `Evening talk ${day}: ${flooded ? 'it got heated' : 'we stayed with it'}`;
      const entry = journalEntry(startedAtMs + 900_000, {
        title: firstLine, text: `${firstLine}\nWhat helped was slowing down.`, tags: [tag], kind: 'reflection', sessionIds: [id],
        pleasantness: flooded ? 2 : 5, emotions: flooded ? ['overwhelmed'] : ['calm'],
      });
      await store.adoptJournal(entry);
      entryCount += 1;
      if (tag === 'partner' && day > options.days - 20) partnerEntry = { id: entry.id, createdAtMs: entry.createdAtMs, firstLine };
    }
    if (day % 7 === 6) {
      const base = 2 + 2 * progress;
      const rating = [0, 1, 2, 3, 4].map(() => Math.max(1, Math.min(5, Math.round(base + (random() - 0.5) * 1.5))));
      await store.adoptJournal(journalEntry(startedAtMs + 1_800_000, { title: 'Signs of progress', text: '', tags: [], kind: 'weekly-signs', sessionIds: [], signsRating: rating }));
      entryCount += 1;
      signsCount += 1;
    }
  }
  let longSessionId: string | null = null;
  if (options.withLongSession) longSessionId = await writeLongSession(store, options.nowMs - DAY_MS / 2, random);
  await store.close();
  if (partnerEntry === null) throw new Error('the data set needs at least 20 days for a recent partner entry');
  return { sessionCount: sessionCount + (longSessionId ? 1 : 0), entryCount, signsCount, partnerEntry, longSessionId };
}

function journalEntry(createdAtMs: number, fields: Partial<JournalEntry> & Pick<JournalEntry, 'title' | 'text' | 'tags' | 'kind' | 'sessionIds'>): JournalEntry {
  return {
    schemaVersion: JOURNAL_SCHEMA_VERSION, id: newRecordId(), revision: 1, createdAtMs, updatedAtMs: createdAtMs,
    promptId: null, cues: [], signsRating: null, trashedAtMs: null, ...fields,
  };
}

/** A 60-minute check: reading, grounding, 20 minutes of paced breathing, a break, the conversation. */
async function writeLongSession(store: RecordsStore, startedAtMs: number, random: () => number): Promise<string> {
  const beats = beatsFor(3600, 820, random);
  const markers: PhaseMarker[] = [
    { tMs: 0, phase: 'baseline', edge: 'start' },
    { tMs: 90_000, phase: 'baseline', edge: 'end' },
    { tMs: 90_000, phase: 'grounding', edge: 'start' },
    { tMs: 150_000, phase: 'grounding', edge: 'end' },
    { tMs: 150_000, phase: 'breathing', edge: 'start' },
    { tMs: 1_350_000, phase: 'breathing', edge: 'end' },
    { tMs: 1_350_000, phase: 'verdict', edge: 'point', verdict: 'take-a-break' },
    { tMs: 1_350_000, phase: 'break', edge: 'start' },
    { tMs: 2_550_000, phase: 'break', edge: 'end' },
    { tMs: 2_550_000, phase: 'conversation', edge: 'start' },
    { tMs: 3_590_000, phase: 'conversation', edge: 'end' },
  ];
  const id = newRecordId();
  const summary = summarizeBeats(beats, { baselineHrBpm: 64 });
  await store.adoptSession(
    {
      schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 3, kind: 'check', status: 'finished',
      startedAtMs, endedAtMs: startedAtMs + 3_600_000, source: { kind: 'strap', deviceName: 'Polar H10' },
      breathingPattern: { preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 },
      baselineHrBpm: 64, markers, beatCount: beats.rrMs.length, summary,
    },
    beats,
  );
  return id;
}
