import { useMemo, useState, type ReactNode } from 'react';
import { defaultRange, tagsInUse, type TrendRange } from '../../../shared/trends/aggregate.ts';
import { trendsOverviewModel, type OverviewTable, type TrendsSettings } from '../../../shared/trends/overview-model.ts';
import type { TrendsTimeline } from '../../../shared/trends/timeline.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import { ChartCard, useChartsInViewPaintedMark } from './chart-card.tsx';
import { BucketBarChart, CalmDownChart, SERIES, SignsChart, SingleSeriesChart, StartAfterChart } from './charts.tsx';
import { JournalMarkers } from './journal-markers.tsx';
import { PrintSummary } from './print-summary.tsx';
import { SignsForm } from './signs-form.tsx';
import { WeeklyMoments } from '../moments/weekly-moments.tsx';
import { TrendsControls } from './trends-controls.tsx';
import { goToTrends, trendsHash } from './trends-path.ts';

// The Trends overview: the headline and a card per chart. What each shows and says comes
// from shared/trends/overview-model.ts; this file lays it out and states the rules with the
// user's own figures.

/** Benchmarks and tests wait for this mark: every chart of the overview in the window has drawn. */
export const TRENDS_PAINTED_MARK = 'attune-trends-painted';

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
  /** The range the address names; null: the one that fits the data. */
  range: TrendRange | null;
  tag: string | null;
  settings: TrendsSettings;
  /** A weekly rating was saved: main's answer, to put into the timeline. */
  onRated: (entry: JournalEntry) => void;
}) {
  const shown = range ?? defaultRange(timeline.sessions, nowMs);
  const [eachSession, setEachSession] = useState(false);
  const view = useMemo(() => trendsOverviewModel({ timeline, nowMs, range: shown, tag, settings, eachSession }), [timeline, nowMs, shown, tag, settings, eachSession]);
  useChartsInViewPaintedMark('.trends', TRENDS_PAINTED_MARK, [view]);
  const tags = useMemo(() => tagsInUse(timeline.entries), [timeline.entries]);
  const { bucket, domain, tagWords } = view;
  const calm = view.calm;

  return (
    <div className="trends">
      <TrendsControls range={shown} chosen={range} tag={tag} tags={tags} actions={<PrintSummary view={view} nowMs={nowMs} />} />

      <section className="trend-headline" aria-live="polite" aria-labelledby="trend-headline-title">
        <h2 id="trend-headline-title" className="sr-only">
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
        <Card
          id="calm-down"
          title="Calm-down time per session"
          drawAtOnce
          about={
            <>
              Calm-down time is how long it took, after your heart rate peaked in a session, until it stayed within a few beats of your resting rate for {settings.sustainSec}{' '}
              seconds. Shorter means you found your way back sooner.
              {calm.grouped ? null : ' The line is the median of your last 7 sessions, so one hard day does not hide the trend.'}
            </>
          }
          card={calm}
          links={calm.points.map((p) => trendsHash({ view: 'session', id: p.id }))}
          below={
            <>
              {calm.grouped && (
                <label className="trend-view-toggle">
                  <input type="checkbox" checked={eachSession} onChange={(event) => setEachSession(event.target.checked)} />
                  Show each session
                </label>
              )}
              <JournalMarkers entries={view.markers} domain={domain} label={tag ? `tagged “${tag}”` : ''} />
            </>
          }
        >
          <CalmDownChart data={calm.drawn} spread={calm.spread} mode={calm.mode} bucket={calm.spreadBucket} domain={domain} onOpen={openSession} />
        </Card>

        <Card
          id="signs"
          title="Signs of progress, as you rated them"
          about="Your weekly rating of the article’s five signs, from 1 (not at all) to 5 (very much), one small chart each on the same time line as the calm-down time above."
          card={view.signs}
        >
          <SignsChart data={view.signs.drawn} domain={domain} />
        </Card>
        <SignsForm thisWeek={view.thisWeek} onSaved={onRated} />
        <WeeklyMoments entries={timeline.entries} nowMs={nowMs} />

        <Card id="start-after" title="Heart rate at the start of a check and after regulating" card={view.startAfter}>
          <StartAfterChart data={view.startAfter.drawn} domain={domain} />
        </Card>

        <Card
          id="resting-heart-rate"
          title="Resting heart rate (your baseline)"
          about="The resting heart rate your checks were judged against: the median of your last calm readings. It is yours alone, not a population norm."
          card={view.baseline}
        >
          <SingleSeriesChart data={view.baseline.drawn} domain={domain} name="Resting heart rate" unit="bpm" colour={SERIES.two} />
        </Card>

        <Card
          id="rmssd"
          title="RMSSD (beat-to-beat variability)"
          about={
            <>
              RMSSD measures how much the time between heartbeats changes from one beat to the next, in milliseconds. Against your own history, higher usually means a more
              relaxed body. Only sessions with at most {settings.maxCorrectedPercent} % corrected beats count.
            </>
          }
          card={view.rmssd}
        >
          <SingleSeriesChart data={view.rmssd.drawn} domain={domain} name="RMSSD" unit="ms" colour={SERIES.two} />
        </Card>

        <Card
          id="coherence"
          title="Time in high coherence per breathing session"
          about={
            <>
              Coherence is how much of your heart’s rhythm rises and falls with one steady wave, as it does when slow breathing leads it. Each point is the median, per {bucket}, of
              the minutes a breathing session spent in high coherence; with practice at the pacer it often grows. It describes your rhythm, not your health. Sessions from
              before Attune kept this are left out.
            </>
          }
          card={view.coherence}
        >
          <SingleSeriesChart data={view.coherence.drawn} domain={domain} name="Time in high coherence" unit="min" colour={SERIES.two} />
        </Card>

        <Card
          id="flooding"
          title={`Flooding episodes per ${bucket}`}
          about={
            <>
              A flooding episode is a session where your heart rate reached your flooding line (at least {settings.floodedMinBpm} bpm, or {settings.floodedAboveBaselinePercent} % above
              your resting rate if that is higher) or a check that ended with “take a break”. These are rules of thumb from couples research, not a diagnosis. The live rule
              also needs {settings.sustainSec} seconds above the line, so this count can be a little higher than what your checks flagged.
            </>
          }
          card={view.flooding}
        >
          <BucketBarChart data={view.flooding.drawn} name="Flooding episodes" unit="episodes" colour={SERIES.two} />
        </Card>

        <Card
          id="practice"
          title={`Practice minutes per ${bucket}`}
          about="Minutes spent in checks, breathing, breaks, repair and calibration (not recordings or conversations)."
          card={view.practice}
        >
          <BucketBarChart data={view.practice.drawn} name="Practice minutes" unit="min" colour={SERIES.two} />
        </Card>
      </div>
    </div>
  );
}

const openSession = (id: string) => goToTrends({ view: 'session', id });

/**
 * A chart card from its part of the model: what the chart is (`about`, which states the
 * rules with the user's figures), then the model's summary, table and empty explanation.
 */
function Card({
  about,
  card,
  links,
  ...rest
}: {
  id: string;
  title: string;
  about?: ReactNode;
  card: { summary: string; table: OverviewTable; empty: string | undefined };
  links?: readonly string[];
  below?: ReactNode;
  drawAtOnce?: boolean;
  children: ReactNode;
}) {
  const summary = (
    <>
      {about === undefined ? null : <p>{about}</p>}
      <p>{card.summary}</p>
    </>
  );
  return <ChartCard {...rest} summary={summary} table={links ? { ...card.table, links } : card.table} empty={card.empty} />;
}
