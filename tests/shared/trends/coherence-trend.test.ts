import { describe, expect, it } from 'vitest';
import { NO_COHERENCE, type SessionListItem } from '../../../shared/model/session.ts';
import { trendsOverviewModel, type TrendsSettings } from '../../../shared/trends/overview-model.ts';
import { toTrendSession, type TrendSession } from '../../../shared/trends/timeline.ts';
import { testSummary } from '../../support/session-summary.ts';
import { trendSession } from './trend-session.ts';

// Coherence over weeks: each breathing session's time in high coherence, as the weekly median
// Trends draws, so practice with the pacer shows.

const DAY = 86_400_000;
const TZ = 'Europe/Berlin';
/** Thursday 6 March 2025 in Berlin: the 4-week range holds the weeks of 10, 17, 24 February and 3 March. */
const NOW = Date.parse('2025-03-06T12:00:00Z');
const SETTINGS: TrendsSettings = { floodedMinBpm: 100, floodedAboveBaselinePercent: 10, sustainSec: 30, maxCorrectedPercent: 5 };

function item(kind: SessionListItem['kind'], coherence: Partial<typeof NO_COHERENCE>, breathingSec: number | null = null): SessionListItem {
  return {
    id: `s-${kind}-${String(breathingSec)}`,
    kind,
    status: 'finished',
    startedAtMs: NOW - DAY,
    endedAtMs: NOW - DAY + 600_000,
    sourceKind: 'strap',
    beatCount: 700,
    verdict: null,
    journalEntryIds: [],
    summary: testSummary({ durationSec: 600, coherence: { ...NO_COHERENCE, meanNormalized: 0.6, ...coherence }, phases: { breathingSec } }),
  };
}

describe('a session as Trends sees its coherence', () => {
  it('keeps the time in high coherence of a Breathe session and of a check that breathed, and of no other', () => {
    expect(toTrendSession(item('breathing', { highSec: 240, measuredSec: 540 }))!.breathingHighCoherenceSec).toBe(240);
    expect(toTrendSession(item('check', { highSec: 90, measuredSec: 300 }, 180))!.breathingHighCoherenceSec).toBe(90);
    expect(toTrendSession(item('check', { highSec: 90, measuredSec: 300 }))!.breathingHighCoherenceSec).toBeNull();
    expect(toTrendSession(item('recording', { highSec: 400, measuredSec: 500 }))!.breathingHighCoherenceSec).toBeNull();
  });

  it('has none for a breathing session summarised before the time was kept', () => {
    const { highSec: _h, measuredSec: _m, ...older } = NO_COHERENCE;
    expect(toTrendSession(item('breathing', older))!.breathingHighCoherenceSec).toBeNull();
  });
});

describe('the coherence chart in Trends', () => {
  const breathing = (daysAgo: number, highSec: number | null): TrendSession =>
    trendSession(NOW - daysAgo * DAY, { kind: 'breathing', breathingHighCoherenceSec: highSec });

  it('draws the weekly median minutes per breathing session, first and latest in words', () => {
    const sessions = [
      // Week of 10 February: 1, 2 and 3 minutes.
      breathing(24, 60),
      breathing(23, 120),
      breathing(22, 180),
      // Week of 3 March: 5 and 7 minutes, and a check with no breathing (not counted).
      breathing(2, 300),
      breathing(1, 420),
      trendSession(NOW - DAY, { kind: 'check', breathingHighCoherenceSec: null }),
    ];
    const view = trendsOverviewModel({ timeline: { sessions, entries: [], signs: [] }, range: '4w', tag: null, nowMs: NOW, timeZone: TZ, settings: SETTINGS });
    const { coherence } = view;
    expect(coherence.drawn.map((p) => p.value)).toEqual([2, 6]);
    expect(coherence.summary).toBe('2 min in the first week with data (2025-02-10), 6 min in the latest (2025-03-03).');
    expect(coherence.table.caption).toBe('Time in high coherence per breathing session, median per week');
    expect(coherence.table.rows).toEqual([
      ['2025-02-10', 2, 3],
      ['2025-03-03', 6, 2],
    ]);
    expect(coherence.empty).toBeUndefined();
  });

  it('says what to do when no breathing session in the range has its coherence', () => {
    const sessions = [trendSession(NOW - DAY, { kind: 'check' }), breathing(3, null)];
    const view = trendsOverviewModel({ timeline: { sessions, entries: [], signs: [] }, range: '4w', tag: null, nowMs: NOW, timeZone: TZ, settings: SETTINGS });
    expect(view.coherence.drawn).toEqual([]);
    expect(view.coherence.empty).toMatch(/^No breathing session in this range has its coherence yet\. It appears after breathing with the pacer/);
  });
});
