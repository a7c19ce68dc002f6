// Live analysis of a beat stream: beats arrive one at a time and each costs amortised O(1)
// (ring buffer, running sums, window heads that only move forward); coherence is recomputed
// once per 5 s of beat time over its 64 s window.
//
// Time: windows, sustain rules, peak and calm-down use the beats' own times (tMs, on the same
// timeline as the clock), so a live session and its replay give the same numbers, equal to
// the batch functions on the same beats. The injected clock answers only "how long since the
// last beat?", which is what tells a loose strap from a quiet heart.
import { available, unavailable, type Availability } from './availability.ts';
import {
  COHERENCE_UPDATE_MS,
  COHERENCE_WINDOW_MS,
  coherenceOfWindow,
  skipEmptyWindowEnds,
  type CoherenceReading,
} from './coherence.ts';
import { isUsableBeatTime } from './beat-time.ts';
import { createLiveBeatFilter, type CleanedBeatSink } from './live-beat-filter.ts';
import {
  DEFAULT_REGULATION_THRESHOLDS,
  calmLineBpm,
  floodedLineBpm,
  type RegulationState,
  type RegulationThresholds,
} from './regulation-rules.ts';
import type { Clock } from '../time/clock.ts';

export type Beat = { readonly tMs: number; readonly rrMs: number };

export type StreamingAnalyserOptions = {
  readonly clock: Clock;
  /** Resting HR the rules are relative to; null before the first calibration reading. */
  readonly baselineHrBpm: number | null;
  readonly thresholds?: Partial<RegulationThresholds>;
};

/** Shortest window for a rolling RMSSD worth showing (ultra-short RMSSD is usable from ~30 s). */
export const MIN_RMSSD_SPAN_SEC = 30;
/** No beat for this long: the live figures are stale (strap loose, out of range). */
export const STALE_AFTER_MS = 5_000;
const PEAK_RESOLUTION_BPM = 1e-9;

export type SignalQuality = {
  /** Intervals received. */
  readonly received: number;
  /** Received intervals the live filter changed (every artefact class) or left out. */
  readonly corrected: number;
  readonly correctedPercent: number;
  readonly outOfRange: number;
  /** Times the beat stream jumped by more than the RR it carried (lost beats). */
  readonly gaps: number;
  readonly gapSec: number;
  /** From the clock; null before the first beat. */
  readonly msSinceLastBeat: number | null;
  readonly receiving: boolean;
};

export type StreamingSnapshot = {
  /** NN intervals analysed (after the live filter). */
  readonly beats: number;
  readonly durationSec: number;
  /** Time (tMs) of the newest analysed beat: the live filter holds the newest few back. */
  readonly analysedUntilMs: number | null;
  /** Running sum of the analysed beats' beat-wise heart rate: a stretch's mean is Δsum / Δbeats. */
  readonly hrSumBpm: number;
  readonly liveHrBpm: Availability<number>;
  readonly rmssdMs: Availability<number>;
  readonly coherence: Availability<CoherenceReading>;
  readonly state: Availability<RegulationState>;
  readonly peak: { readonly hrBpm: number; readonly tMs: number } | null;
  /** Seconds from the session's peak live HR to the start of the first calm stretch after it. */
  readonly calmDownSec: Availability<number>;
  readonly quality: SignalQuality;
};

export type StreamingAnalyser = {
  push(beat: Beat): void;
  /** Analyses the beats the live filter still holds back (a recording replayed to its end). */
  finish(): void;
  snapshot(): StreamingSnapshot;
};

