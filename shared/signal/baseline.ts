// The user's own resting baseline: the median of their last 7 resting readings (heart rate
// and RMSSD). The median, not the mean, so one reading taken after a coffee or a run does not
// move the line the rules are drawn against. Until 3 readings exist the app is calibrating.

export const BASELINE_READINGS = 7;
export const CALIBRATION_READINGS = 3;

export type RestingReading = {
  /** When the reading was taken (ms since the epoch); readings are ordered by this. */
  readonly atMs: number;
  readonly hrBpm: number;
  /** null when the sensor sent no RR (heart rate only). */
  readonly rmssdMs: number | null;
};

export type Baseline =
  | {
      readonly status: 'established';
      readonly hrBpm: number;
      readonly rmssdMs: number | null;
      readonly readingsUsed: number;
    }
  | {
      readonly status: 'calibrating';
      /** Median of the readings so far (null with none): good enough to draw a provisional line. */
      readonly provisional: { readonly hrBpm: number; readonly rmssdMs: number | null } | null;
      readonly readingsSoFar: number;
      readonly readingsNeeded: number;
    };

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function computeBaseline(readings: readonly RestingReading[]): Baseline {
  const usable = readings.filter((reading) => Number.isFinite(reading.hrBpm) && reading.hrBpm > 0);
  const recent = [...usable].sort((a, b) => a.atMs - b.atMs).slice(-BASELINE_READINGS);
  const rmssds = recent.map((reading) => reading.rmssdMs).filter((value): value is number => value !== null && Number.isFinite(value));
  const hrBpm = recent.length > 0 ? median(recent.map((reading) => reading.hrBpm)) : null;
  const rmssdMs = rmssds.length > 0 ? median(rmssds) : null;
  if (recent.length < CALIBRATION_READINGS) {
    return {
      status: 'calibrating',
      provisional: hrBpm === null ? null : { hrBpm, rmssdMs },
      readingsSoFar: recent.length,
      readingsNeeded: CALIBRATION_READINGS - recent.length,
    };
  }
  return { status: 'established', hrBpm: hrBpm!, rmssdMs, readingsUsed: recent.length };
}

/** The HR line the rules use: the established baseline, else the provisional one, else none. */
export function baselineHrForRules(baseline: Baseline): number | null {
  if (baseline.status === 'established') return baseline.hrBpm;
  return baseline.provisional?.hrBpm ?? null;
}
