import { floodedLineBpm, type FloodedLineRule } from '../signal/regulation-rules.ts';
import { DAY_MS } from '../time/durations.ts';
import { localMonthStarts, localWeekStarts, startOfLocalMonthMs, startOfLocalWeekMs } from './local-calendar.ts';
import { median, percentChange, quantileOfSorted, rollingMedian } from './statistics.ts';
import type { TrendEntry, TrendSession, TrendSigns } from './timeline.ts';

// The Trends figures, from all the data in the chosen range. Pure: the screen passes the
// time zone and "now", tests pass fixed ones.

export const TREND_RANGES = ['4w', '3m', '12m', 'all'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];
export const TREND_RANGE_LABELS: Record<TrendRange, string> = { '4w': '4 weeks', '3m': '3 months', '12m': '12 months', all: 'All' };


/** Sessions a trend needs in each of the two periods it compares. */
export const MIN_SESSIONS_PER_PERIOD = 5;
/** Length of "your first month" and of "recently". */
export const PERIOD_DAYS = 30;
/** Sessions in the rolling median. */
export const ROLLING_WINDOW = 7;
/** Changes smaller than this are "about the same": a few seconds either way is noise. */
export const SAME_WITHIN_PERCENT = 5;

/** Kinds that count as practice minutes (recordings and conversations do not). */
export const PRACTICE_KINDS: ReadonlySet<TrendSession['kind']> = new Set(['check', 'breathing', 'break', 'repair', 'calibration']);

export type Bucket = 'week' | 'month';

/**
 * The range shown when the address names none: the shortest that holds all the data (a few
 * weeks → 4 weeks, a couple of months → 3 months), and at most 12 months, where a year of
 * weekly medians still reads well. "All" is the user's choice.
 */
export function defaultRange(sessions: readonly { startedAtMs: number }[], nowMs: number): TrendRange {
  let earliest = nowMs;
  for (const s of sessions) if (s.startedAtMs < earliest) earliest = s.startedAtMs;
  const days = (nowMs - earliest) / DAY_MS;
  // The 4-week range reaches back at least 21 days (to a Monday), the 3-month one 84.
  if (days <= 21) return '4w';
  if (days <= 84) return '3m';
  return '12m';
}

export type RangeWindow = { fromMs: number; toMs: number; bucket: Bucket };

/** The time span a range covers, ending now, and how its counts are bucketed. */
export function rangeWindow(range: TrendRange, nowMs: number, earliestMs: number | null, timeZone?: string): RangeWindow {
  const toMs = nowMs;
  switch (range) {
    case '4w':
      return { fromMs: startOfLocalWeekMs(nowMs - 3 * 7 * DAY_MS, timeZone), toMs, bucket: 'week' };
    case '3m':
      return { fromMs: startOfLocalWeekMs(nowMs - 12 * 7 * DAY_MS, timeZone), toMs, bucket: 'week' };
    case '12m':
      return { fromMs: startOfLocalWeekMs(nowMs - 51 * 7 * DAY_MS, timeZone), toMs, bucket: 'week' };
    case 'all': {
      const start = Math.min(earliestMs ?? nowMs, nowMs - 27 * DAY_MS);
      // Past two years, weekly bars are thinner than a pixel: count by month.
      const bucket: Bucket = nowMs - start > 2 * 366 * DAY_MS ? 'month' : 'week';
      return { fromMs: bucket === 'month' ? startOfLocalMonthMs(start, timeZone) : startOfLocalWeekMs(start, timeZone), toMs, bucket };
    }
  }
}

export function bucketStarts(window: RangeWindow, timeZone?: string): number[] {
  return window.bucket === 'week' ? localWeekStarts(window.fromMs, window.toMs, timeZone) : localMonthStarts(window.fromMs, window.toMs, timeZone);
}

export function inWindow<T>(items: readonly T[], window: RangeWindow, at: (item: T) => number): T[] {
  return items.filter((item) => at(item) >= window.fromMs && at(item) <= window.toMs);
}

