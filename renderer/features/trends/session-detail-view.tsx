import { memo, useContext, useMemo, useState } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { SessionDetail } from '../../../shared/model/session.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import { isoLocal } from '../../../shared/trends/csv.ts';
import { lttb } from '../../../shared/trends/lttb.ts';
import { beatSeries, breathsPerMinute, pacerWave, phaseBands, type BeatPoint, type PhaseBand } from '../../../shared/trends/session-detail.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { writePlainRr } from '../../../shared/formats/write-recording.ts';
import { useOptionalHeartRate } from '../../sensors/heart-rate-context.tsx';
import { ChartCard, useChartsInViewPaintedMark } from './chart-card.tsx';
import { ChartKey, ChartWidth, Frame, SERIES, formatWhen, gridProps } from './charts.tsx';
import { goToTrends, trendsHash } from './trends-path.ts';

// One session: heart rate and beat-to-beat intervals with the phases as bands, the pacer's
// rhythm drawn over the intervals while breathing, and every summary number with a line
// saying what it means. Drawn from about one point per pixel per series; the numbers come
// from the summary main computed from every stored beat.

export const SESSION_PAINTED_MARK = 'attune-session-painted';
/** Points drawn per series at least, on a very narrow chart. */
const DRAWN_POINTS_MIN = 200;

const BAND_FILL: Record<string, string> = {
  'signal-check': 'var(--band-grounding)',
  baseline: 'var(--band-reading)',
  reading: 'var(--band-reading)',
  debrief: 'var(--band-grounding)',
  grounding: 'var(--band-grounding)',
  breathing: 'var(--band-breathing)',
  break: 'var(--band-break)',
  recovery: 'var(--band-break)',
  conversation: 'var(--band-conversation)',
  repair: 'var(--band-conversation)',
};

const clock = (sec: number) => {
  const total = Math.max(0, Math.round(sec));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
};

export function SessionDetailView({ sessionId }: { sessionId: string }) {
  const state = useIpcQuery('session.get', { sessionId });

  return (
    <div className="session-detail">
      <p>
        <a href={trendsHash({ view: 'overview', range: '3m', tag: null })} onClick={(event) => {
          event.preventDefault();
          if (window.history.length > 1) window.history.back();
          else goToTrends({ view: 'overview', range: '3m', tag: null });
        }}>
          ← Back to Trends
        </a>
      </p>
      {state.status === 'loading' && <p role="status">Reading the session…</p>}
      {state.status === 'failed' && (
        <p className="trend-problem" role="alert">
          This session could not be opened: {state.message}
        </p>
      )}
      {state.status === 'ready' && <SessionBody detail={state.value} />}
    </div>
  );
}

/**
 * Plays the session's beats again as the heart-rate source, four times faster than they
 * happened, through the same path a strap uses; the Device screen shows it.
 */
function ReplaySession({ name, rrMs }: { name: string; rrMs: readonly number[] }) {
  const heart = useOptionalHeartRate();
  const [problem, setProblem] = useState<string | null>(null);
  if (heart === null || rrMs.length === 0) return null;
  return (
    <p>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          const started = heart.startReplay(writePlainRr(rrMs), name, 4);
          if (started.ok) window.location.hash = '#/device';
          else setProblem(started.message);
        }}
      >
        Replay this session
      </button>
      {problem === null ? null : <span role="alert"> {problem}</span>}
    </p>
  );
}

