import { describe, expect, it } from 'vitest';
import { trendsOverviewModel, type OverviewInput, type TrendsSettings } from '../../../shared/trends/overview-model.ts';
import type { TrendEntry, TrendSession, TrendSigns, TrendsTimeline } from '../../../shared/trends/timeline.ts';
import { trendSession } from './trend-session.ts';

// What the Trends overview shows and says, from a timeline, without a window: which sessions
// count, per week, and in which words. Times are pinned to Berlin so weeks start on the
// Monday the user sees.

const DAY = 86_400_000;
const TZ = 'Europe/Berlin';
/** Thursday 6 March 2025, 13:00 in Berlin: the last 4 weeks are those of 10, 17 and 24 February and 3 March. */
const NOW = Date.parse('2025-03-06T12:00:00Z');
const SETTINGS: TrendsSettings = { floodedMinBpm: 100, floodedAboveBaselinePercent: 10, sustainSec: 30, maxCorrectedPercent: 5 };

const session = (daysAgo: number, fields: Partial<TrendSession> = {}): TrendSession => trendSession(NOW - daysAgo * DAY, fields);

let seq = 0;

function entry(daysAgo: number, fields: Partial<TrendEntry> = {}): TrendEntry {
  seq += 1;
  return { id: `entry-${seq}`, createdAtMs: NOW - daysAgo * DAY, kind: 'note', firstLine: 'A note', tags: [], sessionIds: [], ...fields };
}

function model(timeline: Partial<TrendsTimeline>, input: Partial<Omit<OverviewInput, 'timeline'>> = {}) {
  return trendsOverviewModel({
    timeline: { sessions: [], entries: [], signs: [], ...timeline },
    range: '4w',
    tag: null,
    nowMs: NOW,
    timeZone: TZ,
    settings: SETTINGS,
    ...input,
  });
}

describe('the calm-down headline', () => {
  it('compares the sessions of the last 30 days, not the first month again, with the first month', () => {
    const first = [200, 190, 210, 180, 220].map((calm, i) => session(120 - i, { calmDownSec: calm }));
    // 40 days ago: neither in the first month nor recent, so it counts for neither median.
    const between = session(40, { calmDownSec: 5 });
    const recent = [100, 90, 110, 80, 120].map((calm, i) => session(20 - i, { calmDownSec: calm }));
    const view = model({ sessions: [...first, between, ...recent] });
    expect(view.sentence.headline).toBe('Your median calm-down time is 50 % shorter than in your first month.');
    expect(view.sentence.detail).toBe('Median 1 min 40 s over the last 30 days (5 sessions), 3 min 20 s in your first month (5 sessions).');
  });

  it('counts only the sessions linked to the chosen tag, and says so', () => {
    const tagged = entry(3, { tags: ['work'] });
    const sessions = [session(2, { journalEntryIds: [tagged.id] }), session(1), session(1, { calmDownSec: null })];
    const all = model({ sessions, entries: [tagged] });
    expect(all.calm.summary).toBe('In this range: 2 sessions with a calm-down time, median 1 min 40 s. 1 session did not settle to calm before it ended and has no calm-down time. That is too few to read a trend from.');

    const view = model({ sessions, entries: [tagged] }, { tag: 'work' });
    expect(view.tagWords).toBe(' (sessions linked to entries tagged “work”)');
    expect(view.sentence.headline).toBe('Here is where you start: 1 session with a calm-down time over 2 days, typically 1 min 40 s.');
    expect(view.calm.table.caption).toBe('Calm-down time of each session (sessions linked to entries tagged “work”), 4 weeks');
    expect(view.calm.points.map((p) => p.id)).toEqual([sessions[0]!.id]);
    expect(view.markers.map((m) => m.id)).toEqual([tagged.id]);
  });

  it('leaves out sessions before the range from the chart, but counts them for the headline', () => {
    const view = model({ sessions: [session(60, { calmDownSec: 70 }), session(2, { calmDownSec: 45 })] });
    expect(view.calm.table.rows).toEqual([['2025-03-04 13:00', 45, null]]);
    expect(view.sentence.headline).toBe('Here is where you start: 2 sessions with a calm-down time over 60 days, typically 58 s.');
  });
});

