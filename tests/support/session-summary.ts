import type { SessionSummary, SummaryPhases } from '../../shared/model/session.ts';

// A session summary for tests that need one without beats behind it: every figure null or
// zero unless the test says otherwise (the summary's phases one by one).

export function testSummary(overrides: Partial<Omit<SessionSummary, 'phases'>> & { phases?: Partial<SummaryPhases> } = {}): SessionSummary {
  const { phases, ...rest } = overrides;
  return {
    engineVersion: 'test',
    beatCount: 0,
    durationSec: 0,
    meanHrBpm: null,
    minHrBpm: null,
    maxHrBpm: null,
    rmssdMs: null,
    sdnnMs: null,
    correctedBeatCount: 0,
    correctedPercent: 0,
    outOfRangeBeats: 0,
    peakHrBpm: null,
    calmDownSec: null,
    baselineHrBpm: null,
    hrv: { meanNnMs: null, nn50: null, pnn50: null, sd1Ms: null, sd2Ms: null, vlfMs2: null, lfMs2: null, hfMs2: null, lfHf: null, lfNu: null, hfNu: null, totalPowerMs2: null },
    coherence: { meanRatio: null, meanNormalized: null, peakHz: null },
    ...rest,
    phases: { startHrBpm: null, endHrBpm: null, readingHrBpm: null, readingRmssdMs: null, afterBreathingRmssdMs: null, breathingSec: null, ...phases },
  };
}
