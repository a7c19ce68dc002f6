import type { TimedBeat } from '../../shared/sensors/beat-timeline.ts';
import { createHeartRateBeats, type HeartRateBeats } from '../../shared/sensors/heart-rate-beats.ts';
import type { Measurement, RrSupport } from '../../shared/sensors/measurement-reader.ts';

// The beats a measurement stands for, for whatever records or analyses them (the check, a
// Breathe session, a break or repair recording): a strap's own beat intervals, or, from a
// sensor that sends heart rate only, beats derived from its heart rate
// (shared/sensors/heart-rate-beats.ts). One per recording, so derived beats keep their spacing.

export type MeasurementBeats = {
  beatsOf(measurement: Measurement, rrSupport: RrSupport): readonly TimedBeat[];
  /** True once a beat came from heart-rate values: its session must say so (HEART_RATE_ONLY_LABEL). */
  derived(): boolean;
};

export function createMeasurementBeats(): MeasurementBeats {
  let fromHeartRate: HeartRateBeats | null = null;
  let derived = false;
  return {
    beatsOf(measurement, rrSupport) {
      if (rrSupport !== 'none') return measurement.beats;
      const { packet } = measurement;
      // A strap that says it is off the skin sends a heart rate that is not the wearer's.
      if (packet.contact === 'not-detected' || packet.bpm <= 0) return [];
      fromHeartRate ??= createHeartRateBeats();
      const beats = fromHeartRate.place(packet.bpm, measurement.arrivalMs);
      if (beats.length > 0) derived = true;
      return beats;
    },
    derived: () => derived,
  };
}
