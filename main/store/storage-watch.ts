import type { StorageStatus } from '../../shared/model/app-info.ts';
import type { Log } from '../logging/rotating-log.ts';
import { writeBlockOf, type WriteBlock } from './deferred-work.ts';
import { nodeFs } from './fs-layer.ts';
import type { RecordsService } from './records-service.ts';
import { checkWritable } from './vault-folder.ts';

// Whether the data folder takes writes: a probe write into it when Attune starts, on "Try
// again", and whenever a save is refused by the disk while Attune runs (it filled up, or was
// remounted read-only), together with the records store's own state (work it could not write
// yet). Attune starts and runs either way; the window shows a banner while it is read-only,
// and is told the moment that changes (`announce`), not only when it asks.

export type StorageWatch = {
  status(): Promise<StorageStatus>;
  /** Tries the folder and the store's waiting work again; announces a change. */
  retry(): Promise<StorageStatus>;
  /** A save was refused by the disk: looks again, and announces it if Attune can no longer save. */
  writeRefused(): Promise<void>;
  /**
   * Resolves once the folder's probe write in flight has finished: the owner waits for it on
   * close, or the probe (a mkdir, a write, an unlink) would recreate a removed folder.
   */
  settled(): Promise<void>;
};

export function watchStorage(userDataDir: string, records: RecordsService, log: Log, announce: (status: StorageStatus) => void): StorageWatch {
  const probe = (): Promise<WriteBlock | null> =>
    checkWritable(nodeFs, userDataDir).then(
      () => null,
      (error: unknown) => writeBlockOf(error) ?? { reason: 'not-writable', fsCode: 'unknown' },
    );
  let folder = probe();
  let logged = false;
  let known: StorageStatus | null = null;
  const status = async (): Promise<StorageStatus> => {
    await records.ready();
    const block = (await folder) ?? records.writeBlock();
    if (block !== null && !logged) {
      logged = true;
      log.warn(`storage: the data folder takes no writes (${block.fsCode}); Attune runs read-only`);
    }
    known = block === null ? { state: 'writable', reason: null } : { state: 'read-only', reason: block.reason };
    return known;
  };
  const lookAgain = async (): Promise<StorageStatus> => {
    const before = known;
    folder = probe();
    logged = false;
    const now = await status();
    if (before === null || before.state !== now.state || before.reason !== now.reason) announce(now);
    return now;
  };
  return {
    status,
    async retry() {
      await records.retry();
      return lookAgain();
    },
    async writeRefused() {
      await lookAgain();
    },
    async settled() {
      // A look again may start a new probe while the last one ends: wait until none is left.
      for (let current = folder; ; current = folder) {
        await current;
        if (current === folder) return;
      }
    },
  };
}
