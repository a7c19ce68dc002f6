// Beats for a sensor that sends its heart rate but no beat-to-beat intervals (many watches and
// armbands): each packet's bpm becomes evenly spaced beats of 60 000 / bpm ms, on the arrival
// clock, so the check's heart-rate rules (calm, stirred, flooded, sustained over time) run on
// them exactly as on a strap's beats. Their spacing is the sensor's averaged rate, not the
// heart's own rhythm: any variability figure taken from them would be invented, so a session
// built on them says so (HEART_RATE_ONLY_LABEL) and shows none.

import { MAX_PLAUSIBLE_RR_MS, MIN_PLAUSIBLE_RR_MS } from '../signal/rr-range.ts';
import type { TimedBeat } from './beat-timeline.ts';

/** The note a session carries when its beats came from heart-rate values (shared/signal/session-summary.ts reads it). */
export const HEART_RATE_ONLY_LABEL = 'heart rate only: beats derived from the sensor’s heart rate';

/** A silence longer than this between packets is a gap: beats start afresh at the next packet. */
const MAX_SILENCE_MS = 5_000;

export type HeartRateBeats = {
  /** The beats that ended by `arrivalMs` at the packet's rate (none for a rate no heart has). */
  place(bpm: number, arrivalMs: number): TimedBeat[];
};

export function createHeartRateBeats(): HeartRateBeats {
  let lastEndMs: number | null = null;
  return {
    place(bpm, arrivalMs) {
      const rrMs = 60_000 / bpm;
      if (!Number.isFinite(rrMs) || rrMs < MIN_PLAUSIBLE_RR_MS || rrMs > MAX_PLAUSIBLE_RR_MS) return [];
      if (lastEndMs === null || arrivalMs - lastEndMs > MAX_SILENCE_MS || arrivalMs < lastEndMs) {
        lastEndMs = arrivalMs;
        return [{ tMs: arrivalMs, rrMs }];
      }
      const beats: TimedBeat[] = [];
      while (lastEndMs + rrMs <= arrivalMs) {
        lastEndMs += rrMs;
        beats.push({ tMs: lastEndMs, rrMs });
      }
      return beats;
    },
  };
}
