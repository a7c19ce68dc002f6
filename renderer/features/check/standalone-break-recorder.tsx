import { useEffect, useState } from 'react';
import type { AttuneApi } from '../../../shared/ipc/api.ts';
import type { Measurement } from '../../../shared/sensors/measurement-reader.ts';
import { useApi } from '../../app/attune.ts';
import { useReminderStatus } from '../../app/reminder-status.ts';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import type { Scheduler, TimerHandle } from '../../sensors/scheduler.ts';
import { startBodyRecording, type BodyRecording } from './body-recording.ts';
import { useCheck } from './check-context.tsx';

// A break of the user's own (the tray's "Take a break", the welcome's 20-minute break) is
// recorded as a session of kind 'break' while a heart-rate source is connected, so Trends'
// practice minutes count it like a Breathe session. Its time lives in main (the reminder
// status's breakEndsAtMs); this recorder follows it from the window, app-wide, so the break
// is recorded whichever screen is open.
//
// The check's own break is part of the check's session already: a break that runs while a
// check is under way is the check's, and is never recorded again, not even after the check
// ends. A check that starts during a break of one's own ends that break's recording.
// The recording ends when the break's time is up (on the sensors' clock), when it is ended
// early ("End the break now"), or when the source goes away. Nothing without a source.

export type BreakWorld = {
  /** When main's break ends (wall-clock ms); null when none runs. */
  readonly breakEndsAtMs: number | null;
  /** A check is under way (not idle, finished or calibrated). */
  readonly checkRunning: boolean;
  /** The connected source; null without one. */
  readonly source: HeartRateSource | null;
};

export type StandaloneBreakRecorderDeps = {
  readonly api: AttuneApi;
  /** The sensors' timers: the end of the break is noticed on their clock. */
  readonly scheduler: Scheduler;
  subscribeMeasurements(listener: (measurement: Measurement) => void): () => void;
};

export type StandaloneBreakRecorder = {
  update(world: Partial<BreakWorld>): void;
  /** Connects it; the returned detach is for the window going away (the stretch is left to main, as after a crash). */
  attach(): () => void;
  /** Resolves with the id of the last break stored (null if the last one was not kept), once it is. */
  lastSaved(): Promise<string | null>;
};

const CHECK_AT_REST = new Set(['idle', 'finished', 'calibrated']);

export function createStandaloneBreakRecorder(deps: StandaloneBreakRecorderDeps): StandaloneBreakRecorder {
  let world: BreakWorld = { breakEndsAtMs: null, checkRunning: false, source: null };
  let attached = false;
  /** Breaks (by their end time) that ran during a check: the check's own. */
  const checkBreaks = new Set<number>();
  let current: { recording: BodyRecording; endsAtMs: number; source: HeartRateSource; timer: TimerHandle } | null = null;
  let saved: Promise<string | null> = Promise.resolve(null);
  /** Recordings on their way to main: a closing window drops what they still have queued. */
  const ending = new Set<BodyRecording>();

  function stop(): void {
    if (current === null) return;
    const { recording, timer } = current;
    current = null;
    deps.scheduler.clearTimeout(timer);
    ending.add(recording);
    saved = recording.end();
    void saved.then(() => ending.delete(recording));
  }

  function reconcile(): void {
    const { breakEndsAtMs, checkRunning, source } = world;
    if (checkRunning && breakEndsAtMs !== null) checkBreaks.add(breakEndsAtMs);
    const wanted =
      attached && !checkRunning && source !== null && breakEndsAtMs !== null && !checkBreaks.has(breakEndsAtMs) && source.clock.nowMs() < breakEndsAtMs;
    if (current !== null && (!wanted || current.endsAtMs !== breakEndsAtMs || current.source !== source)) stop();
    if (!wanted || current !== null) return;
    const recording = startBodyRecording(deps, { kind: 'break', source, baselineHrBpm: null });
    const timer = deps.scheduler.setTimeout(() => {
      stop();
      reconcile();
    }, Math.max(0, breakEndsAtMs - source.clock.nowMs()));
    current = { recording, endsAtMs: breakEndsAtMs, source, timer };
  }

  return {
    update(changes) {
      world = { ...world, ...changes };
      reconcile();
    },
    attach() {
      attached = true;
      reconcile();
      return () => {
        attached = false;
        for (const recording of ending) recording.dispose();
        ending.clear();
        if (current === null) return;
        deps.scheduler.clearTimeout(current.timer);
        current.recording.dispose();
        current = null;
      };
    },
    lastSaved: () => saved,
  };
}

/** Mounted once, inside the check's provider: records a break of the user's own while a source is connected. */
export function StandaloneBreakRecording() {
  const api = useApi();
  const heart = useHeartRate();
  const { flow } = useCheck();
  const [recorder] = useState(() => createStandaloneBreakRecorder({ api, scheduler: heart.scheduler, subscribeMeasurements: heart.subscribe }));
  useEffect(() => recorder.attach(), [recorder]);
  const checkRunning = flow !== null && !CHECK_AT_REST.has(flow.step.name);
  // A reconnect in progress keeps the stretch (its beats pause); a source that is gone ends it.
  const phase = heart.status.phase;
  const source = phase === 'connected' || phase === 'reconnecting' ? heart.source : null;
  useEffect(() => recorder.update({ checkRunning, source }), [recorder, checkRunning, source]);
  // The break's time is asked of main only while there is a heart to record.
  return source === null ? null : <BreakTime recorder={recorder} />;
}

function BreakTime({ recorder }: { recorder: StandaloneBreakRecorder }) {
  const { status } = useReminderStatus();
  const breakEndsAtMs = status?.breakEndsAtMs ?? null;
  useEffect(() => recorder.update({ breakEndsAtMs }), [recorder, breakEndsAtMs]);
  useEffect(() => () => recorder.update({ breakEndsAtMs: null }), [recorder]);
  return null;
}
