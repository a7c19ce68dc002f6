// The regulation rules of signal.md, as pure functions of a baseline and the settings: the
// one home of the thresholds, their defaults and the lines drawn from them. The check, the
// repair flow's body check, Trends' flooding episodes and the Settings defaults all read
// these. They are rules of thumb (Gottman, Goleman), not diagnostic thresholds. The names
// match the Settings fields, so a user's settings are thresholds as they stand.

export type RegulationState = 'calm' | 'elevated' | 'flooded';

export type RegulationThresholds = {
  /** Flooded needs live HR ≥ the flooded line: max(floodedMinBpm, baseline + floodedAboveBaselinePercent %). */
  readonly floodedMinBpm: number;
  readonly floodedAboveBaselinePercent: number;
  /** Calm needs live HR ≤ baseline + calmAboveBaselineBpm. */
  readonly calmAboveBaselineBpm: number;
  /** How long a condition must hold, continuously, to count. */
  readonly sustainSec: number;
  /** Live HR = mean of beat-wise HR over this many seconds. */
  readonly liveHrWindowSec: number;
  /** Rolling RMSSD window. */
  readonly rmssdWindowSec: number;
};

export const DEFAULT_REGULATION_THRESHOLDS: RegulationThresholds = {
  floodedMinBpm: 100,
  floodedAboveBaselinePercent: 10,
  calmAboveBaselineBpm: 5,
  sustainSec: 30,
  liveHrWindowSec: 10,
  rmssdWindowSec: 60,
};

export type FloodedLineRule = Pick<RegulationThresholds, 'floodedMinBpm' | 'floodedAboveBaselinePercent'>;

/** The heart rate that counts as flooded: the fixed floor without a baseline. */
export function floodedLineBpm(baselineHrBpm: number | null, rule: FloodedLineRule): number {
  if (baselineHrBpm === null) return rule.floodedMinBpm;
  return Math.max(rule.floodedMinBpm, baselineHrBpm * (1 + rule.floodedAboveBaselinePercent / 100));
}

/** null without a baseline: calm is relative to the user's own resting heart rate. */
export function calmLineBpm(baselineHrBpm: number | null, rule: Pick<RegulationThresholds, 'calmAboveBaselineBpm'>): number | null {
  return baselineHrBpm === null ? null : baselineHrBpm + rule.calmAboveBaselineBpm;
}
