import type { FloodedLineRule } from '../../../shared/signal/regulation-rules.ts';
import { useMemo, useState } from 'react';
import { SIGNS_OF_PROGRESS } from '../../../shared/content/signs-of-progress.ts';
import {
  MIN_SESSIONS_PER_PERIOD,
  TREND_RANGES,
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
  startAfterSeries,
  tagsInUse,
  type TrendRange,
} from '../../../shared/trends/aggregate.ts';
import { isoLocal } from '../../../shared/trends/csv.ts';
import { lttb } from '../../../shared/trends/lttb.ts';
import { median } from '../../../shared/trends/statistics.ts';
import type { TrendsTimeline } from '../../../shared/trends/timeline.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import { ChartCard, useChartsInViewPaintedMark } from './chart-card.tsx';
import { BucketBarChart, CalmDownChart, SERIES, SignsChart, SingleSeriesChart, StartAfterChart, type TimeDomain } from './charts.tsx';
import { JournalMarkers } from './journal-markers.tsx';
import { SignsForm } from './signs-form.tsx';
import { goToTrends, trendsHash } from './trends-path.ts';

/** Benchmarks and tests wait for this mark: every chart of the overview in the window has drawn. */
export const TRENDS_PAINTED_MARK = 'attune-trends-painted';

/** Points drawn per series at most; statistics use them all. */
const DRAWN_POINTS = 300;
/** More weekly ratings than this are drawn as the mean per week or month. */
const SIGNS_DRAWN_MAX = 60;

const round1 = (n: number) => Math.round(n * 10) / 10;
const bpm = (n: number | null) => (n === null ? '–' : `${Math.round(n)} bpm`);

export type TrendsSettings = FloodedLineRule & { maxCorrectedPercent: number };