function SessionBody({ detail }: { detail: SessionDetail }) {
  const { session, beats } = detail;
  const summary = session.summary;
  const view = useMemo(() => {
    const series = beatSeries(beats);
    const durationSec = summary?.durationSec ?? (series.hr.at(-1)?.x ?? 0);
    const bands = phaseBands(session.markers, durationSec);
    const wave = session.breathingPattern ? pacerWave(session.breathingPattern, bands, 1) : [];
    // The pacer curve sits in the top part of the RR chart: 0…1 mapped onto the RR range.
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of series.rr) {
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
    const span = Number.isFinite(hi - lo) && hi > lo ? hi - lo : 200;
    const waveOnRr = wave.map((p) => ({ x: p.x, y: lo + p.y * span }));
    return { series, durationSec, bands, waveOnRr };
  }, [beats, session.markers, session.breathingPattern, summary?.durationSec]);

  useChartsInViewPaintedMark('.session-detail', SESSION_PAINTED_MARK, [view]);

  const bandsText = view.bands.length === 0 ? 'No phases were marked.' : view.bands.map((b) => `${b.label} ${clock(b.startSec)}–${clock(b.endSec)}`).join(', ') + '.';
  const pattern = session.breathingPattern;
  const patternWords = pattern
    ? `Paced breathing at ${breathsPerMinute(pattern)} breaths a minute (in ${pattern.inhaleSec} s${pattern.holdInSec ? `, hold ${pattern.holdInSec} s` : ''}, out ${pattern.exhaleSec} s${pattern.holdOutSec ? `, hold ${pattern.holdOutSec} s` : ''}); the pacer's rhythm is drawn over the beat-to-beat intervals while you breathed.`
    : 'No breathing pattern was recorded for this session.';
  const beatsNote =
    detail.beatsStatus === 'complete' ? '' : ' The beats file was damaged and set aside, so no beats can be drawn.';

  return (
    <>
      <h2 className="session-title">
        {kindWord(session.kind)}, {formatWhen(session.startedAtMs)}
      </h2>
      <p>
        {formatSeconds(view.durationSec)} long, {beats.rrMs.length} beats recorded.{beatsNote}
      </p>
      <ReplaySession name={`${kindWord(session.kind)}, ${formatWhen(session.startedAtMs)}`} rrMs={beats.rrMs} />
      <ChartCard
        id="session-heart-rate"
        title="Heart rate over the session"
        summary={<p>Heart rate from each beat, in beats per minute. Phases: {bandsText}</p>}
        table={{
          caption: 'Heart rate over the session (each beat)',
          headers: ['Seconds', 'Heart rate (bpm)'],
          rows: view.series.hr.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]),
        }}
        empty={beats.rrMs.length === 0 ? 'There are no beats to draw for this session.' : undefined}
      >
        <SessionChart points={view.series.hr} bands={view.bands} name="Heart rate" unit="bpm" colour={SERIES.two} />
        <PhaseKey bands={view.bands} />
      </ChartCard>
      <ChartCard
        id="session-intervals"
        title="Beat-to-beat intervals"
        summary={<p>The time between heartbeats, in milliseconds. Slow breathing makes it swing with each breath. {patternWords}</p>}
        table={{
          caption: 'Beat-to-beat (RR) intervals over the session',
          headers: ['Seconds', 'Interval (ms)'],
          rows: view.series.rr.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]),
        }}
        empty={beats.rrMs.length === 0 ? 'There are no beats to draw for this session.' : undefined}
      >
        <SessionChart points={view.series.rr} bands={view.bands} name="Interval" unit="ms" colour={SERIES.one} wave={view.waveOnRr} />
        <PhaseKey bands={view.bands} />
      </ChartCard>
      <section className="trend-card" aria-labelledby="session-numbers">
        <h2 id="session-numbers">The numbers, and what they mean</h2>
        {summary ? (
          <dl className="session-numbers">
            <Figure label="Peak heart rate" value={summary.peakHrBpm === null ? 'not available' : `${Math.round(summary.peakHrBpm)} bpm`} help="The highest 10-second average heart rate in the session." />
            <Figure
              label="Calm-down time"
              value={summary.calmDownSec === null ? 'did not settle to calm' : formatSeconds(summary.calmDownSec)}
              help="From the peak until your heart rate stayed within a few beats of your resting rate for 30 seconds."
            />
            <Figure label="Resting heart rate used" value={summary.baselineHrBpm === null ? 'none known' : `${Math.round(summary.baselineHrBpm)} bpm`} help="Your baseline when the session ran: the median of your last calm readings." />
            <Figure label="Average heart rate" value={summary.meanHrBpm === null ? 'not available' : `${Math.round(summary.meanHrBpm)} bpm`} help="60 000 divided by the average time between beats." />
            <Figure
              label="RMSSD"
              value={summary.rmssdMs === null ? 'not available' : `${Math.round(summary.rmssdMs)} ms`}
              help="How much the time between beats changes from one beat to the next (root mean square of successive differences). Higher, against your own history, usually means more relaxed."
            />
            <Figure label="SDNN" value={summary.sdnnMs === null ? 'not available' : `${Math.round(summary.sdnnMs)} ms`} help="How much the time between beats varies overall (standard deviation)." />
            <Figure
              label="Corrected beats"
              value={`${summary.correctedBeatCount} of ${summary.beatCount} (${Math.round(summary.correctedPercent * 10) / 10} %)`}
              help="Beats that looked like a missed, extra or misplaced beat (usually a loose strap) were corrected before any number was computed: extra beats merged with the next, missed beats split in two, others replaced by interpolation (Lipponen & Tarvainen 2019). Above 5 % the numbers are less reliable."
            />
          </dl>
        ) : (
          <p>This session has no summary yet: it is still recording or was cut short before it could be summarised.</p>
        )}
        <p className="field-hint">
          Numbers from {summary ? `engine ${summary.engineVersion}` : 'no engine run'}; recorded {isoLocal(session.startedAtMs)} with {sourceWord(session.source.kind)}.
        </p>
      </section>
    </>
  );
}

