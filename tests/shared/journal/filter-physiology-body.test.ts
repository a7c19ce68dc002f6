import { describe, expect, it } from 'vitest';
import { baselineFromSessions } from '../../../shared/check/resting-readings.ts';
import { createBodyCheck } from '../../../shared/journal/body-check.ts';
import { DEFAULT_PHYSIOLOGY_SETTINGS } from '../../../shared/model/settings.ts';
import { baselineHrForRules } from '../../../shared/signal/baseline.ts';
import { calmLineBpm } from '../../../shared/signal/regulation-rules.ts';
import type { SessionListItem } from '../../../shared/model/session.ts';
import { testSummary } from '../../support/session-summary.ts';
import { filterEntries, knownTags, NO_FILTER } from '../../../shared/journal/entry-filter.ts';
import { describeBreathing, formatDuration, heartRateSeries, sparklinePoints } from '../../../shared/journal/physiology.ts';

const entry = (id: string, kind: string, tags: string[], sessionIds: string[] = []) => ({ id, kind, tags, sessionIds });

describe('journal filters', () => {
  const entries = [
    entry('a', 'reflection', ['partner', 'money']),
    entry('b', 'repair', ['Partner'], ['s1']),
    entry('c', 'debrief', ['work'], ['s2']),
    entry('d', 'prompt', []),
  ];
  it('narrows by tag (any case), kind and linked / not linked, together', () => {
    expect(filterEntries(entries, NO_FILTER).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(filterEntries(entries, { ...NO_FILTER, tag: 'partner' }).map((e) => e.id)).toEqual(['a', 'b']);
    expect(filterEntries(entries, { ...NO_FILTER, kind: 'repair' }).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(entries, { ...NO_FILTER, linked: 'linked' }).map((e) => e.id)).toEqual(['b', 'c']);
    expect(filterEntries(entries, { ...NO_FILTER, linked: 'unlinked' }).map((e) => e.id)).toEqual(['a', 'd']);
    expect(filterEntries(entries, { tag: 'partner', kind: null, linked: 'unlinked' }).map((e) => e.id)).toEqual(['a']);
  });
  it('offers "partner" first, then the user’s own tags by use', () => {
    expect(knownTags([...entries, entry('e', 'note', ['work', 'sleep'])])).toEqual(['partner', 'work', 'money', 'sleep']);
  });
});

describe('session physiology for an entry', () => {
  it('turns beats into a heart-rate line and points inside the box', () => {
    const tMs: number[] = [];
    const rrMs: number[] = [];
    let t = 0;
    for (let i = 0; i < 600; i += 1) {
      const rr = i < 300 ? 600 : 1000; // 100 bpm, then 60 bpm
      t += rr;
      tMs.push(t);
      rrMs.push(rr);
    }
    const series = heartRateSeries({ tMs, rrMs }, 20);
    expect(series.length).toBe(20);
    expect(series[0]!.bpm).toBeCloseTo(100, 5);
    expect(series[series.length - 1]!.bpm).toBeCloseTo(60, 5);
    const points = sparklinePoints(series, 120, 32).split(' ').map((p) => p.split(',').map(Number));
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(120);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(32);
    }
    expect(points[0]![1]).toBeLessThan(points[points.length - 1]![1]!); // faster heart drawn higher
    expect(heartRateSeries({ tMs: [], rrMs: [] })).toEqual([]);
  });
  it('says durations and breathing patterns in plain words', () => {
    expect([45, 250, 3900, 120].map(formatDuration)).toEqual(['45 s', '4 min 10 s', '1 h 5 min', '2 min']);
    expect(describeBreathing({ preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 })).toBe(
      'Long exhale: in 4 s, out 6 s (6 breaths a minute)',
    );
    expect(describeBreathing({ preset: null, inhaleSec: 4, holdInSec: 4, exhaleSec: 4, holdOutSec: 4 })).toBe(
      'Your own pattern: in 4 s, hold 4 s, out 4 s, hold 4 s (3.8 breaths a minute)',
    );
    expect(describeBreathing(null)).toBeNull();
  });
});

describe('the repair flow’s body check', () => {
  it('settles only after heart rate stays at or under the calm line for the sustain time', () => {
    const check = createBodyCheck({ calmLineBpm: 70, sustainMs: 30_000 });
    expect(check.push(0, 90).state).toBe('above');
    expect(check.push(1_000, 69)).toEqual({ state: 'settling', bpm: 69, secondsToGo: 30 });
    expect(check.push(20_000, 72).state).toBe('above'); // back over: the clock restarts
    expect(check.push(21_000, 68).secondsToGo).toBe(30);
    expect(check.push(50_000, 70).state).toBe('settling');
    expect(check.push(51_000, 70).state).toBe('settled');
    expect(check.push(52_000, 95).state).toBe('settled'); // once settled, step 1 stays open
  });
  it('cannot judge without a reading or a resting heart rate, and says which', () => {
    expect(createBodyCheck({ calmLineBpm: 70, sustainMs: 30_000 }).push(0, null).state).toBe('no-reading');
    expect(createBodyCheck({ calmLineBpm: null, sustainMs: 30_000 }).push(0, 80).state).toBe('unknown-baseline');
  });
});

describe('the resting heart rate the body check uses', () => {
  const session = (over: Partial<SessionListItem>): SessionListItem => ({
    id: `s${Math.random().toString(36).slice(2, 12)}`,
    kind: 'check',
    status: 'finished',
    startedAtMs: 1,
    endedAtMs: 2,
    sourceKind: 'demo',
    beatCount: 100,
    verdict: null,
    summary: null,
    journalEntryIds: [],
    ...over,
  });
  // A resting reading's heart rate is its reading phase's (shared/check/resting-readings.ts).
  const summary = (meanHrBpm: number, baselineHrBpm: number | null) =>
    testSummary({ beatCount: 100, durationSec: 60, meanHrBpm, rmssdMs: 40, baselineHrBpm, phases: { readingHrBpm: meanHrBpm } });

  it('is the check’s own baseline from resting readings, provisional while calibrating', () => {
    const readings = [58, 62, 60].map((hr, i) => session({ kind: 'calibration', startedAtMs: 10 + i, summary: summary(hr, null) }));
    const restingHrBpm = (sessions: SessionListItem[]) => baselineHrForRules(baselineFromSessions(sessions));
    expect(restingHrBpm(readings.slice(0, 1))).toBe(58);
    expect(restingHrBpm(readings)).toBe(60);
    expect(calmLineBpm(restingHrBpm(readings), DEFAULT_PHYSIOLOGY_SETTINGS)).toBe(65);
  });

  it('is unknown without a resting reading, so the body check leaves the choice to the person', () => {
    const checkOnly = [session({ startedAtMs: 5, summary: summary(80, 63) })];
    expect(baselineHrForRules(baselineFromSessions(checkOnly))).toBeNull();
    expect(calmLineBpm(null, DEFAULT_PHYSIOLOGY_SETTINGS)).toBeNull();
  });
});
