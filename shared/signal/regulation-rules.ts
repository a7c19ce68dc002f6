// The regulation rules of signal.md, as pure functions of a baseline and the settings. These
// are rules of thumb (Gottman, Goleman), not diagnostic thresholds.

export type RegulationState = 'calm' | 'elevated' | 'flooded';

export type RegulationThresholds = {
  /** Flooded needs live HR ≥ max(floodedMinBpm, baseline × floodedBaselineFactor). */
  readonly floodedMinBpm: number;
  readonly floodedBaselineFactor: number;
  /** Calm needs live HR ≤ baseline + calmMarginBpm. */
  readonly calmMarginBpm: number;
  /** How long a condition must hold, continuously, to count. */
  readonly sustainSec: number;
  /** Live HR = mean of beat-wise HR over this many seconds. */
  readonly liveHrWindowSec: number;
  /** Rolling RMSSD window. */
  readonly rmssdWindowSec: number;
};

export const DEFAULT_REGULATION_THRESHOLDS: RegulationThresholds = {
  floodedMinBpm: 100,
  floodedBaselineFactor: 1.1,
  calmMarginBpm: 5,
  sustainSec: 30,
  liveHrWindowSec: 10,
  rmssdWindowSec: 60,
};

export function floodedLineBpm(baselineHrBpm: number | null, thresholds: RegulationThresholds): number {
  if (baselineHrBpm === null) return thresholds.floodedMinBpm;
  return Math.max(thresholds.floodedMinBpm, baselineHrBpm * thresholds.floodedBaselineFactor);
}

/** null without a baseline: calm is relative to the user's own resting heart rate. */
export function calmLineBpm(baselineHrBpm: number | null, thresholds: RegulationThresholds): number | null {
  return baselineHrBpm === null ? null : baselineHrBpm + thresholds.calmMarginBpm;
}
