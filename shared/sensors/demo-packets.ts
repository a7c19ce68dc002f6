// Turns the demo heart into what a chest strap actually sends: one Heart Rate Measurement
// notification about once a second, carrying the RR intervals of the beats that ended since
// the previous one (zero, one, two or more), a heart-rate field the strap has smoothed, and
// "contact detected" flags. The app reads these bytes with the same parser as a real strap's.
//
// Driven by the caller's clock through advanceTo(nowMs), so a test can ask for an hour of
// packets at once and a live demo asks once a second.

import { encodeHeartRateMeasurement, maxRrIntervalsPerPacket } from '../ble/heart-rate-measurement.ts';
import { createDemoPhysiology, type BreathingCue, type DemoBeat, type DemoPhysiology, type DemoScenario } from './demo-physiology.ts';

export const DEMO_PACKET_INTERVAL_MS = 1000;

export type DemoPacket = {
  /** When the strap would send it, on the caller's clock. */
  readonly tMs: number;
  readonly bytes: Uint8Array;
};

export type DemoPacketStreamOptions = {
  readonly seed: number;
  readonly scenario: DemoScenario;
  readonly startMs: number;
  readonly baselineHrBpm?: number;
  /** Like a watch or an armband: each packet carries the heart rate and no beat intervals. */
  readonly heartRateOnly?: boolean;
};

export type DemoPacketStream = {
  /** Every packet due in (last call, nowMs], oldest first. */
  advanceTo(nowMs: number): DemoPacket[];
  setBreathing(cue: BreathingCue | null): void;
  readonly physiology: DemoPhysiology;
};

/** How strongly the strap's heart-rate field follows the newest beat (exponential smoothing). */
const STRAP_HR_SMOOTHING = 0.3;

export function createDemoPacketStream(options: DemoPacketStreamOptions): DemoPacketStream {
  const physiology = createDemoPhysiology(options);
  const maxRr = maxRrIntervalsPerPacket();
  let nextPacketMs = options.startMs + DEMO_PACKET_INTERVAL_MS;
  let upcoming: DemoBeat = physiology.nextBeat();
  let smoothedHr: number | null = null;

  return {
    physiology,
    setBreathing: (cue) => physiology.setBreathing(cue),
    advanceTo(nowMs) {
      const packets: DemoPacket[] = [];
      while (nextPacketMs <= nowMs) {
        const rrMs: number[] = [];
        while (upcoming.tMs <= nextPacketMs) {
          rrMs.push(upcoming.rrMs);
          const beatHr = 60000 / upcoming.rrMs;
          smoothedHr = smoothedHr === null ? beatHr : smoothedHr + STRAP_HR_SMOOTHING * (beatHr - smoothedHr);
          upcoming = physiology.nextBeat();
        }
        // A real strap cannot fit more than this in one notification; at once a second it
        // would take a heart rate above 500 bpm to get here.
        const sent = rrMs.slice(-maxRr);
        const bpm = Math.round(smoothedHr ?? 60000 / upcoming.rrMs);
        packets.push({ tMs: nextPacketMs, bytes: encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs: options.heartRateOnly === true ? [] : sent }) });
        nextPacketMs += DEMO_PACKET_INTERVAL_MS;
      }
      return packets;
    },
  };
}
