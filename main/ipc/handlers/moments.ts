import type { momentsChannels } from '../../../shared/ipc/channels/moments.ts';
import { smallMomentLabel } from '../../../shared/content/small-moments.ts';
import type { RecordsService } from '../../store/records-service.ts';
import type { ContractHandlers } from '../router.ts';
import { withStoreErrors } from '../store-errors.ts';

// moment.note: a small moment becomes a journal entry of kind 'moment', titled with the
// kind's words so the journal's list reads "Said thank you" without opening it.

export function createMomentsHandlers(deps: { records: RecordsService }): ContractHandlers<typeof momentsChannels> {
  return withStoreErrors<typeof momentsChannels>({
    'moment.note': async ({ kind, words }) =>
      (await deps.records.store()).createJournal({
        kind: 'moment',
        momentKind: kind,
        title: smallMomentLabel(kind),
        text: words?.trim() ?? '',
      }),
  });
}
