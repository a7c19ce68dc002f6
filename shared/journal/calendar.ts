// Calendar days in the user's own time zone, for "on this day" and the prompt of the day.
// Intl does the time-zone arithmetic, so daylight saving and odd offsets are handled by the
// platform rather than by us; one formatter is kept per zone because creating them is slow.

export type LocalDay = { readonly year: number; readonly month: number; readonly day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar day `ms` falls on in `timeZone` (the system's zone when absent). */
export function localDayOf(ms: number, timeZone?: string): LocalDay {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthsBetween(earlier: LocalDay, later: LocalDay): number {
  return (later.year - earlier.year) * 12 + (later.month - earlier.month);
}