export function TrendsOverview({
  timeline,
  nowMs,
  range,
  tag,
  settings,
  onRated,
}: {
  timeline: TrendsTimeline;
  nowMs: number;
  range: TrendRange;
  tag: string | null;
  settings: TrendsSettings;
  /** A weekly rating was saved: main's answer, to put into the timeline. */
  onRated: (entry: JournalEntry) => void;
}) {
  const view = useMemo(() => buildView(timeline, nowMs, range, tag, settings), [timeline, nowMs, range, tag, settings]);
  useChartsInViewPaintedMark('.trends', TRENDS_PAINTED_MARK, [view]);
  const tags = useMemo(() => tagsInUse(timeline.entries), [timeline.entries]);
  const bucketWord = view.window.bucket;
  const tagWords = tag ? ` (sessions linked to entries tagged “${tag}”)` : '';

  return (
    <div className="trends">
      <div className="trends-controls">
        <div className="trends-ranges" role="group" aria-label="Time range">
          {TREND_RANGES.map((r) => (
            <button key={r} type="button" className="range-button" aria-pressed={r === range} onClick={() => goToTrends({ view: 'overview', range: r, tag }, true)}>
              {TREND_RANGE_LABELS[r]}
            </button>
          ))}
        </div>
        <label className="trends-tag">
          <span>Only sessions linked to entries tagged</span>
          <select className="control" value={tag ?? ''} onChange={(event) => goToTrends({ view: 'overview', range, tag: event.target.value || null }, true)}>
            <option value="">(any tag: all sessions)</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section className="trend-headline" aria-live="polite" aria-labelledby="trend-headline-title">
        <h2 id="trend-headline-title" className="trends-sr-only">
          Your calm-down trend
        </h2>
        <p className="trend-headline-text" data-testid="trend-headline">
          {view.sentence.headline}
        </p>
        <p className="trend-headline-detail">
          {view.sentence.detail}
          {tagWords}
        </p>
      </section>

      <div className="trends-grid">
        <ChartCard
          id="calm-down"
          title="Calm-down time per session"
          summary={
            <>
              <p>
                Calm-down time is how long it took, after your heart rate peaked in a session, until it stayed within a few beats of your resting rate for {30} seconds. Shorter
                means you found your way back sooner. The line is the median of your last 7 sessions, so one hard day does not hide the trend.
              </p>
              <p>{view.calmSummary}</p>
            </>
          }
          table={{
            caption: `Calm-down time of each session${tagWords}, ${TREND_RANGE_LABELS[range].toLowerCase()}`,
            headers: ['When', 'Calm-down (s)', 'Median of last 7 (s)'],
            rows: view.calmInRange.map((p) => [isoLocal(p.tMs), Math.round(p.calmDownSec), p.rollingMedianSec === null ? null : Math.round(p.rollingMedianSec)]),
            links: view.calmInRange.map((p) => trendsHash({ view: 'session', id: p.id })),
          }}
          empty={view.calmInRange.length === 0 ? `No session in this range has a calm-down time yet${tagWords}. It appears once a check sees your heart rate rise and settle again.` : undefined}
          below={<JournalMarkers entries={view.markers} domain={view.domain} label={tag ? `tagged “${tag}”` : ''} />}
        >
          <CalmDownChart data={view.calmDrawn} domain={view.domain} onOpen={openSession} />
        </ChartCard>

        <ChartCard
          id="signs"
          title="Signs of progress, as you rated them"
          summary={
            <>
              <p>Your weekly rating of the article’s five signs, from 1 (not at all) to 5 (very much), beside the measured calm-down time above.</p>
              <p>{view.signsSummary}</p>
            </>
          }
          table={{
            caption: 'Weekly signs-of-progress ratings',
            headers: ['When', ...SIGNS_OF_PROGRESS.map((s) => s.short), 'Average'],
            rows: view.signs.map((s) => [isoLocal(s.tMs), ...s.rating, round1(s.mean)]),
          }}
          empty={view.signs.length === 0 ? 'No weekly rating in this range yet. Rate this week below and it appears here.' : undefined}
        >
          <SignsChart data={view.signsDrawn} domain={view.domain} />
        </ChartCard>
        <SignsForm thisWeek={view.thisWeek} onSaved={onRated} />

        <ChartCard
          id="start-after"
          title="Heart rate at the start of a check and after regulating"
          summary={<p>{view.startAfterSummary}</p>}
          table={{
            caption: `Heart rate at the start and after regulating${view.startAfterBucketed ? `, median per ${bucketWord}` : ', each check'}`,
            headers: [view.startAfterBucketed ? `${bucketWord === 'week' ? 'Week' : 'Month'} of` : 'When', 'At the start (bpm)', 'After regulating (bpm)'],
            rows: view.startAfter.map((p) => [isoLocal(p.t, !view.startAfterBucketed), p.start === null ? null : Math.round(p.start), p.after === null ? null : Math.round(p.after)]),
          }}
          empty={view.startAfter.length === 0 ? `No check in this range recorded heart rate both at the start and after regulating${tagWords}.` : undefined}
        >
          <StartAfterChart data={view.startAfter} domain={view.domain} />
        </ChartCard>

        <ChartCard
          id="resting-heart-rate"
          title="Resting heart rate (your baseline)"
          summary={
            <>
              <p>The resting heart rate your checks were judged against: the median of your last calm readings. It is yours alone, not a population norm.</p>
              <p>{view.baselineSummary}</p>
            </>
          }
          table={{
            caption: `Resting heart rate, median per ${bucketWord}`,
            headers: [`${bucketWord === 'week' ? 'Week' : 'Month'} of`, 'Resting heart rate (bpm)', 'Sessions'],
            rows: view.baseline.filter((r) => r.count > 0).map((r) => [isoLocal(r.startMs, false), round1(r.value ?? 0), r.count]),
          }}
          empty={view.baseline.every((r) => r.count === 0) ? 'No session in this range knew your resting heart rate. A calibration reading sets it.' : undefined}
        >
          <SingleSeriesChart data={view.baselineDrawn} domain={view.domain} name="Resting heart rate" unit="bpm" colour={SERIES.three} />
        </ChartCard>

        <ChartCard
          id="rmssd"
          title="RMSSD (beat-to-beat variability)"
          summary={
            <>
              <p>
                RMSSD measures how much the time between heartbeats changes from one beat to the next, in milliseconds. Against your own history, higher usually means a more
                relaxed body. Only sessions with at most {settings.maxCorrectedPercent} % corrected beats count.
              </p>
              <p>{view.rmssdSummary}</p>
            </>
          }
          table={{
            caption: `RMSSD, median per ${bucketWord}`,
            headers: [`${bucketWord === 'week' ? 'Week' : 'Month'} of`, 'RMSSD (ms)', 'Sessions'],
            rows: view.rmssd.filter((r) => r.count > 0).map((r) => [isoLocal(r.startMs, false), round1(r.value ?? 0), r.count]),
          }}
          empty={view.rmssd.every((r) => r.count === 0) ? 'No session in this range had clean enough beat-to-beat data for RMSSD (a chest strap gives it; optical sensors often do not).' : undefined}
        >
          <SingleSeriesChart data={view.rmssdDrawn} domain={view.domain} name="RMSSD" unit="ms" colour={SERIES.four} dashed />
        </ChartCard>

        <ChartCard
          id="flooding"
          title={`Flooding episodes per ${bucketWord}`}
          summary={
            <>
              <p>
                A flooding episode is a session where your heart rate reached your flooding line (at least {settings.floodedMinBpm} bpm, or {settings.floodedAboveBaselinePercent} % above
                your resting rate if that is higher) or a check that ended with “take a break”. These are rules of thumb from couples research, not a diagnosis. The live rule
                also needs 30 seconds above the line, so this count can be a little higher than what your checks flagged.
              </p>
              <p>{view.floodingSummary}</p>
            </>
          }
          table={{
            caption: `Flooding episodes per ${bucketWord}`,
            headers: [`${bucketWord === 'week' ? 'Week' : 'Month'} of`, 'Episodes'],
            rows: view.flooding.map((r) => [isoLocal(r.startMs, false), r.count]),
          }}
          empty={view.sessionsInRange === 0 ? `No sessions in this range${tagWords}.` : undefined}
        >
          <BucketBarChart data={view.floodingDrawn} name="Flooding episodes" unit="episodes" colour={SERIES.two} />
        </ChartCard>

        <ChartCard
          id="practice"
          title={`Practice minutes per ${bucketWord}`}
          summary={
            <>
              <p>Minutes spent in checks, breathing, breaks, repair and calibration (not recordings or conversations).</p>
              <p>{view.practiceSummary}</p>
            </>
          }
          table={{
            caption: `Practice minutes per ${bucketWord}`,
            headers: [`${bucketWord === 'week' ? 'Week' : 'Month'} of`, 'Minutes', 'Sessions'],
            rows: view.practice.map((r) => [isoLocal(r.startMs, false), r.minutes, r.sessions]),
          }}
          empty={view.sessionsInRange === 0 ? `No sessions in this range${tagWords}.` : undefined}
        >
          <BucketBarChart data={view.practiceDrawn} name="Practice minutes" unit="min" colour={SERIES.one} />
        </ChartCard>
      </div>
    </div>
  );
}