/** Tags used in the journal, most used first. */
export function tagsInUse(entries: readonly TrendEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** Sessions linked (either way) to an entry with `tag`, and those entries. */
export function filterByTag(sessions: readonly TrendSession[], entries: readonly TrendEntry[], tag: string | null): { sessions: TrendSession[]; entries: TrendEntry[] } {
  if (tag === null) return { sessions: [...sessions], entries: [...entries] };
  const tagged = entries.filter((entry) => entry.tags.includes(tag));
  const entryIds = new Set(tagged.map((entry) => entry.id));
  const sessionIds = new Set(tagged.flatMap((entry) => entry.sessionIds));
  return {
    sessions: sessions.filter((session) => sessionIds.has(session.id) || session.journalEntryIds.some((id) => entryIds.has(id))),
    entries: tagged,
  };
}

// ---------------------------------------------------------------------------------------
// Calm-down: the headline

export type CalmDownPoint = { id: string; tMs: number; calmDownSec: number; rollingMedianSec: number | null };

/** Sessions with a calm-down time, oldest first, each with the trailing median of the last ROLLING_WINDOW. */
export function calmDownSeries(sessions: readonly TrendSession[]): CalmDownPoint[] {
  const points = sessions
    .filter((s): s is TrendSession & { calmDownSec: number } => s.calmDownSec !== null && Number.isFinite(s.calmDownSec))
    .sort((a, b) => a.startedAtMs - b.startedAtMs);
  const rolling = rollingMedian(points.map((p) => p.calmDownSec), ROLLING_WINDOW);
  return points.map((p, i) => ({ id: p.id, tMs: p.startedAtMs, calmDownSec: p.calmDownSec, rollingMedianSec: rolling[i] ?? null }));
}

export type CalmDownComparison =
  | { kind: 'none' }
  | {
      /** Too little before the last PERIOD_DAYS to compare with: where the user starts. */
      kind: 'starting';
      count: number;
      medianSec: number;
      /** Days since the first session with a calm-down time (0 on the first day). */
      days: number;
      /** Sessions so far older than the last PERIOD_DAYS, and within them. */
      earlierCount: number;
      recentCount: number;
    }
  | { kind: 'not-enough-recent'; recentCount: number; more: number; earlierCount: number }
  | {
      kind: 'compared';
      /** 'first month', or 'first sessions' when the first month held too few. */
      firstLabel: 'first month' | 'first sessions';
      firstCount: number;
      firstMedianSec: number;
      recentCount: number;
      recentMedianSec: number;
      /** Negative: shorter now. Null when the first median was 0 s. */
      changePercent: number | null;
    };

/**
 * Median calm-down time of the last PERIOD_DAYS ("recent": every session in them) compared
 * with the first month of the sessions BEFORE them, so the two never share a session and
 * none is dropped from "recent". Needs MIN_SESSIONS_PER_PERIOD in each; when the first
 * month held fewer, the first MIN_SESSIONS_PER_PERIOD earlier sessions stand in for it.
 * With too few earlier sessions (a new user's first weeks), it is where they start.
 */
export function compareCalmDown(points: readonly CalmDownPoint[], nowMs: number): CalmDownComparison {
  const sorted = points.filter((p) => p.tMs <= nowMs).sort((a, b) => a.tMs - b.tMs);
  if (sorted.length === 0) return { kind: 'none' };
  const recentFromMs = nowMs - PERIOD_DAYS * DAY_MS;
  const earlier = sorted.filter((p) => p.tMs <= recentFromMs);
  const recent = sorted.filter((p) => p.tMs > recentFromMs);
  if (earlier.length < MIN_SESSIONS_PER_PERIOD) {
    return {
      kind: 'starting',
      count: sorted.length,
      medianSec: median(sorted.map((p) => p.calmDownSec)) as number,
      days: Math.floor((nowMs - (sorted[0] as CalmDownPoint).tMs) / DAY_MS),
      earlierCount: earlier.length,
      recentCount: recent.length,
    };
  }
  if (recent.length < MIN_SESSIONS_PER_PERIOD) {
    return { kind: 'not-enough-recent', recentCount: recent.length, more: MIN_SESSIONS_PER_PERIOD - recent.length, earlierCount: earlier.length };
  }
  const firstMs = (earlier[0] as CalmDownPoint).tMs;
  let first = earlier.filter((p) => p.tMs < firstMs + PERIOD_DAYS * DAY_MS);
  let firstLabel: 'first month' | 'first sessions' = 'first month';
  if (first.length < MIN_SESSIONS_PER_PERIOD) {
    first = earlier.slice(0, MIN_SESSIONS_PER_PERIOD);
    firstLabel = 'first sessions';
  }
  const firstMedianSec = median(first.map((p) => p.calmDownSec)) as number;
  const recentMedianSec = median(recent.map((p) => p.calmDownSec)) as number;
  return {
    kind: 'compared',
    firstLabel,
    firstCount: first.length,
    firstMedianSec,
    recentCount: recent.length,
    recentMedianSec,
    changePercent: percentChange(firstMedianSec, recentMedianSec),
  };
}

/** "45 s", "1 min 10 s", "1 h 5 min". */
export function formatSeconds(sec: number): string {
  const total = Math.max(0, Math.round(sec));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The headline in plain words, with the numbers behind it. */
export function calmDownSentence(comparison: CalmDownComparison): { headline: string; detail: string } {
  const rule = `A trend compares your first month with the last ${PERIOD_DAYS} days: it needs ${MIN_SESSIONS_PER_PERIOD} sessions with a calm-down time in each.`;
  switch (comparison.kind) {
    case 'none':
      return {
        headline: 'No calm-down times yet.',
        detail: `A calm-down time appears once a check sees your heart rate rise and settle again. ${rule}`,
      };
    case 'starting': {
      const since = comparison.days < 1 ? 'today' : comparison.days === 1 ? 'since yesterday' : `over ${comparison.days} days`;
      const sofar = `So far ${comparison.earlierCount} ${comparison.earlierCount === 1 ? 'is' : 'are'} older and ${comparison.recentCount} within them.`;
      return {
        headline: `Here is where you start: ${plural(comparison.count, 'session')} with a calm-down time ${since}, typically ${formatSeconds(comparison.medianSec)}.`,
        detail: `That is the median of all of them: half took less, half took more. Your first trend comes when ${MIN_SESSIONS_PER_PERIOD} sessions are older than the last ${PERIOD_DAYS} days and ${MIN_SESSIONS_PER_PERIOD} are within them. ${sofar}`,
      };
    }
    case 'not-enough-recent':
      return {
        headline: `Not enough recent sessions: ${comparison.more} more to see a trend.`,
        detail: `The last ${PERIOD_DAYS} days hold ${plural(comparison.recentCount, 'session')} with a calm-down time; ${plural(comparison.earlierCount, 'session')} came before them. ${rule}`,
      };
    case 'compared': {
      const than = comparison.firstLabel === 'first month' ? 'in your first month' : `in your first ${MIN_SESSIONS_PER_PERIOD} sessions`;
      const detail = `Median ${formatSeconds(comparison.recentMedianSec)} over the last ${PERIOD_DAYS} days (${plural(comparison.recentCount, 'session')}), ${formatSeconds(comparison.firstMedianSec)} ${than} (${plural(comparison.firstCount, 'session')}).`;
      const change = comparison.changePercent;
      if (change === null) return { headline: `Your median calm-down time is ${formatSeconds(comparison.recentMedianSec)} now; it was 0 s ${than}.`, detail };
      if (Math.abs(change) < SAME_WITHIN_PERCENT) return { headline: `Your median calm-down time is about the same as ${than}.`, detail };
      const rounded = Math.round(Math.abs(change));
      return { headline: `Your median calm-down time is ${rounded} % ${change < 0 ? 'shorter' : 'longer'} than ${than}.`, detail };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Counts and medians per week or month

/**
 * A flooding episode: a session whose highest 10-second heart rate reached the flooding line,
 * or whose check ended in "take a break". (The live rule also needs 30 s above the line, so
 * this may count a few more than the check flagged; the screen says so.)
 */
export function isFloodingEpisode(session: TrendSession, rule: FloodedLineRule): boolean {
  if (session.verdict === 'take-a-break') return true;
  return session.peakHrBpm !== null && session.peakHrBpm >= floodedLineBpm(session.baselineHrBpm, rule);
}

export type BucketRow = { startMs: number; endMs: number };

function bucketRows(starts: readonly number[], toMs: number): BucketRow[] {
  return starts.map((startMs, i) => ({ startMs, endMs: starts[i + 1] ?? Math.max(toMs, startMs) + 1 }));
}

/** Groups items into the buckets (each item in the bucket whose start is the last ≤ its time). */
function group<T>(rows: readonly BucketRow[], items: readonly T[], at: (item: T) => number): T[][] {
  const groups: T[][] = rows.map(() => []);
  for (const item of items) {
    const t = at(item);
    let lo = 0;
    let hi = rows.length - 1;
    if (hi < 0 || t < (rows[0] as BucketRow).startMs || t >= (rows[hi] as BucketRow).endMs) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((rows[mid] as BucketRow).startMs <= t) lo = mid;
      else hi = mid - 1;
    }
    (groups[lo] as T[]).push(item);
  }
  return groups;
}

export type CountRow = BucketRow & { count: number };
export type SpreadRow = BucketRow & { median: number; q1: number; q3: number; count: number };

/**
 * Median and interquartile range (the middle half: 25th to 75th percentile) of `value` per
 * bucket, for buckets holding at least one value. What long ranges draw instead of a dot per
 * session.
 */
export function spreadPerBucket<T>(items: readonly T[], at: (item: T) => number, value: (item: T) => number, starts: readonly number[], toMs: number): SpreadRow[] {
  const rows = bucketRows(starts, toMs);
  const out: SpreadRow[] = [];
  group(rows, items, at).forEach((group, i) => {
    const values = group.map(value).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    if (values.length === 0) return;
    out.push({ ...(rows[i] as BucketRow), median: quantileOfSorted(values, 0.5) as number, q1: quantileOfSorted(values, 0.25) as number, q3: quantileOfSorted(values, 0.75) as number, count: values.length });
  });
  return out;
}
export type MinutesRow = BucketRow & { minutes: number; sessions: number };
export type MedianRow = BucketRow & { value: number | null; count: number };

export function floodingEpisodesPerBucket(sessions: readonly TrendSession[], starts: readonly number[], toMs: number, rule: FloodedLineRule): CountRow[] {
  const rows = bucketRows(starts, toMs);
  return group(rows, sessions, (s) => s.startedAtMs).map((items, i) => ({ ...(rows[i] as BucketRow), count: items.filter((s) => isFloodingEpisode(s, rule)).length }));
}

export function practiceMinutesPerBucket(sessions: readonly TrendSession[], starts: readonly number[], toMs: number): MinutesRow[] {
  const rows = bucketRows(starts, toMs);
  return group(rows, sessions.filter((s) => PRACTICE_KINDS.has(s.kind)), (s) => s.startedAtMs).map((items, i) => ({
    ...(rows[i] as BucketRow),
    minutes: Math.round(items.reduce((sum, s) => sum + (s.practiceSec ?? s.durationSec ?? 0), 0) / 6) / 10,
    sessions: items.length,
  }));
}

/** Median of `value` over the sessions in each bucket (null for buckets with none). */
export function medianPerBucket(sessions: readonly TrendSession[], starts: readonly number[], toMs: number, value: (s: TrendSession) => number | null): MedianRow[] {
  const rows = bucketRows(starts, toMs);
  return group(rows, sessions, (s) => s.startedAtMs).map((items, i) => {
    const values = items.map(value).filter((v): v is number => v !== null && Number.isFinite(v));
    return { ...(rows[i] as BucketRow), value: median(values), count: values.length };
  });
}

/** Sessions whose RMSSD is trustworthy: few corrected beats. */
export function rmssdOf(maxCorrectedPercent: number): (s: TrendSession) => number | null {
  return (s) => (s.rmssdMs !== null && s.correctedPercent !== null && s.correctedPercent <= maxCorrectedPercent ? s.rmssdMs : null);
}

export type StartAfterPoint = { id: string; tMs: number; startHrBpm: number; endHrBpm: number };

/** Checks with a heart rate at the start and after regulating, oldest first. */
export function startAfterSeries(sessions: readonly TrendSession[]): StartAfterPoint[] {
  return sessions
    .filter((s) => s.startHrBpm !== null && s.endHrBpm !== null)
    .map((s) => ({ id: s.id, tMs: s.startedAtMs, startHrBpm: s.startHrBpm as number, endHrBpm: s.endHrBpm as number }))
    .sort((a, b) => a.tMs - b.tMs);
}

export type SignsPoint = { entryId: string; tMs: number; rating: readonly number[]; mean: number };

export function signsSeries(signs: readonly TrendSigns[]): SignsPoint[] {
  return [...signs]
    .sort((a, b) => a.createdAtMs - b.createdAtMs)
    .map((s) => ({ entryId: s.entryId, tMs: s.createdAtMs, rating: s.rating, mean: s.rating.reduce((a, b) => a + b, 0) / s.rating.length }));
}

/** Whether this week (local) already has a signs rating. */
export function ratedThisWeek(signs: readonly TrendSigns[], nowMs: number, timeZone?: string): TrendSigns | null {
  const week = startOfLocalWeekMs(nowMs, timeZone);
  return [...signs].reverse().find((s) => s.createdAtMs >= week && s.createdAtMs <= nowMs) ?? null;
}