export function createStreamingAnalyser(options: StreamingAnalyserOptions): StreamingAnalyser {
  const thresholds: RegulationThresholds = { ...DEFAULT_REGULATION_THRESHOLDS, ...options.thresholds };
  const { clock } = options;
  const floodedLine = floodedLineBpm(options.baselineHrBpm, thresholds);
  const calmLine = calmLineBpm(options.baselineHrBpm, thresholds);
  const hrWindowMs = thresholds.liveHrWindowSec * 1000;
  const rmssdWindowMs = thresholds.rmssdWindowSec * 1000;
  const sustainMs = thresholds.sustainSec * 1000;

  // Ring buffer of analysed beats, indexed by absolute beat number (masked into the ring).
  let capacity = 1024;
  let mask = capacity - 1;
  let times = new Float64Array(capacity);
  let intervals = new Float64Array(capacity);
  /** 1 for a beat that came after a gap: no difference is taken across it, no spectrum spans it. */
  let afterGap = new Uint8Array(capacity);
  let count = 0; // beats ever pushed into the ring

  // Window heads (absolute indexes of the oldest beat inside each window).
  let hrStart = 0;
  let hrSum = 0;
  let hrTotalBpm = 0;
  let rmssdStart = 0;
  let squaredDifferenceSum = 0;
  let differenceCount = 0;
  let coherenceStart = 0;

  // Live filter (it finds the gaps, too) and the time of the newest beat received.
  const filter = createLiveBeatFilter();
  let lastBeatTMs = -Infinity;
  let lastReceivedTMs: number | null = null;

  // Derived per-beat values.
  let liveHr = Number.NaN;
  let firstTMs = Number.NaN;
  let floodedSince: number | null = null;
  let calmSince: number | null = null;
  let state: RegulationState = 'elevated';
  let peakHr = -Infinity;
  let peakTMs = Number.NaN;
  let calmDownMs: number | null = null;

  // Coherence schedule.
  let nextCoherenceEndMs = Number.NaN;
  let coherence: Availability<CoherenceReading> = unavailable('coherence needs 64 seconds of beats');
  const windowTimes = new Float64Array(4096);
  const windowIntervals = new Float64Array(4096);

  const grow = (): void => {
    const oldest = Math.min(hrStart, rmssdStart, coherenceStart);
    const nextCapacity = capacity * 2;
    const nextTimes = new Float64Array(nextCapacity);
    const nextIntervals = new Float64Array(nextCapacity);
    const nextAfterGap = new Uint8Array(nextCapacity);
    for (let i = oldest; i < count; i++) {
      nextTimes[i & (nextCapacity - 1)] = times[i & mask]!;
      nextIntervals[i & (nextCapacity - 1)] = intervals[i & mask]!;
      nextAfterGap[i & (nextCapacity - 1)] = afterGap[i & mask]!;
    }
    capacity = nextCapacity;
    mask = nextCapacity - 1;
    times = nextTimes;
    intervals = nextIntervals;
    afterGap = nextAfterGap;
  };

  const computeCoherence = (windowEndMs: number, last: number): void => {
    const windowStartMs = windowEndMs - COHERENCE_WINDOW_MS;
    while (coherenceStart + 1 <= last && times[(coherenceStart + 1) & mask]! <= windowStartMs) coherenceStart++;
    const knots = last - coherenceStart + 1;
    for (let i = coherenceStart + 1; i <= last; i++) {
      if (afterGap[i & mask]) {
        // A spectrum across lost beats would be drawn from the spline's guess, not the heart.
        coherence = unavailable('beats were lost in the last 64 seconds, so there is no unbroken stretch to judge');
        return;
      }
    }
    if (knots > windowTimes.length) {
      coherence = unavailable('too many beats in the last 64 seconds to be real');
      return;
    }
    for (let i = 0; i < knots; i++) {
      windowTimes[i] = times[(coherenceStart + i) & mask]!;
      windowIntervals[i] = intervals[(coherenceStart + i) & mask]!;
    }
    coherence = coherenceOfWindow(windowTimes, windowIntervals, 0, knots - 1, windowEndMs);
  };

  const analyse = (tMs: number, nnMs: number, gapBefore: boolean): void => {
    if (count - Math.min(hrStart, rmssdStart, coherenceStart) >= capacity) grow();
    const index = count++;
    times[index & mask] = tMs;
    intervals[index & mask] = nnMs;
    afterGap[index & mask] = gapBefore ? 1 : 0;
    if (index === 0) {
      firstTMs = tMs;
      nextCoherenceEndMs = tMs + COHERENCE_WINDOW_MS;
    }

    // Live HR: mean beat-wise HR over (t − 10 s, t].
    hrSum += 60000 / nnMs;
    hrTotalBpm += 60000 / nnMs;
    while (times[hrStart & mask]! <= tMs - hrWindowMs) hrSum -= 60000 / intervals[hrStart++ & mask]!;
    liveHr = hrSum / (index - hrStart + 1);

    // RMSSD: successive differences between beats both inside (t − 60 s, t], never across a
    // gap (the two beats either side of lost ones are not successive).
    if (index > rmssdStart && !gapBefore) {
      const difference = nnMs - intervals[(index - 1) & mask]!;
      squaredDifferenceSum += difference * difference;
      differenceCount++;
    }
    while (times[rmssdStart & mask]! <= tMs - rmssdWindowMs) {
      if (rmssdStart < index && !afterGap[(rmssdStart + 1) & mask]) {
        const difference = intervals[(rmssdStart + 1) & mask]! - intervals[rmssdStart & mask]!;
        squaredDifferenceSum -= difference * difference;
        differenceCount--;
      }
      rmssdStart++;
    }
    if (differenceCount === 0) squaredDifferenceSum = 0; // nothing left: drop rounding residue

    // Sustain rules on live HR.
    floodedSince = liveHr >= floodedLine ? (floodedSince ?? tMs) : null;
    calmSince = calmLine !== null && liveHr <= calmLine ? (calmSince ?? tMs) : null;
    const flooded = floodedSince !== null && tMs - floodedSince >= sustainMs;
    const calm = calmSince !== null && tMs - calmSince >= sustainMs;
    state = flooded ? 'flooded' : calm ? 'calm' : 'elevated';

    // Peak and calm-down time.
    // A new peak must beat the old one by more than running-sum rounding, so on a plateau the
    // peak stays at the plateau's first beat instead of wandering with the last bits.
    if (liveHr > peakHr + PEAK_RESOLUTION_BPM) {
      peakHr = liveHr;
      peakTMs = tMs;
      calmDownMs = null;
    }
    if (calm && calmDownMs === null && calmSince !== null) calmDownMs = Math.max(0, calmSince - peakTMs);

    // Coherence: every window end passed by this beat, as forEachCoherenceWindow does.
    while (tMs >= nextCoherenceEndMs) {
      nextCoherenceEndMs = skipEmptyWindowEnds(nextCoherenceEndMs, tMs);
      computeCoherence(nextCoherenceEndMs, index);
      nextCoherenceEndMs += COHERENCE_UPDATE_MS;
    }
  };

  const analyseCleaned: CleanedBeatSink = (tMs, nnMs, afterGap) => {
    analyse(tMs, nnMs, afterGap && count > 0);
    lastBeatTMs = tMs;
  };

  return {
    push(beat) {
      if (isUsableBeatTime(beat.tMs)) lastReceivedTMs = beat.tMs;
      filter.push(beat, analyseCleaned);
    },

    finish() {
      filter.flush(analyseCleaned);
    },

    snapshot() {
      const nowMs = clock.nowMs();
      const msSinceLastBeat = lastReceivedTMs === null ? null : Math.max(0, nowMs - lastReceivedTMs);
      const receiving = msSinceLastBeat !== null && msSinceLastBeat <= STALE_AFTER_MS;
      const { received, corrected, outOfRange, gaps, gapMs } = filter.counts();
      const quality: SignalQuality = {
        received,
        corrected,
        correctedPercent: received === 0 ? 0 : (100 * corrected) / received,
        outOfRange,
        gaps,
        gapSec: gapMs / 1000,
        msSinceLastBeat,
        receiving,
      };
      const spanMs = count === 0 ? 0 : lastBeatTMs - firstTMs;
      const stale =
        msSinceLastBeat === null
          ? 'no beats yet'
          : `no beats for ${Math.round(msSinceLastBeat / 1000)} s: check that the strap is on and moist`;

      let liveHrBpm: Availability<number>;
      let state_: Availability<RegulationState>;
      if (count === 0 || !receiving) {
        liveHrBpm = unavailable(stale);
        state_ = unavailable(stale);
      } else {
        liveHrBpm = available(liveHr);
        if (spanMs < sustainMs) state_ = unavailable(`still reading: the rules need ${thresholds.sustainSec} s of beats`);
        else if (calmLine === null && state !== 'flooded') {
          state_ = unavailable('calm is judged against your resting heart rate, which Attune is still learning');
        } else state_ = available(state);
      }
      const rmssdCount = count - rmssdStart;
      const rmssdSpanMs = count === 0 ? 0 : lastBeatTMs - times[rmssdStart & mask]!;
      const rmssdMs =
        count >= 2 && rmssdCount >= 2 && differenceCount > 0 && Math.min(spanMs, rmssdWindowMs) >= MIN_RMSSD_SPAN_SEC * 1000 && rmssdSpanMs > 0
          ? available(Math.sqrt(Math.max(0, squaredDifferenceSum) / differenceCount))
          : unavailable(`RMSSD needs at least ${MIN_RMSSD_SPAN_SEC} s of beats`);
      return {
        beats: count,
        durationSec: spanMs / 1000,
        analysedUntilMs: count === 0 ? null : lastBeatTMs,
        hrSumBpm: hrTotalBpm,
        liveHrBpm,
        rmssdMs,
        coherence,
        state: state_,
        peak: count === 0 ? null : { hrBpm: peakHr, tMs: peakTMs },
        calmDownSec:
          calmDownMs === null
            ? unavailable(count === 0 ? 'no beats yet' : 'not calm for 30 s since the peak yet')
            : available(calmDownMs / 1000),
        quality,
      };
    },
  };
}
