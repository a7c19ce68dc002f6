// "Today's" item from a list: the prompt of the day, the check-in phrase of the day. A pure
// function of the calendar date, so the window and the tray agree without sharing state, the
// item stays the same all day and changes at the user's own midnight. Consecutive days never
// repeat an item, New Year's Eve to New Year's Day included: the day number walks the list with
// a step coprime to its length, so every item comes up once per cycle. (No yearly offset: one
// would break that walk at each new year.)

import { dayNumberOf, type CivilDate } from '../time/civil-date.ts';

export function itemOfTheDay<T>(items: readonly T[], date: CivilDate): T {
  if (items.length === 0) throw new RangeError('itemOfTheDay needs at least one item');
  const index = mod(dayNumberOf(date) * coprimeStep(items.length), items.length);
  return items[index] as T;
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function coprimeStep(length: number): number {
  for (let step = 5; step < length + 5; step += 1) if (gcd(step, length) === 1) return step;
  return 1;
}
