import { useMemo, useState } from 'react';
import { SESSION_KIND_WORDS } from '../../../shared/trends/sessions-list.ts';
import { BEATS_DAMAGE_WORDS } from '../../../shared/content/store-messages.ts';
import type { SessionDetail } from '../../../shared/model/session.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import type { TrendsSettings } from '../../../shared/trends/overview-model.ts';
import { envelopeWindowSec } from '../../../shared/trends/heart-rate-envelope.ts';
import { beatSeries, breathsPerMinute, pacerWave, phaseBands, sessionMoments } from '../../../shared/trends/session-detail.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { writePlainRr } from '../../../shared/formats/write-recording.ts';
import { useOptionalHeartRate } from '../../sensors/heart-rate-context.tsx';
import { ChartCard, useChartsInViewPaintedMark } from './chart-card.tsx';
import { SERIES, formatWhen } from './charts.tsx';
import { PhaseKey, SessionChart } from './session-chart.tsx';
import { SessionCoherence } from './session-coherence.tsx';
import { SessionNumbers } from './session-numbers.tsx';
import { feelingFromMarkers } from '../../../shared/check/feeling.ts';
import { LinkedEntries, SessionMoments, SessionVerdict, phasesSentence } from './session-story.tsx';
import { goToTrends, trendsHash } from './trends-path.ts';
import './session-page.css';

// One session, the whole story: the check's verdict and why, heart rate and beat-to-beat
// intervals with the phases as bands and each flooding cue, break and verdict marked, the
// pacer's rhythm drawn over the intervals while breathing, coherence over the session, every
// summary number with a line saying what it means, and the journal entries written about it. Drawn from about one point
// per pixel per series (a long session's heart rate smoothed, with its min–max band); the
// numbers and the tables come from every stored beat.

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
    const moments = sessionMoments(session.markers, bands);
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
    // The tables hold every beat; built here once, not on every render.
    const tenths = (v: number) => Math.round(v * 10) / 10;
    const hrRows = series.hr.map((p) => [tenths(p.x), tenths(p.y)] as const);
    const rrRows = series.rr.map((p) => [tenths(p.x), tenths(p.y)] as const);
    return { series, durationSec, bands, moments, waveOnRr, hrRows, rrRows, smoothingSec: envelopeWindowSec(series.hr) };
  }, [beats, session.markers, session.breathingPattern, summary?.durationSec]);

  useChartsInViewPaintedMark('.session-detail', SESSION_PAINTED_MARK, [view]);

  const bandsText = phasesSentence(view.bands);
  const smoothingText =
    view.smoothingSec === null
      ? ''
      : ` Over a session this long each beat would blur into the next, so the line is the median over ${view.smoothingSec} seconds and the shaded band runs from the lowest to the highest beat at each point; the table has every beat.`;
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
        {SESSION_KIND_WORDS[session.kind]}, {formatWhen(session.startedAtMs)}
      </h2>
      <p>
        {formatSeconds(view.durationSec)} long, {beats.rrMs.length} beats recorded.{beatsNote}
      </p>
      <ReplaySession name={`${SESSION_KIND_WORDS[session.kind]}, ${formatWhen(session.startedAtMs)}`} rrMs={beats.rrMs} />
      <SessionVerdict moments={view.moments} signal={summary?.signal ?? null} feeling={feelingFromMarkers(session.markers)} />
      <ChartCard
        id="session-heart-rate"
        title="Heart rate over the session"
        summary={
          <p>
            Heart rate from each beat, in beats per minute.{smoothingText} Phases: {bandsText}
          </p>
        }
        table={{
          caption: 'Heart rate over the session (each beat)',
          headers: ['Seconds', 'Heart rate (bpm)'],
          rows: view.hrRows,
        }}
        empty={beats.rrMs.length === 0 ? 'There are no beats to draw for this session.' : undefined}
        below={<SessionMoments moments={view.moments} />}
      >
        <SessionChart points={view.series.hr} bands={view.bands} moments={view.moments} name="Heart rate" unit="bpm" colour={SERIES.two} smooth />
        <PhaseKey bands={view.bands} />
      </ChartCard>
      <ChartCard
        id="session-intervals"
        title="Beat-to-beat intervals"
        summary={<p>The time between heartbeats, in milliseconds. Slow breathing makes it swing with each breath. {patternWords}</p>}
        table={{
          caption: 'Beat-to-beat (RR) intervals over the session',
          headers: ['Seconds', 'Interval (ms)'],
          rows: view.rrRows,
        }}
        empty={beats.rrMs.length === 0 ? 'There are no beats to draw for this session.' : undefined}
      >
        <SessionChart points={view.series.rr} bands={view.bands} moments={view.moments} name="Interval" unit="ms" colour={SERIES.one} wave={view.waveOnRr} />
        <PhaseKey bands={view.bands} />
      </ChartCard>
      <SessionCoherence session={session} beats={beats} bands={view.bands} />
      <SessionNumbers session={session} settings={settings} />
      <LinkedEntries sessionId={session.id} entryIds={detail.journalEntryIds} />
    </>
  );
}
