// CSV for "export this chart's data": RFC 4180 quoting, CRLF line ends, and a guard against
// spreadsheet formula injection (a journal line starting with "=" stays text).

import { wallClockAt } from '../time/wall-clock.ts';

export type CsvCell = string | number | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

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
