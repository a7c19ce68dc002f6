import { IpcError } from '../../shared/ipc/result.ts';
import type { Notice } from '../../shared/model/app-info.ts';
import { toStoreError } from './errors.ts';
import { StoreKeyError } from './key-file.ts';
import { RecordsStore, type RecordsStoreOptions } from './records-store.ts';

// What main holds on to: the records store when it opened, or the reason it could not (a
// missing or foreign key, an unreadable folder). Attune still starts without its records,
// every records channel then answers 'unavailable' with that reason, and delete-everything
// still works, because it is the way out of a lost key.

export type RecordsService = {
  /** The open store; throws IpcError('unavailable') with the plain reason when it is not. */
  store(): RecordsStore;
  /** Why the store is not open, or null. */
  problem(): { reason: StoreKeyError['reason'] | 'storage'; message: string } | null;
  deleteEverything(): Promise<void>;
  takeNotices(): Notice[];
  close(): Promise<void>;
};

export async function openRecordsService(options: RecordsStoreOptions): Promise<RecordsService> {
  let store: RecordsStore | null = null;
  let problem: ReturnType<RecordsService['problem']> = null;
  let noticeOfProblemTaken = false;

  const tryOpen = async () => {
    try {
      store = await RecordsStore.open(options);
      problem = null;
    } catch (error) {
      store = null;
      if (error instanceof StoreKeyError) problem = { reason: error.reason, message: error.message };
      else {
        const mapped = toStoreError(error);
        if (!(mapped instanceof IpcError)) throw error;
        problem = { reason: 'storage', message: `Attune could not open its records folder. ${mapped.message}` };
      }
    }
  };
  await tryOpen();

  return {
    store() {
      if (store) return store;
      throw new IpcError('unavailable', problem?.message ?? 'The records store is not open.');
    },
    problem: () => problem,
    async deleteEverything() {
      if (store) {
        await store.deleteEverything();
        return;
      }
      // The store never opened (a lost key): remove the data with a throwaway store that
      // skips the key, then open normally with a fresh key.
      await RecordsStore.removeAllData(options);
      await tryOpen();
      if (!store) throw new IpcError('storage-failed', problem?.message ?? 'The records store could not be opened after deleting.');
    },
    takeNotices() {
      const notices = store ? store.takeNotices() : [];
      if (problem && !noticeOfProblemTaken) {
        noticeOfProblemTaken = true;
        notices.push({ id: 'records-unavailable', kind: 'storage-warning', message: problem.message });
      }
      return notices;
    },
    async close() {
      if (store) await store.close();
    },
  };
}
