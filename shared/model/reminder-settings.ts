import { z } from 'zod';

// The reminders section of the settings: which nudges come, how many, when they may come,
// and whether Attune starts with the computer. Declared like the other sections: field
// schemas without defaults (what a patch may carry), then the stored section with defaults.

/** "HH:MM" on a 24-hour clock, as <input type="time"> gives it. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');
export type ClockTime = z.infer<typeof ClockTimeSchema>;

/** 0 = Sunday … 6 = Saturday, as Date#getDay counts. */
export const WeekdaySchema = z.number().int().min(0).max(6);

export const TimeRangeSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .strict()
  .refine((range) => range.start < range.end, { message: 'A time range must end after it starts, on the same day.' });
export type TimeRange = z.infer<typeof TimeRangeSchema>;

export const PhraseSchema = z.string().trim().min(1).max(200);

/** Our own wording of the article's Feel → Find → Reflect and micro-attunement ideas. */
export const DEFAULT_CHECK_IN_PHRASES = [
  'Feel: what is the mood around you right now, in the room and in you?',
  'Find: what might your partner be carrying today? Make one kind guess.',
  'Reflect: try it out loud, gently. “I wonder if today felt a bit heavy?”',
  'A small one: “You went quiet. Just checking in.”',
  'Before you reach out, check your own body: jaw, shoulders, breath.',
  '“Do you want to talk it through, or would you like me to just listen?”',
] as const;

export const reminderFields = {
  checkIns: z.boolean(),
  checkInsPerDay: z.number().int().min(1).max(12),
  phrases: z.array(PhraseSchema).min(1).max(30),
  journalPrompt: z.boolean(),
  journalTime: ClockTimeSchema,
  weeklyProgress: z.boolean(),
  weeklyDay: WeekdaySchema,
  weeklyTime: ClockTimeSchema,
  breakOver: z.boolean(),
  agreementFollowUps: z.boolean(),
  restingReadings: z.boolean(),
  activeDays: z.array(WeekdaySchema).max(7).refine((days) => new Set(days).size === days.length, 'Each day once.'),
  activeRanges: z.array(TimeRangeSchema).min(1).max(4),
  quietHours: z.boolean(),
  quietStart: ClockTimeSchema,
  quietEnd: ClockTimeSchema,
  respectDoNotDisturb: z.boolean(),
  startAtLogin: z.boolean(),
};

export const ReminderSettingsSchema = z.object({
  checkIns: reminderFields.checkIns.default(true),
  checkInsPerDay: reminderFields.checkInsPerDay.default(3),
  phrases: reminderFields.phrases.default(() => [...DEFAULT_CHECK_IN_PHRASES]),
  journalPrompt: reminderFields.journalPrompt.default(true),
  journalTime: reminderFields.journalTime.default('20:30'),
  weeklyProgress: reminderFields.weeklyProgress.default(true),
  weeklyDay: reminderFields.weeklyDay.default(0),
  weeklyTime: reminderFields.weeklyTime.default('18:00'),
  breakOver: reminderFields.breakOver.default(true),
  agreementFollowUps: reminderFields.agreementFollowUps.default(true),
  // On: a baseline from one or two readings is a rough line, and these stop by themselves.
  restingReadings: reminderFields.restingReadings.default(true),
  activeDays: reminderFields.activeDays.default(() => [0, 1, 2, 3, 4, 5, 6]),
  activeRanges: reminderFields.activeRanges.default(() => [{ start: '09:00', end: '21:30' }]),
  quietHours: reminderFields.quietHours.default(true),
  quietStart: reminderFields.quietStart.default('22:00'),
  quietEnd: reminderFields.quietEnd.default('08:00'),
  respectDoNotDisturb: reminderFields.respectDoNotDisturb.default(true),
  // Off by default: starting with the computer is the user's choice to make.
  startAtLogin: reminderFields.startAtLogin.default(false),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const ReminderSettingsPatchSchema = z.object(reminderFields).partial().strict();

/** "09:30" → 570. */
export function clockMinutes(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
