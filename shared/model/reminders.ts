import { z } from 'zod';

// Reminders and the tray as the window sees them: kinds, history, pauses, the live status
// the window reports for the tray, and where a reminder or tray action takes the window.

export const REMINDER_KINDS = ['check-in', 'journal', 'weekly', 'break-over', 'agreement', 'resting-reading'] as const;
export const ReminderKindSchema = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

/**
 * After this many days without a resting reading the baseline counts as stale and the
 * resting-reading reminder comes back. The baseline is the median of the last seven readings
 * however old they are; a resting heart rate drifts with fitness, sleep and the seasons, so
 * after a month one fresh reading keeps the line every check is judged against close to the
 * body as it is now. (The rule: main/reminders/resting-reminder.ts; Settings says it in words.)
 */
export const BASELINE_STALE_AFTER_DAYS = 30;

/**
 * No resting-reading reminder within this many hours after a check or a conversation that
 * ended flooded, or a break. A body can stay stirred for hours after flooding, and a reading
 * taken then would set the line too high; six hours keeps clear of that without giving up
 * the whole day.
 */
export const CALM_AFTER_FLOOD_HOURS = 6;

export const REMINDER_OUTCOMES = ['shown', 'acted', 'snoozed', 'skipped'] as const;
export const ReminderOutcomeSchema = z.enum(REMINDER_OUTCOMES);
export type ReminderOutcome = z.infer<typeof ReminderOutcomeSchema>;

/** One line of history: a reminder was shown, or what became of it. */
export const ReminderHistoryEntrySchema = z
  .object({
    /** The occurrence, e.g. "check-in:2025-03-30#1". */
    key: z.string().min(1).max(200),
    kind: ReminderKindSchema,
    outcome: ReminderOutcomeSchema,
    atMs: z.number().int().min(0),
    /**
     * On a 'shown' line, 'tray' when the system notification could not be shown and the tray
     * carried it. On an answer, where the person gave it (a notification's button or the
     * tray); absent when nobody did (a skip recorded because the next reminder came).
     */
    via: z.enum(['notification', 'tray']).optional(),
  })
  .strict();
export type ReminderHistoryEntry = z.infer<typeof ReminderHistoryEntrySchema>;

export const PAUSE_SPANS = ['30m', '1h', '2h', 'tomorrow'] as const;
export const PauseSpanSchema = z.enum(PAUSE_SPANS);
export type PauseSpan = z.infer<typeof PauseSpanSchema>;

export const BUSY_ACTIVITIES = ['check', 'conversation'] as const;
export const BusyActivitySchema = z.enum(BUSY_ACTIVITIES);

export const OutcomeCountsSchema = z.object({
  shown: z.number().int().min(0),
  acted: z.number().int().min(0),
  snoozed: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

export const ReminderStatusSchema = z.object({
  pausedUntilMs: z.number().int().nullable(),
  breakEndsAtMs: z.number().int().nullable(),
  next: z.object({ kind: ReminderKindSchema, atMs: z.number().int() }).nullable(),
  /** Check-ins a day right now: fewer than the setting after a week of mostly skipped ones. */
  checkInsPerDay: z.number().int().min(0),
  fewerBecauseSkipped: z.boolean(),
  /**
   * The reminder that came and has no answer yet, while it is still worth answering: the
   * tray offers to open, snooze or skip it (whether the system showed it or could not).
   */
  waiting: ReminderKindSchema.nullable(),
  /** Newest first, at most 50. */
  recent: z.array(ReminderHistoryEntrySchema),
  lastSevenDays: OutcomeCountsSchema,
  /** 'os' when the system's do-not-disturb can be read here, 'quiet-hours' when it cannot. */
  doNotDisturbSource: z.enum(['os', 'quiet-hours']),
  timeZone: z.string(),
});
export type ReminderStatus = z.infer<typeof ReminderStatusSchema>;

export const HEART_STATES = ['calm', 'elevated', 'flooded'] as const;

/** What the window tells main about the live heart reading, for the tray. */
export const LiveStatusSchema = z
  .object({
    connected: z.boolean(),
    bpm: z.number().int().min(20).max(250).nullable(),
    state: z.enum(HEART_STATES).nullable(),
  })
  .strict();
export type LiveStatus = z.infer<typeof LiveStatusSchema>;

export const NAVIGATE_ROUTES = ['check', 'breathe', 'journal', 'trends', 'settings', 'device'] as const;

/** Main asks the window to show a screen (a tray item or a notification was clicked). */
export const NavigateRequestSchema = z
  .object({
    route: z.enum(NAVIGATE_ROUTES),
    /** A hint for the screen, e.g. "checkin" or "break=20"; plain words and numbers only. */
    query: z.string().regex(/^[a-z0-9=&_-]*$/i).max(100).optional(),
  })
  .strict();
export type NavigateRequest = z.infer<typeof NavigateRequestSchema>;
