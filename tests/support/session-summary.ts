import type { SessionSummary, SummaryPhases } from '../../shared/model/session.ts';
import { summarizeBeats } from '../../shared/signal/session-summary.ts';

// A session summary for tests that need one without beats behind it: the engine's own summary
// of no beats (every figure null or zero) unless the test says otherwise, phases one by one.

export function testSummary(overrides: Partial<Omit<SessionSummary, 'phases'>> & { phases?: Partial<SummaryPhases> } = {}): SessionSummary {
  const { phases, ...rest } = overrides;
  const empty = summarizeBeats({ tMs: [], rrMs: [] }, { baselineHrBpm: null });
  return { ...empty, engineVersion: 'test', ...rest, phases: { ...empty.phases, ...phases } };
}
