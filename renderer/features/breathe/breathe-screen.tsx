import { useCallback, useEffect, useState } from 'react';
import { BREATHING_PRESET_SPECS, DEFAULT_PRESET, breathingCue, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { Screen } from '../../components/screen.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { useReducedMotion } from '../check/step-parts.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { Pacer } from './pacer.tsx';
import { PatternPicker } from './pattern-picker.tsx';

// Breathing on its own, any time: the same pacer as the check, without a reading or a
// verdict. The demo heart follows it like it follows the check's pacer. (A running check
// has its own pacer on the Check screen.)

type Run = { startMs: number; pausedAtMs: number | null; pausedMs: number };

export function BreatheScreen({ focusOnMount }: ScreenProps) {
  const heart = useHeartRate();
  const { state, update } = useSettings();
  const settings = state.status === 'ready' ? state.settings : null;
  const reducedMotion = useReducedMotion();
  const [pattern, setPattern] = useState<BreathingPatternSpec>(() => BREATHING_PRESET_SPECS[settings?.breathing.preset ?? DEFAULT_PRESET]);
  const [run, setRun] = useState<Run | null>(null);
  const clock = heart.source?.clock ?? DATE_CLOCK;
  const { followBreathing } = heart;

  const elapsed = useCallback(() => {
    if (run === null) return 0;
    const now = clock.nowMs();
    return now - run.startMs - run.pausedMs - (run.pausedAtMs === null ? 0 : now - run.pausedAtMs);
  }, [run, clock]);

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
      {run === null ? (
        <div className="check-actions">
          <button type="button" className="button" onClick={() => setRun({ startMs: clock.nowMs(), pausedAtMs: null, pausedMs: 0 })}>
            Start breathing
          </button>
        </div>
      ) : (
        <>
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
