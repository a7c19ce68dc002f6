// Weeks and months in the user's own time zone, for weekly and monthly buckets on the Trends
// timeline. Weeks start on Monday (ISO 8601). Dates and day starts come from
// shared/time/civil-date.ts, which handles daylight saving.

import { civilDateOf, dateOfDayNumber, dayNumberOf, startOfDayMs } from '../time/civil-date.ts';

/** Day number of the Monday that starts the local week of `ms`. */
function mondayNumberOf(ms: number, timeZone?: string): number {
  const day = dayNumberOf(civilDateOf(ms, timeZone));
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The instant the local week holding `ms` begins (Monday 00:00). */
export function startOfLocalWeekMs(ms: number, timeZone?: string): number {
  return startOfDayMs(dateOfDayNumber(mondayNumberOf(ms, timeZone)), timeZone);
}

/** The instant the local calendar month holding `ms` begins (the 1st, 00:00). */
export function startOfLocalMonthMs(ms: number, timeZone?: string): number {
  const { year, month } = civilDateOf(ms, timeZone);
  return startOfDayMs({ year, month, day: 1 }, timeZone);
}

/** The instant the local month after the one holding `monthStartMs` begins. */
export function nextLocalMonthMs(monthStartMs: number, timeZone?: string): number {
  const { year, month } = civilDateOf(monthStartMs, timeZone);
  return startOfDayMs(month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 }, timeZone);
}

/** Start instants of every local week from the one holding fromMs up to the one holding toMs. */
export function localWeekStarts(fromMs: number, toMs: number, timeZone?: string): number[] {
  const starts: number[] = [];
  const last = mondayNumberOf(toMs, timeZone);
  for (let day = mondayNumberOf(fromMs, timeZone); day <= last; day += 7) starts.push(startOfDayMs(dateOfDayNumber(day), timeZone));
  return starts;
}

/** Start instants of every local month from the one holding fromMs up to the one holding toMs. */
export function localMonthStarts(fromMs: number, toMs: number, timeZone?: string): number[] {
  const starts: number[] = [];
  const last = startOfLocalMonthMs(toMs, timeZone);
  for (let start = startOfLocalMonthMs(fromMs, timeZone); start <= last; start = nextLocalMonthMs(start, timeZone)) starts.push(start);
  return starts;
}