/** The phases' background colours, named (each phase once, in order). */
function PhaseKey({ bands }: { bands: PhaseBand[] }) {
  const seen = [...new Map(bands.map((b) => [b.phase, b])).values()];
  if (seen.length === 0) return null;
  return (
    <ul className="phase-key" aria-hidden="true">
      {seen.map((band) => (
        <li key={band.phase}>
          <span className={`phase-swatch phase-swatch-${band.phase}`} />
          {band.label}
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <div className="session-number">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span className="field-hint">{help}</span>
      </dd>
    </div>
  );
}

/** The chart's margins and Y axis: what is left of its width is the plot, in pixels. */
const SESSION_CHART_SIDES = 16 + 48;

/**
 * One series over the session with the phases behind it. The series is drawn from about one
 * point per pixel of the plot (LTTB, which keeps the extremes), chosen once the width is
 * known and only when the chart is drawn; the table and every number use every beat.
 */
const SessionChart = memo(function SessionChart({
  points,
  bands,
  name,
  unit,
  colour,
  wave,
}: {
  points: readonly BeatPoint[];
  bands: PhaseBand[];
  name: string;
  unit: string;
  colour: string;
  wave?: readonly BeatPoint[];
}) {
  const width = useContext(ChartWidth);
  const plot = Math.max(DRAWN_POINTS_MIN, width - SESSION_CHART_SIDES);
  const drawn = useMemo(() => (width > 0 ? lttb(points, plot) : []), [points, plot, width]);
  const waveDrawn = useMemo(() => (width > 0 && wave ? lttb(wave, plot) : []), [wave, plot, width]);
  const end = Math.max(points.at(-1)?.x ?? 0, bands.at(-1)?.endSec ?? 0, 1);
  return (
    <>
      <Frame height={232}>
        <ComposedChart margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="x" type="number" domain={[0, end]} ticks={clockTicks(end)} interval={0} tickFormatter={clock} stroke={SERIES.axis} tick={{ fill: SERIES.axis, fontSize: 12 }} />
          <YAxis stroke={SERIES.axis} tick={{ fill: SERIES.axis, fontSize: 12 }} width={48} interval={0} domain={['dataMin - 5', 'dataMax + 5']} tickFormatter={(v: number) => String(Math.round(v))} />
          {bands.map((band) => (
            <ReferenceArea
              key={`${band.phase}-${band.startSec}`}
              x1={band.startSec}
              x2={band.endSec}
              fill={BAND_FILL[band.phase] ?? 'var(--band-reading)'}
              fillOpacity={1}
              ifOverflow="hidden"
              // Short phases are named in the key under the chart instead, so labels never overlap.
              label={band.endSec - band.startSec >= end * 0.08 ? (props: { viewBox?: { x?: number; y?: number } }) => <BandLabel viewBox={props.viewBox} text={band.label} /> : undefined}
            />
          ))}
          <Tooltip isAnimationActive={false} labelFormatter={(sec) => clock(Number(sec))} formatter={(value, key) => (key === 'Pacer' ? 'rhythm' : `${Math.round(Number(value))} ${unit}`)} />
          <Line data={drawn} name={name} dataKey="y" stroke={colour} strokeWidth={1.5} dot={false} isAnimationActive={false} />
          {waveDrawn.length > 0 && <Line data={waveDrawn} name="Pacer" dataKey="y" stroke={SERIES.five} strokeWidth={1} strokeOpacity={0.75} strokeDasharray="4 3" dot={false} isAnimationActive={false} />}
        </ComposedChart>
      </Frame>
      <ChartKey items={wave && wave.length > 0 ? [{ name, colour, icon: 'line' }, { name: 'Pacer', colour: SERIES.five, icon: 'line', dash: '4 3' }] : [{ name, colour, icon: 'line' }]} />
    </>
  );
});

/**
 * A phase's name in the top left of its band. Drawn as plain SVG text: recharts' own label
 * measures its words in the DOM first (a forced layout each) to wrap them, and a phase name
 * never needs wrapping.
 */
function BandLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  return (
    <text x={(viewBox?.x ?? 0) + 5} y={(viewBox?.y ?? 0) + 5} dy="0.71em" fill={SERIES.axis} fontSize={12} className="recharts-label">
      {text}
    </text>
  );
}

/** Ticks on whole minutes (1, 2, 5, 10, 15 or 30 apart), about 6 of them. */
function clockTicks(endSec: number): number[] {
  const stepMin = [1, 2, 5, 10, 15, 30, 60].find((m) => endSec / (m * 60) <= 7) ?? 120;
  const ticks: number[] = [];
  for (let t = 0; t <= endSec; t += stepMin * 60) ticks.push(t);
  return ticks;
}

function kindWord(kind: string): string {
  const words: Record<string, string> = {
    check: 'Check',
    breathing: 'Breathing session',
    break: 'Break',
    repair: 'Repair',
    conversation: 'Conversation',
    calibration: 'Calibration reading',
    recording: 'Imported recording',
  };
  return words[kind] ?? kind;
}

function sourceWord(kind: string): string {
  return kind === 'strap' ? 'a heart-rate strap' : kind === 'demo' ? 'the demo sensor' : kind === 'replay' ? 'a replayed recording' : 'an imported file';
}
