// What a wall clock reads in a time zone at an instant, and how far that zone is from UTC.
// Intl does the zone arithmetic (daylight saving, odd offsets), so results do not depend on
// the process's own TZ and tests can pin a zone such as 'Europe/Berlin'. One formatter is
// kept per zone because creating them is slow. Used by the journal's days, the Trends
// weeks and months, and the reminder scheduler.

export type WallClockReading = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` (the system's zone when absent) at instant `ms`. */
export function wallClockAt(ms: number, timeZone?: string): WallClockReading {
  const reading = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in reading) reading[part.type as keyof typeof reading] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  reading.hour %= 24;
  return reading;
}

/** How far the zone's wall clock is ahead of UTC at `ms` (Berlin in summer: +2 h), in ms. */
export function zoneOffsetMs(ms: number, timeZone?: string): number {
  const c = wallClockAt(ms, timeZone);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(ms / 1000) * 1000;
}
