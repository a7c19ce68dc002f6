import { useState } from 'react';
import { coherenceBand, type SignalSample } from '../../../shared/check/live-check.ts';
import { BREATHE_WORDS } from '../../../shared/content/breathe-copy.ts';
import { LIVE_DELAY_BEATS } from '../../../shared/signal/live-beat-filter.ts';
import { LiveChart } from './live-chart.tsx';
import type { LiveSeries } from './live-series.ts';
import { Bpm, formatDuration, StateBadge } from './step-parts.tsx';

// What the body is doing while you breathe: heart rate beside your resting rate, the
// heart-rate line and the beat-to-beat intervals, coherence as low / medium / high (the ratio
// on request) and the time in session. Numbers are shown, not announced: a screen reader
// finds them when it wants them instead of hearing every beat.
// Breathe shows the newest beat-to-beat interval as a figure too, and keeps the charts behind
// a disclosure (`chartsOnRequest`), so the pacer stays the only moving thing until the user
// opens them; closed, the charts are not drawn at all.

const BAND_WORDS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

export function LiveView({
  sample,
  series,
  baselineHrBpm,
  sessionSec,
  chartsOnRequest = false,
  showInterval = false,
}: {
  sample: SignalSample | null;
  series: LiveSeries;
  baselineHrBpm: number | null;
  sessionSec: number;
  chartsOnRequest?: boolean;
  showInterval?: boolean;
}) {
  const [showRatio, setShowRatio] = useState(false);
  const [chartsOpen, setChartsOpen] = useState(false);
  const intervals = series.intervals();
  // A sensor that sends heart rate alone has no beat intervals to show.
  const lastIntervalMs = sample?.receiving && sample.rrSupport !== 'none' && intervals.length > 0 ? intervals[intervals.length - 1]! : null;
  const band = sample?.coherenceNormalized == null ? null : coherenceBand(sample.coherenceNormalized);
  return (
    <section className="live-view" aria-labelledby="live-view-title">
      <h3 id="live-view-title" className="sr-only">
        Your heart right now
      </h3>
      <dl className="live-facts">
        <div>
          <dt>Heart rate</dt>
          <dd data-testid="live-bpm">
            <Bpm value={sample?.receiving ? sample.liveHrBpm : null} />
          </dd>
        </div>
        {showInterval ? (
          <div>
            <dt>Between beats</dt>
            <dd data-testid="live-interval">{lastIntervalMs === null ? '–' : `${Math.round(lastIntervalMs)} ms`}</dd>
          </div>
        ) : null}
        <div>
          <dt>Resting</dt>
          <dd>
            <Bpm value={baselineHrBpm} />
          </dd>
        </div>
        <div>
          <dt>State</dt>
          {/* Calm is judged against a resting rate: without one, say what it waits for. */}
          <dd>{sample?.state ? <StateBadge state={sample.state} /> : baselineHrBpm === null ? 'After a resting reading' : 'Still reading'}</dd>
        </div>
        <div>
          <dt>Coherence</dt>
          <dd data-testid="coherence">
            {band !== null ? BAND_WORDS[band] : sample?.rrSupport === 'none' ? 'Needs the time between beats' : 'After a minute'}
            {band !== null && showRatio && sample?.coherenceRatio != null ? ` (ratio ${sample.coherenceRatio.toFixed(1)})` : null}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd data-testid="session-time">{formatDuration(sessionSec)}</dd>
        </div>
      </dl>
      {chartsOnRequest ? (
        <details className="live-charts-disclosure" onToggle={(event) => setChartsOpen(event.currentTarget.open)}>
          <summary>{BREATHE_WORDS.charts}</summary>
          {chartsOpen ? <LiveChart series={series} baselineHrBpm={baselineHrBpm} /> : null}
        </details>
      ) : (
        <LiveChart series={series} baselineHrBpm={baselineHrBpm} />
      )}
      <div className="live-notes">
        <button type="button" className="button button-quiet button-small" aria-pressed={showRatio} onClick={() => setShowRatio((on) => !on)}>
          {showRatio ? 'Hide the coherence ratio' : 'Show the coherence ratio'}
        </button>
        <details className="explainer">
          <summary>What am I looking at?</summary>
          <p>
            The upper line is your heart rate; the dashed line is your resting rate. The lower line is the time between
            beats: with slow breathing it swings up as you breathe out and down as you breathe in. Bigger, smoother swings
            are a good sign, even when your heart rate only drops a little.
          </p>
          <p data-testid="live-delay-help">
            Each beat is checked against the beats around it before it counts, so the numbers run {LIVE_DELAY_BEATS} beats
            (about {LIVE_DELAY_BEATS} seconds at rest, less when your heart is fast) behind your heart. A beat the strap
            missed or counted twice is put right on the way, just as Attune reads the whole session afterwards.
          </p>
          <p>
            Coherence says how much of that rhythm follows one steady wave. It is a coherence ratio from your beats, not a
            score to chase.
          </p>
        </details>
      </div>
    </section>
  );
}
