import { SIGNS_OF_PROGRESS } from '../content/signs-of-progress.ts';
import type { PhysiologySettings } from '../model/settings.ts';
import {
  MIN_SESSIONS_PER_PERIOD,
  TREND_RANGE_LABELS,
  bucketStarts,
  calmDownSentence,
  calmDownSeries,
  compareCalmDown,
  filterByTag,
  floodingEpisodesPerBucket,
  formatSeconds,
  inWindow,
  medianPerBucket,
  practiceMinutesPerBucket,
  rangeWindow,
  ratedThisWeek,
  rmssdOf,
  signsSeries,
  spreadPerBucket,
  startAfterSeries,
  type CalmDownPoint,
  type MedianRow,
  type RangeWindow,
  type SignsPoint,
  type TrendRange,
} from './aggregate.ts';
import type { CsvCell } from '../formats/csv.ts';
import { isoLocal } from '../time/local-stamp.ts';
import { localMonthStarts, localWeekStarts } from './local-calendar.ts';
import { DAY_MS } from '../time/durations.ts';
import { median } from './statistics.ts';
import type { TrendSession, TrendsTimeline } from './timeline.ts';

// Everything the Trends overview draws and says, from the timeline, the chosen range and tag,
// "now", the time zone and the user's rules: which sessions count, the buckets, each chart's
// points, its summary sentence, its table and what it says when it has nothing to draw. Pure,
// so tests read what the user would see without a window; the screen only lays it out.

/** The user's rules the overview applies and states (the physiology settings hold them under these names). */
export type TrendsSettings = Pick<PhysiologySettings, 'floodedMinBpm' | 'floodedAboveBaselinePercent' | 'sustainSec' | 'maxCorrectedPercent'>;

export type OverviewInput = {
  timeline: TrendsTimeline;
  range: TrendRange;
  /** Only sessions linked to entries with this tag; null for all. */
  tag: string | null;
  nowMs: number;
  /** Draw a dot per session on the calm-down chart even where it would draw medians per week or month. */
  eachSession?: boolean;
  /** The user's zone when absent. */
  timeZone?: string;
  settings: TrendsSettings;
};

/** A chart's data in words: the table behind its disclosure and its CSV. */
export type OverviewTable = { caption: string; headers: string[]; rows: CsvCell[][] };

/** More calm-down times than this are drawn as medians per week or month with their middle half (unless the user asks for each). */
export const CALM_DOTS_MAX = 120;
/** Fewer calm-down times a week than this on average: weekly medians jump about, so months. */
const WEEKLY_MIN_PER_WEEK = 3;
/** More weekly ratings than this are drawn as the mean per week or month. */
const SIGNS_DRAWN_MAX = 60;
/** More checks than this are drawn as the median per week or month. */
const START_AFTER_DRAWN_MAX = 120;

const round1 = (n: number) => Math.round(n * 10) / 10;
const bpm = (n: number | null) => (n === null ? '–' : `${Math.round(n)} bpm`);
const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
const roundOrNull = (n: number | null) => (n === null ? null : Math.round(n));

export function trendsOverviewModel({ timeline, range, tag, nowMs, timeZone, settings, eachSession = false }: OverviewInput) {
  const filtered = filterByTag(timeline.sessions, timeline.entries, tag);
  let earliest: number | null = null;
  for (const s of timeline.sessions) earliest = earliest === null ? s.startedAtMs : Math.min(earliest, s.startedAtMs);
  const window = rangeWindow(range, nowMs, earliest, timeZone);
  const starts = bucketStarts(window, timeZone);
  const sessions = inWindow(filtered.sessions, window, (s) => s.startedAtMs);
  const tagWords = tag ? ` (sessions linked to entries tagged “${tag}”)` : '';
  const ctx: Context = { window, starts, sessions, tagWords, timeZone, bucketOf: `${window.bucket === 'week' ? 'Week' : 'Month'} of` };
  const noSessions = sessions.length === 0 ? `No sessions in this range${tagWords}.` : undefined;
  const calmSeries = calmDownSeries(filtered.sessions);

  return {
    bucket: window.bucket,
    domain: [window.fromMs, window.toMs] as const,
    tagWords,
    // The headline compares all sessions (of the tag), whatever the range, with the first month.
    sentence: calmDownSentence(compareCalmDown(calmSeries, nowMs)),
    calm: calmCard(ctx, calmSeries, range, eachSession),
    signs: signsCard(ctx, timeline),
    startAfter: startAfterCard(ctx),
    baseline: medianCard(ctx, medianPerBucket(sessions, starts, window.toMs, (s) => s.baselineHrBpm), 'Resting heart rate', 'bpm', 'No session in this range knew your resting heart rate. A calibration reading sets it.'),
    rmssd: medianCard(
      ctx,
      medianPerBucket(sessions, starts, window.toMs, rmssdOf(settings.maxCorrectedPercent)),
      'RMSSD',
      'ms',
      'No session in this range had clean enough beat-to-beat data for RMSSD (a chest strap gives it; optical sensors often do not).',
    ),
    coherence: medianCard(
      ctx,
      medianPerBucket(sessions, starts, window.toMs, highCoherenceMinutes),
      'Time in high coherence per breathing session',
      'min',
      'No breathing session in this range has its coherence yet. It appears after breathing with the pacer while wearing a strap that sends the time between beats.',
    ),
    flooding: floodingCard(ctx, settings, noSessions),
    practice: practiceCard(ctx, noSessions),
    thisWeek: ratedThisWeek(timeline.signs, nowMs, timeZone),
    // Weekly ratings have their own chart and small moments their own count: neither is a marker.
    markers: inWindow(filtered.entries, window, (e) => e.createdAtMs).filter((e) => e.kind !== 'weekly-signs' && e.kind !== 'moment'),
  };
}

