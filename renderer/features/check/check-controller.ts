import { clampBreakMinutes } from '../../../shared/check/break-bounds.ts';
import type { AttuneApi } from '../../../shared/ipc/api.ts';
import { breathingCue, toStoredPattern, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { initialFlow, step } from '../../../shared/check/check-flow.ts';
import type { CheckMode, Effect, FlowEvent, FlowState } from '../../../shared/check/check-flow-types.ts';
import { createLiveCheck, type LiveCheck, type RrSupport } from '../../../shared/check/live-check.ts';
import type { SessionListItem, SessionSource } from '../../../shared/model/session.ts';
import type { BreathingCue } from '../../../shared/sensors/demo-physiology.ts';
import type { Measurement } from '../../../shared/sensors/measurement-reader.ts';
import type { RegulationThresholds } from '../../../shared/signal/regulation-rules.ts';
import { systemClock, type Clock } from '../../../shared/time/clock.ts';
import { createDataClient } from '../../app/data-client.ts';
import { createLifetime, type Lifetime } from '../../app/lifetime.ts';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import type { Scheduler, TimerHandle } from '../../sensors/scheduler.ts';
import { createLiveSeries, type LiveSeries } from './live-series.ts';
import { startSessionRecorder, type SessionRecorder } from './session-recorder.ts';
import { createMeasurementBeats, type MeasurementBeats } from '../../sensors/measurement-beats.ts';
import type { TimedBeat } from '../../../shared/sensors/beat-timeline.ts';
import { createSnapshotStore } from '../../app/snapshot-store.ts';

// The running check, as a plain controller: the pure flow (shared/check/check-flow.ts)
// decides, and this carries out its effects (recording, reminders, the tray's live status,
// the pacer's rhythm for the demo heart, the flooding cue), fed with the active source's
// beats and a sample every second on the sensors' scheduler. React reads it through
// `subscribe`/`getSnapshot` (useSyncExternalStore); tests drive it in Node on a manual clock.
//
// Lifetime: `start()` connects it (beats, the sample timer, the recording) and returns the
// function that disconnects it; then the recorder's queue is dropped and answers still on
// their way are ignored. `dispose()` ends it for good.

export type CheckSnapshot = {
  readonly flow: FlowState | null;
  /** The recorded session, once main has answered. */
  readonly sessionId: string | null;
  /** A sentence when recording to disk failed; the check itself goes on. */
  readonly recordingProblem: string | null;
  readonly pattern: BreathingPatternSpec;
};

/** The user's settings the check reads: regulation thresholds and the verdict's corrected-beats limit. */
export type CheckSettings = {
  readonly thresholds: Partial<RegulationThresholds>;
  readonly maxCorrectedPercent: number | undefined;
  /** Whether the flooding cue also plays its soft sound (the user's choice, off by default). */
  readonly floodCueSound?: boolean;
};

export type CheckControllerDeps = {
  readonly api: AttuneApi;
  /** The sensors' timers: the one-second sample keeps the beats' time. */
  readonly scheduler: Scheduler;
  /** Every measurement of whichever source is active. */
  subscribeMeasurements(listener: (measurement: Measurement) => void): () => void;
  /** The pacer's rhythm, for a source that follows it (the demo heart). */
  followBreathing(cue: BreathingCue | null): void;
  /** The quiet system notification when flooding starts during a conversation. */
  showFloodCue(withSound: boolean): void;
};

type WithoutTime<E> = E extends { atMs: number } ? Omit<E, 'atMs'> : never;
export type CheckEvent = WithoutTime<FlowEvent>;

export type CheckController = {
  getSnapshot(): CheckSnapshot;
  subscribe(listener: () => void): () => void;
  /** The beats behind the live view (outside the snapshot: the chart redraws itself). */
  readonly series: LiveSeries;
  /** Clock time on the source's timeline (the demo runs faster than real time in tests). */
  nowMs(): number;
  /** The source whose beats the next check records. */
  setSource(source: HeartRateSource | null): void;
  configure(settings: CheckSettings): void;
  begin(mode: CheckMode, baselineHrBpm: number | null, pattern: BreathingPatternSpec): void;
  send(event: CheckEvent): void;
  setPattern(pattern: BreathingPatternSpec): void;
  /** Back to the start screen after a finished check (a running one is cancelled). */
  reset(): void;
  /** Called once a session is finished, with it as main saved it (null if saving failed); a calibration changes the baseline. */
  onFinished(listener: (session: SessionListItem | null) => void): () => void;
  /** Connects beats and the sample timer; returns the disconnect. */
  start(): () => void;
  dispose(): void;
};

export const SAMPLE_EVERY_MS = 1000;
/** The tray hears a drifting heart rate at most this often (a change of state at once). */
export const LIVE_STATUS_MIN_GAP_MS = 5000;
const FALLBACK_PATTERN: BreathingPatternSpec = {
  preset: 'long-exhale-4-6',
  name: 'Long exhale (4 in, 6 out)',
  segments: [
    { kind: 'in', sec: 4 },
    { kind: 'out', sec: 6 },
  ],
};

export function sessionSourceOf(source: HeartRateSource | null): SessionSource {
  if (source?.kind === 'bluetooth') return { kind: 'strap', deviceName: source.label.slice(0, 100) };
  if (source?.kind === 'replay') return { kind: 'replay' };
  return { kind: 'demo' };
}

export function createCheckController(deps: CheckControllerDeps): CheckController {
  const { scheduler } = deps;
  // Calls to main go through the window's data client: one meaning for a failure, one log.
  const data = createDataClient(deps.api);
  const series = createLiveSeries();
  const finishedListeners = new Set<(session: SessionListItem | null) => void>();
  const store = createSnapshotStore<CheckSnapshot>({ flow: null, sessionId: null, recordingProblem: null, pattern: FALLBACK_PATTERN });
  let settings: CheckSettings = { thresholds: {}, maxCorrectedPercent: undefined };
  let source: HeartRateSource | null = null;
  let clock: Clock = systemClock;
  let liveCheck: LiveCheck | null = null;
  /** The beats measurements stand for (heart-rate-only sensors included), made afresh for each check. */
  let measurementBeats: MeasurementBeats | null = null;
  let recorder: SessionRecorder | null = null;
  let lastLiveStatus: { atMs: number; bpm: number | null; state: string | null; connected: boolean } | null = null;
  // Disconnected until start(); each start() gets a fresh lifetime.
  let lifetime: Lifetime = createLifetime();
  lifetime.end();
  let disposed = false;

  const update = store.update;

  function runEffects(effects: readonly Effect[], state: FlowState): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'start-session': {
          const started = startSessionRecorder(
            data,
            {
              kind: effect.mode,
              source: sessionSourceOf(source),
              baselineHrBpm: effect.baselineHrBpm,
              breathingPattern: effect.mode === 'check' ? toStoredPattern(store.get().pattern) : null,
              startedAtMs: state.startedAtMs ?? clock.nowMs(),
            },
            lifetime.bind((message) => update({ recordingProblem: message })),
          );
          recorder = started;
          void lifetime.guard(started.settled()).then(() => update({ sessionId: started.sessionId() }));
          break;
        }
        case 'marker':
          recorder?.addMarker(effect.marker);
          break;
        case 'finish-session': {
          if (recorder === null) break;
          void lifetime.guard(recorder.finish(effect.baselineHrBpm)).then((session) => {
            for (const listener of [...finishedListeners]) listener(session);
          });
          break;
        }
        case 'busy':
          void data.call('reminders.setBusy', { activity: effect.activity, busy: effect.busy });
          break;
        case 'follow-breathing':
          deps.followBreathing(effect.startMs === null ? null : breathingCue(store.get().pattern, effect.startMs));
          break;
        case 'start-break':
          void data.call('reminders.startBreak', { minutes: clampBreakMinutes(effect.minutes) });
          break;
        case 'end-break':
          void data.call('reminders.endBreak');
          break;
        case 'flood-cue':
          deps.showFloodCue(settings.floodCueSound === true);
          break;
      }
    }
  }

  function dispatch(event: FlowEvent): void {
    const current = store.get().flow;
    if (current === null) return;
    const transition = step(current, event);
    if (transition.state !== current) update({ flow: transition.state });
    runEffects(transition.effects, transition.state);
  }

  function reportLiveStatus(atMs: number, connected: boolean, bpm: number | null, state: string | null): void {
    const rounded = bpm === null ? null : Math.min(250, Math.max(20, Math.round(bpm)));
    const last = lastLiveStatus;
    const changed = last === null || last.state !== state || last.connected !== connected;
    const drifted = last !== null && rounded !== last.bpm && atMs - last.atMs >= LIVE_STATUS_MIN_GAP_MS;
    if (!changed && !drifted) return;
    lastLiveStatus = { atMs, bpm: rounded, state, connected };
    void data.call('tray.liveStatus', {
      connected,
      bpm: rounded,
      state: state === 'calm' || state === 'elevated' || state === 'flooded' ? state : null,
    });
  }

  function sample(): void {
    if (liveCheck === null) return;
    const quality = source?.quality();
    const rrSupport: RrSupport = quality?.rrSupport ?? 'unknown';
    const next = liveCheck.sample(rrSupport, quality?.contact ?? 'unknown');
    dispatch({ type: 'sample', sample: next });
    // A strap off the skin sends numbers that are not the wearer's: the tray shows none.
    const offSkin = next.contact === 'no';
    reportLiveStatus(next.atMs, next.receiving, offSkin ? null : next.liveHrBpm, offSkin ? null : next.state);
  }

  function onMeasurement(measurement: Measurement): void {
    const flow = store.get().flow;
    if (liveCheck === null || flow === null || flow.step.name === 'finished' || flow.step.name === 'calibrated') return;
    for (const beat of beatsOf(measurement)) {
      liveCheck.push(beat);
      recorder?.addBeat(beat.tMs, beat.rrMs);
      series.push(beat.tMs, beat.rrMs);
    }
    sample();
  }

  /** The measurement's beats, derived from the heart rate for a sensor that sends no beat intervals. */
  function beatsOf(measurement: Measurement): readonly TimedBeat[] {
    measurementBeats ??= createMeasurementBeats();
    return measurementBeats.beatsOf(measurement, source?.quality().rrSupport ?? 'unknown');
  }

  const controller: CheckController = {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    series,
    nowMs: () => clock.nowMs(),
    setSource(next) {
      source = next;
    },
    configure(next) {
      settings = next;
    },
    begin(mode, baselineHrBpm, pattern) {
      clock = source?.clock ?? systemClock;
      liveCheck = createLiveCheck({ clock, baselineHrBpm, thresholds: settings.thresholds });
      measurementBeats = null;
      recorder = null;
      lastLiveStatus = null;
      series.clear();
      const initial = initialFlow(mode, baselineHrBpm, pattern.name, settings.maxCorrectedPercent);
      update({ flow: initial, pattern, sessionId: null, recordingProblem: null });
      dispatch({ type: 'start', atMs: clock.nowMs() });
    },
    send(event) {
      dispatch({ ...event, atMs: clock.nowMs() } as FlowEvent);
    },
    setPattern(pattern) {
      update({ pattern });
      const current = store.get().flow;
      if (current?.step.name !== 'breathing' || current.step.pausedAtMs !== null) return;
      const now = clock.nowMs();
      recorder?.addMarker({ tMs: Math.max(0, now - (current.startedAtMs ?? now)), phase: 'breathing', edge: 'point', label: pattern.name.slice(0, 200) });
      const elapsed = now - current.step.sinceMs - current.step.pausedMs;
      deps.followBreathing(breathingCue(pattern, now - elapsed));
    },
    reset() {
      const current = store.get().flow;
      if (current !== null && current.step.name !== 'finished' && current.step.name !== 'calibrated' && current.step.name !== 'idle') {
        dispatch({ type: 'cancel', atMs: clock.nowMs() });
      }
      liveCheck = null;
      update({ flow: null });
    },
    onFinished(listener) {
      finishedListeners.add(listener);
      return () => {
        finishedListeners.delete(listener);
      };
    },
    start() {
      if (disposed) throw new Error('This check has been disposed.');
      if (!lifetime.ended) return () => {};
      const current = createLifetime();
      lifetime = current;
      current.onEnd(deps.subscribeMeasurements(onMeasurement));
      // A sample every second even without beats: that is how a loose strap is noticed.
      let handle: TimerHandle = scheduler.setTimeout(function tick() {
        sample();
        handle = scheduler.setTimeout(tick, SAMPLE_EVERY_MS);
      }, SAMPLE_EVERY_MS);
      current.onEnd(() => scheduler.clearTimeout(handle));
      // The recording belongs to this connection too: what is still queued goes with it.
      current.onEnd(() => recorder?.dispose());
      return () => current.end();
    },
    dispose() {
      disposed = true;
      lifetime.end();
      store.clear();
      finishedListeners.clear();
    },
  };
  return controller;
}
