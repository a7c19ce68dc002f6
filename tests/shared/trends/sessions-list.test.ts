import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../../shared/model/session.ts';
import { emptyListWords, lengthWords, sessionCountWords, sessionsListEntry, sessionsListRows, type SessionsListEntry } from '../../../shared/trends/sessions-list.ts';

// The sessions list's rows: what each says (kind, length, verdict, cues, calm-down, links,
// a partial or cut-short mark), newest first, narrowed by kind and by the overview's ranges.

const TZ = 'Europe/Berlin';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);

/** A session as session.list has it, turned into what the list is sent (session.listAll). */
function item(daysAgo: number, over: Partial<SessionListItem> = {}, summary: { durationSec?: number; calmDownSec?: number | null } = {}): SessionsListEntry {
  const startedAtMs = NOW - daysAgo * DAY;
  return sessionsListEntry({
    id: `session-${String(daysAgo).padStart(4, '0')}${over.kind ?? ''}`,
    kind: 'check',
    status: 'finished',
    startedAtMs,
    endedAtMs: startedAtMs + (summary.durationSec ?? 600) * 1000,
    sourceKind: 'demo',
    beatCount: 500,
    verdict: 'ready',
    summary: { durationSec: summary.durationSec ?? 600, calmDownSec: summary.calmDownSec ?? null } as SessionListItem['summary'],
    journalEntryIds: [],
    floodCueCount: 0,
    ...over,
  });
}

describe('sessions list rows', () => {
  it('says what each session was, in words', () => {
    const [row] = sessionsListRows(
      [item(1, { kind: 'repair', verdict: 'take-a-break', floodCueCount: 3, journalEntryIds: ['entry-aaaaaaaa', 'entry-bbbbbbbb'] }, { durationSec: 3900, calmDownSec: 95 })],
      { kind: null, range: 'all' },
      NOW,
      TZ,
    );
    expect(row).toMatchObject({
      kindWords: 'Repair body check',
      lengthWords: '1 h 5 min',
      verdictWords: 'Took a break',
      floodCues: 3,
      calmDownWords: '1 min 35 s',
      linkedEntries: 2,
      mark: null,
    });
  });

  it('marks a partial session, a cut-short one and one still recording', () => {
    const rows = sessionsListRows(
      [
        item(3, { beatsLost: { frames: 1, beats: 40, seconds: 30 }, status: 'interrupted' }),
        item(2, { status: 'interrupted', verdict: null }),
        item(1, { status: 'recording', endedAtMs: null, summary: null, verdict: null }),
        item(4, { summary: null, endedAtMs: NOW - 4 * DAY + 90_000 }),
      ],
      { kind: null, range: 'all' },
      NOW,
      TZ,
    );
    expect(rows.map((r) => [r.mark, r.lengthWords, r.recording])).toEqual([
      [null, 'Still recording', true],
      ['interrupted', '10 min', false],
      ['partial', '10 min', false],
      [null, '2 min', false],
    ]);
  });

  it('puts the newest first and keeps one order for equal start times', () => {
    const rows = sessionsListRows([item(30), item(0), item(400), { ...item(0), id: 'aaaaaaaaaaaa' }], { kind: null, range: 'all' }, NOW, TZ);
    expect(rows.map((r) => r.id)).toEqual(['aaaaaaaaaaaa', 'session-0000', 'session-0030', 'session-0400']);
  });

  it('filters by kind and by the overview ranges', () => {
    const items = [item(2), item(20, { kind: 'breathing' }), item(60), item(200, { kind: 'breathing' }), item(900)];
    const ids = (kind: SessionListItem['kind'] | null, range: '4w' | '3m' | '12m' | 'all') => sessionsListRows(items, { kind, range }, NOW, TZ).length;
    expect(ids(null, 'all')).toBe(5);
    expect(ids(null, '4w')).toBe(2);
    expect(ids(null, '3m')).toBe(3);
    expect(ids(null, '12m')).toBe(4);
    expect(ids('breathing', 'all')).toBe(2);
    expect(ids('breathing', '3m')).toBe(1);
    expect(ids('calibration', 'all')).toBe(0);
  });

  it('counts and explains an empty list with what to do', () => {
    expect(sessionCountWords(0)).toBe('No sessions');
    expect(sessionCountWords(1)).toBe('1 session');
    expect(sessionCountWords(2000)).toBe('2,000 sessions');
    expect(emptyListWords({ kind: null, range: 'all' }, 0)).toMatch(/^No sessions yet\. Run a check/);
    expect(emptyListWords({ kind: 'calibration', range: '4w' }, 42)).toBe(
      'No sessions of the kind “Calibration reading” in the last 4 weeks. Choose another kind or a longer range to see your other 42 sessions.',
    );
  });

  it('says lengths the way a glance needs them', () => {
    expect([12, 59.6, 60, 754, 3600, 3660].map(lengthWords)).toEqual(['12 s', '1 min', '1 min', '13 min', '1 h', '1 h 1 min']);
  });
});