describe('the calm-down chart at long ranges', () => {
  const daily = (days: number) => Array.from({ length: days }, (_, d) => session(d + 0.5, { calmDownSec: 60 + (d % 10) * 10 }));

  it('draws a dot per session when there are few, with the median of the last 7', () => {
    const view = model({ sessions: daily(20) }, { range: '4w' });
    expect(view.calm.mode).toBe('sessions');
    expect(view.calm.drawn).toHaveLength(20);
    expect(view.calm.spread).toEqual([]);
  });

  it('draws the median per week or month with the middle half past 120 sessions, and every session on request', () => {
    const year = model({ sessions: daily(364) }, { range: '12m' });
    expect(year.calm.mode).toBe('spread');
    expect(year.calm.spreadBucket).toBe('week');
    expect(year.calm.drawn).toEqual([]);
    expect(year.calm.spread.length).toBeGreaterThanOrEqual(52);
    const full = year.calm.spread.find((r) => r.count === 7)!;
    expect(full.band[0]).toBeLessThanOrEqual(full.median);
    expect(full.band[1]).toBeGreaterThanOrEqual(full.median);
    expect(year.calm.summary).toContain("Drawn as the median per week over a band holding the middle half of that week's sessions; the table has each.");
    // The table keeps every session either way.
    expect(year.calm.table.rows).toHaveLength(year.calm.points.length);

    const years = model({ sessions: daily(1825) }, { range: 'all' });
    expect(years.calm.spreadBucket).toBe('month');
    expect(years.calm.spread.length).toBeGreaterThanOrEqual(60);
    expect(years.calm.spread.length).toBeLessThanOrEqual(62);

    const each = model({ sessions: daily(1825) }, { range: 'all', eachSession: true });
    expect(each.calm.mode).toBe('sessions');
    expect(each.calm.drawn).toHaveLength(1825);
    expect(each.calm.spread).toHaveLength(years.calm.spread.length);
  });

  it('uses months for a year with few sessions a week', () => {
    const sparse = Array.from({ length: 130 }, (_, i) => session(i * 2.75 + 0.5, { calmDownSec: 90 }));
    const view = model({ sessions: sparse }, { range: '12m' });
    expect(view.calm.mode).toBe('spread');
    expect(view.calm.spreadBucket).toBe('month');
  });
});

describe('flooding episodes per week', () => {
  it('counts the sessions that reached the user’s flooding line, and breaks, in the week they began', () => {
    const sessions = [
      session(1, { peakHrBpm: 104, baselineHrBpm: 62 }), // line 100 bpm: flooded
      session(2, { peakHrBpm: 104, baselineHrBpm: 95 }), // line 104.5 bpm: not flooded
      session(8, { peakHrBpm: 80, verdict: 'take-a-break' }), // ended in a break
      session(9, { peakHrBpm: 99, baselineHrBpm: null }), // under the floor
    ];
    const view = model({ sessions });
    expect(view.bucket).toBe('week');
    expect(view.flooding.table).toEqual({
      caption: 'Flooding episodes per week',
      headers: ['Week of', 'Episodes'],
      rows: [
        ['2025-02-10', 0],
        ['2025-02-17', 0],
        ['2025-02-24', 1],
        ['2025-03-03', 1],
      ],
    });
    expect(view.flooding.summary).toBe('2 episodes in this range, in 2 of 4 weeks.');
    expect(view.flooding.drawn.map((d) => d.value)).toEqual([0, 0, 1, 1]);

    const higherLine = model({ sessions }, { settings: { ...SETTINGS, floodedMinBpm: 110 } });
    expect(higherLine.flooding.rows.map((r) => r.count)).toEqual([0, 0, 1, 0]);
    expect(higherLine.flooding.summary).toBe('1 episode in this range, in 1 of 4 weeks.');
  });

  it('says there is nothing to count when the range holds no session', () => {
    const view = model({ sessions: [session(90)] }, { tag: null });
    expect(view.flooding.summary).toBe('No sessions in this range.');
    expect(view.flooding.empty).toBe('No sessions in this range.');
    expect(view.practice.empty).toBe('No sessions in this range.');
  });
});

