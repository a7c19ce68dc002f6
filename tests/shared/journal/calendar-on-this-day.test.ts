import { describe, expect, it } from 'vitest';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { agoLabel, onThisDay } from '../../../shared/journal/on-this-day.ts';

const BERLIN = 'Europe/Berlin';
const dayOf = (ms: number) => civilDateOf(ms, BERLIN);
const at = (iso: string) => ({ id: iso, createdAtMs: Date.parse(iso) });

describe('local days', () => {
  it('puts late-evening UTC times on the next day in Berlin', () => {
    expect(civilDateOf(Date.parse('2025-03-14T23:30:00Z'), BERLIN)).toEqual({ year: 2025, month: 3, day: 15 });
    expect(civilDateOf(Date.parse('2025-03-14T22:30:00Z'), 'UTC')).toEqual({ year: 2025, month: 3, day: 14 });
  });
});

describe('on this day', () => {
  it('brings back entries from the same date in earlier months and years, nearest first', () => {
    const entries = [
      at('2025-02-14T09:00:00Z'),
      at('2024-03-14T20:00:00Z'),
      at('2025-03-14T08:00:00Z'), // today itself: not a memory
      at('2025-03-13T12:00:00Z'),
      at('2023-01-14T12:00:00Z'),
      at('2025-02-13T23:30:00Z'), // the 14th in Berlin
    ];
    const matches = onThisDay(entries, { year: 2025, month: 3, day: 14 }, dayOf);
    expect(matches.map((m) => [m.entry.id, m.label])).toEqual([
      ['2025-02-14T09:00:00Z', 'a month ago'],
      ['2025-02-13T23:30:00Z', 'a month ago'],
      ['2024-03-14T20:00:00Z', 'a year ago'],
      ['2023-01-14T12:00:00Z', '2 years and 2 months ago'],
    ]);
  });

  it('shows the 29th–31st on the last day of a shorter month, once', () => {
    const entries = [at('2025-01-31T12:00:00Z'), at('2025-01-30T12:00:00Z'), at('2025-01-28T12:00:00Z')];
    expect(onThisDay(entries, { year: 2025, month: 2, day: 28 }, dayOf).map((m) => m.entry.id)).toEqual([
      '2025-01-31T12:00:00Z',
      '2025-01-30T12:00:00Z',
      '2025-01-28T12:00:00Z',
    ]);
    expect(onThisDay(entries, { year: 2025, month: 2, day: 27 }, dayOf)).toEqual([]);
  });

  it('says how long ago in plain words', () => {
    expect([1, 5, 12, 13, 24, 26].map(agoLabel)).toEqual([
      'a month ago',
      '5 months ago',
      'a year ago',
      'a year and a month ago',
      '2 years ago',
      '2 years and 2 months ago',
    ]);
  });
});
