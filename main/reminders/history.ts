import { DAY_MS } from '../../shared/time/durations.ts';
import type { ReminderHistoryEntry, ReminderKind, ReminderOutcome } from '../../shared/model/reminders.ts';
import { addDays, civilDateOf, instantOf } from '../../shared/time/civil-date.ts';
import { SNOOZED_KEY_MARK } from './plan.ts';

// What became of each reminder, and what that says about how many to send. Pure functions
// over the list kept in reminders.json.

export const HISTORY_KEPT_DAYS = 60;
export const HISTORY_MAX_ENTRIES = 2000;

export type OutcomeCounts = Record<ReminderOutcome, number>;

export function appendEntry(entries: readonly ReminderHistoryEntry[], entry: ReminderHistoryEntry): ReminderHistoryEntry[] {
  const cutoff = entry.atMs - HISTORY_KEPT_DAYS * DAY_MS;
  return [...entries.filter((e) => e.atMs >= cutoff), entry].slice(-HISTORY_MAX_ENTRIES);
}

export function countsSince(entries: readonly ReminderHistoryEntry[], sinceMs: number): OutcomeCounts {
  const counts: OutcomeCounts = { shown: 0, acted: 0, snoozed: 0, skipped: 0 };
  for (const entry of entries) if (entry.atMs >= sinceMs) counts[entry.outcome] += 1;
  return counts;
}

export function checkInsShownOn(entries: readonly ReminderHistoryEntry[], nowMs: number, timeZone: string): number {
  const today = civilDateOf(nowMs, timeZone);
  const fromMs = instantOf(today, 0, timeZone);
  const toMs = instantOf(addDays(today, 1), 0, timeZone);
  // A snoozed check-in shown again is still the one check-in it was.
  return entries.filter((e) => e.kind === 'check-in' && e.outcome === 'shown' && !e.key.includes(SNOOZED_KEY_MARK) && e.atMs >= fromMs && e.atMs < toMs)
    .length;
}

/** When a reminder of this kind was last shown, or null. */
export function lastShownAtMs(entries: readonly ReminderHistoryEntry[], kind: ReminderKind): number | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i]!;
    if (entry.kind === kind && entry.outcome === 'shown') return entry.atMs;
  }
  return null;
}

/** The reminder shown last that has no answer yet (acted, snoozed or skipped), if any. */
export function unanswered(entries: readonly ReminderHistoryEntry[]): ReminderHistoryEntry | null {
  const last = entries.at(-1);
  return last !== undefined && last.outcome === 'shown' ? last : null;
}

export type CheckInPace = { perDay: number; fewerBecauseSkipped: boolean };

/**
 * After a week in which most check-ins went unanswered, send half as many (at least one).
 * "A week" means check-ins on record for six days or more and at least seven shown; "most"
 * means fewer than a quarter acted on. Acting on them again brings the full number back.
 */
export function checkInPace(setting: number, entries: readonly ReminderHistoryEntry[], nowMs: number): CheckInPace {
  const since = nowMs - 7 * DAY_MS;
  const recent = entries.filter((e) => e.kind === 'check-in' && e.atMs >= since);
  const shown = recent.filter((e) => e.outcome === 'shown');
  const acted = recent.filter((e) => e.outcome === 'acted').length;
  const first = shown[0];
  const spansAWeek = first !== undefined && nowMs - first.atMs >= 6 * DAY_MS;
  if (spansAWeek && shown.length >= 7 && acted / shown.length < 0.25) {
    return { perDay: Math.max(1, Math.ceil(setting / 2)), fewerBecauseSkipped: setting > 1 };
  }
  return { perDay: setting, fewerBecauseSkipped: false };
}
