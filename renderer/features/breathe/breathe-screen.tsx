import { useCallback, useEffect, useState } from 'react';
import { BREATHING_PRESET_SPECS, DEFAULT_PRESET, breathingCue, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { clearRouteQuery, routeQueryOf } from '../../app/route-query.ts';
import { Screen } from '../../components/screen.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { useReducedMotion } from '../check/step-parts.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { Pacer } from './pacer.tsx';
import { PatternPicker } from './pattern-picker.tsx';

// Breathing on its own, any time: the same pacer as the check, without a reading or a
// verdict. The demo heart follows it like it follows the check's pacer. (A running check
// has its own pacer on the Check screen.)

type Run = { startMs: number; pausedAtMs: number | null; pausedMs: number; limitMs: number | null };

/** "Breathe for a minute" from the tray arrives as `#/breathe?minutes=1`. */
export function minutesFromHash(hash: string): number | null {
  const minutes = Number(new URLSearchParams(routeQueryOf(hash)).get('minutes'));
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 30 ? minutes : null;
}

export function BreatheScreen({ focusOnMount }: ScreenProps) {
  const heart = useHeartRate();
  const { state, update } = useSettings();
  const settings = state.status === 'ready' ? state.settings : null;
  const reducedMotion = useReducedMotion();
  const [pattern, setPattern] = useState<BreathingPatternSpec>(() => BREATHING_PRESET_SPECS[settings?.breathing.preset ?? DEFAULT_PRESET]);
  const clock = heart.source?.clock ?? DATE_CLOCK;
  const [run, setRun] = useState<Run | null>(() => timedRun(minutesFromHash(window.location.hash), clock.nowMs()));
  const [finishedMinutes, setFinishedMinutes] = useState<number | null>(null);
  const { followBreathing } = heart;

  // The tray can ask for a short, timed session while this screen is already open.
  useEffect(() => {
    if (minutesFromHash(window.location.hash) !== null) clearRouteQuery();
    const onHashChange = () => {
      const minutes = minutesFromHash(window.location.hash);
      if (minutes === null) return;
      clearRouteQuery();
      setFinishedMinutes(null);
      setRun(timedRun(minutes, clock.nowMs()));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [clock]);

  const elapsed = useCallback(() => {
    if (run === null) return 0;
    const now = clock.nowMs();
    return now - run.startMs - run.pausedMs - (run.pausedAtMs === null ? 0 : now - run.pausedAtMs);
  }, [run, clock]);

  // A timed session ends by itself, gently, with a word about what the user just did.
  useEffect(() => {
    if (run === null || run.limitMs === null || run.pausedAtMs !== null) return;
    const limitMs = run.limitMs;
    const timer = setTimeout(() => {
      setRun(null);
      setFinishedMinutes(Math.round(limitMs / 60_000));
    }, Math.max(0, limitMs - elapsed()));
    return () => clearTimeout(timer);
  }, [run, elapsed]);

  useEffect(() => {
    if (run === null || run.pausedAtMs !== null) {
      followBreathing(null);
      return;
    }
    followBreathing(breathingCue(pattern, run.startMs + run.pausedMs));
    return () => followBreathing(null);
  }, [run, pattern, followBreathing]);

  const soundCues = settings?.breathing.soundCues ?? false;
  return (
    <Screen title="Breathe" focusOnMount={focusOnMount}>
      <p className="lead">A slow, steady guide to breathe along with: in as the shape grows, out as it settles.</p>
      {finishedMinutes !== null && run === null ? (
        <p className="lead" role="status">
          That was {finishedMinutes === 1 ? 'a minute' : `${finishedMinutes} minutes`} of slow breathing, just for you. Notice how your body feels now.
        </p>
      ) : null}
      {run === null ? (
        <div className="check-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setFinishedMinutes(null);
              setRun({ startMs: clock.nowMs(), pausedAtMs: null, pausedMs: 0, limitMs: null });
            }}
          >
            Start breathing
          </button>
        </div>
      ) : (
        <>
          {run.limitMs !== null ? <p>Breathing for {run.limitMs === 60_000 ? 'one minute' : `${run.limitMs / 60_000} minutes`}; it ends by itself.</p> : null}
          <Pacer pattern={pattern} elapsedMs={elapsed} paused={run.pausedAtMs !== null} reducedMotion={reducedMotion} soundCues={soundCues} />
          <div className="check-actions">
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                const now = clock.nowMs();
                setRun(run.pausedAtMs === null ? { ...run, pausedAtMs: now } : { ...run, pausedMs: run.pausedMs + now - run.pausedAtMs, pausedAtMs: null });
              }}
            >
              {run.pausedAtMs === null ? 'Pause' : 'Resume'}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setRun(null)}>
              Stop
            </button>
          </div>
        </>
      )}
      <PatternPicker
        pattern={pattern}
        onChange={(next) => {
          setPattern(next);
          if (next.preset !== null) void update({ breathing: { preset: next.preset } });
        }}
      />
      <label className="check-toggle">
        <input type="checkbox" checked={soundCues} onChange={(event) => void update({ breathing: { soundCues: event.target.checked } })} />
        Soft sound cues
      </label>
    </Screen>
  );
}

const DATE_CLOCK = { nowMs: () => Date.now() };

function timedRun(minutes: number | null, nowMs: number): Run | null {
  return minutes === null ? null : { startMs: nowMs, pausedAtMs: null, pausedMs: 0, limitMs: minutes * 60_000 };
}
