import { wallClockAt } from './wall-clock.ts';

/** Local date and time as "2025-03-14 19:05" (the user's zone, or `timeZone`), for CSV and tables. */
export function isoLocal(ms: number, withTime = true, timeZone?: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const reading = timeZone === undefined ? fromDate(new Date(ms)) : wallClockAt(ms, timeZone);
  const date = `${reading.year}-${pad(reading.month)}-${pad(reading.day)}`;
  return withTime ? `${date} ${pad(reading.hour)}:${pad(reading.minute)}` : date;
}

// The process's own zone is read from Date, which is much quicker than Intl for the
// thousands of rows a five-year table holds.
const fromDate = (d: Date) => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() });
