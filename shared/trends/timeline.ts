import { z } from 'zod';
import { JOURNAL_KINDS, type JournalListItem } from '../model/journal.ts';
import { SESSION_KINDS, VERDICTS, type SessionListItem } from '../model/session.ts';

// What the Trends screen reads: every finished session as one compact point, every journal
// entry as a marker, and the weekly signs-of-progress ratings. Main builds it from the
// records index in one call (trends.timeline) so five years cross the IPC boundary once,
// small; every statistic is then computed from all of it in shared/trends.

const n = z.number().nullable();

export const TrendSessionSchema = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  startedAtMs: z.number(),
  durationSec: n,
  /** The part of it that was practice: a check's conversation is time with the partner, not practice. */
  practiceSec: n,
  calmDownSec: n,
  peakHrBpm: n,
  baselineHrBpm: n,
  rmssdMs: n,
  /** Heart rate when the check began, and after regulating; null when the session did not record them. */
  startHrBpm: n,
  endHrBpm: n,
  correctedPercent: n,
  correctedBeatCount: n,
  /**
   * Seconds in high coherence, for a session with paced breathing (a Breathe session, or a
   * check that breathed); null for others, for a session too short to read, and for one
   * summarised before the summary kept it.
   */
  breathingHighCoherenceSec: n,
  verdict: z.enum(VERDICTS).nullable(),
  journalEntryIds: z.array(z.string()),
});
export type TrendSession = z.infer<typeof TrendSessionSchema>;

export const TrendEntrySchema = z.object({
  id: z.string(),
  createdAtMs: z.number(),
  kind: z.enum(JOURNAL_KINDS),
  /** The title, or the first line of the text when there is none. */
  firstLine: z.string(),
  tags: z.array(z.string()),
  sessionIds: z.array(z.string()),
});
export type TrendEntry = z.infer<typeof TrendEntrySchema>;

export const SIGNS_COUNT = 5;
export const TrendSignsSchema = z.object({
  entryId: z.string(),
  createdAtMs: z.number(),
  rating: z.array(z.number().int().min(1).max(5)).length(SIGNS_COUNT),
});
export type TrendSigns = z.infer<typeof TrendSignsSchema>;

export const TrendsTimelineSchema = z.object({
  sessions: z.array(TrendSessionSchema),
  entries: z.array(TrendEntrySchema),
  signs: z.array(TrendSignsSchema),
});
export type TrendsTimeline = z.infer<typeof TrendsTimelineSchema>;

/** A session as Trends sees it; null while it is still recording. */
export function toTrendSession(item: SessionListItem): TrendSession | null {
  if (item.status === 'recording') return null;
  const summary = item.summary;
  // A check records its start and end heart rate in the summary's phases; others show no pre/post point.
  const ends = summary ? { startHrBpm: summary.phases.startHrBpm, endHrBpm: summary.phases.endHrBpm } : { startHrBpm: null, endHrBpm: null };
  const durationSec = summary?.durationSec ?? (item.endedAtMs !== null ? Math.max(0, (item.endedAtMs - item.startedAtMs) / 1000) : null);
  return {
    id: item.id,
    kind: item.kind,
    startedAtMs: item.startedAtMs,
    durationSec,
    practiceSec: durationSec === null ? null : Math.max(0, durationSec - (summary?.phases.conversationSec ?? 0)),
    calmDownSec: summary?.calmDownSec ?? null,
    peakHrBpm: summary?.peakHrBpm ?? null,
    baselineHrBpm: summary?.baselineHrBpm ?? null,
    rmssdMs: summary?.rmssdMs ?? null,
    ...ends,
    correctedPercent: summary?.correctedPercent ?? null,
    correctedBeatCount: summary?.correctedBeatCount ?? null,
    breathingHighCoherenceSec: summary && hadBreathing(item) ? (summary.coherence.highSec ?? null) : null,
    verdict: item.verdict,
    journalEntryIds: item.journalEntryIds,
  };
}

/** Paced breathing was part of it: the pacer is where coherence is practised. */
function hadBreathing(item: SessionListItem): boolean {
  return item.kind === 'breathing' || (item.summary?.phases.breathingSec ?? 0) > 0;
}

export function firstLineOf(title: string, excerpt: string): string {
  const line = (title.trim() || excerpt.trim().split(/\r?\n/)[0] || '').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function toTrendEntry(item: JournalListItem): TrendEntry {
  return {
    id: item.id,
    createdAtMs: item.createdAtMs,
    kind: item.kind,
    firstLine: firstLineOf(item.title, item.excerpt),
    tags: item.tags,
    sessionIds: item.sessionIds,
  };
}
