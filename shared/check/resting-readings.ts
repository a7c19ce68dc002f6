// Where the baseline comes from: the user's finished calibration sessions (first run, and
// any resting reading taken later), read back through `session.list`. No separate setting
// to drift out of step with the records: delete a reading and the baseline follows.
import type { SessionListItem } from '../model/session.ts';
import { computeBaseline, type Baseline, type RestingReading } from '../signal/baseline.ts';

export function restingReadings(sessions: readonly SessionListItem[]): RestingReading[] {
  const readings: RestingReading[] = [];
  for (const session of sessions) {
    if (session.kind !== 'calibration' || session.status !== 'finished' || session.summary === null) continue;
    const { summary } = session;
    const hrBpm = summary.phases.readingHrBpm ?? summary.meanHrBpm;
    if (hrBpm === null || hrBpm === undefined || !Number.isFinite(hrBpm)) continue;
    const rmssd = summary.phases.readingRmssdMs ?? summary.rmssdMs;
    readings.push({ atMs: session.startedAtMs, hrBpm, rmssdMs: rmssd ?? null });
  }
  return readings;
}

export function baselineFromSessions(sessions: readonly SessionListItem[]): Baseline {
  return computeBaseline(restingReadings(sessions));
}
