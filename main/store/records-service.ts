import { STORAGE_ERROR_WORDS } from '../../shared/content/store-messages.ts';
import type { Notice } from '../../shared/model/app-info.ts';
import { StoreError, toStoreError } from './errors.ts';
import { StoreKeyError } from './key-file.ts';
import { RecordsStore, type RecordsStoreOptions } from './records-store.ts';
import type { WriteBlock } from './deferred-work.ts';

// What main holds on to: the records store once it has opened, or the reason it could not
// (a missing or foreign key, an unreadable folder). It is created synchronously so the
// composition root can build its handlers at once, and opens the store on first use (or
// when ready() is called), so nothing touches the disk until records are wanted. If it
// cannot open, Attune still starts, every records channel answers 'unavailable' with the
// reason, and delete-everything still works, because it is the way out of a lost key.

export type RecordsProblem = { reason: StoreKeyError['reason'] | 'storage'; message: string };

export type RecordsService = {
  /** Opens the store if that has not started yet; resolves when opening has finished, whether or not it succeeded. */
  ready(): Promise<void>;
  /** The open store; rejects with StoreError 'not-open', carrying the plain reason, when it is not. */
  store(): Promise<RecordsStore>;
  /** Why the store is not open, or null (call after ready()). */
  problem(): RecordsProblem | null;
  deleteEverything(): Promise<void>;
  /** Notices for the user (quarantined files, recovered sessions, a store that would not open), each once. Never opens the store. */
  takeNotices(): Notice[];
  /** Why the open store's folder takes no writes (work from opening waits), or null. Never opens the store. */
  writeBlock(): WriteBlock | null;
  /**
   * "Try again": the open store tries its waiting work now; a store that could not open for
   * a storage reason is opened again. Resolves with what still blocks writing, or null.
   */
  retry(): Promise<WriteBlock | null>;
  close(): Promise<void>;
};

export function createRecordsService(options: RecordsStoreOptions): RecordsService {
  let store: RecordsStore | null = null;
  let problem: RecordsProblem | null = null;
  let problemNoticeTaken = false;

  const open = async (): Promise<void> => {
    try {
      store = await RecordsStore.open(options);
      problem = null;
    } catch (error) {
      store = null;
      problemNoticeTaken = false;
      if (error instanceof StoreKeyError) {
        problem = { reason: error.reason, message: error.message };
        return;
      }
      problem = { reason: 'storage', message: STORAGE_ERROR_WORDS.couldNotOpenFolder(openingFailure(error)) };
    }
  };
  let opening: Promise<void> | null = null;
  const ready = (): Promise<void> => (opening ??= open());

  const service: RecordsService = {
    ready,
    async store() {
      await ready();
      if (store) return store;
      throw new StoreError({ code: 'not-open', problem: problem?.message ?? null });
    },
    problem: () => problem,
    async deleteEverything() {
      await ready();
      if (store) {
        await store.deleteEverything();
        return;
      }
      // The store never opened (a lost key): remove the data without needing the key, then
      // open afresh with a new one.
      await RecordsStore.removeAllData(options);
      opening = open();
      await opening;
      if (!store) throw new StoreError({ code: 'reopen-failed', problem: problem?.message ?? null });
    },
    takeNotices() {
      const notices = store ? store.takeNotices() : [];
      if (problem && !problemNoticeTaken) {
        problemNoticeTaken = true;
        notices.push({ id: 'records-unavailable', kind: 'storage-warning', message: problem.message });
      }
      return notices;
    },
    writeBlock: () => store?.writeBlock() ?? null,
    async retry() {
      await ready();
      if (!store && problem?.reason === 'storage') {
        opening = open();
        await opening;
      }
      return store ? store.retryDeferredWork() : null;
    },
    async close() {
      if (opening === null) return;
      await opening;
      if (store) await store.close();
    },
  };
  return service;
}

/** Creates the service and waits until the store has opened (or failed to). */
export async function openRecordsService(options: RecordsStoreOptions): Promise<RecordsService> {
  const service = createRecordsService(options);
  await service.ready();
  return service;
}

/** What the problem notice says about a folder that would not open: the disk's failure, in plain words. */
function openingFailure(error: unknown): string {
  const failure = toStoreError(error);
  if (!(failure instanceof StoreError)) return STORAGE_ERROR_WORDS.unexpected;
  if (failure.problem.code === 'storage-full') return STORAGE_ERROR_WORDS.diskFull;
  if (failure.problem.code === 'storage-failed') return STORAGE_ERROR_WORDS.couldNotWrite(failure.problem.fsCode);
  return STORAGE_ERROR_WORDS.unexpected;
}
