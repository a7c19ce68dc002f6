import { clockMinutes, type ReminderSettings } from '../../shared/model/reminder-settings.ts';
import type { PauseSpan } from '../../shared/model/reminders.ts';
import { addDays, civilDateOf, instantOf, minuteOfDay } from '../../shared/time/civil-date.ts';
import { MINUTE_MS } from '../../shared/time/durations.ts';

/** When a pause ends: a span from now, or tomorrow at the start of the first active range. */
export function pauseEnd(span: PauseSpan, nowMs: number, settings: ReminderSettings, timeZone: string): number {
  switch (span) {
    case '30m':
      return nowMs + 30 * MINUTE_MS;
    case '1h':
      return nowMs + 60 * MINUTE_MS;
    case '2h':
      return nowMs + 120 * MINUTE_MS;
    case 'tomorrow': {
      const starts = settings.activeRanges.map((range) => clockMinutes(range.start));
      const morning = starts.length > 0 ? Math.min(...starts) : 8 * 60;
      const today = civilDateOf(nowMs, timeZone);
      // Just after midnight, "tomorrow morning" is the morning about to come.
      const thisMorning = instantOf(today, morning, timeZone);
      if (nowMs < thisMorning && minuteOfDay(nowMs, timeZone) < 4 * 60) return thisMorning;
      return instantOf(addDays(today, 1), morning, timeZone);
    }
  }
}
