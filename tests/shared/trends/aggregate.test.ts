import { describe, expect, it } from 'vitest';
import {
  calmDownSentence,
  calmDownSeries,
  compareCalmDown,
  filterByTag,
  floodingEpisodesPerBucket,
  isFloodingEpisode,
  medianPerBucket,
  practiceMinutesPerBucket,
  rangeWindow,
  bucketStarts,
  rmssdOf,
  spreadPerBucket,
  startAfterSeries,
  defaultRange,
} from '../../../shared/trends/aggregate.ts';
import { quantile } from '../../../shared/trends/statistics.ts';
import { toTrendSession, type TrendEntry, type TrendSession } from '../../../shared/trends/timeline.ts';
import { trendSession } from './trend-session.ts';
import { testSummary } from '../../support/session-summary.ts';

const DAY = 86_400_000;
const TZ = 'Europe/Berlin';
const T0 = Date.parse('2025-01-06T18:00:00Z'); // a Monday evening
const RULE = { floodedMinBpm: 100, floodedAboveBaselinePercent: 10 };

const session = (dayOffset: number, fields: Partial<TrendSession> = {}): TrendSession => trendSession(T0 + dayOffset * DAY, fields);

describe('the headline: calm-down compared with the first month', () => {
  it('says there is nothing yet when no session has a calm-down time', () => {
    const comparison = compareCalmDown([], T0);
    expect(comparison).toEqual({ kind: 'none' });
    expect(calmDownSentence(comparison).headline).toBe('No calm-down times yet.');
  });

  it('in the first week, says where the user starts: their sessions and typical calm-down so far', () => {
    const points = calmDownSeries([0, 1, 2].map((d, i) => session(d, { calmDownSec: [90, 150, 120][i]! })));
    const comparison = compareCalmDown(points, T0 + 3 * DAY);
    expect(comparison).toEqual({ kind: 'starting', count: 3, medianSec: 120, days: 3, earlierCount: 0, recentCount: 3 });
    const { headline, detail } = calmDownSentence(comparison);
    expect(headline).toBe('Here is where you start: 3 sessions with a calm-down time over 3 days, typically 2 min.');
    expect(detail).toContain('Your first trend comes when 5 sessions are older than the last 30 days and 5 are within them. So far 0 are older and 3 within them.');
  });

  it('in the first month, counts every recent session (18 in three weeks is not "0 recent")', () => {
    const sessions = Array.from({ length: 18 }, (_, i) => session(Math.floor(i * 1.1), { calmDownSec: 100 + i }));
    const comparison = compareCalmDown(calmDownSeries(sessions), T0 + 21 * DAY);
    expect(comparison).toMatchObject({ kind: 'starting', count: 18, recentCount: 18, earlierCount: 0, medianSec: 108.5 });
    const { headline, detail } = calmDownSentence(comparison);
    expect(headline).toBe('Here is where you start: 18 sessions with a calm-down time over 21 days, typically 1 min 49 s.');
    expect(`${headline} ${detail}`).not.toMatch(/\b0 sessions\b/);
  });

  it('never counts a session in both periods, and drops none from "recent"', () => {
    // 45 days of one session a day: the last 30 days are "recent", the 15 before them are the first month.
    const sessions = Array.from({ length: 45 }, (_, d) => session(d, { calmDownSec: d < 15 ? 200 : 100 }));
    const comparison = compareCalmDown(calmDownSeries(sessions), T0 + 44 * DAY + 1);
    expect(comparison).toMatchObject({ kind: 'compared', firstCount: 15, recentCount: 30, firstMedianSec: 200, recentMedianSec: 100 });
    if (comparison.kind !== 'compared') throw new Error('compared');
    expect(comparison.firstCount + comparison.recentCount).toBe(sessions.length);
  });

  it('asks for more recent sessions when the last 30 days hold too few, and says how many came before', () => {
    const sessions = [...[0, 2, 4, 6, 8, 10, 12, 14].map((d) => session(d)), ...[100, 101].map((d) => session(d))];
    const comparison = compareCalmDown(calmDownSeries(sessions), T0 + 102 * DAY);
    expect(comparison).toEqual({ kind: 'not-enough-recent', recentCount: 2, more: 3, earlierCount: 8 });
    expect(calmDownSentence(comparison).headline).toBe('Not enough recent sessions: 3 more to see a trend.');
    expect(calmDownSentence(comparison).detail).toMatch(/^The last 30 days hold 2 sessions with a calm-down time; 8 sessions came before them\./);
  });

  it('over five years, compares the first month with the last 30 days', () => {
    const days = 5 * 365;
    // One a day, calm-down shortening from 300 s to 60 s over the years.
    const sessions = Array.from({ length: days }, (_, d) => session(d, { calmDownSec: 300 - (240 * d) / (days - 1) }));
    const comparison = compareCalmDown(calmDownSeries(sessions), T0 + (days - 1) * DAY + 1);
    expect(comparison).toMatchObject({ kind: 'compared', firstLabel: 'first month', firstCount: 30, recentCount: 30 });
    expect(calmDownSentence(comparison).headline).toBe('Your median calm-down time is 79 % shorter than in your first month.');
  });

  it('reports the change of the median as a rounded percentage, shorter or longer', () => {
    const first = [0, 3, 6, 9, 12, 15].map((d, i) => session(d, { calmDownSec: [100, 120, 90, 110, 300, 100][i]! }));
    const recent = [200, 201, 203, 205, 207].map((d, i) => session(d, { calmDownSec: [62, 70, 50, 62, 900][i]! }));
    const comparison = compareCalmDown(calmDownSeries([...recent, ...first]), T0 + 208 * DAY);
    expect(comparison).toMatchObject({ kind: 'compared', firstLabel: 'first month', firstCount: 6, firstMedianSec: 105, recentCount: 5, recentMedianSec: 62 });
    const { headline, detail } = calmDownSentence(comparison);
    expect(headline).toBe('Your median calm-down time is 41 % shorter than in your first month.');
    expect(detail).toBe('Median 1 min 2 s over the last 30 days (5 sessions), 1 min 45 s in your first month (6 sessions).');

    const worse = compareCalmDown(calmDownSeries([...first, ...recent.map((s) => ({ ...s, calmDownSec: 210 }))]), T0 + 208 * DAY);
    expect(calmDownSentence(worse).headline).toBe('Your median calm-down time is 100 % longer than in your first month.');
    const same = compareCalmDown(calmDownSeries([...first, ...recent.map((s) => ({ ...s, calmDownSec: 108 }))]), T0 + 208 * DAY);
    expect(calmDownSentence(same).headline).toBe('Your median calm-down time is about the same as in your first month.');
  });

  it('uses the first five sessions when the first month held fewer, and says so', () => {
    const sparseStart = [0, 40, 80, 120, 160, 200].map((d) => session(d, { calmDownSec: 200 }));
    const recent = [300, 301, 302, 303, 304].map((d) => session(d, { calmDownSec: 100 }));
    const comparison = compareCalmDown(calmDownSeries([...sparseStart, ...recent]), T0 + 305 * DAY);
    expect(comparison).toMatchObject({ kind: 'compared', firstLabel: 'first sessions', firstCount: 5 });
    expect(calmDownSentence(comparison).headline).toBe('Your median calm-down time is 50 % shorter than in your first 5 sessions.');
  });

  it('skips sessions without a calm-down time and rolls a 7-session median', () => {
    const series = calmDownSeries([session(2, { calmDownSec: null }), ...[0, 1, 3, 4].map((d, i) => session(d, { calmDownSec: (i + 1) * 10 }))]);
    expect(series.map((p) => p.calmDownSec)).toEqual([10, 20, 30, 40]);
    expect(series.map((p) => p.rollingMedianSec)).toEqual([null, null, 20, 25]);
  });
});

