import { useEffect, useMemo, useState } from 'react';
import { coherenceBand, type CoherenceBand } from '../../../shared/check/live-check.ts';
import { HIGH_COHERENCE_MIN_NORMALIZED } from '../../../shared/signal/coherence.ts';
import type { BeatColumns, SessionRecord } from '../../../shared/model/session.ts';
import { coherenceTime, coherenceWindows, type CoherenceWindow } from '../../../shared/signal/session-summary.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import type { PhaseBand } from '../../../shared/trends/session-detail.ts';
import { ChartCard } from './chart-card.tsx';
import { SERIES } from './charts.tsx';
import { PhaseKey, SessionChart } from './session-chart.tsx';

// The session's coherence: its mean, its time in high coherence and, for a session with paced
// breathing, how it moved over the session, with what coherence is in plain words. The chart
// is drawn from the session's coherence windows (the live view's, every 5 s), worked out here
// from the beats the page already holds; the figures are the summary's. A session summarised
// before the summary kept its time in high coherence gets it from the same windows, so the
// page never says "not recorded" for something its beats can tell.
//
// The windows take a few tens of milliseconds for an hour's beats (cleaning and a spectrum
// every 5 s), and the card sits below the fold: they are worked out in the first idle moment
// after the page is drawn, so the charts above are not held back by them.

const BAND_WORDS: Record<CoherenceBand, string> = { high: 'high', medium: 'medium', low: 'low' };
const NO_MOMENTS = [] as const;
/** The chart's value axis: a share of the rhythm, in per cent. */
const PERCENT_RANGE = [0, 100] as const;
const HIGH_LEVEL = { value: HIGH_COHERENCE_MIN_NORMALIZED * 100, name: 'High coherence from here' } as const;

const percent = (normalized: number) => Math.round(normalized * 100);

/** Whether the session breathed with the pacer: the chart is for those. */
function hadBreathing(session: SessionRecord, bands: readonly PhaseBand[]): boolean {
  return session.kind === 'breathing' || session.breathingPattern !== null || bands.some((band) => band.phase === 'breathing');
}

