import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallMomentsThisWeek } from '../../../main/reminders/moments-this-week.ts';
import { reminderText } from '../../../main/reminders/reminder-content.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { fakeClock, osProtector, tempDir } from '../store/helpers.ts';
import { reminderSettings, simulate } from './simulation.ts';

// The weekly reminder says how many small moments were noted this week: counted from the
// real store (in a temp folder) in the user's local week, trashed ones and other entries left out.

const BERLIN = 'Europe/Berlin';
let dir: ReturnType<typeof tempDir>;
let records: RecordsService;
const clock = fakeClock();

beforeEach(async () => {
  dir = tempDir();
  records = await openRecordsService({ directory: dir.path, keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
});
afterEach(async () => {
  await records.close();
  dir.remove();
});

describe('the weekly reminder and small moments', () => {
  it('counts this local week’s moments, not last week’s, not trashed ones, not other entries', async () => {
    const store = await records.store();
    const note = (iso: string, kind: 'moment' | 'reflection' = 'moment') => store.createJournal({ text: '', kind, createdAtMs: Date.parse(iso), ...(kind === 'moment' ? { momentKind: 'thanked' } : {}) });
    await note('2025-01-12T22:30:00Z'); // Sunday 23:30 in Berlin: last week
    await note('2025-01-12T23:30:00Z'); // Monday 00:30 in Berlin: this week
    await note('2025-01-15T08:00:00Z');
    await note('2025-01-15T09:00:00Z', 'reflection');
    const trashed = await note('2025-01-16T08:00:00Z');
    await store.trashJournal(trashed.id);
    const sundayEvening = Date.parse('2025-01-19T17:00:00Z');
    expect(await smallMomentsThisWeek(records, sundayEvening, BERLIN)).toBe(2);
    expect(await smallMomentsThisWeek(records, Date.parse('2025-01-20T08:00:00Z'), BERLIN)).toBe(0);
  });

  it('puts the count in the weekly reminder’s words, and nothing when there is none or it is unknown', () => {
    expect(reminderText('weekly', { smallMomentsThisWeek: 3 }).body).toBe('Time for your weekly look back. 3 small moments this week.');
    expect(reminderText('weekly', { smallMomentsThisWeek: 1 }).body).toBe('Time for your weekly look back. 1 small moment this week.');
    expect(reminderText('weekly', { smallMomentsThisWeek: 0 }).body).toBe('Time for your weekly look back');
    expect(reminderText('weekly', { smallMomentsThisWeek: null }).body).toBe('Time for your weekly look back');
    expect(reminderText('check-in', { smallMomentsThisWeek: 3 }).body).toBe('Time for a check-in');
  });

  it('shows the count in the weekly notification itself, counted from the store when the reminder comes', async () => {
    const store = await records.store();
    // Wednesday and Friday of the week of Monday 2025-06-02 in Berlin; the reminder is Sunday 18:00.
    for (const iso of ['2025-06-04T08:00:00Z', '2025-06-06T19:00:00Z']) await store.createJournal({ text: '', kind: 'moment', createdAtMs: Date.parse(iso), momentKind: 'laughed' });
    const startMs = Date.parse('2025-06-02T04:00:00Z');
    const sim = await simulate({
      startMs,
      settings: reminderSettings({ checkIns: false, journalPrompt: false, weeklyProgress: true, weeklyDay: 0, weeklyTime: '18:00' }),
      timeZone: BERLIN,
      smallMomentsThisWeek: () => smallMomentsThisWeek(records, sim.nowMs(), BERLIN),
    });
    try {
      // The service asks the store before it shows the notification: let that answer arrive.
      for (let t = startMs; sim.shown.length === 0 && t <= startMs + 8 * 86_400_000; t += 15 * 60_000) {
        sim.advanceTo(t);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(sim.shown.map((s) => [s.kind, s.text.body])).toEqual([['weekly', 'Time for your weekly look back. 2 small moments this week.']]);
      expect(new Date(sim.shown[0]!.atMs).toISOString()).toBe('2025-06-08T16:00:00.000Z');
    } finally {
      await sim.service.stop();
    }
  });
});
