import { describe, expect, it } from 'vitest';
import { floodedRepeatedly, REPEATED_FLOODING } from '../../../shared/trends/repeated-flooding.ts';
import type { TrendSession } from '../../../shared/trends/timeline.ts';
import { trendSession } from './trend-session.ts';

// The counsellor line's rule: at least 3 flooded checks started within the 14 days before now.

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-20T21:00:00Z');
const RULE = { floodedMinBpm: 100, floodedAboveBaselinePercent: 10 };

/** A check `daysAgo` before now that flooded (peak over the line) or not. */
const check = (daysAgo: number, flooded: boolean, fields: Partial<TrendSession> = {}) =>
  trendSession(NOW - daysAgo * DAY, { peakHrBpm: flooded ? 130 : 88, baselineHrBpm: 62, ...fields });

describe('floodedRepeatedly', () => {
  it('says so at three flooded checks within two weeks, not at two', () => {
    expect(REPEATED_FLOODING).toEqual({ windowDays: 14, minFloodedChecks: 3 });
    const two = [check(1, true), check(5, true), check(6, false), check(9, false)];
    expect(floodedRepeatedly(two, NOW, RULE)).toBe(false);
    expect(floodedRepeatedly([...two, check(13.9, true)], NOW, RULE)).toBe(true);
  });

  it('counts the check still running when it flooded too: two before it and this one make three', () => {
    const two = [check(3, true), check(8, true), check(9, false)];
    expect(floodedRepeatedly(two, NOW, RULE, true)).toBe(true);
    expect(floodedRepeatedly(two, NOW, RULE, false)).toBe(false);
    expect(floodedRepeatedly([check(3, true)], NOW, RULE, true)).toBe(false);
  });

  it('counts a check whose verdict was "take a break" even with no peak on record', () => {
    const sessions = [check(1, true), check(2, true), check(3, false, { peakHrBpm: null, verdict: 'take-a-break' })];
    expect(floodedRepeatedly(sessions, NOW, RULE)).toBe(true);
  });

  it('looks back exactly 14 days: a check started 14 days ago counts, one a minute earlier does not', () => {
    const recent = [check(1, true), check(2, true)];
    expect(floodedRepeatedly([...recent, check(14, true)], NOW, RULE)).toBe(true);
    expect(floodedRepeatedly([...recent, trendSession(NOW - 14 * DAY - 60_000, { peakHrBpm: 130 })], NOW, RULE)).toBe(false);
    // Flooding a month ago no longer counts.
    expect(floodedRepeatedly([check(30, true), check(31, true), check(32, true)], NOW, RULE)).toBe(false);
  });

  it('ignores sessions after now and sessions that are not checks (a breathing session is practice, not the conversation)', () => {
    const sessions = [check(1, true), check(2, true), check(-1, true), check(3, true, { kind: 'breathing' })];
    expect(floodedRepeatedly(sessions, NOW, RULE)).toBe(false);
  });

  it('follows the user\'s own flooding line: 10 % over a high resting rate is above 100 bpm', () => {
    const nearLine = (daysAgo: number) => trendSession(NOW - daysAgo * DAY, { peakHrBpm: 105, baselineHrBpm: 98 }); // line: 107.8 bpm
    expect(floodedRepeatedly([nearLine(1), nearLine(2), nearLine(3)], NOW, RULE)).toBe(false);
    expect(floodedRepeatedly([nearLine(1), nearLine(2), nearLine(3)], NOW, { ...RULE, floodedAboveBaselinePercent: 5 })).toBe(true);
  });
});
