import { describe, expect, it } from 'vitest';
import { baselineFromSessions, RESTING_HR_CEILING_BPM, restingReadings } from '../../../shared/check/resting-readings.ts';
import type { SessionListItem, SummaryPhases } from '../../../shared/model/session.ts';
import { testSummary } from '../../support/session-summary.ts';

// The baseline comes from finished calibration sessions: their reading's heart rate and RMSSD.

function session(overrides: Partial<SessionListItem>, phases: Partial<SummaryPhases> = {}, meanHrBpm: number | null = 70): SessionListItem {
  return {
    id: `s${Math.random().toString(36).slice(2, 12)}`,
    kind: 'calibration',
    status: 'finished',
    startedAtMs: 1_000,
    endedAtMs: 2_000,
    sourceKind: 'demo',
    beatCount: 80,
    verdict: null,
    journalEntryIds: [],
    summary: testSummary({ beatCount: 80, durationSec: 80, meanHrBpm, rmssdMs: 40, phases }),
    ...overrides,
  };
}

describe('resting readings', () => {
  it('uses only finished calibrations whose reading ran, and none taken with the heart clearly up', () => {
    const readings = restingReadings([
      session({ startedAtMs: 1 }, { readingHrBpm: 62, readingRmssdMs: 55 }),
      session({ startedAtMs: 2 }, { readingHrBpm: 68 }),
      // Stopped during the signal check: beats, but no reading.
      session({ startedAtMs: 3 }, {}, 68),
      session({ kind: 'check', startedAtMs: 4 }, { readingHrBpm: 70 }),
      session({ status: 'interrupted', startedAtMs: 5 }, { readingHrBpm: 70 }),
      session({ startedAtMs: 6, summary: null }),
      session({ startedAtMs: 7 }, { readingHrBpm: RESTING_HR_CEILING_BPM }),
      session({ startedAtMs: 8 }, { readingHrBpm: RESTING_HR_CEILING_BPM - 0.5 }),
    ]);
    expect(readings).toEqual([
      { atMs: 1, hrBpm: 62, rmssdMs: 55 },
      { atMs: 2, hrBpm: 68, rmssdMs: 40 },
      { atMs: 8, hrBpm: RESTING_HR_CEILING_BPM - 0.5, rmssdMs: 40 },
    ]);
  });

  it('calibrates until three readings exist, then takes the median of the last seven', () => {
    const first = baselineFromSessions([session({}, { readingHrBpm: 64 })]);
    expect(first).toMatchObject({ status: 'calibrating', provisional: { hrBpm: 64 }, readingsSoFar: 1, readingsNeeded: 2 });
    const many = baselineFromSessions([60, 62, 90, 64, 61, 63, 65, 66].map((hr, i) => session({ startedAtMs: i }, { readingHrBpm: hr })));
    expect(many).toMatchObject({ status: 'established', hrBpm: 64, readingsUsed: 7 });
  });
});
