import { BREAK_MAX_MINUTES, BREAK_MIN_MINUTES } from '../../check/break-bounds.ts';
import { z } from 'zod';
import { BusyActivitySchema, LiveStatusSchema, PauseSpanSchema, ReminderStatusSchema } from '../../model/reminders.ts';
import { defineChannel } from '../channel.ts';

// Reminders and the tray: pauses, breaks, what the window is busy with, and the live heart
// reading the tray shows. The reminder settings themselves go through settings.update.

export const remindersChannels = {
  'reminders.status': defineChannel({
    input: z.undefined(),
    output: ReminderStatusSchema,
    summary: 'Pause, break, the next reminder, the check-in pace and recent history.',
  }),
  'reminders.pause': defineChannel({
    input: z.object({ span: PauseSpanSchema }).strict(),
    output: ReminderStatusSchema,
    summary: 'Pauses reminders for 30 minutes, 1 or 2 hours, or until tomorrow morning.',
  }),
  'reminders.resume': defineChannel({
    input: z.undefined(),
    output: ReminderStatusSchema,
    summary: 'Ends a pause.',
  }),
  'reminders.startBreak': defineChannel({
    input: z.object({ minutes: z.number().int().min(BREAK_MIN_MINUTES).max(BREAK_MAX_MINUTES) }).strict(),
    output: ReminderStatusSchema,
    summary: `Starts a break (at least ${BREAK_MIN_MINUTES} minutes); its end is announced.`,
  }),
  'reminders.endBreak': defineChannel({
    input: z.undefined(),
    output: ReminderStatusSchema,
    summary: 'Ends the current break early.',
  }),
  'reminders.setBusy': defineChannel({
    input: z.object({ activity: BusyActivitySchema, busy: z.boolean() }).strict(),
    output: z.boolean(),
    summary: 'The window says a check or a conversation is in progress (or over): reminders wait meanwhile.',
  }),
  'tray.strapLost': defineChannel({
    input: z.object({ name: z.string().max(100).nullable() }).strict(),
    output: z.boolean(),
    summary: 'The strap whose link was lost and could not be restored (null once it is back or let go): the tray offers to reconnect it.',
  }),
  'tray.liveStatus': defineChannel({
    input: LiveStatusSchema,
    output: z.boolean(),
    summary: 'The live heart reading for the tray icon and tooltip (send on change, a few times a minute at most).',
  }),
} as const;