/** A breathing session's time in high coherence, in minutes (the chart's unit). */
const highCoherenceMinutes = (s: TrendSession): number | null => (s.breathingHighCoherenceSec === null ? null : s.breathingHighCoherenceSec / 60);

type Context = { window: RangeWindow; starts: number[]; sessions: TrendSession[]; tagWords: string; timeZone: string | undefined; bucketOf: string };

/**
 * The calm-down chart: a dot per session when there are few (with the median of the last 7),
 * else the median per week or month with the middle half of the sessions as a band. Weeks
 * when the range is a year or less and holds a few sessions a week, else months.
 */
function calmCard({ window, starts, sessions, tagWords, timeZone }: Context, series: readonly CalmDownPoint[], range: TrendRange, eachSession: boolean) {
  const points = inWindow(series, window, (p) => p.tMs);
  const weeks = Math.max(1, (window.toMs - window.fromMs) / (7 * DAY_MS));
  const spreadBucket: RangeWindow['bucket'] = weeks <= 53 && points.length / weeks >= WEEKLY_MIN_PER_WEEK ? 'week' : 'month';
  const grouped = points.length > CALM_DOTS_MAX;
  const spreadStarts =
    spreadBucket === window.bucket ? starts : spreadBucket === 'week' ? localWeekStarts(window.fromMs, window.toMs, timeZone) : localMonthStarts(window.fromMs, window.toMs, timeZone);
  const spread = grouped
    ? spreadPerBucket(points, (p) => p.tMs, (p) => p.calmDownSec, spreadStarts, window.toMs).map((r) => ({
        t: r.startMs + (r.endMs - r.startMs) / 2,
        startMs: r.startMs,
        median: r.median,
        band: [r.q1, r.q3] as [number, number],
        count: r.count,
      }))
    : [];
  const mode: 'sessions' | 'spread' = grouped && !eachSession ? 'spread' : 'sessions';
  const drawn = mode === 'sessions' ? points.map((p) => ({ id: p.id, t: p.tMs, calm: p.calmDownSec, median: grouped ? null : p.rollingMedianSec })) : [];
  const neverCalm = sessions.filter((s) => s.calmDownSec === null).length;
  const summary =
    points.length === 0
      ? `No calm-down times in this range.`
      : `In this range: ${count(points.length, 'session')} with a calm-down time, median ${formatSeconds(median(points.map((p) => p.calmDownSec)) ?? 0)}.` +
        (neverCalm > 0 ? ` ${count(neverCalm, 'session')} did not settle to calm before it ended and ${neverCalm === 1 ? 'has' : 'have'} no calm-down time.` : '') +
        (points.length < MIN_SESSIONS_PER_PERIOD ? ' That is too few to read a trend from.' : '') +
        (grouped ? ` Drawn as the median per ${spreadBucket} over a band holding the middle half of that ${spreadBucket}'s sessions; the table has each.` : '');
  const table: OverviewTable = {
    caption: `Calm-down time of each session${tagWords}, ${TREND_RANGE_LABELS[range].toLowerCase()}`,
    headers: ['When', 'Calm-down (s)', 'Median of last 7 (s)'],
    rows: points.map((p) => [isoLocal(p.tMs, true, timeZone), Math.round(p.calmDownSec), roundOrNull(p.rollingMedianSec)]),
  };
  const empty = points.length === 0 ? `No session in this range has a calm-down time yet${tagWords}. It appears once a check sees your heart rate rise and settle again.` : undefined;
  return { points, drawn, spread, spreadBucket, grouped, mode, summary, table, empty };
}

