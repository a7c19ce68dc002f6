// How long a break may be: the one home of the rule. At least 20 minutes, because a flooded
// body needs about that long to settle (the article's advice), and less than a day, so a
// return time chosen as a time of day is never ambiguous. The check's flow, the window's
// return-time field, the tray's "Take a break", the IPC channel and the reminder that
// announces the end all read these.

import { MINUTE_MS } from '../time/durations.ts';

export const BREAK_MIN_MINUTES = 20;
export const BREAK_MAX_MINUTES = 24 * 60 - 1;
export const BREAK_MIN_MS = BREAK_MIN_MINUTES * MINUTE_MS;
export const BREAK_MAX_MS = BREAK_MAX_MINUTES * MINUTE_MS;

/** A break's length in whole minutes, within the bounds. */
export function clampBreakMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return BREAK_MIN_MINUTES;
  return Math.min(BREAK_MAX_MINUTES, Math.max(BREAK_MIN_MINUTES, Math.round(minutes)));
}

/** The earliest and latest return times a break allows, from its start. */
export function returnTimeBounds(breakStartMs: number): { earliestMs: number; latestMs: number } {
  return { earliestMs: breakStartMs + BREAK_MIN_MS, latestMs: breakStartMs + BREAK_MAX_MS };
}

export function clampReturnTime(breakStartMs: number, returnAtMs: number): number {
  const { earliestMs, latestMs } = returnTimeBounds(breakStartMs);
  return Math.min(latestMs, Math.max(earliestMs, Math.round(returnAtMs)));
}
