// Calendar days in the user's own time zone, for "on this day" and the prompt of the day.
// The zone arithmetic lives in shared/time/wall-clock.ts.

import { wallClockAt } from '../time/wall-clock.ts';

export type LocalDay = { readonly year: number; readonly month: number; readonly day: number };

/** The calendar day `ms` falls on in `timeZone` (the system's zone when absent). */
export function localDayOf(ms: number, timeZone?: string): LocalDay {
  const { year, month, day } = wallClockAt(ms, timeZone);
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthsBetween(earlier: LocalDay, later: LocalDay): number {
  return (later.year - earlier.year) * 12 + (later.month - earlier.month);
}