describe('weekly counts in the user\'s local weeks', () => {
  const window = rangeWindow('4w', T0 + 27 * DAY, null, TZ);
  const starts = bucketStarts(window, TZ);

  it('has four or five local weeks in the 4-week range, starting on a Monday', () => {
    expect(window.bucket).toBe('week');
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(new Date(starts[0]!).toISOString()).toBe('2025-01-05T23:00:00.000Z');
  });

  it('counts flooding episodes: peak at the flooding line or a take-a-break verdict', () => {
    expect(isFloodingEpisode(session(0, { peakHrBpm: 100, baselineHrBpm: 62 }), RULE)).toBe(true);
    expect(isFloodingEpisode(session(0, { peakHrBpm: 99, baselineHrBpm: 62 }), RULE)).toBe(false);
    // A baseline of 95 puts the line at 104.5.
    expect(isFloodingEpisode(session(0, { peakHrBpm: 104, baselineHrBpm: 95 }), RULE)).toBe(false);
    expect(isFloodingEpisode(session(0, { peakHrBpm: 80, verdict: 'take-a-break' }), RULE)).toBe(true);
    const rows = floodingEpisodesPerBucket(
      [session(0, { peakHrBpm: 120 }), session(1, { peakHrBpm: 120 }), session(8, { peakHrBpm: 70 }), session(15, { verdict: 'take-a-break' })],
      starts,
      window.toMs,
      RULE,
    );
    expect(rows.map((r) => r.count)).toEqual([2, 0, 1, 0]);
  });

  it('adds practice minutes per week, leaving out recordings and conversations', () => {
    const rows = practiceMinutesPerBucket(
      [session(0, { durationSec: 600 }), session(1, { kind: 'breathing', durationSec: 330 }), session(2, { kind: 'recording', durationSec: 6000 }), session(9, { kind: 'conversation', durationSec: 900 })],
      starts,
      window.toMs,
    );
    expect(rows.map((r) => r.minutes)).toEqual([15.5, 0, 0, 0]);
    expect(rows[0]!.sessions).toBe(2);
    // A check whose 15 minutes held 10 of conversation: 5 minutes of practice.
    const check = toTrendSession({
      id: 'c1',
      kind: 'check',
      status: 'finished',
      startedAtMs: window.fromMs,
      endedAtMs: window.fromMs + 900_000,
      sourceKind: 'demo',
      beatCount: 1000,
      verdict: 'ready',
      journalEntryIds: [],
      summary: testSummary({ durationSec: 900, phases: { conversationSec: 600 } }),
    })!;
    expect(check.practiceSec).toBe(300);
    expect(practiceMinutesPerBucket([check], starts, window.toMs)[0]!.minutes).toBe(5);
  });

  it('takes weekly medians of baseline and of trustworthy RMSSD only', () => {
    const sessions = [session(0, { baselineHrBpm: 60, rmssdMs: 30 }), session(1, { baselineHrBpm: 64, rmssdMs: 90, correctedPercent: 12 }), session(2, { baselineHrBpm: 62, rmssdMs: 50 })];
    expect(medianPerBucket(sessions, starts, window.toMs, (s) => s.baselineHrBpm)[0]).toMatchObject({ value: 62, count: 3 });
    expect(medianPerBucket(sessions, starts, window.toMs, rmssdOf(5))[0]).toMatchObject({ value: 40, count: 2 });
    expect(medianPerBucket(sessions, starts, window.toMs, rmssdOf(5))[1]).toMatchObject({ value: null, count: 0 });
  });

  it('counts by month when "all" spans more than two years', () => {
    const all = rangeWindow('all', T0 + 1000 * DAY, T0, TZ);
    expect(all.bucket).toBe('month');
    expect(bucketStarts(all, TZ).length).toBe(34);
    expect(rangeWindow('all', T0 + 100 * DAY, T0, TZ).bucket).toBe('week');
  });
});

