import type { AttuneApi } from '../../../shared/ipc/api.ts';
import type { Measurement } from '../../../shared/sensors/measurement-reader.ts';
import { createDataClient } from '../../app/data-client.ts';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import { sessionSourceOf } from './check-controller.ts';
import { startSessionRecorder } from './session-recorder.ts';
import { HEART_RATE_ONLY_LABEL } from '../../../shared/sensors/heart-rate-beats.ts';
import { createMeasurementBeats } from '../../sensors/measurement-beats.ts';

// One stretch of the heart recorded while the user does something other than a check or
// Breathe: a break of their own, or the body check before a repair. It is stored as a session
// of that kind (so Trends' practice minutes count it by its length), bracketed by start and
// end markers of its phase. It runs on the source's clock, so its beats and markers agree
// with the sensors' time. A stretch with no beats, or shorter than MIN_SAVED_BODY_SEC, is
// not worth a session and is discarded when it ends.

export const MIN_SAVED_BODY_SEC = 15;

export type BodyRecordingKind = 'break' | 'repair';

export type BodyRecordingDeps = {
  readonly api: AttuneApi;
  /** Every measurement of whichever source is active. */
  subscribeMeasurements(listener: (measurement: Measurement) => void): () => void;
};

export type BodyRecording = {
  /** Ends the stretch and saves it; resolves with the stored session's id (null when nothing was kept). */
  end(): Promise<string | null>;
  /**
   * Its owner is gone (the window is closing): stop listening and drop what is queued, even
   * while it ends. The session stays open in main, which closes it from its beats on the next
   * start, as after a crash.
   */
  dispose(): void;
};

export function startBodyRecording(
  deps: BodyRecordingDeps,
  start: { kind: BodyRecordingKind; source: HeartRateSource; baselineHrBpm: number | null },
): BodyRecording {
  const data = createDataClient(deps.api);
  const { clock } = start.source;
  const startedAtMs = clock.nowMs();
  const recorder = startSessionRecorder(
    data,
    { kind: start.kind, source: sessionSourceOf(start.source), baselineHrBpm: start.baselineHrBpm, breathingPattern: null, startedAtMs },
    // Nothing on screen waits for this record: a failure is the data client's to log.
    () => {},
  );
  recorder.addMarker({ tMs: 0, phase: start.kind, edge: 'start' });
  const measurementBeats = createMeasurementBeats();
  let unsubscribe: (() => void) | null = deps.subscribeMeasurements((measurement) => {
    const wasDerived = measurementBeats.derived();
    for (const beat of measurementBeats.beatsOf(measurement, start.source.quality().rrSupport)) recorder.addBeat(beat.tMs, beat.rrMs);
    // Beats from a heart-rate-only sensor: the session says so, and shows no variability.
    if (!wasDerived && measurementBeats.derived()) {
      recorder.addMarker({ tMs: Math.max(0, clock.nowMs() - startedAtMs), phase: 'note', edge: 'point', label: HEART_RATE_ONLY_LABEL });
    }
  });
  let ending: Promise<string | null> | null = null;
  let disposed = false;
  const stopListening = (): void => {
    unsubscribe?.();
    unsubscribe = null;
  };
  return {
    end() {
      if (ending !== null) return ending;
      stopListening();
      const lengthMs = Math.max(0, clock.nowMs() - startedAtMs);
      recorder.addMarker({ tMs: lengthMs, phase: start.kind, edge: 'end' });
      ending = recorder.finish().then(async (saved) => {
        if (saved === null || disposed) return null;
        if (saved.beatCount > 0 && lengthMs >= MIN_SAVED_BODY_SEC * 1000) return saved.id;
        await data.call('session.discard', { sessionId: saved.id });
        return null;
      });
      return ending;
    },
    dispose() {
      disposed = true;
      stopListening();
      recorder.dispose();
    },
  };
}
