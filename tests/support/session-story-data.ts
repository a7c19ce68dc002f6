import type { RecordsStore } from '../../main/store/records-store.ts';
import { newRecordId } from '../../main/store/records-store.ts';
import { JOURNAL_SCHEMA_VERSION, type JournalEntry } from '../../shared/model/journal.ts';
import { FLOOD_CUE_LABEL, SESSION_SCHEMA_VERSION, type BeatColumns, type PhaseMarker } from '../../shared/model/session.ts';
import { summarizeBeats } from '../../shared/signal/session-summary.ts';
import { beatsFor, lcg } from './trends-data.ts';

// Two checks for the session page, adopted through the real records store: a 60-minute one
// that went to a break, came back ready and had two flooding cues in the conversation, with
// two journal entries linked to it; and a 5-minute one that ended on a noisy signal.

export type SessionStory = { longId: string; shortId: string; entries: { id: string; title: string; firstWords: string }[] };

function entry(createdAtMs: number, title: string, text: string, sessionIds: string[]): JournalEntry {
  return {
    schemaVersion: JOURNAL_SCHEMA_VERSION, id: newRecordId(), revision: 1, createdAtMs, updatedAtMs: createdAtMs,
    title, text, tags: [], kind: 'debrief', promptId: null, cues: [], signsRating: null, trashedAtMs: null, sessionIds,
  };
}

async function adoptCheck(store: RecordsStore, startedAtMs: number, beats: BeatColumns, markers: PhaseMarker[]): Promise<string> {
  const id = newRecordId();
  const durationMs = beats.tMs.at(-1) ?? 0;
  await store.adoptSession(
    {
      schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 3, kind: 'check', status: 'finished',
      startedAtMs, endedAtMs: startedAtMs + Math.round(durationMs), source: { kind: 'strap', deviceName: 'Polar H10' },
      breathingPattern: { preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 },
      baselineHrBpm: 64, markers, beatCount: beats.rrMs.length, summary: summarizeBeats(beats, { baselineHrBpm: 64 }),
    },
    beats,
  );
  return id;
}

export async function writeSessionStory(store: RecordsStore, nowMs: number): Promise<SessionStory> {
  const random = lcg(18);
  const ms = (sec: number) => sec * 1000;
  const longMarkers: PhaseMarker[] = [
    { tMs: 0, phase: 'reading', edge: 'start' },
    { tMs: ms(90), phase: 'reading', edge: 'end' },
    { tMs: ms(150), phase: 'breathing', edge: 'start' },
    { tMs: ms(1350), phase: 'breathing', edge: 'end' },
    { tMs: ms(1350), phase: 'verdict', edge: 'point', verdict: 'take-a-break' },
    { tMs: ms(1350), phase: 'break', edge: 'start' },
    { tMs: ms(2550), phase: 'break', edge: 'end' },
    { tMs: ms(2550), phase: 'verdict', edge: 'point', verdict: 'ready' },
    { tMs: ms(2560), phase: 'conversation', edge: 'start' },
    { tMs: ms(2700), phase: 'conversation', edge: 'point', label: FLOOD_CUE_LABEL },
    { tMs: ms(3000), phase: 'conversation', edge: 'point', label: FLOOD_CUE_LABEL },
    { tMs: ms(3590), phase: 'conversation', edge: 'end' },
  ];
  const longId = await adoptCheck(store, nowMs - 2 * 86_400_000, beatsFor(3600, 820, random), longMarkers);
  const shortId = await adoptCheck(store, nowMs - 86_400_000, beatsFor(300, 780, random), [
    { tMs: 0, phase: 'signal-check', edge: 'start' },
    { tMs: ms(15), phase: 'signal-check', edge: 'end' },
    { tMs: ms(15), phase: 'reading', edge: 'start' },
    { tMs: ms(75), phase: 'reading', edge: 'end' },
    { tMs: ms(75), phase: 'verdict', edge: 'point', verdict: 'too-noisy' },
  ]);
  const entries = [
    entry(nowMs - 2 * 86_400_000 + ms(3700), 'We found our way back', 'After the break we could listen to each other again. The second cue came when money came up, and we paused.', [longId]),
    entry(nowMs - 86_400_000, '', 'Still thinking about the talk: slowing down before answering helped more than I expected.', [longId]),
  ];
  for (const e of entries) await store.adoptJournal(e);
  return {
    longId,
    shortId,
    entries: entries.map((e) => ({ id: e.id, title: e.title, firstWords: e.text.split(' ').slice(0, 6).join(' ') })),
  };
}
