import type { trendsChannels } from '../../../shared/ipc/channels/trends.ts';
import { toTrendEntry, toTrendSession, type TrendSession, type TrendSigns } from '../../../shared/trends/timeline.ts';
import type { RecordsService } from '../../store/records-service.ts';
import type { ContractHandlers } from '../router.ts';
import { withStoreErrors } from '../store-errors.ts';

// trends.timeline: the records index turned into Trends' compact points in one call. The
// index holds everything but the signs ratings, so only 'weekly-signs' entries are opened
// (one a week), and their ratings are kept by revision so a second visit opens none.

const ALL_TIME_END_MS = 8_640_000_000_000;

export function createTrendsHandlers(deps: { records: RecordsService }): ContractHandlers<typeof trendsChannels> {
  const ratings = new Map<string, { revision: number; rating: number[] | null }>();
  return withStoreErrors<typeof trendsChannels>({
    'trends.timeline': async () => {
      const store = await deps.records.store();
      const sessions = store
        .listSessions(0, ALL_TIME_END_MS)
        .map(toTrendSession)
        .filter((s): s is TrendSession => s !== null);
      const list = store.listJournal({}).filter((entry) => entry.trashedAtMs === null);
      const entries = list.map(toTrendEntry).sort((a, b) => a.createdAtMs - b.createdAtMs);
      const signs: TrendSigns[] = [];
      for (const item of list) {
        if (item.kind !== 'weekly-signs') continue;
        let known = ratings.get(item.id);
        if (known === undefined || known.revision !== item.revision) {
          const entry = await store.getJournal(item.id);
          known = { revision: item.revision, rating: entry.signsRating };
          ratings.set(item.id, known);
        }
        if (known.rating !== null) signs.push({ entryId: item.id, createdAtMs: item.createdAtMs, rating: known.rating });
      }
      signs.sort((a, b) => a.createdAtMs - b.createdAtMs);
      return { sessions, entries, signs };
    },
  });
}
