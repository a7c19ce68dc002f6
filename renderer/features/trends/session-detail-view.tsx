import { useMemo, useState } from 'react';
import { BEATS_DAMAGE_WORDS } from '../../../shared/content/store-messages.ts';
import type { SessionDetail } from '../../../shared/model/session.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import type { TrendsSettings } from '../../../shared/trends/overview-model.ts';
import { beatSeries, breathsPerMinute, pacerWave, phaseBands } from '../../../shared/trends/session-detail.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { writePlainRr } from '../../../shared/formats/write-recording.ts';
import { useOptionalHeartRate } from '../../sensors/heart-rate-context.tsx';
import { ChartCard, useChartsInViewPaintedMark } from './chart-card.tsx';
import { SERIES, formatWhen } from './charts.tsx';
import { PhaseKey, SessionChart, clock } from './session-chart.tsx';
import { SessionNumbers } from './session-numbers.tsx';
import { goToTrends, trendsHash } from './trends-path.ts';

// One session: heart rate and beat-to-beat intervals with the phases as bands, the pacer's
// rhythm drawn over the intervals while breathing, and every summary number with a line
// saying what it means. Drawn from about one point per pixel per series; the numbers come
// from the summary main computed from every stored beat.

export const SESSION_PAINTED_MARK = 'attune-session-painted';

/** The rules whose figures the page states. */
type SessionRules = Pick<TrendsSettings, 'sustainSec' | 'maxCorrectedPercent'>;

export function SessionDetailView({ sessionId, settings }: { sessionId: string; settings: SessionRules }) {
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
      {state.status === 'ready' && <SessionBody detail={state.value} settings={settings} />}
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

function SessionBody({ detail, settings }: { detail: SessionDetail; settings: SessionRules }) {
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
    detail.beatsStatus === 'complete'
      ? ''
      : detail.beatsStatus === 'partial' && session.beatsLost
        ? ` ${BEATS_DAMAGE_WORDS.sessionNote(session.beatsLost)}`
        : ' The beats file was damaged and set aside, so no beats can be drawn.';

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
      <SessionNumbers session={session} settings={settings} />
    </>
  );
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
