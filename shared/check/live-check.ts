// The live side of a check: beats go into the streaming analyser, and out comes a
// `SignalSample`, the few numbers the check flow decides on. Pure (clock injected), so the
// same code runs in the window, in tests faster than real time, and in the benchmark.
//
// Besides the analyser's figures it tracks a *clean run*: how long beats have arrived
// without a gap, with few corrections and without the strap saying it is off the skin,
// which the signal check waits for (15 s), and
// running sums so the flow can take the mean heart rate and corrected share of any phase
// by subtracting two samples. The corrected count comes from the live filter, which judges
// each beat seven beats after it arrives: a burst of corrections breaks the run that late.
import type { SkinContact } from '../sensors/measurement-reader.ts';
import { createStreamingAnalyser, type Beat, type StreamingAnalyser } from '../signal/streaming-analyser.ts';
import { GAP_TOLERANCE_MS } from '../signal/gaps.ts';
import type { Clock } from '../time/clock.ts';
import type { RegulationState, RegulationThresholds } from '../signal/regulation-rules.ts';
import { HIGH_COHERENCE_MIN_NORMALIZED } from '../signal/coherence-spectrum.ts';

export type RrSupport = 'unknown' | 'yes' | 'none';

export type SignalSample = {
  /** Clock time of the sample. */
  readonly atMs: number;
  /** Beats are arriving (the last one is at most a few seconds old). */
  readonly receiving: boolean;
  readonly rrSupport: RrSupport;
  /** Skin contact as the strap last reported it ('unknown' when it does not report it). */
  readonly contact: SkinContact;
  /** Seconds of beats since the last gap, burst of corrections or report of no skin contact. */
  readonly cleanRunSec: number;
  /** Corrected share of the last few dozen beats, percent. */
  readonly recentCorrectedPercent: number;
  /** Running counts since the check began: beats received, beats corrected, analysed seconds. */
  readonly received: number;
  readonly corrected: number;
  readonly analysedSec: number;
  /** Running sum of the cleaned beats' beat-wise heart rate and their count (mean of a phase = Δsum / Δcount). */
  readonly hrSum: number;
  readonly hrCount: number;
  readonly state: RegulationState | null;
  readonly liveHrBpm: number | null;
  readonly rmssdMs: number | null;
  readonly coherenceRatio: number | null;
  readonly coherenceNormalized: number | null;
};

export type LiveCheckOptions = {
  readonly clock: Clock;
  readonly baselineHrBpm: number | null;
  readonly thresholds?: Partial<RegulationThresholds>;
};

export type LiveCheck = {
  push(beat: Beat): void;
  /** `contact` from the source's quality; a report of no contact breaks the clean run. */
  sample(rrSupport: RrSupport, contact?: SkinContact): SignalSample;
  readonly analyser: StreamingAnalyser;
};

/** Beats the recent corrected share is taken over. */
export const RECENT_BEATS = 40;
/** A run breaks when more than this share of the recent beats needed correcting. */
export const RUN_BREAK_CORRECTED_PERCENT = 10;

export function createLiveCheck(options: LiveCheckOptions): LiveCheck {
  const analyser = createStreamingAnalyser({
    clock: options.clock,
    baselineHrBpm: options.baselineHrBpm,
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
  });
  const recent = new Uint8Array(RECENT_BEATS);
  let recentCount = 0;
  let recentCorrected = 0;
  let lastCorrected = 0;
  let runStartMs: number | null = null;
  let lastBeatMs: number | null = null;

  return {
    analyser,
    push(beat) {
      analyser.push(beat);
      const { corrected } = analyser.snapshot().quality;
      const wasCorrected = corrected > lastCorrected ? 1 : 0;
      lastCorrected = corrected;
      const slot = recentCount % RECENT_BEATS;
      if (recentCount >= RECENT_BEATS) recentCorrected -= recent[slot]!;
      recent[slot] = wasCorrected;
      recentCorrected += wasCorrected;
      recentCount++;
      const gap = lastBeatMs !== null && beat.tMs - lastBeatMs > beat.rrMs + GAP_TOLERANCE_MS;
      const windowSize = Math.min(recentCount, RECENT_BEATS);
      const noisy = windowSize >= 10 && (100 * recentCorrected) / windowSize > RUN_BREAK_CORRECTED_PERCENT;
      if (runStartMs === null || gap || noisy) runStartMs = beat.tMs;
      lastBeatMs = beat.tMs;
    },
    sample(rrSupport, contact = 'unknown') {
      // Beats a strap sends while it says it is off the skin are not the wearer's heart, so a
      // clean run starts again with the first beat after contact is back. The source's quality
      // changes with every packet, and a sample follows every packet, so no run grows across one.
      if (contact === 'no') runStartMs = null;
      const snapshot = analyser.snapshot();
      const receiving = snapshot.quality.receiving;
      const windowSize = Math.min(recentCount, RECENT_BEATS);
      return {
        atMs: options.clock.nowMs(),
        receiving,
        rrSupport,
        contact,
        cleanRunSec: receiving && runStartMs !== null && lastBeatMs !== null ? (lastBeatMs - runStartMs) / 1000 : 0,
        recentCorrectedPercent: windowSize === 0 ? 0 : (100 * recentCorrected) / windowSize,
        received: snapshot.quality.received,
        corrected: snapshot.quality.corrected,
        analysedSec: snapshot.durationSec,
        // From the cleaned beats the analyser has judged (seven behind the newest): a phase's
        // mean heart rate leaves out the artefacts, not whichever beat arrived with a correction.
        hrSum: snapshot.hrSumBpm,
        hrCount: snapshot.beats,
        state: snapshot.state.available ? snapshot.state.value : null,
        liveHrBpm: snapshot.liveHrBpm.available ? snapshot.liveHrBpm.value : null,
        // Beats derived from a heart-rate-only sensor's values have no rhythm of their own
        // (heart-rate-beats.ts): variability and coherence from them would be invented.
        rmssdMs: snapshot.rmssdMs.available && rrSupport !== 'none' ? snapshot.rmssdMs.value : null,
        coherenceRatio: snapshot.coherence.available && rrSupport !== 'none' ? snapshot.coherence.value.ratio : null,
        coherenceNormalized: snapshot.coherence.available && rrSupport !== 'none' ? snapshot.coherence.value.normalized : null,
      };
    },
  };
}

/** From here a quarter of the power is in the one peak: a wave is there, but not yet leading. */
const MEDIUM_COHERENCE_MIN_NORMALIZED = 0.25;

/** Coherence as a simple band for the live view: low / medium / high (normalised peak share). */
export type CoherenceBand = 'low' | 'medium' | 'high';
export function coherenceBand(normalized: number): CoherenceBand {
  if (normalized >= HIGH_COHERENCE_MIN_NORMALIZED) return 'high';
  if (normalized >= MEDIUM_COHERENCE_MIN_NORMALIZED) return 'medium';
  return 'low';
}
