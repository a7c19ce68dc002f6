import { describe, expect, it } from 'vitest';
import { phaseMetrics } from '../../../shared/signal/session-summary.ts';
import { CHECK_BEATS as BEATS, CHECK_MARKERS as MARKERS } from '../../support/check-recording.ts';

// The regulation check's figures per phase, from beats and phase markers alone.

describe('check summary figures per phase', () => {
  it('takes the reading and the last minute of breathing from the markers', () => {
    const columns = { tMs: BEATS.map((b) => b.tMs), rrMs: BEATS.map((b) => b.rrMs) };
    const metrics = phaseMetrics(columns, MARKERS);
    expect(metrics.startHrBpm).toBeCloseTo(100, 0);
    expect(metrics.endHrBpm).toBeCloseTo(70, 0);
    expect(metrics.readingHrBpm).toBeCloseTo(100, 0);
    expect(metrics.readingRmssdMs).toBeCloseTo(10, 0);
    expect(metrics.afterBreathingRmssdMs).toBeCloseTo(60, 0);
    expect(metrics.breathingSec).toBe(180);
  });

  it('leaves phases that did not happen as null, and an open phase runs to the last beat', () => {
    const columns = { tMs: BEATS.map((b) => b.tMs), rrMs: BEATS.map((b) => b.rrMs) };
    const open = phaseMetrics(columns, [{ tMs: 80_000, phase: 'breathing', edge: 'start' }]);
    expect(open.readingHrBpm).toBeNull();
    expect(open.readingRmssdMs).toBeNull();
    expect(open.afterBreathingRmssdMs).toBeCloseTo(60, 0);
    expect(phaseMetrics({ tMs: [], rrMs: [] }, [])).toMatchObject({ startHrBpm: null, endHrBpm: null });
  });
});
