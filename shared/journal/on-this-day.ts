import { daysInMonth, monthsBetween, type CivilDate } from '../time/civil-date.ts';

// "On this day": entries written on today's date in earlier months and years, so the
// journal can bring back what you wrote a month or a year ago. An entry from the 29th–31st
// comes back on the last day of a shorter month, so no entry is skipped for a whole month.

export type OnThisDayMatch<T> = { entry: T; monthsAgo: number; label: string };

export function onThisDay<T extends { createdAtMs: number }>(
  entries: readonly T[],
  today: CivilDate,
  dayOf: (ms: number) => CivilDate,
): Array<OnThisDayMatch<T>> {
  const lastDayToday = today.day === daysInMonth(today.year, today.month);
  const out: Array<OnThisDayMatch<T>> = [];
  for (const entry of entries) {
    const day = dayOf(entry.createdAtMs);
    const monthsAgo = monthsBetween(day, today);
    if (monthsAgo < 1) continue;
    if (day.day === today.day || (lastDayToday && day.day > today.day)) {
      out.push({ entry, monthsAgo, label: agoLabel(monthsAgo) });
    }
  }
  out.sort((a, b) => a.monthsAgo - b.monthsAgo || b.entry.createdAtMs - a.entry.createdAtMs);
  return out;
}

export function agoLabel(monthsAgo: number): string {
  const years = Math.floor(monthsAgo / 12);
  const months = monthsAgo % 12;
  const y = years === 1 ? 'a year' : `${years} years`;
  const m = months === 1 ? 'a month' : `${months} months`;
  if (years === 0) return `${m} ago`;
  if (months === 0) return `${y} ago`;
  return `${y} and ${m} ago`;
}
