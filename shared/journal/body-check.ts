// The body check that opens the repair flow. Repair goes better from a settled body, so
// step 1 unlocks once heart rate has stayed at or under the calm line (resting heart rate
// plus the calm margin from Settings) for the sustain time, or whenever the user chooses
// to go on. Without a strap or a known resting rate there is nothing to wait for, and the
// user simply decides. A rule of thumb, not a diagnosis.

export type BodyCheckOptions = {
  /** Resting heart rate plus the calm margin; null when no resting rate is known yet. */
  readonly calmLineBpm: number | null;
  readonly sustainMs: number;
};

export type BodyCheckReading = {
  /** 'settled': calm for the sustain time; 'settling': under the line, not for long enough yet. */
  readonly state: 'no-reading' | 'unknown-baseline' | 'above' | 'settling' | 'settled';
  readonly bpm: number | null;
  /** While settling: how much longer, in seconds. */
  readonly secondsToGo: number | null;
};

export type BodyCheckJudge = {
  push(tMs: number, bpm: number | null): BodyCheckReading;
  current(): BodyCheckReading;
};

export function createBodyCheck(options: BodyCheckOptions): BodyCheckJudge {
  let underSinceMs: number | null = null;
  let settled = false;
  let reading: BodyCheckReading = { state: 'no-reading', bpm: null, secondsToGo: null };
  return {
    push(tMs, bpm) {
      if (bpm === null || !Number.isFinite(bpm)) {
        underSinceMs = null;
        reading = { state: settled ? 'settled' : 'no-reading', bpm: null, secondsToGo: null };
        return reading;
      }
      if (options.calmLineBpm === null) {
        reading = { state: 'unknown-baseline', bpm, secondsToGo: null };
        return reading;
      }
      if (settled) {
        reading = { state: 'settled', bpm, secondsToGo: null };
        return reading;
      }
      if (bpm > options.calmLineBpm) {
        underSinceMs = null;
        reading = { state: 'above', bpm, secondsToGo: null };
        return reading;
      }
      underSinceMs ??= tMs;
      const heldMs = tMs - underSinceMs;
      if (heldMs >= options.sustainMs) {
        settled = true;
        reading = { state: 'settled', bpm, secondsToGo: null };
      } else {
        reading = { state: 'settling', bpm, secondsToGo: Math.ceil((options.sustainMs - heldMs) / 1000) };
      }
      return reading;
    },
    current: () => reading,
  };
}
