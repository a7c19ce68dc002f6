import type { TrendSession } from '../../../shared/trends/timeline.ts';

// One ordinary finished check as Trends sees it, for the trends tests: calm again after
// 100 s, well under any flooding line, clean beats. Tests set only what they are about.

let seq = 0;

export function trendSession(startedAtMs: number, fields: Partial<TrendSession> = {}): TrendSession {
  seq += 1;
  return {
    id: `session-${String(seq).padStart(4, '0')}`,
    kind: 'check',
    startedAtMs,
    durationSec: 300,
    practiceSec: null,
    calmDownSec: 100,
    peakHrBpm: 90,
    baselineHrBpm: 62,
    rmssdMs: 40,
    startHrBpm: null,
    endHrBpm: null,
    correctedPercent: 1,
    correctedBeatCount: 3,
    breathingHighCoherenceSec: null,
    verdict: 'ready',
    journalEntryIds: [],
    ...fields,
  };
}
