import { useCallback, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import { runningActivity } from '../../../shared/check/activity.ts';
import { BREATHING_PRESET_SPECS, DEFAULT_PRESET, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { BREATHE_LENGTHS, BREATHE_SUMMARY_WORDS as SUMMARY, BREATHE_WORDS as WORDS, type BreatheLength } from '../../../shared/content/breathe-copy.ts';
import { baselineHrForRules } from '../../../shared/signal/baseline.ts';
import { useApi } from '../../app/attune.ts';
import { clearRouteQuery, routeQueryOf } from '../../app/route-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { Screen } from '../../components/screen.tsx';
import { useHeartRate, type HeartRateContextValue } from '../../sensors/heart-rate-context.tsx';
import { browserScheduler } from '../../sensors/scheduler.ts';
import { useCheck } from '../check/check-context.tsx';
import { LiveView } from '../check/live-view.tsx';
import { useRestingBaseline } from '../check/resting-baseline.ts';
import { useReducedMotion } from '../check/step-parts.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { createBreatheController, type BreatheController, type BreatheEnd, type BreatheRun } from './breathe-session.ts';
import { LengthPicker } from './length-picker.tsx';
import { Pacer } from './pacer.tsx';
import { PatternPicker } from './pattern-picker.tsx';
import '../../styles/breathe.css';

// Breathing on its own, any time: the same pacer as the check, without a reading or a verdict,
// for 1, 3, 5 or 10 minutes or as long as the user likes.
//
// With a source connected, the heart shows beside the pacer (heart rate, the newest beat
// interval, coherence as a word; the charts only when opened), the session is recorded as
// kind 'breathing' (breathe-session.ts) and it ends with a few lines about it.
// Without a source it is the pacer alone and nothing is recorded.
// While a check runs, the check owns the sensor's session: Breathe then runs the pacer
// unrecorded and says so, pointing to the check's own breathing step, rather than record the
// same beats twice or end the check.
// Leaving the screen mid-session ends it and saves what was breathed: the session belongs to
// this screen, and minutes the user did breathe should count.

/** "Breathe for a minute" from the tray arrives as `#/breathe?minutes=1`: one of the offered lengths, or null. */
export function minutesFromHash(hash: string): BreatheLength {
  const minutes = Number(new URLSearchParams(routeQueryOf(hash)).get('minutes'));
  return BREATHE_LENGTHS.find((length) => length !== null && length === minutes) ?? null;
}

export function BreatheScreen({ focusOnMount }: ScreenProps) {
  const api = useApi();
  const heart = useHeartRate();
  // subscribe and followBreathing act on the sensors' own registry, so these copies stay valid.
  const [controller] = useState(() =>
    createBreatheController({
      api,
      scheduler: heart.scheduler,
      pageScheduler: browserScheduler(),
      subscribeMeasurements: heart.subscribe,
      followBreathing: heart.followBreathing,
    }),
  );
  // A session belongs to this screen: leaving it ends the session and saves it.
  useEffect(() => controller.attach(), [controller]);

  return (
    <Screen title={WORDS.title} focusOnMount={focusOnMount}>
      <p className="lead">{WORDS.lead}</p>
      <BreatheBody controller={controller} heart={heart} />
    </Screen>
  );
}

function BreatheBody({ controller, heart }: { controller: BreatheController; heart: HeartRateContextValue }) {
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { run, last, ended } = snapshot;
  const check = useCheck();
  const resting = useRestingBaseline();
  const { state, update } = useSettings();
  const settings = state.status === 'ready' ? state.settings : null;
  const reducedMotion = useReducedMotion();
  const [pattern, setPattern] = useState<BreathingPatternSpec>(() => BREATHING_PRESET_SPECS[settings?.breathing.preset ?? DEFAULT_PRESET]);
  const [length, setLength] = useState<BreatheLength>(() => minutesFromHash(window.location.hash));

  const checkRunning = runningActivity(check.flow, check.nowMs()) !== null;
  const connected = heart.source !== null && heart.status.phase === 'connected';
  const baselineHrBpm = resting.status === 'ready' ? baselineHrForRules(resting.baseline) : null;

  const begin = (minutes: BreatheLength) =>
    controller.start({
      limitMs: minutes === null ? null : minutes * 60_000,
      pattern,
      source: connected && !checkRunning ? heart.source : null,
      baselineHrBpm,
    });

  // The tray can ask for a short, timed session as the screen opens (the length picker
  // already shows it) or while it is open.
  const startFromTray = useEffectEvent((minutes: BreatheLength) => begin(minutes));
  useEffect(() => {
    const opening = minutesFromHash(window.location.hash);
    if (opening !== null) {
      clearRouteQuery();
      startFromTray(opening);
    }
    const onHashChange = () => {
      const minutes = minutesFromHash(window.location.hash);
      if (minutes === null) return;
      clearRouteQuery();
      setLength(minutes);
      startFromTray(minutes);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [controller]);

  const paused = run !== null && run.pausedAtMs !== null;
  const elapsed = useCallback(() => controller.breathedMs(), [controller]);
  const soundCues = settings?.breathing.soundCues ?? false;

  return (
    <>
      {ended !== null && run === null ? <Summary ended={ended} /> : null}
      <div className={run?.withHeart ? 'breathing-layout breathe-layout' : 'breathe-layout'}>
        <div className="breathing-pacer">
          {run === null ? (
            <>
              <LengthPicker length={length} onChange={setLength} />
              <div className="check-actions">
                <button type="button" className="button" onClick={() => begin(length)}>
                  {WORDS.start}
                </button>
              </div>
            </>
          ) : (
            <>
              <p data-testid="breathe-length">{run.limitMs !== null ? WORDS.timed(run.limitMs / 60_000) : WORDS.open}</p>
              <Pacer pattern={pattern} elapsedMs={elapsed} paused={paused} reducedMotion={reducedMotion} soundCues={soundCues} />
              <div className="check-actions">
                <button type="button" className="button button-quiet" onClick={() => (paused ? controller.resume() : controller.pause())}>
                  {paused ? WORDS.resume : WORDS.pause}
                </button>
                <button type="button" className="button" onClick={() => controller.finish()}>
                  {WORDS.finish}
                </button>
              </div>
            </>
          )}
          <PatternPicker
            pattern={pattern}
            onChange={(next) => {
              setPattern(next);
              controller.setPattern(next);
              if (next.preset !== null) void update({ breathing: { preset: next.preset } });
            }}
          />
          <label className="check-toggle">
            <input type="checkbox" checked={soundCues} onChange={(event) => void update({ breathing: { soundCues: event.target.checked } })} />
            {WORDS.soundCues}
          </label>
        </div>
        {run?.withHeart ? (
          <LiveView
            sample={last}
            series={controller.series}
            baselineHrBpm={baselineHrBpm}
            sessionSec={controller.breathedMs() / 1000}
            chartsOnRequest
            showInterval
          />
        ) : null}
      </div>
      <BreatheNote running={run} checkRunning={checkRunning} connected={connected} />
    </>
  );
}

/** One line under the pacer: what is shown and kept, or how to see the heart too. */
function BreatheNote({ running, checkRunning, connected }: { running: BreatheRun | null; checkRunning: boolean; connected: boolean }) {
  if (running?.withHeart) return <p className="breathe-note">{WORDS.withHeart}</p>;
  if (checkRunning) {
    return (
      <p className="breathe-note" data-testid="breathe-note">
        {WORDS.duringCheck}{' '}
        <a href="#/check">{WORDS.backToCheck}</a>
      </p>
    );
  }
  if (!connected) {
    return (
      <p className="breathe-note" data-testid="breathe-note">
        {WORDS.noSource}
      </p>
    );
  }
  return null;
}

/** The closing lines: how long, the heart at the start and the end, coherence most of the time, and whether it was saved. */
function Summary({ ended }: { ended: BreatheEnd }) {
  const { heart } = ended;
  const lines: string[] = [];
  if (heart !== null) {
    if (heart.startHrBpm !== null && heart.endHrBpm !== null) lines.push(SUMMARY.heartFromTo(heart.startHrBpm, heart.endHrBpm));
    else if (heart.meanHrBpm !== null) lines.push(SUMMARY.heartAbout(heart.meanHrBpm));
    if (heart.band !== null) lines.push(SUMMARY.coherence[heart.band]);
  }
  // The buttons that ended the session are gone: the focus goes to its closing lines.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="breathe-summary" aria-labelledby="breathe-summary-title" data-testid="breathe-summary">
      <h2 id="breathe-summary-title" ref={headingRef} tabIndex={-1}>
        {SUMMARY.heading}
      </h2>
      <p role="status">{SUMMARY.breathedFor(ended.breathedSec)}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>{SUMMARY.noticeNow}</p>
      <SaveLine ended={ended} />
    </section>
  );
}

function SaveLine({ ended }: { ended: BreatheEnd }) {
  const text = (() => {
    switch (ended.save) {
      case 'not-recorded':
        return null;
      case 'saving':
        return SUMMARY.saving;
      case 'saved':
        return SUMMARY.saved;
      case 'too-short':
        return SUMMARY.tooShort;
      case 'no-rr':
        return SUMMARY.noRr;
      case 'no-beats':
        return SUMMARY.noBeats;
      case 'failed':
        return SUMMARY.failed(ended.problem ?? '');
    }
  })();
  return text === null ? null : (
    <p className="breathe-saved" data-testid="breathe-saved">
      {text}
    </p>
  );
}
