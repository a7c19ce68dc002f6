import { breathingCue, toStoredPattern, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import { createLiveCheck, type LiveCheck, type SignalSample } from '../../../shared/check/live-check.ts';
import { MIN_SAVED_BREATHING_SEC } from '../../../shared/content/breathe-copy.ts';
import type { AttuneApi } from '../../../shared/ipc/api.ts';
import type { BreathingCue } from '../../../shared/sensors/demo-physiology.ts';
import type { Measurement } from '../../../shared/sensors/measurement-reader.ts';
import type { Clock } from '../../../shared/time/clock.ts';
import { createDataClient } from '../../app/data-client.ts';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import type { Scheduler, TimerHandle } from '../../sensors/scheduler.ts';
import { sessionSourceOf } from '../check/check-controller.ts';
import { createLiveSeries, type LiveSeries } from '../check/live-series.ts';
import { startSessionRecorder, type SessionRecorder } from '../check/session-recorder.ts';
import { createBreathTally, type BreathTally, type HeartSummary } from './breathe-tally.ts';
import { HEART_RATE_ONLY_LABEL } from '../../../shared/sensors/heart-rate-beats.ts';
import { createMeasurementBeats, type MeasurementBeats } from '../../sensors/measurement-beats.ts';
import { createSnapshotStore } from '../../app/snapshot-store.ts';

// One Breathe session, as a plain controller the screen reads (subscribe/getSnapshot), so
// tests drive it on a manual clock. A session with a heart keeps the sensors' time (the
// source's clock, the sensors' timers), so its beats, samples and length agree; the pacer
// alone keeps the page's own time, as it always has (`pageScheduler`).
//
// With a heart: the source's beats go through the same live analysis as the check's
// (createLiveCheck), a sample every second feeds the live view and the closing lines, and
// the session is recorded as kind 'breathing' (startSessionRecorder, the check's recorder).
// Beats are recorded only while the pacer runs: a pause is not breathing, so the stored
// session (whose length is the sum of its beats, and which Trends counts as practice) holds
// the minutes actually breathed. Each stretch of breathing is bracketed by breathing
// start/end markers; a change of rhythm is a point marker, as in the check.
// Without a heart (no source, or a running check that already keeps it) it is the pacer alone
// and nothing is recorded.

export type BreatheRun = {
  /** Clock time the pacer started; its rhythm counts from `startMs + pausedMs`. */
  readonly startMs: number;
  readonly pausedAtMs: number | null;
  readonly pausedMs: number;
  /** null: open, until Finish. */
  readonly limitMs: number | null;
  /** A source's heart is shown and recorded. */
  readonly withHeart: boolean;
};

export type SaveState = 'not-recorded' | 'saving' | 'saved' | 'too-short' | 'no-rr' | 'no-beats' | 'failed';

export type BreatheEnd = {
  readonly breathedSec: number;
  /** null without a heart. */
  readonly heart: HeartSummary | null;
  readonly save: SaveState;
  /** Main's words when saving failed. */
  readonly problem: string | null;
  /** The stored session, once saved. */
  readonly sessionId: string | null;
};

export type BreatheSnapshot = {
  readonly run: BreatheRun | null;
  /** The newest live sample of this run (null without a heart). */
  readonly last: SignalSample | null;
  /** How the last run ended, until the next one starts. */
  readonly ended: BreatheEnd | null;
};

export type BreatheStart = {
  readonly limitMs: number | null;
  readonly pattern: BreathingPatternSpec;
  /** The source whose heart to show and record; null for the pacer alone. */
  readonly source: HeartRateSource | null;
  readonly baselineHrBpm: number | null;
};

export type BreatheDeps = {
  readonly api: AttuneApi;
  /** The sensors' clock and timers. */
  readonly scheduler: Scheduler;
  /** The page's own clock and timers, for the pacer alone. */
  readonly pageScheduler: Scheduler;
  subscribeMeasurements(listener: (measurement: Measurement) => void): () => void;
  followBreathing(cue: BreathingCue | null): void;
};

export type BreatheController = {
  getSnapshot(): BreatheSnapshot;
  subscribe(listener: () => void): () => void;
  readonly series: LiveSeries;
  /** Clock time on the run's timeline. */
  nowMs(): number;
  /** Breathing time so far, pauses left out (0 when not running). */
  breathedMs(): number;
  start(start: BreatheStart): void;
  pause(): void;
  resume(): void;
  setPattern(pattern: BreathingPatternSpec): void;
  /** Ends the run (the user pressed Finish, or the time is up) and saves it. */
  finish(): void;
  /**
   * The screen shows it; the returned detach is for the screen going away: a running session
   * then ends and is saved. The end waits one microtask, so React's development-time unmount
   * and immediate remount (StrictMode) keeps the session; a real unmount ends it.
   */
  attach(): () => void;
};

export const SAMPLE_EVERY_MS = 1000;

export function createBreatheController(deps: BreatheDeps): BreatheController {
  const { scheduler: sensorScheduler } = deps;
  let scheduler: Scheduler = deps.pageScheduler;
  const data = createDataClient(deps.api);
  const series = createLiveSeries();
  const store = createSnapshotStore<BreatheSnapshot>({ run: null, last: null, ended: null });
  let clock: Clock = deps.pageScheduler;
  let pattern: BreathingPatternSpec | null = null;
  let source: HeartRateSource | null = null;
  let liveCheck: LiveCheck | null = null;
  /** The beats measurements stand for (heart-rate-only sensors included), afresh for each session. */
  let measurementBeats: MeasurementBeats | null = null;
  let recorder: SessionRecorder | null = null;
  let tally: BreathTally | null = null;
  let problem: string | null = null;
  let sampleTimer: TimerHandle | null = null;
  let limitTimer: TimerHandle | null = null;
  let unsubscribe: (() => void) | null = null;
  let attachments = 0;

  const update = store.update;

  function breathedAt(run: BreatheRun, nowMs: number): number {
    return nowMs - run.startMs - run.pausedMs - (run.pausedAtMs === null ? 0 : nowMs - run.pausedAtMs);
  }

  function relative(nowMs: number, run: BreatheRun): number {
    return Math.max(0, nowMs - run.startMs);
  }

  function follow(run: BreatheRun | null): void {
    // Only a run with a heart moves the demo heart: during a check the check's pacer leads it.
    if (run === null || !run.withHeart || pattern === null) return;
    deps.followBreathing(run.pausedAtMs === null ? breathingCue(pattern, run.startMs + run.pausedMs) : null);
  }

  function armLimit(run: BreatheRun): void {
    if (limitTimer !== null) scheduler.clearTimeout(limitTimer);
    limitTimer = null;
    if (run.limitMs === null || run.pausedAtMs !== null) return;
    limitTimer = scheduler.setTimeout(() => {
      limitTimer = null;
      end(true);
    }, Math.max(0, run.limitMs - breathedAt(run, clock.nowMs())));
  }

  function sample(): void {
    const run = store.get().run;
    if (liveCheck === null || run === null) return;
    const quality = source?.quality();
    const next = liveCheck.sample(quality?.rrSupport ?? 'unknown', quality?.contact ?? 'unknown');
    if (run.pausedAtMs === null) tally?.add(next, breathedAt(run, next.atMs));
    update({ last: next });
  }

  function onMeasurement(measurement: Measurement): void {
    const run = store.get().run;
    if (liveCheck === null || run === null) return;
    measurementBeats ??= createMeasurementBeats();
    const wasDerived = measurementBeats.derived();
    for (const beat of measurementBeats.beatsOf(measurement, source?.quality().rrSupport ?? 'unknown')) {
      liveCheck.push(beat);
      series.push(beat.tMs, beat.rrMs);
      if (run.pausedAtMs === null) recorder?.addBeat(beat.tMs, beat.rrMs);
    }
    // Beats from a heart-rate-only sensor: the session says so, and shows no variability.
    if (!wasDerived && measurementBeats.derived()) {
      recorder?.addMarker({ tMs: relative(clock.nowMs(), run), phase: 'note', edge: 'point', label: HEART_RATE_ONLY_LABEL });
    }
  }

  function stopTimers(): void {
    if (sampleTimer !== null) scheduler.clearTimeout(sampleTimer);
    if (limitTimer !== null) scheduler.clearTimeout(limitTimer);
    sampleTimer = null;
    limitTimer = null;
    unsubscribe?.();
    unsubscribe = null;
  }

  /** Ends the running session; `show` is false when the screen is gone. */
  function end(show: boolean): void {
    const run = store.get().run;
    if (run === null) return;
    const now = clock.nowMs();
    const breathedMs = breathedAt(run, now);
    // The last second's beats and sample belong to the session too.
    if (run.withHeart && run.pausedAtMs === null) sample();
    stopTimers();
    if (run.withHeart) deps.followBreathing(null);
    const heart = tally?.summary() ?? null;
    const rrSupport = source?.quality().rrSupport ?? 'unknown';
    const ending = recorder;
    recorder = null;
    liveCheck = null;
    tally = null;
    if (ending === null) {
      update({ run: null, ended: { breathedSec: breathedMs / 1000, heart, save: 'not-recorded', problem: null, sessionId: null } });
      return;
    }
    if (run.pausedAtMs === null) ending.addMarker({ tMs: relative(now, run), phase: 'breathing', edge: 'end' });
    const ended: BreatheEnd = { breathedSec: breathedMs / 1000, heart, save: 'saving', problem: null, sessionId: null };
    update({ run: null, ended });
    const settle = (changes: Partial<BreatheEnd>) => {
      // A newer run has replaced these lines: leave it alone.
      if (show && store.get().ended === ended) update({ ended: { ...ended, ...changes } });
    };
    void ending.finish().then(async (saved) => {
      if (saved === null) {
        settle({ save: 'failed', problem: problem ?? 'main did not answer.' });
        return;
      }
      const tooShort = breathedMs < MIN_SAVED_BREATHING_SEC * 1000;
      if (!tooShort && saved.beatCount > 0) {
        settle({ save: 'saved', sessionId: saved.id });
        return;
      }
      // Nothing worth keeping (a start pressed by mistake, or no beats at all): not a session.
      await data.call('session.discard', { sessionId: saved.id });
      settle({ save: tooShort ? 'too-short' : rrSupport === 'none' ? 'no-rr' : 'no-beats' });
    });
  }

  const controller: BreatheController = {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    series,
    nowMs: () => clock.nowMs(),
    breathedMs: () => {
      const run = store.get().run;
      return run === null ? 0 : breathedAt(run, clock.nowMs());
    },
    start(next) {
      if (store.get().run !== null) end(true);
      source = next.source;
      scheduler = next.source === null ? deps.pageScheduler : sensorScheduler;
      clock = next.source?.clock ?? scheduler;
      pattern = next.pattern;
      problem = null;
      const startMs = clock.nowMs();
      const run: BreatheRun = { startMs, pausedAtMs: null, pausedMs: 0, limitMs: next.limitMs, withHeart: next.source !== null };
      series.clear();
      if (next.source !== null) {
        liveCheck = createLiveCheck({ clock, baselineHrBpm: next.baselineHrBpm });
        measurementBeats = null;
        tally = createBreathTally();
        recorder = startSessionRecorder(
          data,
          {
            kind: 'breathing',
            source: sessionSourceOf(next.source),
            baselineHrBpm: next.baselineHrBpm,
            breathingPattern: toStoredPattern(next.pattern),
            startedAtMs: startMs,
          },
          (message) => {
            problem = message;
          },
        );
        recorder.addMarker({ tMs: 0, phase: 'breathing', edge: 'start', label: next.pattern.name.slice(0, 200) });
        unsubscribe = deps.subscribeMeasurements(onMeasurement);
        sampleTimer = scheduler.setTimeout(function tick() {
          sample();
          sampleTimer = scheduler.setTimeout(tick, SAMPLE_EVERY_MS);
        }, SAMPLE_EVERY_MS);
      }
      update({ run, last: null, ended: null });
      follow(run);
      armLimit(run);
    },
    pause() {
      const run = store.get().run;
      if (run === null || run.pausedAtMs !== null) return;
      const now = clock.nowMs();
      const paused: BreatheRun = { ...run, pausedAtMs: now };
      recorder?.addMarker({ tMs: relative(now, run), phase: 'breathing', edge: 'end' });
      update({ run: paused });
      follow(paused);
      armLimit(paused);
    },
    resume() {
      const run = store.get().run;
      if (run === null || run.pausedAtMs === null) return;
      const now = clock.nowMs();
      const resumed: BreatheRun = { ...run, pausedMs: run.pausedMs + now - run.pausedAtMs, pausedAtMs: null };
      recorder?.addMarker({ tMs: relative(now, run), phase: 'breathing', edge: 'start' });
      update({ run: resumed });
      follow(resumed);
      armLimit(resumed);
    },
    setPattern(next) {
      pattern = next;
      const run = store.get().run;
      if (run === null) return;
      if (run.pausedAtMs === null) recorder?.addMarker({ tMs: relative(clock.nowMs(), run), phase: 'breathing', edge: 'point', label: next.name.slice(0, 200) });
      follow(run);
    },
    finish() {
      end(true);
    },
    attach() {
      const mine = ++attachments;
      return () => {
        queueMicrotask(() => {
          if (attachments === mine) end(false);
        });
      };
    },
  };
  return controller;
}
