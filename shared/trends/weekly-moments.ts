import { startOfLocalWeekMs } from './local-calendar.ts';

// The weekly count of small moments: how many were noted in the local calendar week (Monday
// to Sunday, in the user's own time zone) that holds `nowMs`. Trends shows it beside the
// signs of progress and the weekly reminder says it. Comparing week starts, rather than
// adding seven days to one, keeps a week with a daylight-saving change whole.

export function smallMomentsInWeekOf(notedAtMs: Iterable<number>, nowMs: number, timeZone?: string): number {
  const week = startOfLocalWeekMs(nowMs, timeZone);
  let count = 0;
  for (const atMs of notedAtMs) if (atMs >= week && startOfLocalWeekMs(atMs, timeZone) === week) count += 1;
  return count;
}
