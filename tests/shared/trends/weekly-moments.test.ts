import { describe, expect, it } from 'vitest';
import { smallMomentsInWeekOf } from '../../../shared/trends/weekly-moments.ts';
import { smallMomentsThisWeekText } from '../../../shared/content/small-moments.ts';
import { trendsOverviewModel } from '../../../shared/trends/overview-model.ts';
import type { TrendEntry } from '../../../shared/trends/timeline.ts';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('small moments in the local week', () => {
  it('counts the moments of the week holding now, Monday to Sunday in local time', () => {
    // Wednesday 2025-01-15 in Berlin; the week runs from Monday 13th 00:00 (12th 23:00 UTC).
    const now = at('2025-01-15T12:00:00Z');
    const noted = [
      at('2025-01-12T22:30:00Z'), // Sunday 23:30 in Berlin: last week
      at('2025-01-12T23:30:00Z'), // Monday 00:30 in Berlin: this week, though UTC says Sunday
      at('2025-01-14T09:00:00Z'),
      at('2025-01-19T22:59:00Z'), // Sunday 23:59 in Berlin: still this week
      at('2025-01-19T23:00:00Z'), // Monday 00:00 in Berlin: next week
    ];
    expect(smallMomentsInWeekOf(noted, now, BERLIN)).toBe(3);
  });

  it('starts counting afresh on Monday morning', () => {
    const noted = [at('2025-01-14T09:00:00Z'), at('2025-01-18T09:00:00Z')];
    expect(smallMomentsInWeekOf(noted, at('2025-01-19T22:00:00Z'), BERLIN)).toBe(2); // Sunday 23:00
    expect(smallMomentsInWeekOf(noted, at('2025-01-19T23:30:00Z'), BERLIN)).toBe(0); // Monday 00:30
  });

  it('keeps a week with a change to summer time whole', () => {
    // Berlin moves to summer time on Sunday 2025-03-30; the week began on Monday 24th at 00:00 CET.
    const now = at('2025-03-30T21:30:00Z'); // Sunday 23:30 CEST, the week's last half hour
    const noted = [
      at('2025-03-23T22:59:00Z'), // Sunday 23:59 CET: the week before
      at('2025-03-23T23:00:00Z'), // Monday 00:00 CET: first minute of this week
      at('2025-03-30T21:59:00Z'), // Sunday 23:59 CEST: last minute of this week
      at('2025-03-30T22:00:00Z'), // Monday 00:00 CEST: the next week
    ];
    expect(smallMomentsInWeekOf(noted, now, BERLIN)).toBe(2);
  });

  it('keeps a week with a change back to winter time whole', () => {
    // New York falls back on Sunday 2025-11-02; the week began Monday 27 October 00:00 EDT (04:00 UTC).
    const now = at('2025-11-03T04:30:00Z'); // Sunday 23:30 EST
    const noted = [
      at('2025-10-27T03:59:00Z'), // Sunday 23:59 EDT: the week before
      at('2025-10-27T04:00:00Z'), // Monday 00:00 EDT
      at('2025-11-02T05:30:00Z'), // 01:30 EDT on the change night
      at('2025-11-02T06:30:00Z'), // 01:30 EST, the hour that comes twice
      at('2025-11-03T04:59:00Z'), // Sunday 23:59 EST
      at('2025-11-03T05:00:00Z'), // Monday 00:00 EST: the next week
    ];
    expect(smallMomentsInWeekOf(noted, now, NEW_YORK)).toBe(4);
  });

  it('says the count in plain words', () => {
    expect(smallMomentsThisWeekText(0)).toBe('No small moments noted this week yet');
    expect(smallMomentsThisWeekText(1)).toBe('1 small moment this week');
    expect(smallMomentsThisWeekText(4)).toBe('4 small moments this week');
  });
});

describe('small moments on the Trends charts', () => {
  it('are counted, not drawn as journal markers on the calm-down chart', () => {
    const now = at('2025-01-15T12:00:00Z');
    const entry = (id: string, kind: TrendEntry['kind']): TrendEntry => ({ id, createdAtMs: now - 86_400_000, kind, firstLine: id, tags: [], sessionIds: [] });
    const view = trendsOverviewModel({
      timeline: { sessions: [], entries: [entry('a note', 'note'), entry('a moment', 'moment'), entry('a rating', 'weekly-signs')], signs: [] },
      range: '4w',
      tag: null,
      nowMs: now,
      timeZone: BERLIN,
      settings: { floodedMinBpm: 100, floodedAboveBaselinePercent: 10, sustainSec: 30, maxCorrectedPercent: 5 },
    });
    expect(view.markers.map((marker) => marker.id)).toEqual(['a note']);
  });
});
