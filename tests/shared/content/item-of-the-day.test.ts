import { describe, expect, it } from 'vitest';
import { itemOfTheDay } from '../../../shared/content/item-of-the-day.ts';
import { addDays, civilDateOf } from '../../../shared/time/civil-date.ts';

describe("the item of the day (the tray's check-in phrase, the journal's prompt)", () => {
  const phrases = ['one', 'two', 'three', 'four'];

  it('stays the same all day in the user’s zone and changes at their midnight, not at UTC’s', () => {
    const zone = 'America/Los_Angeles';
    // 00:30 and 23:30 on 10 June 2025 in Los Angeles: one local day, two UTC dates.
    const morning = civilDateOf(Date.UTC(2025, 5, 10, 7, 30), zone);
    const night = civilDateOf(Date.UTC(2025, 5, 11, 6, 30), zone);
    expect(night).toEqual(morning);
    expect(itemOfTheDay(phrases, night)).toBe(itemOfTheDay(phrases, morning));
    const nextDay = civilDateOf(Date.UTC(2025, 5, 11, 7, 30), zone);
    expect(itemOfTheDay(phrases, nextDay)).not.toBe(itemOfTheDay(phrases, morning));
  });

  it('never shows the same item two days running, and shows every item over a cycle', () => {
    let date = { year: 2025, month: 12, day: 20 };
    let previous = itemOfTheDay(phrases, date);
    const seen = new Set([previous]);
    for (let day = 0; day < 30; day += 1) {
      date = addDays(date, 1);
      const today = itemOfTheDay(phrases, date);
      expect(today).not.toBe(previous);
      seen.add(today);
      previous = today;
    }
    expect(seen).toEqual(new Set(phrases));
    expect(itemOfTheDay(['only'], date)).toBe('only');
    expect(() => itemOfTheDay([], date)).toThrow(RangeError);
  });
});