const openSession = (id: string) => goToTrends({ view: 'session', id });

const weekLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' });

function signsPerBucket(signs: ReadonlyArray<{ tMs: number; rating: readonly number[] }>, starts: readonly number[]) {
  const out: Array<{ t: number; s0: number; s1: number; s2: number; s3: number; s4: number }> = [];
  let b = 0;
  let sums = [0, 0, 0, 0, 0];
  let count = 0;
  const flush = () => {
    if (count > 0) out.push({ t: starts[b]!, s0: sums[0]! / count, s1: sums[1]! / count, s2: sums[2]! / count, s3: sums[3]! / count, s4: sums[4]! / count });
    sums = [0, 0, 0, 0, 0];
    count = 0;
  };
  for (const s of signs) {
    while (b + 1 < starts.length && s.tMs >= starts[b + 1]!) {
      flush();
      b += 1;
    }
    sums = sums.map((v, i) => v + (s.rating[i] ?? 0));
    count += 1;
  }
  flush();
  return out;
}

function buildView(timeline: TrendsTimeline, nowMs: number, range: TrendRange, tag: string | null, settings: TrendsSettings) {
  const filtered = filterByTag(timeline.sessions, timeline.entries, tag);
  let earliest: number | null = null;
  for (const s of timeline.sessions) earliest = earliest === null ? s.startedAtMs : Math.min(earliest, s.startedAtMs);
  const window = rangeWindow(range, nowMs, earliest);
  const domain: TimeDomain = [window.fromMs, window.toMs];
  const starts = bucketStarts(window);
  const labelOf = (ms: number) => (window.bucket === 'week' ? weekLabel : monthLabel).format(ms);
  const sessionsInRange = inWindow(filtered.sessions, window, (s) => s.startedAtMs);

  // Headline: all sessions (filtered by tag), whatever the range: it compares with the first month.
  const calmAll = calmDownSeries(filtered.sessions);
  const comparison = compareCalmDown(calmAll, nowMs);
  const sentence = calmDownSentence(comparison);
  const calmInRange = inWindow(calmAll, window, (p) => p.tMs);
  const calmDrawn = lttb(
    calmInRange.map((p) => ({ x: p.tMs, y: p.calmDownSec, p })),
    DRAWN_POINTS,
  ).map(({ p }) => ({ id: p.id, t: p.tMs, calm: p.calmDownSec, median: p.rollingMedianSec }));
  const neverCalm = sessionsInRange.filter((s) => s.calmDownSec === null).length;
  const calmMedian = median(calmInRange.map((p) => p.calmDownSec));
  const calmSummary =
    calmInRange.length === 0
      ? `No calm-down times in this range.`
      : `In this range: ${calmInRange.length} ${calmInRange.length === 1 ? 'session' : 'sessions'} with a calm-down time, median ${formatSeconds(calmMedian ?? 0)}.` +
        (neverCalm > 0 ? ` ${neverCalm} ${neverCalm === 1 ? 'session' : 'sessions'} did not settle to calm before it ended and ${neverCalm === 1 ? 'has' : 'have'} no calm-down time.` : '') +
        (calmInRange.length < MIN_SESSIONS_PER_PERIOD ? ' That is too few to read a trend from.' : '');

  // Heart rate at start and after: each check when few, else the median per bucket.
  const startAfterAll = startAfterSeries(sessionsInRange);
  const startAfterBucketed = startAfterAll.length > 120;
  const startAfter = startAfterBucketed
    ? (() => {
        const withEnds = sessionsInRange.filter((s) => s.startHrBpm !== null && s.endHrBpm !== null);
        const a = medianPerBucket(withEnds, starts, window.toMs, (s) => s.startHrBpm);
        const b = medianPerBucket(withEnds, starts, window.toMs, (s) => s.endHrBpm);
        return a.filter((r) => r.count > 0).map((r) => ({ t: r.startMs, start: r.value, after: b.find((x) => x.startMs === r.startMs)?.value ?? null }));
      })()
    : startAfterAll.map((p) => ({ t: p.tMs, start: p.startHrBpm as number | null, after: p.endHrBpm as number | null }));
  const startMedian = median(startAfterAll.map((p) => p.startHrBpm));
  const afterMedian = median(startAfterAll.map((p) => p.endHrBpm));
  const startAfterSummary =
    startAfterAll.length === 0
      ? 'No check in this range recorded heart rate at the start and after regulating.'
      : `Median ${bpm(startMedian)} at the start and ${bpm(afterMedian)} after regulating, over ${startAfterAll.length} ${startAfterAll.length === 1 ? 'check' : 'checks'}${
          startAfterBucketed ? ` (drawn as the median per ${window.bucket})` : ''
        }. Slow breathing usually lowers heart rate only a little; the bigger change is in the beat-to-beat swings.`;

  const baseline = medianPerBucket(sessionsInRange, starts, window.toMs, (s) => s.baselineHrBpm);
  const rmssd = medianPerBucket(sessionsInRange, starts, window.toMs, rmssdOf(settings.maxCorrectedPercent));
  const firstLast = (rows: typeof baseline, unit: string) => {
    const withData = rows.filter((r) => r.value !== null);
    if (withData.length === 0) return 'No data in this range.';
    const first = withData[0]!;
    const last = withData.at(-1)!;
    return withData.length === 1
      ? `${round1(first.value!)} ${unit} in the ${window.bucket} of ${isoLocal(first.startMs, false)}.`
      : `${round1(first.value!)} ${unit} in the first ${window.bucket} with data (${isoLocal(first.startMs, false)}), ${round1(last.value!)} ${unit} in the latest (${isoLocal(last.startMs, false)}).`;
  };
  const toSeries = (rows: typeof baseline) => rows.filter((r) => r.value !== null).map((r) => ({ t: r.startMs, value: r.value }));

  const flooding = floodingEpisodesPerBucket(sessionsInRange, starts, window.toMs, settings);
  const floodTotal = flooding.reduce((sum, r) => sum + r.count, 0);
  const floodBuckets = flooding.filter((r) => r.count > 0).length;
  const practice = practiceMinutesPerBucket(sessionsInRange, starts, window.toMs);
  const practiceTotal = practice.reduce((sum, r) => sum + r.minutes, 0);

  const signs = inWindow(signsSeries(timeline.signs), window, (s) => s.tMs);
  // Every rating is in the table and the summary; the picture shows each rating when there
  // are few, else the mean of each sign per week or month.
  const signsDrawn =
    signs.length <= SIGNS_DRAWN_MAX
      ? signs.map((s) => ({ t: s.tMs, s0: s.rating[0]!, s1: s.rating[1]!, s2: s.rating[2]!, s3: s.rating[3]!, s4: s.rating[4]! }))
      : signsPerBucket(signs, starts);
  const signsSummary =
    signs.length === 0
      ? 'No ratings in this range.'
      : signs.length === 1
        ? `One rating in this range, averaging ${round1(signs[0]!.mean)} of 5.`
        : `${signs.length} ratings in this range. The first averaged ${round1(signs[0]!.mean)} of 5, the latest ${round1(signs.at(-1)!.mean)}.${
            signs.length > SIGNS_DRAWN_MAX ? ` The chart shows each sign's mean per ${window.bucket}; the table has every rating.` : ''
          }`;

  return {
    window,
    domain,
    sentence,
    sessionsInRange: sessionsInRange.length,
    calmInRange,
    calmDrawn,
    calmSummary,
    startAfter,
    startAfterBucketed,
    startAfterSummary,
    baseline,
    baselineDrawn: toSeries(baseline),
    baselineSummary: firstLast(baseline, 'bpm'),
    rmssd,
    rmssdDrawn: toSeries(rmssd),
    rmssdSummary: firstLast(rmssd, 'ms'),
    flooding,
    floodingDrawn: flooding.map((r) => ({ label: labelOf(r.startMs), value: r.count })),
    floodingSummary:
      sessionsInRange.length === 0
        ? 'No sessions in this range.'
        : `${floodTotal} ${floodTotal === 1 ? 'episode' : 'episodes'} in this range, in ${floodBuckets} of ${flooding.length} ${window.bucket}s.`,
    practice,
    practiceDrawn: practice.map((r) => ({ label: labelOf(r.startMs), value: r.minutes })),
    practiceSummary:
      sessionsInRange.length === 0
        ? 'No sessions in this range.'
        : `${Math.round(practiceTotal)} minutes of practice in this range, about ${Math.round(practiceTotal / Math.max(1, practice.length))} a ${window.bucket}.`,
    signs,
    signsDrawn,
    signsSummary,
    thisWeek: ratedThisWeek(timeline.signs, nowMs),
    markers: inWindow(filtered.entries, window, (e) => e.createdAtMs).filter((e) => e.kind !== 'weekly-signs'),
  };
}

export function useStableNow(): number {
  const [now] = useState(() => Date.now());
  return now;
}
