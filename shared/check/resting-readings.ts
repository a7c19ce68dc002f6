// Where the baseline comes from: the user's finished calibration sessions (first run, and
// any resting reading taken later), read back through `session.list`. No separate setting
// to drift out of step with the records: delete a reading and the baseline follows.
import type { SessionListItem } from '../model/session.ts';
import { computeBaseline, type Baseline, type RestingReading } from '../signal/baseline.ts';

/**
 * A heart beating this fast while sitting still is not at rest (100 bpm is the usual upper
 * end of a resting heart rate): a reading at or above it would set the line every check is
 * judged against too high. The check says so and offers to breathe first (check-flow.ts),
 * and such a reading never enters the baseline.
 */
export const RESTING_HR_CEILING_BPM = 100;

export function restingReadings(sessions: readonly SessionListItem[]): RestingReading[] {
  const readings: RestingReading[] = [];
  for (const session of sessions) {
    if (session.kind !== 'calibration' || session.status !== 'finished' || session.summary === null) continue;
    const { summary } = session;
    // Only a reading that ran: a calibration stopped during its signal check has beats, but
    // no reading phase, and its mean heart rate is not a resting one.
    const hrBpm = summary.phases.readingHrBpm;
    if (hrBpm === null || hrBpm === undefined || !Number.isFinite(hrBpm) || hrBpm >= RESTING_HR_CEILING_BPM) continue;
    const rmssd = summary.phases.readingRmssdMs ?? summary.rmssdMs;
    readings.push({ atMs: session.startedAtMs, hrBpm, rmssdMs: rmssd ?? null });
  }
  return readings;
}

export function baselineFromSessions(sessions: readonly SessionListItem[]): Baseline {
  return computeBaseline(restingReadings(sessions));
}