export function SessionCoherence({ session, beats, bands }: { session: SessionRecord; beats: BeatColumns; bands: readonly PhaseBand[] }) {
  const summary = session.summary;
  const heartRateOnly = summary?.signal === 'heart-rate';
  const windows = useWindowsWhenIdle(beats, heartRateOnly);
  const view = useMemo(() => {
    const stored = summary?.coherence;
    // Summaries from before it was kept have no field at all (null means "could not be read").
    const fromBeats = stored?.highSec === undefined;
    const ready = windows ?? [];
    const time = fromBeats ? coherenceTime(ready) : { highSec: stored.highSec ?? null, measuredSec: stored.measuredSec ?? null };
    let mean = stored?.meanNormalized ?? null;
    if (mean === null && fromBeats) {
      const read = ready.filter((w) => w.normalized !== null);
      mean = read.length === 0 ? null : read.reduce((sum, w) => sum + (w.normalized as number), 0) / read.length;
    }
    const points = ready.flatMap((w) => (w.normalized === null ? [] : [{ x: w.endSec, y: w.normalized * 100 }]));
    const breaksAt = breaksBetween(ready);
    const rows = ready.map((w) => [Math.round(w.endSec), w.normalized === null ? 'not read' : percent(w.normalized)] as const);
    return { mean, ...time, fromBeats, points, breaksAt, rows };
  }, [windows, summary]);

  const breathing = hadBreathing(session, bands);
  const meanWords = view.mean === null ? null : `${percent(view.mean)} % on average, ${BAND_WORDS[coherenceBand(view.mean)]}`;
  const highWords =
    view.fromBeats && windows === null
      ? 'reading it from the beats…'
      : view.highSec === null || view.measuredSec === null
        ? null
        : `${formatSeconds(view.highSec)} in high coherence, of ${formatSeconds(view.measuredSec)} it could be read`;
  const empty = heartRateOnly
    ? 'Coherence needs the time between beats, and this sensor sent heart rate only.'
    : windows !== null && view.points.length < 2
      ? 'Coherence needs at least a minute of steady beats without a gap: this session had too little to draw.'
      : !breathing
        ? 'The chart is drawn for sessions with paced breathing, where coherence is practised.'
        : undefined;

  return (
    <ChartCard
      id="session-coherence"
      title="Coherence over the session"
      summary={
        <>
          <p>
            Coherence is how much of your heart’s rhythm rises and falls with one steady wave. Breathing slowly and evenly, about six breaths a minute, tends to lead the
            rhythm into that wave, so coherence often grows with practice at the pacer. It describes your rhythm in the moment, from your own beats; it is not a health
            measure or a score to chase.
          </p>
          <p>
            Every 5 seconds Attune looks at the last 64 seconds of beats and asks what share of their rise and fall sits in the one strongest wave. From{' '}
            {percent(HIGH_COHERENCE_MIN_NORMALIZED)} % on, that one wave carries as much as everything else together: high coherence.
          </p>
          {meanWords === null && highWords === null ? null : (
            <dl className="session-numbers" data-testid="session-coherence-figures">
              <div className="session-number">
                <dt>Coherence</dt>
                <dd>
                  <strong>{meanWords ?? 'not available'}</strong>
                </dd>
              </div>
              <div className="session-number">
                <dt>Time in high coherence</dt>
                <dd>
                  <strong>{highWords ?? 'not available'}</strong>
                </dd>
              </div>
            </dl>
          )}
          {view.fromBeats && !heartRateOnly && windows !== null && highWords !== null ? (
            <p className="field-hint">This session was saved before Attune kept its time in high coherence, so it was worked out from its beats just now.</p>
          ) : null}
        </>
      }
      table={{ caption: 'Coherence over the session, every 5 seconds', headers: ['Seconds', 'Coherence (%)'], rows: view.rows }}
      empty={empty}
    >
      <SessionChart
        points={view.points}
        bands={bands}
        moments={NO_MOMENTS}
        name="Coherence"
        unit="%"
        colour={SERIES.one}
        valueRange={PERCENT_RANGE}
        level={HIGH_LEVEL}
        breaksAt={view.breaksAt}
      />
      <PhaseKey bands={bands} />
    </ChartCard>
  );
}

/** Window steps wider than this (5 s and a little rounding) mean a gap lay between. */
const NEXT_WINDOW_MAX_SEC = 5.5;

/**
 * Where the line breaks: between two read windows with an unread one, or a gap, between them.
 * A line drawn straight across would show a coherence no window measured.
 */
function breaksBetween(windows: readonly CoherenceWindow[]): number[] {
  const breaks: number[] = [];
  let lastReadSec: number | null = null;
  let unreadSince = false;
  let previousSec: number | null = null;
  for (const window of windows) {
    if (previousSec !== null && window.endSec - previousSec > NEXT_WINDOW_MAX_SEC) unreadSince = true;
    previousSec = window.endSec;
    if (window.normalized === null) {
      unreadSince = true;
      continue;
    }
    if (unreadSince && lastReadSec !== null) breaks.push((lastReadSec + window.endSec) / 2);
    lastReadSec = window.endSec;
    unreadSince = false;
  }
  return breaks;
}

/** The session's coherence windows, worked out in the first idle moment; null until then. */
function useWindowsWhenIdle(beats: BeatColumns, heartRateOnly: boolean): readonly CoherenceWindow[] | null {
  const [computed, setComputed] = useState<{ beats: BeatColumns; windows: readonly CoherenceWindow[] } | null>(null);
  useEffect(() => {
    if (heartRateOnly) return;
    const work = () => setComputed({ beats, windows: coherenceWindows(beats) });
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(work, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(work, 0);
    return () => window.clearTimeout(handle);
  }, [beats, heartRateOnly]);
  if (heartRateOnly) return [];
  return computed !== null && computed.beats === beats ? computed.windows : null;
}