describe('RMSSD per week', () => {
  const sessions = [session(1, { rmssdMs: 40, correctedPercent: 1 }), session(2, { rmssdMs: 80, correctedPercent: 8 }), session(3, { rmssdMs: 90, correctedPercent: null })];

  it('leaves out sessions with more corrected beats than the user allows', () => {
    const view = model({ sessions });
    expect(view.rmssd.table.rows).toEqual([['2025-03-03', 40, 1]]);
    expect(view.rmssd.summary).toBe('40 ms in the week of 2025-03-03.');
  });

  it('takes them in when the user allows more', () => {
    const view = model({ sessions }, { settings: { ...SETTINGS, maxCorrectedPercent: 10 } });
    expect(view.rmssd.table.rows).toEqual([['2025-03-03', 60, 2]]);
  });

  it('explains an empty chart when no session had clean enough data', () => {
    const view = model({ sessions: [session(1, { correctedPercent: 12 })] });
    expect(view.rmssd.empty).toBe('No session in this range had clean enough beat-to-beat data for RMSSD (a chest strap gives it; optical sensors often do not).');
    expect(view.rmssd.summary).toBe('No data in this range.');
    expect(view.baseline.summary).toBe('62 bpm in the week of 2025-03-03.');
  });
});

describe('resting heart rate, start and after, practice and ratings', () => {
  it('names the first and the latest week of the resting heart rate', () => {
    const view = model({ sessions: [session(20, { baselineHrBpm: 66 }), session(19, { baselineHrBpm: 64 }), session(1, { baselineHrBpm: 61 })] });
    expect(view.baseline.summary).toBe('65 bpm in the first week with data (2025-02-10), 61 bpm in the latest (2025-03-03).');
    expect(view.baseline.drawn).toHaveLength(2);
  });

  it('draws each check when there are few, and the median per week past 120', () => {
    const few = model({ sessions: [session(1, { startHrBpm: 80, endHrBpm: 70 })] });
    expect(few.startAfter.table.headers[0]).toBe('When');
    expect(few.startAfter.summary).toBe(
      'Median 80 bpm at the start and 70 bpm after regulating, over 1 check. Slow breathing usually lowers heart rate only a little; the bigger change is in the beat-to-beat swings.',
    );
    const many = model({ sessions: Array.from({ length: 121 }, (_, i) => session(1 + (i % 20), { startHrBpm: 80 + (i % 3), endHrBpm: 70 })) });
    expect(many.startAfter.table.caption).toBe('Heart rate at the start and after regulating, median per week');
    expect(many.startAfter.table.headers[0]).toBe('Week of');
    expect(many.startAfter.drawn.length).toBeLessThanOrEqual(4);
    expect(many.startAfter.summary).toContain('over 121 checks (drawn as the median per week)');
  });

  it('counts practice minutes of practice kinds only', () => {
    const view = model({ sessions: [session(1, { durationSec: 600 }), session(1, { kind: 'conversation', durationSec: 3600 })] });
    expect(view.practice.table.rows.at(-1)).toEqual(['2025-03-03', 10, 1]);
    expect(view.practice.summary).toBe('10 minutes of practice in this range, about 3 minutes a week.');
  });

  it('knows whether this week is rated, and sums up the ratings in the range', () => {
    const signs: TrendSigns[] = [
      { entryId: 'a', createdAtMs: NOW - 10 * DAY, rating: [2, 2, 2, 2, 2] },
      { entryId: 'b', createdAtMs: NOW - DAY, rating: [4, 4, 4, 4, 5] },
    ];
    const view = model({ signs });
    expect(view.thisWeek?.entryId).toBe('b');
    expect(view.signs.summary).toBe('2 ratings in this range. The first averaged 2 of 5, the latest 4.2.');
    expect(view.signs.table.rows[1]).toEqual(['2025-03-05 13:00', 4, 4, 4, 4, 5, 4.2]);
    expect(model({ signs: signs.slice(0, 1) }).thisWeek).toBeNull();
  });
});