describe('the range shown when none is chosen', () => {
  it('fits the data: a few weeks → 4 weeks, two months → 3 months, a year or five → 12 months', () => {
    const now = T0 + 2000 * DAY;
    const from = (daysAgo: number) => [{ startedAtMs: now - daysAgo * DAY }, { startedAtMs: now - DAY }];
    expect(defaultRange([], now)).toBe('4w');
    expect(defaultRange(from(6), now)).toBe('4w');
    expect(defaultRange(from(21), now)).toBe('4w');
    expect(defaultRange(from(22), now)).toBe('3m');
    expect(defaultRange(from(84), now)).toBe('3m');
    expect(defaultRange(from(200), now)).toBe('12m');
    expect(defaultRange(from(1825), now)).toBe('12m');
  });
});

describe('medians per week or month with the middle half', () => {
  it('gives each bucket with data its median and 25th–75th percentile, and leaves out empty ones', () => {
    const week = rangeWindow('4w', T0 + 20 * DAY, null, TZ);
    const starts = bucketStarts(week, TZ);
    const items = [
      ...[10, 20, 30, 40, 50].map((v, i) => ({ t: starts[0]! + i * 3_600_000, v })),
      { t: starts[2]! + 1, v: 7 },
    ];
    const rows = spreadPerBucket(items, (x) => x.t, (x) => x.v, starts, week.toMs);
    expect(rows.map((r) => [r.startMs, r.median, r.q1, r.q3, r.count])).toEqual([
      [starts[0], 30, 20, 40, 5],
      [starts[2], 7, 7, 7, 1],
    ]);
  });

  it('interpolates quartiles between ranks (as a spreadsheet does)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([5], 0.25)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4, Number.NaN], 0.5)).toBe(2.5);
  });
});

describe('filters and series', () => {
  it('keeps sessions linked to entries with the tag, from either side of the link', () => {
    const a = session(0);
    const b = session(1, { journalEntryIds: ['entry-b'] });
    const c = session(2);
    const entries: TrendEntry[] = [
      { id: 'entry-a', createdAtMs: T0, kind: 'reflection', firstLine: 'a', tags: ['partner'], sessionIds: [a.id] },
      { id: 'entry-b', createdAtMs: T0, kind: 'reflection', firstLine: 'b', tags: ['partner', 'money'], sessionIds: [] },
      { id: 'entry-c', createdAtMs: T0, kind: 'reflection', firstLine: 'c', tags: ['work'], sessionIds: [c.id] },
    ];
    const filtered = filterByTag([a, b, c], entries, 'partner');
    expect(filtered.sessions.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(filtered.entries.map((e) => e.id)).toEqual(['entry-a', 'entry-b']);
    expect(filterByTag([a, b, c], entries, null).sessions).toHaveLength(3);
  });

  it('pairs start and after-regulating heart rate only where both were recorded', () => {
    const series = startAfterSeries([session(1, { startHrBpm: 92, endHrBpm: 74 }), session(0, { startHrBpm: 88 })]);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ startHrBpm: 92, endHrBpm: 74 });
  });
});
