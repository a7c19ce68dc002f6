import type { NavigateRequest, ReminderKind } from '../../shared/model/reminders.ts';
import { smallMomentsThisWeekText } from '../../shared/content/small-moments.ts';
import type { DueReminder } from './plan.ts';

// What a reminder says and where it leads. The words on the lock screen are neutral: they
// name the kind of moment and nothing about the person, their partner or what they wrote
// (the weekly one may add how many small moments were noted, a count and never what they were).
// The detail (the check-in phrase, the agreement's text) waits inside the app.

export type ReminderText = { title: string; body: string };

const TEXT: Record<ReminderKind, ReminderText> = {
  'check-in': { title: 'Attune', body: 'Time for a check-in' },
  journal: { title: 'Attune', body: 'Time for a few lines in your journal' },
  weekly: { title: 'Attune', body: 'Time for your weekly look back' },
  'break-over': { title: 'Attune', body: 'Your break time is up' },
  agreement: { title: 'Attune', body: 'Time to look back at a plan you made' },
  'resting-reading': { title: 'Attune', body: 'A calm moment for a resting reading?' },
};

/** What the weekly reminder adds: the week's count of small moments (null when the records cannot be read). */
export type ReminderFacts = { smallMomentsThisWeek?: number | null };

export function reminderText(kind: ReminderKind, facts: ReminderFacts = {}): ReminderText {
  const moments = facts.smallMomentsThisWeek ?? 0;
  // Only a count, never what the moments were; none noted says nothing, so it never nags.
  if (kind === 'weekly' && moments > 0) return { ...TEXT.weekly, body: `${TEXT.weekly.body}. ${smallMomentsThisWeekText(moments)}.` };
  return TEXT[kind];
}

/** The screen a reminder opens, with the hint that screen acts on (see renderer/app/route-query.ts). */
export function reminderRoute(due: Pick<DueReminder, 'kind' | 'ref'>): NavigateRequest {
  switch (due.kind) {
    case 'check-in':
      return { route: 'check', query: 'checkin' };
    case 'journal':
      return { route: 'journal', query: 'new' };
    case 'weekly':
      return { route: 'trends', query: 'progress' };
    case 'break-over':
      return { route: 'check', query: 'break=over' };
    case 'agreement':
      return { route: 'journal', query: due.ref ? `agreement=${due.ref}` : 'agreements' };
    case 'resting-reading':
      // The Check screen starts a resting reading (its calibration mode) when a source is connected.
      return { route: 'check', query: 'resting' };
  }
}
