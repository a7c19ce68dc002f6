import type { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { exportEverything } from '../../store/export.ts';
import { nodeFs, type StoreFs } from '../../store/fs-layer.ts';
import { importExportFolder } from '../../store/import-export.ts';
import { importRecordingFile } from '../../store/import-recording.ts';
import type { RecordsService } from '../../store/records-service.ts';
import { systemClock, type Clock } from '../../../shared/time/clock.ts';
import { MAX_EPOCH_MS } from '../../../shared/model/session.ts';
import { sessionsListEntry } from '../../../shared/trends/sessions-list.ts';
import type { ContractHandlers } from '../router.ts';
import { withStoreErrors } from '../store-errors.ts';

// Binds the records channels to the records service. Folders and files for export and
// import come from main's own dialogs (`chooseFolder`, `chooseRecordingFile`), never from
// the page, so a compromised page cannot make main read or write an arbitrary path. The
// store's errors, and file-system errors from export and import folders, reach the router
// as IpcErrors through withStoreErrors.

export type RecordsHandlerDeps = {
  records: RecordsService;
  /** Shows the system folder picker; null when the user cancels. */
  chooseFolder(purpose: 'export' | 'import'): Promise<string | null>;
  /** Shows the system file picker for one recording file; null when the user cancels. */
  chooseRecordingFile(): Promise<string | null>;
  clock?: Clock;
  fs?: StoreFs;
};

export function createRecordsHandlers(deps: RecordsHandlerDeps): ContractHandlers<typeof recordsChannels> {
  const fs = deps.fs ?? nodeFs;
  const clock = deps.clock ?? systemClock;
  const store = () => deps.records.store();

  return withStoreErrors<typeof recordsChannels>({
    'session.start': async (input) => (await store()).startSession(input),
    'session.appendBeats': async ({ sessionId, beats }) => (await store()).appendBeats(sessionId, beats),
    'session.addMarker': async ({ sessionId, marker }) => (await store()).addMarker(sessionId, marker),
    'session.finish': async ({ sessionId, baselineHrBpm }) => (await store()).finishSession(sessionId, { baselineHrBpm }),
    'session.discard': async ({ sessionId }) => (await store()).discardSession(sessionId),
    'session.delete': async ({ sessionId }) => (await store()).trashSession(sessionId),
    'session.restore': async ({ sessionId }) => sessionsListEntry(await (await store()).restoreSession(sessionId)),
    'session.listAll': async () => (await store()).listSessions(0, MAX_EPOCH_MS).map(sessionsListEntry),
    'session.list': async ({ fromMs, toMs }) => (await store()).listSessions(fromMs, toMs),
    'session.get': async ({ sessionId }) => (await store()).getSession(sessionId),

    'journal.create': async (input) => (await store()).createJournal(input),
    'journal.update': async ({ id, patch, expectedRevision }) => (await store()).updateJournal(id, patch, expectedRevision),
    'journal.delete': async ({ id }) => (await store()).trashJournal(id),
    'journal.restore': async ({ id }) => (await store()).restoreJournal(id),
    'journal.get': async ({ id }) => (await store()).getJournal(id),
    'journal.list': async (filter) => (await store()).listJournal(filter),
    'journal.search': async (query) => (await store()).searchJournal(query),
    'journal.searchIds': async (query) => (await store()).searchJournal(query).map(({ id, score }) => ({ id, score })),
    'journal.link': async ({ entryId, sessionId }) => (await store()).linkJournal(entryId, sessionId),
    'journal.unlink': async ({ entryId, sessionId }) => (await store()).unlinkJournal(entryId, sessionId),

    'agreement.list': async () => (await store()).listAgreements(),
    'agreement.save': async (input) => (await store()).saveAgreement(input),
    'agreement.delete': async ({ id }) => (await store()).deleteAgreement(id),

    'data.status': async () => {
      await deps.records.ready();
      const problem = deps.records.problem();
      if (problem) {
        return { state: 'unavailable' as const, problem: problem.message, encryption: null, sessionCount: 0, journalCount: 0, agreementCount: 0, quarantinedCount: 0, newerRecordCount: 0 };
      }
      const current = await store();
      const status = current.status();
      // Counted from the folder itself, so the count is the same after a restart.
      const quarantined = await current.listQuarantine();
      return {
        state: 'open' as const,
        problem: null,
        encryption: status.encryption,
        sessionCount: status.sessionCount,
        journalCount: status.journalCount,
        agreementCount: status.agreementCount,
        quarantinedCount: quarantined.length,
        newerRecordCount: status.newerRecordCount,
      };
    },
    'data.export': async () => {
      const current = await store();
      const folder = await deps.chooseFolder('export');
      if (folder === null) return { cancelled: true as const };
      const result = await exportEverything(current, fs, folder, clock.nowMs());
      return { cancelled: false as const, ...result };
    },
    'data.import': async () => {
      const current = await store();
      const folder = await deps.chooseFolder('import');
      if (folder === null) return { cancelled: true as const };
      const result = await importExportFolder(current, folder);
      return { cancelled: false as const, ...result };
    },
    'data.importRecording': async () => {
      const current = await store();
      const path = await deps.chooseRecordingFile();
      if (path === null) return { cancelled: true as const };
      const result = await importRecordingFile(current, path, clock.nowMs());
      return { cancelled: false as const, ...result };
    },
    'data.quarantine': async () => (await store()).listQuarantine(),
    'data.exportQuarantine': async () => {
      const current = await store();
      const folder = await deps.chooseFolder('export');
      if (folder === null) return { cancelled: true as const };
      return { cancelled: false as const, ...(await current.exportQuarantine(folder)) };
    },
    'data.deleteEverything': async () => {
      await deps.records.deleteEverything();
      return { deleted: true as const };
    },
  });
}
