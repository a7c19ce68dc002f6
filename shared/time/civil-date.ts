// Calendar dates and times of day in the user's own time zone: the one home for "which day
// is it", "when does that day start" and "the next 19:30", used by the journal's days, the
// Trends weeks and months, the reminder scheduler and the break's return time. Dates are
// plain { year, month, day } values; instants are ms since 1970. Intl does the zone
// arithmetic (shared/time/wall-clock.ts), so answers do not depend on the process's own TZ
// and tests can pin a zone such as 'Europe/Berlin' across a daylight-saving change. Where a
// zone is not given, the computer's own zone is used.

import { DAY_MS } from './durations.ts';
import { wallClockAt, zoneOffsetMs } from './wall-clock.ts';

export type CivilDate = { readonly year: number; readonly month: number; readonly day: number };

export type LocalParts = CivilDate & { readonly hour: number; readonly minute: number; readonly second: number; readonly weekday: number };

/** The wall-clock reading in `timeZone` at instant `ms`; weekday 0 is Sunday. */
export function localParts(ms: number, timeZone?: string): LocalParts {
  const { year, month, day, hour, minute, second } = wallClockAt(ms, timeZone);
  return { year, month, day, hour, minute, second, weekday: weekdayOf({ year, month, day }) };
}

/** The calendar date `ms` falls on in `timeZone`. */
export function civilDateOf(ms: number, timeZone?: string): CivilDate {
  const { year, month, day } = wallClockAt(ms, timeZone);
  return { year, month, day };
}

/** Minutes since local midnight at `ms` (0–1439). */
export function minuteOfDay(ms: number, timeZone?: string): number {
  const { hour, minute } = wallClockAt(ms, timeZone);
  return hour * 60 + minute;
}

/**
 * The instant when the clock in `timeZone` reads `minuteOfDay` on `date`. A reading that
 * does not exist (the hour skipped in spring) moves forward by the size of the gap, as
 * clocks do; a reading that happens twice (autumn) gives the first.
 */
export function instantOf(date: CivilDate, minuteOfDay: number, timeZone?: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  // Try the earlier offset first: in an overlap it gives the first of the two readings.
  const [first, second] = before >= after ? [before, after] : [after, before];
  for (const offset of [first, second]) {
    const candidate = wall - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset) return candidate;
  }
  // In the gap neither offset reads back: the reading with the offset from before the
  // change lands just after the gap (02:30 in Berlin's spring gap becomes 03:30).
  return wall - before;
}

/** The instant local midnight begins on `date` (the first moment of the day, if midnight is skipped). */
export function startOfDayMs(date: CivilDate, timeZone?: string): number {
  return instantOf(date, 0, timeZone);
}

/**
 * The first instant at or after `fromMs` when the clock reads `minuteOfDay`: today's if it
 * is still ahead, else tomorrow's. Counted in calendar days, not 24-hour steps, so across a
 * daylight-saving change it still lands on the time the person chose.
 */
export function nextTimeOfDayMs(fromMs: number, minuteOfDay: number, timeZone?: string): number {
  const today = civilDateOf(fromMs, timeZone);
  for (let days = 0; days < 3; days += 1) {
    const candidate = instantOf(addDays(today, days), minuteOfDay, timeZone);
    if (candidate >= fromMs) return candidate;
  }
  throw new RangeError(`no ${minuteOfDay}th minute of the day within three days of ${fromMs}`);
}

/** "HH:MM" on the 24-hour clock, as an <input type="time"> shows and reads it. */
export function timeOfDayText(ms: number, timeZone?: string): string {
  const { hour, minute } = wallClockAt(ms, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Minutes since midnight for "HH:MM" (24-hour clock), or null if it is not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Days since 1970-01-01: consecutive dates have consecutive numbers, whatever the zone. */
export function dayNumberOf(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function dateOfDayNumber(dayNumber: number): CivilDate {
  const utc = new Date(dayNumber * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** 0 is Sunday, as Date#getDay counts. */
export function weekdayOf(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

/** "2025-03-30": sorts as the dates do. */
export function dateKey(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthsBetween(earlier: CivilDate, later: CivilDate): number {
  return (later.year - earlier.year) * 12 + (later.month - earlier.month);
}

/** The zone this computer is set to, or UTC if the runtime cannot say. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
