import { z } from 'zod';
import { BeatsLossSchema, EpochMsSchema, RecordIdSchema, SESSION_KINDS, SESSION_STATUSES, VERDICTS, type SessionListItem } from '../model/session.ts';
import { formatSeconds, rangeWindow, TREND_RANGE_LABELS, type TrendRange } from './aggregate.ts';

// The sessions list in Trends: one row per recorded session, newest first, narrowed by kind
// and by the overview's time ranges. Pure: the screen passes "now" and the time zone, tests
// pass fixed ones. Rows keep times as numbers; the screen formats only the rows it draws.

export type SessionKind = SessionListItem['kind'];

/**
 * What the list needs of one session, and no more: session.list's items carry the whole
 * summary (about 1.1 kB each, 2.3 MB for 2,000 sessions); this is a tenth of that.
 */
export const SessionsListEntrySchema = z.object({
  id: RecordIdSchema,
  kind: z.enum(SESSION_KINDS),
  status: z.enum(SESSION_STATUSES),
  startedAtMs: EpochMsSchema,
  /** From the summary, else from the start and end times; null while recording. */
  durationSec: z.number().min(0).nullable(),
  calmDownSec: z.number().min(0).nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  floodCueCount: z.number().int().min(0),
  linkedEntryCount: z.number().int().min(0),
  /** Beats lost to damage on disk: the session is partial. */
  beatsLost: BeatsLossSchema.nullable(),
}).strict();
export type SessionsListEntry = z.infer<typeof SessionsListEntrySchema>;

export function sessionsListEntry(item: SessionListItem): SessionsListEntry {
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    startedAtMs: item.startedAtMs,
    durationSec: item.summary?.durationSec ?? (item.endedAtMs === null ? null : Math.max(0, (item.endedAtMs - item.startedAtMs) / 1000)),
    calmDownSec: item.summary?.calmDownSec ?? null,
    verdict: item.verdict,
    floodCueCount: item.floodCueCount ?? 0,
    linkedEntryCount: item.journalEntryIds.length,
    beatsLost: item.beatsLost ?? null,
  };
}

/** A session's kind in words: the one home for them (the list and its filter, the session page, the journal's linked sessions). */
export const SESSION_KIND_WORDS: Record<SessionKind, string> = {
  check: 'Regulation check',
  calibration: 'Calibration reading',
  breathing: 'Breathing',
  break: 'Break',
  repair: 'Repair body check',
  conversation: 'Conversation',
  recording: 'Imported recording',
};

const VERDICT_ROW_WORDS: Record<NonNullable<SessionListItem['verdict']>, string> = {
  ready: 'Ready to talk',
  'take-a-break': 'Took a break',
  'too-noisy': 'Signal too noisy',
};

export type SessionRow = {
  id: string;
  kind: SessionKind;
  kindWords: string;
  startedAtMs: number;
  /** Words for how long it ran ("12 min"), or "Still recording". */
  lengthWords: string;
  verdictWords: string | null;
  floodCues: number;
  calmDownWords: string | null;
  linkedEntries: number;
  /** 'partial': beats were lost to damage; 'interrupted': a crash or a lost strap cut it short. */
  mark: 'partial' | 'interrupted' | null;
  recording: boolean;
};

/** "45 s", "12 min", "1 h 5 min": a session's length, rounded to what a glance needs. */
export function lengthWords(durationSec: number): string {
  if (Math.round(durationSec) < 60) return `${Math.round(durationSec)} s`;
  const minutes = Math.round(durationSec / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function sessionRow(item: SessionsListEntry): SessionRow {
  const recording = item.status === 'recording';
  const { durationSec, calmDownSec } = item;
  return {
    id: item.id,
    kind: item.kind,
    kindWords: SESSION_KIND_WORDS[item.kind],
    startedAtMs: item.startedAtMs,
    lengthWords: recording ? 'Still recording' : durationSec === null ? 'Unknown length' : lengthWords(durationSec),
    verdictWords: item.verdict === null ? null : VERDICT_ROW_WORDS[item.verdict],
    floodCues: item.floodCueCount,
    calmDownWords: calmDownSec === null ? null : formatSeconds(calmDownSec),
    linkedEntries: item.linkedEntryCount,
    mark: item.beatsLost ? 'partial' : item.status === 'interrupted' ? 'interrupted' : null,
    recording,
  };
}

export type SessionsFilter = { kind: SessionKind | null; range: TrendRange };

/** The list shows every session until the user narrows it. */
export const DEFAULT_SESSIONS_FILTER: SessionsFilter = { kind: null, range: 'all' };

/**
 * The rows to show, newest first: sessions of the chosen kind that started in the chosen
 * range (the same window the overview uses for that range).
 */
export function sessionsListRows(items: readonly SessionsListEntry[], filter: SessionsFilter, nowMs: number, timeZone?: string): SessionRow[] {
  let earliestMs: number | null = null;
  for (const item of items) if (earliestMs === null || item.startedAtMs < earliestMs) earliestMs = item.startedAtMs;
  const window = rangeWindow(filter.range, nowMs, earliestMs, timeZone);
  const rows: SessionRow[] = [];
  for (const item of items) {
    if (filter.kind !== null && item.kind !== filter.kind) continue;
    if (filter.range !== 'all' && (item.startedAtMs < window.fromMs || item.startedAtMs > window.toMs)) continue;
    rows.push(sessionRow(item));
  }
  return rows.sort((a, b) => b.startedAtMs - a.startedAtMs || (a.id < b.id ? -1 : 1));
}

/** "No sessions", "1 session", "1,234 sessions". */
export function sessionCountWords(count: number): string {
  if (count === 0) return 'No sessions';
  return `${count.toLocaleString('en')} ${count === 1 ? 'session' : 'sessions'}`;
}

/** What the empty list says: why it is empty and what to do about it. */
export function emptyListWords(filter: SessionsFilter, totalCount: number): string {
  if (totalCount === 0) return 'No sessions yet. Run a check, a breathing session or a break, or import a recording in Settings → Your data, and it is listed here.';
  const kind = filter.kind === null ? 'No sessions' : `No sessions of the kind “${SESSION_KIND_WORDS[filter.kind]}”`;
  const range = filter.range === 'all' ? '' : ` in the last ${TREND_RANGE_LABELS[filter.range].toLowerCase()}`;
  return `${kind}${range}. Choose another kind or a longer range to see your other ${sessionCountWords(totalCount).toLowerCase()}.`;
}
