import { smallMomentsInWeekOf } from '../../shared/trends/weekly-moments.ts';
import type { RecordsService } from '../store/records-service.ts';

// The weekly reminder's count of small moments: the journal's 'moment' entries (not those in
// the trash, which listJournal leaves out) noted in the local week holding `nowMs`. Read from the records index in memory.

export async function smallMomentsThisWeek(records: RecordsService, nowMs: number, timeZone: string): Promise<number | null> {
  try {
    const store = await records.store();
    const notedAtMs = store
      .listJournal({})
      .filter((entry) => entry.kind === 'moment')
      .map((entry) => entry.createdAtMs);
    return smallMomentsInWeekOf(notedAtMs, nowMs, timeZone);
  } catch {
    // Records unavailable (a lost key, say): the reminder says its usual words.
    return null;
  }
}
