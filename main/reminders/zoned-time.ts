// Wall-clock time in an IANA time zone, computed with Intl alone, so the scheduler gives the
// same answers whatever TZ the process runs under and tests can pin 'Europe/Berlin' across a
// daylight-saving change. Civil dates are plain { year, month, day } values.

import { wallClockAt, zoneOffsetMs as zoneOffsetFromUtcMs } from '../../shared/time/wall-clock.ts';

export type CivilDate = { year: number; month: number; day: number };

export type LocalParts = CivilDate & { hour: number; minute: number; weekday: number };

/** The wall-clock reading in `timeZone` at instant `ms`. */
export function localParts(ms: number, timeZone: string): LocalParts & { second: number } {
  const { year, month, day, hour, minute, second } = wallClockAt(ms, timeZone);
  const date = { year, month, day };
  return { ...date, hour, minute, second, weekday: weekdayOf(date) };
}

/** Offset of the zone from UTC at instant `ms`, in ms (Berlin in summer: +2 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return zoneOffsetFromUtcMs(ms, timeZone);
}

/**
 * The instant when the clock in `timeZone` reads `minuteOfDay` on `date`. A reading that
 * does not exist (the hour skipped in spring) moves forward by the size of the gap, as
 * clocks do; a reading that happens twice (autumn) gives the first.
 */
export function instantOf(date: CivilDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const before = zoneOffsetMs(wall - 86_400_000, timeZone);
  const after = zoneOffsetMs(wall + 86_400_000, timeZone);
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

export function civilDateOf(ms: number, timeZone: string): CivilDate {
  const { year, month, day } = localParts(ms, timeZone);
  return { year, month, day };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function weekdayOf(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function dateKey(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function minuteOfDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return p.hour * 60 + p.minute;
}

/** The zone this computer is set to, or UTC if the runtime cannot say. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
