// Weeks and months in the user's own time zone, for weekly and monthly buckets on the Trends
// timeline. Intl does the zone arithmetic (daylight saving, odd offsets); we only count days.
// Weeks start on Monday (ISO 8601).

import { wallClockAt, zoneOffsetMs } from '../time/wall-clock.ts';

const DAY_MS = 86_400_000;

export { zoneOffsetMs };

/** Days since 1970-01-01 of the local calendar day `ms` falls on. */
export function localDayNumber(ms: number, timeZone?: string): number {
  const c = wallClockAt(ms, timeZone);
  return Math.round(Date.UTC(c.year, c.month - 1, c.day) / DAY_MS);
}

/** The instant local midnight begins on day number `day` in the zone. */
export function startOfLocalDayMs(day: number, timeZone?: string): number {
  const wallMs = day * DAY_MS;
  // Two passes settle the offset across a daylight-saving change near midnight.
  let guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  guess = wallMs - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** Day number of the Monday that starts the local week of `ms`. */
export function localWeekDay(ms: number, timeZone?: string): number {
  const day = localDayNumber(ms, timeZone);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - (((day + 3) % 7) + 7) % 7;
}

/** The instant the local week holding `ms` begins (Monday 00:00). */
export function startOfLocalWeekMs(ms: number, timeZone?: string): number {
  return startOfLocalDayMs(localWeekDay(ms, timeZone), timeZone);
}

/** The instant the local calendar month holding `ms` begins (the 1st, 00:00). */
export function startOfLocalMonthMs(ms: number, timeZone?: string): number {
  const c = wallClockAt(ms, timeZone);
  return startOfLocalDayMs(Math.round(Date.UTC(c.year, c.month - 1, 1) / DAY_MS), timeZone);
}

/** The instant the local month after the one starting at `monthStartMs` begins. */
export function nextLocalMonthMs(monthStartMs: number, timeZone?: string): number {
  const c = wallClockAt(monthStartMs, timeZone);
  return startOfLocalDayMs(Math.round(Date.UTC(c.year, c.month, 1) / DAY_MS), timeZone);
}

/** Start instants of every local week from the one holding fromMs up to the one holding toMs. */
export function localWeekStarts(fromMs: number, toMs: number, timeZone?: string): number[] {
  const starts: number[] = [];
  const last = localWeekDay(toMs, timeZone);
  for (let day = localWeekDay(fromMs, timeZone); day <= last; day += 7) starts.push(startOfLocalDayMs(day, timeZone));
  return starts;
}

/** Start instants of every local month from the one holding fromMs up to the one holding toMs. */
export function localMonthStarts(fromMs: number, toMs: number, timeZone?: string): number[] {
  const starts: number[] = [];
  const last = startOfLocalMonthMs(toMs, timeZone);
  for (let start = startOfLocalMonthMs(fromMs, timeZone); start <= last; start = nextLocalMonthMs(start, timeZone)) starts.push(start);
  return starts;
}
