import { restingReadings } from '../../shared/check/resting-readings.ts';
import type { ReminderSettings } from '../../shared/model/reminder-settings.ts';
import { BASELINE_STALE_AFTER_DAYS, CALM_AFTER_FLOOD_HOURS } from '../../shared/model/reminders.ts';
import type { SessionListItem } from '../../shared/model/session.ts';
import { CALIBRATION_READINGS, computeBaseline } from '../../shared/signal/baseline.ts';
import { civilDateOf, dateKey } from '../../shared/time/civil-date.ts';
import { DAY_MS, HOUR_MS } from '../../shared/time/durations.ts';
import { isAllowedAt } from './plan.ts';

// The resting-reading reminder: whether the baseline still wants a reading, and whether this
// is a calm enough moment to ask for one. Pure functions of what the records say (read in
// compose.ts), the settings and an instant; nothing here reads a clock.

export const BASELINE_STALE_AFTER_MS = BASELINE_STALE_AFTER_DAYS * DAY_MS;
export const CALM_AFTER_FLOOD_MS = CALM_AFTER_FLOOD_HOURS * HOUR_MS;

/** What the records say, gathered once per look (compose.ts reads them from the store). */
export type BaselineFacts = {
  /** Resting readings the baseline is made of now (at most 7). */
  readingsSoFar: number;
  /** When the newest resting reading was taken, or null with none. */
  lastReadingAtMs: number | null;
  /** When the newest flooded moment ended (see isFloodedSession), or null with none on record. */
  lastFloodAtMs: number | null;
};

/** The facts plus what the reminder history says. */
export type RestingFacts = BaselineFacts & {
  /** When a resting-reading reminder was last shown, or null. */
  lastReminderAtMs: number | null;
};

/**
 * A session that says the body was flooded: a check that ended in "take a break", a
 * conversation (or check) in which the flooding cue was given, or a break taken.
 */
export function isFloodedSession(session: SessionListItem): boolean {
  if (session.kind === 'break') return true;
  if (session.verdict === 'take-a-break') return true;
  return (session.floodCueCount ?? 0) > 0;
}

export function baselineFactsFrom(sessions: readonly SessionListItem[]): BaselineFacts {
  const readings = restingReadings(sessions);
  const baseline = computeBaseline(readings);
  let lastReadingAtMs: number | null = null;
  for (const reading of readings) if (lastReadingAtMs === null || reading.atMs > lastReadingAtMs) lastReadingAtMs = reading.atMs;
  let lastFloodAtMs: number | null = null;
  for (const session of sessions) {
    if (!isFloodedSession(session)) continue;
    const at = session.endedAtMs ?? session.startedAtMs;
    if (lastFloodAtMs === null || at > lastFloodAtMs) lastFloodAtMs = at;
  }
  return {
    readingsSoFar: baseline.status === 'established' ? baseline.readingsUsed : baseline.readingsSoFar,
    lastReadingAtMs,
    lastFloodAtMs,
  };
}

/**
 * Whether the baseline wants another resting reading at `atMs`: while it has fewer than the
 * readings it needs, and again once the newest reading is stale. Not before the first one
 * (that is the welcome's own step, taken when the person starts) and not on a day a reading
 * was already taken.
 */
export function restingReadingNeeded(facts: BaselineFacts | null, atMs: number, timeZone: string): boolean {
  if (facts === null || facts.readingsSoFar === 0 || facts.lastReadingAtMs === null) return false;
  if (sameLocalDay(facts.lastReadingAtMs, atMs, timeZone)) return false;
  if (facts.readingsSoFar < CALIBRATION_READINGS) return true;
  return atMs - facts.lastReadingAtMs >= BASELINE_STALE_AFTER_MS;
}

/**
 * The calm-day rule, in one place: a resting-reading reminder may come at `atMs` when it is
 * inside the person's reminder hours and outside quiet hours, at least CALM_AFTER_FLOOD_MS
 * after the last flooded moment, and no resting reading and no resting-reading reminder has
 * come yet that local day (one a day at most). Pauses, locks and a check in progress are the
 * scheduler's business, as for every reminder.
 */
export function isCalmMoment(atMs: number, facts: RestingFacts, settings: ReminderSettings, timeZone: string): boolean {
  if (!isAllowedAt(settings, atMs, timeZone)) return false;
  if (facts.lastFloodAtMs !== null && atMs - facts.lastFloodAtMs < CALM_AFTER_FLOOD_MS) return false;
  if (facts.lastReadingAtMs !== null && sameLocalDay(facts.lastReadingAtMs, atMs, timeZone)) return false;
  if (facts.lastReminderAtMs !== null && sameLocalDay(facts.lastReminderAtMs, atMs, timeZone)) return false;
  return true;
}

function sameLocalDay(aMs: number, bMs: number, timeZone: string): boolean {
  return dateKey(civilDateOf(aMs, timeZone)) === dateKey(civilDateOf(bMs, timeZone));
}