function signsCard({ window, starts, timeZone }: Context, timeline: TrendsTimeline) {
  const signs = inWindow(signsSeries(timeline.signs), window, (s) => s.tMs);
  // Every rating is in the table and the summary; the picture shows each rating when there
  // are few, else the mean of each sign per week or month.
  const drawn =
    signs.length <= SIGNS_DRAWN_MAX
      ? signs.map((s) => ({ t: s.tMs, s0: s.rating[0]!, s1: s.rating[1]!, s2: s.rating[2]!, s3: s.rating[3]!, s4: s.rating[4]! }))
      : signsPerBucket(signs, starts);
  const summary =
    signs.length === 0
      ? 'No ratings in this range.'
      : signs.length === 1
        ? `One rating in this range, averaging ${round1(signs[0]!.mean)} of 5.`
        : `${signs.length} ratings in this range. The first averaged ${round1(signs[0]!.mean)} of 5, the latest ${round1(signs.at(-1)!.mean)}.${
            signs.length > SIGNS_DRAWN_MAX ? ` The chart shows each sign's mean per ${window.bucket}; the table has every rating.` : ''
          }`;
  const table: OverviewTable = {
    caption: 'Weekly signs-of-progress ratings',
    headers: ['When', ...SIGNS_OF_PROGRESS.map((s) => s.short), 'Average'],
    rows: signs.map((s) => [isoLocal(s.tMs, true, timeZone), ...s.rating, round1(s.mean)]),
  };
  const empty = signs.length === 0 ? 'No weekly rating in this range yet. Rate this week below and it appears here.' : undefined;
  return { points: signs, drawn, summary, table, empty };
}

function signsPerBucket(signs: readonly SignsPoint[], starts: readonly number[]) {
  const out: Array<{ t: number; s0: number; s1: number; s2: number; s3: number; s4: number }> = [];
  let b = 0;
  let sums = [0, 0, 0, 0, 0];
  let n = 0;
  const flush = () => {
    if (n > 0) out.push({ t: starts[b]!, s0: sums[0]! / n, s1: sums[1]! / n, s2: sums[2]! / n, s3: sums[3]! / n, s4: sums[4]! / n });
    sums = [0, 0, 0, 0, 0];
    n = 0;
  };
  for (const s of signs) {
    while (b + 1 < starts.length && s.tMs >= starts[b + 1]!) {
      flush();
      b += 1;
    }
    sums = sums.map((v, i) => v + (s.rating[i] ?? 0));
    n += 1;
  }
  flush();
  return out;
}

/** Heart rate at the start and after: each check when few, else the median per bucket. */
function startAfterCard({ window, starts, sessions, tagWords, timeZone, bucketOf }: Context) {
  const all = startAfterSeries(sessions);
  const bucketed = all.length > START_AFTER_DRAWN_MAX;
  let drawn: Array<{ t: number; start: number | null; after: number | null }>;
  if (bucketed) {
    const withEnds = sessions.filter((s) => s.startHrBpm !== null && s.endHrBpm !== null);
    const after = medianPerBucket(withEnds, starts, window.toMs, (s) => s.endHrBpm);
    drawn = medianPerBucket(withEnds, starts, window.toMs, (s) => s.startHrBpm)
      .filter((r) => r.count > 0)
      .map((r) => ({ t: r.startMs, start: r.value, after: after.find((x) => x.startMs === r.startMs)?.value ?? null }));
  } else {
    drawn = all.map((p) => ({ t: p.tMs, start: p.startHrBpm, after: p.endHrBpm }));
  }
  const summary =
    all.length === 0
      ? 'No check in this range recorded heart rate at the start and after regulating.'
      : `Median ${bpm(median(all.map((p) => p.startHrBpm)))} at the start and ${bpm(median(all.map((p) => p.endHrBpm)))} after regulating, over ${count(all.length, 'check')}${
          bucketed ? ` (drawn as the median per ${window.bucket})` : ''
        }. Slow breathing usually lowers heart rate only a little; the bigger change is in the beat-to-beat swings.`;
  const table: OverviewTable = {
    caption: `Heart rate at the start and after regulating${bucketed ? `, median per ${window.bucket}` : ', each check'}`,
    headers: [bucketed ? bucketOf : 'When', 'At the start (bpm)', 'After regulating (bpm)'],
    rows: drawn.map((p) => [isoLocal(p.t, !bucketed, timeZone), roundOrNull(p.start), roundOrNull(p.after)]),
  };
  const empty = drawn.length === 0 ? `No check in this range recorded heart rate both at the start and after regulating${tagWords}.` : undefined;
  return { drawn, summary, table, empty };
}

/** A median per week or month (resting heart rate, RMSSD): first and latest in words. */
function medianCard({ window, timeZone, bucketOf }: Context, rows: MedianRow[], name: string, unit: string, emptyWords: string) {
  const withData = rows.filter((r) => r.value !== null);
  const first = withData[0];
  const last = withData.at(-1);
  const when = (ms: number) => isoLocal(ms, false, timeZone);
  const summary =
    first === undefined || last === undefined
      ? 'No data in this range.'
      : withData.length === 1
        ? `${round1(first.value!)} ${unit} in the ${window.bucket} of ${when(first.startMs)}.`
        : `${round1(first.value!)} ${unit} in the first ${window.bucket} with data (${when(first.startMs)}), ${round1(last.value!)} ${unit} in the latest (${when(last.startMs)}).`;
  const table: OverviewTable = {
    caption: `${name}, median per ${window.bucket}`,
    headers: [bucketOf, `${name} (${unit})`, 'Sessions'],
    rows: rows.filter((r) => r.count > 0).map((r) => [when(r.startMs), round1(r.value ?? 0), r.count]),
  };
  const empty = rows.every((r) => r.count === 0) ? emptyWords : undefined;
  return { rows, drawn: withData.map((r) => ({ t: r.startMs, value: r.value })), summary, table, empty };
}

function bucketLabel({ window, timeZone }: Context): (ms: number) => string {
  const format = new Intl.DateTimeFormat(undefined, window.bucket === 'week' ? { day: 'numeric', month: 'short', timeZone } : { month: 'short', year: '2-digit', timeZone });
  return (ms) => format.format(ms);
}

function floodingCard(ctx: Context, settings: TrendsSettings, empty: string | undefined) {
  const { window, starts, sessions, timeZone, bucketOf } = ctx;
  const rows = floodingEpisodesPerBucket(sessions, starts, window.toMs, settings);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const label = bucketLabel(ctx);
  const summary =
    sessions.length === 0
      ? 'No sessions in this range.'
      : `${count(total, 'episode')} in this range, in ${rows.filter((r) => r.count > 0).length} of ${rows.length} ${window.bucket}s.`;
  const table: OverviewTable = {
    caption: `Flooding episodes per ${window.bucket}`,
    headers: [bucketOf, 'Episodes'],
    rows: rows.map((r) => [isoLocal(r.startMs, false, timeZone), r.count]),
  };
  return { rows, drawn: rows.map((r) => ({ label: label(r.startMs), value: r.count })), summary, table, empty };
}

/** "12 minutes of practice in this range, about 3 minutes a week." (the average only when it is at least one). */
function practiceSentence(totalMinutes: number, buckets: number, bucket: RangeWindow['bucket']): string {
  if (totalMinutes < 0.5) return totalMinutes > 0 ? 'Less than a minute of practice in this range.' : 'No practice minutes in this range.';
  const perBucket = Math.round(totalMinutes / Math.max(1, buckets));
  return `${count(Math.round(totalMinutes), 'minute')} of practice in this range${perBucket >= 1 ? `, about ${count(perBucket, 'minute')} a ${bucket}` : ''}.`;
}

function practiceCard(ctx: Context, empty: string | undefined) {
  const { window, starts, sessions, timeZone, bucketOf } = ctx;
  const rows = practiceMinutesPerBucket(sessions, starts, window.toMs);
  const total = rows.reduce((sum, r) => sum + r.minutes, 0);
  const label = bucketLabel(ctx);
  const summary = sessions.length === 0 ? 'No sessions in this range.' : practiceSentence(total, rows.length, window.bucket);
  const table: OverviewTable = {
    caption: `Practice minutes per ${window.bucket}`,
    headers: [bucketOf, 'Minutes', 'Sessions'],
    rows: rows.map((r) => [isoLocal(r.startMs, false, timeZone), r.minutes, r.sessions]),
  };
  return { rows, drawn: rows.map((r) => ({ label: label(r.startMs), value: r.minutes })), summary, table, empty };
}
