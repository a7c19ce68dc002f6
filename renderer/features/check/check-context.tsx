import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { breathingCue, toStoredPattern, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { initialFlow, step, type CheckMode, type Effect, type FlowEvent, type FlowState } from '../../../shared/check/check-flow.ts';
import { createLiveCheck, type LiveCheck, type RrSupport } from '../../../shared/check/live-check.ts';
import { FLOOD_CUE } from '../../../shared/content/check-copy.ts';
import type { SessionSource } from '../../../shared/model/session.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { RegulationThresholds } from '../../../shared/signal/regulation-rules.ts';
import { useApi } from '../../app/attune.ts';
import { useLifetime } from '../../app/lifetime.ts';
import { useSettings } from '../../app/settings-context.tsx';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { createLiveSeries, type LiveSeries } from './live-series.ts';
import { startSessionRecorder, type SessionRecorder } from './session-recorder.ts';

// The running check, app-wide: it lives above the screens so moving to Device (to reconnect)
// or to the Journal during a conversation does not end it. The pure flow
// (shared/check/check-flow.ts) decides; this provider feeds it beats and samples from the
// active heart-rate source and carries out its effects: recording, reminders, the tray's live
// status, the pacer's rhythm for the demo heart, and the flooding cue. Its lifetime ends
// when it unmounts: answers that arrive later (a recorder's last call, say) are dropped.

type EventWithoutTime = FlowEvent extends infer E ? (E extends { atMs: number } ? Omit<E, 'atMs'> : never) : never;

export type CheckContextValue = {
  flow: FlowState | null;
  /** Clock time on the source's timeline (the demo runs faster than real time in tests). */
  nowMs(): number;
  series: LiveSeries;
  sessionId: string | null;
  /** A sentence when recording to disk failed; the check itself goes on. */
  recordingProblem: string | null;
  pattern: BreathingPatternSpec;
  begin(mode: CheckMode, baselineHrBpm: number | null, pattern: BreathingPatternSpec): void;
  send(event: EventWithoutTime): void;
  setPattern(pattern: BreathingPatternSpec): void;
  /** Back to the start screen after a finished check. */
  reset(): void;
  /** Called once a session is finished (a calibration changes the baseline). */
  onFinished(listener: () => void): () => void;
};

const CheckContext = createContext<CheckContextValue | null>(null);
const systemClock = { nowMs: () => Date.now() };
const SAMPLE_EVERY_MS = 1000;
const LIVE_STATUS_MIN_GAP_MS = 5000;

export function thresholdsFromSettings(settings: Settings | null): Partial<RegulationThresholds> {
  if (settings === null) return {};
  const p = settings.physiology;
  return {
    floodedMinBpm: p.floodedMinBpm,
    floodedBaselineFactor: 1 + p.floodedAboveBaselinePercent / 100,
    calmMarginBpm: p.calmAboveBaselineBpm,
    sustainSec: p.sustainSec,
  };
}

export function sessionSourceOf(source: HeartRateSource | null): SessionSource {
  if (source?.kind === 'bluetooth') return { kind: 'strap', deviceName: source.label.slice(0, 100) };
  if (source?.kind === 'replay') return { kind: 'replay' };
  return { kind: 'demo' };
}

export function CheckProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const lifetime = useLifetime();
  const heart = useHeartRate();
  const { state: settingsState } = useSettings();
  const thresholds = useMemo(() => thresholdsFromSettings(settingsState.status === 'ready' ? settingsState.settings : null), [settingsState]);
  const maxCorrectedPercent = settingsState.status === 'ready' ? settingsState.settings.physiology.maxCorrectedPercent : undefined;
  const maxCorrectedRef = useRef(maxCorrectedPercent);
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [recordingProblem, setRecordingProblem] = useState<string | null>(null);
  const [pattern, setPatternState] = useState<BreathingPatternSpec | null>(null);
  const [series] = useState(createLiveSeries);
  const flowRef = useRef<FlowState | null>(null);
  const liveRef = useRef<LiveCheck | null>(null);
  const recorderRef = useRef<SessionRecorder | null>(null);
  const clockRef = useRef<{ nowMs(): number }>(systemClock);
  const sourceRef = useRef<HeartRateSource | null>(null);
  const patternRef = useRef<BreathingPatternSpec | null>(null);
  const finishedListeners = useRef(new Set<() => void>());
  const liveStatusRef = useRef<{ atMs: number; bpm: number | null; state: string | null; connected: boolean } | null>(null);
  const thresholdsRef = useRef(thresholds);
  const followRef = useRef(heart.followBreathing);

  useEffect(() => {
    sourceRef.current = heart.source;
    followRef.current = heart.followBreathing;
    thresholdsRef.current = thresholds;
    maxCorrectedRef.current = maxCorrectedPercent;
  });

  const nowMs = useCallback(() => clockRef.current.nowMs(), []);

  const runEffects = useCallback(
    (effects: readonly Effect[], state: FlowState) => {
      for (const effect of effects) {
        switch (effect.type) {
          case 'start-session': {
            const recorder = startSessionRecorder(
              api,
              {
                kind: effect.mode,
                source: sessionSourceOf(sourceRef.current),
                baselineHrBpm: effect.baselineHrBpm,
                breathingPattern: effect.mode === 'check' && patternRef.current ? toStoredPattern(patternRef.current) : null,
                startedAtMs: state.startedAtMs ?? clockRef.current.nowMs(),
              },
              lifetime.bind(setRecordingProblem),
            );
            recorderRef.current = recorder;
            void lifetime.guard(recorder.settled()).then(() => setSessionId(recorder.sessionId()));
            break;
          }
          case 'marker':
            recorderRef.current?.addMarker(effect.marker);
            break;
          case 'finish-session': {
            const recorder = recorderRef.current;
            if (recorder === null) break;
            void lifetime.guard(recorder.finish(effect.baselineHrBpm)).then(() => {
              for (const listener of [...finishedListeners.current]) listener();
            });
            break;
          }
          case 'busy':
            void api.invoke('reminders.setBusy', { activity: effect.activity, busy: effect.busy });
            break;
          case 'follow-breathing':
            followRef.current(effect.startMs === null || patternRef.current === null ? null : breathingCue(patternRef.current, effect.startMs));
            break;
          case 'start-break':
            void api.invoke('reminders.startBreak', { minutes: Math.min(24 * 60 - 1, Math.max(20, Math.round(effect.minutes))) });
            break;
          case 'end-break':
            void api.invoke('reminders.endBreak');
            break;
          case 'flood-cue':
            showFloodCue();
            break;
          case 'resting-reading':
            break;
        }
      }
    },
    [api, lifetime],
  );

  const dispatch = useCallback(
    (event: FlowEvent) => {
      const current = flowRef.current;
      if (current === null) return;
      const transition = step(current, event);
      flowRef.current = transition.state;
      if (transition.state !== current) setFlow(transition.state);
      runEffects(transition.effects, transition.state);
    },
    [runEffects],
  );

  const reportLiveStatus = useCallback(
    (atMs: number, connected: boolean, bpm: number | null, state: string | null): void => {
      const rounded = bpm === null ? null : Math.min(250, Math.max(20, Math.round(bpm)));
      const last = liveStatusRef.current;
      const changed = last === null || last.state !== state || last.connected !== connected;
      const drifted = last !== null && rounded !== last.bpm && atMs - last.atMs >= LIVE_STATUS_MIN_GAP_MS;
      if (!changed && !drifted) return;
      liveStatusRef.current = { atMs, bpm: rounded, state, connected };
      void api.invoke('tray.liveStatus', {
        connected,
        bpm: rounded,
        state: state === 'calm' || state === 'elevated' || state === 'flooded' ? state : null,
      });
    },
    [api],
  );

  const sample = useCallback(() => {
    const live = liveRef.current;
    if (live === null) return;
    const rrSupport: RrSupport = sourceRef.current?.quality().rrSupport ?? 'unknown';
    const next = live.sample(rrSupport);
    dispatch({ type: 'sample', sample: next });
    reportLiveStatus(next.atMs, next.receiving, next.liveHrBpm, next.state);
  }, [dispatch, reportLiveStatus]);

  // Beats from whichever source is active, while a check runs.
  useEffect(
    () =>
      heart.subscribe((measurement) => {
        const live = liveRef.current;
        const current = flowRef.current;
        if (live === null || current === null || current.step.name === 'finished' || current.step.name === 'calibrated') return;
        for (const beat of measurement.beats) {
          live.push(beat);
          recorderRef.current?.addBeat(beat.tMs, beat.rrMs);
          series.push(beat.tMs, beat.rrMs);
        }
        sample();
      }),
    [heart, sample, series],
  );

  // A sample every second even without beats: that is how a loose strap is noticed. It runs
  // on the sensors' timers, so it keeps the beats' time (and a test's clock moves both).
  const { scheduler } = heart;
  useEffect(() => {
    let handle = scheduler.setTimeout(function tick() {
      sample();
      handle = scheduler.setTimeout(tick, SAMPLE_EVERY_MS);
    }, SAMPLE_EVERY_MS);
    return () => scheduler.clearTimeout(handle);
  }, [scheduler, sample]);

  const begin = useCallback(
    (mode: CheckMode, baselineHrBpm: number | null, chosen: BreathingPatternSpec) => {
      const source = sourceRef.current;
      clockRef.current = source?.clock ?? systemClock;
      patternRef.current = chosen;
      setPatternState(chosen);
      liveRef.current = createLiveCheck({ clock: clockRef.current, baselineHrBpm, thresholds: thresholdsRef.current });
      recorderRef.current = null;
      liveStatusRef.current = null;
      series.clear();
      setSessionId(null);
      setRecordingProblem(null);
      const initial = initialFlow(mode, baselineHrBpm, chosen.name, maxCorrectedRef.current);
      flowRef.current = initial;
      setFlow(initial);
      dispatch({ type: 'start', atMs: clockRef.current.nowMs() });
    },
    [dispatch, series],
  );

  const send = useCallback((event: EventWithoutTime) => dispatch({ ...event, atMs: clockRef.current.nowMs() } as FlowEvent), [dispatch]);

  const setPattern = useCallback(
    (next: BreathingPatternSpec) => {
      patternRef.current = next;
      setPatternState(next);
      const current = flowRef.current;
      if (current?.step.name === 'breathing' && current.step.pausedAtMs === null) {
        const now = clockRef.current.nowMs();
        recorderRef.current?.addMarker({ tMs: Math.max(0, now - (current.startedAtMs ?? now)), phase: 'breathing', edge: 'point', label: next.name.slice(0, 200) });
        const elapsed = now - current.step.sinceMs - current.step.pausedMs;
        followRef.current(breathingCue(next, now - elapsed));
      }
    },
    [],
  );

  const reset = useCallback(() => {
    const current = flowRef.current;
    if (current !== null && current.step.name !== 'finished' && current.step.name !== 'calibrated' && current.step.name !== 'idle') {
      dispatch({ type: 'cancel', atMs: clockRef.current.nowMs() });
    }
    liveRef.current = null;
    flowRef.current = null;
    setFlow(null);
  }, [dispatch]);

  const onFinished = useCallback((listener: () => void) => {
    finishedListeners.current.add(listener);
    return () => {
      finishedListeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<CheckContextValue>(
    () => ({
      flow,
      nowMs,
      series,
      sessionId,
      recordingProblem,
      pattern: pattern ?? FALLBACK_PATTERN,
      begin,
      send,
      setPattern,
      reset,
      onFinished,
    }),
    [flow, nowMs, series, sessionId, recordingProblem, pattern, begin, send, setPattern, reset, onFinished],
  );
  return <CheckContext value={value}>{children}</CheckContext>;
}

const FALLBACK_PATTERN: BreathingPatternSpec = { preset: 'long-exhale-4-6', name: 'Long exhale (4 in, 6 out)', segments: [{ kind: 'in', sec: 4 }, { kind: 'out', sec: 6 }] };

function showFloodCue(): void {
  // A system notification with neutral words; the tray's flooded icon comes from the live status.
  if (typeof Notification === 'undefined') return;
  try {
    if (Notification.permission === 'denied') return;
    new Notification(FLOOD_CUE.title, { body: FLOOD_CUE.body, silent: true });
  } catch {
    // No notifications here (a test browser, a locked-down system): the tray still shows it.
  }
}

export function useCheck(): CheckContextValue {
  const value = useContext(CheckContext);
  if (!value) throw new Error('useCheck() needs a <CheckProvider> above it.');
  return value;
}

/** Re-renders every `everyMs` of real time while `active` (countdowns, time in session). */
export function useTicker(active: boolean, everyMs = 1000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setTick((tick) => tick + 1), everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs]);
}
