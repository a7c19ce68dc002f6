import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRotatingLog } from '../../../main/logging/rotating-log.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { watchStorage } from '../../../main/store/storage-watch.ts';
import { fakeClock, osProtector, tempDir } from './helpers.ts';

// The storage watch tries the data folder with a probe write (make the folder, write a file,
// remove it) as soon as it is made. That probe has an owner: settled() waits for it, and the
// services' close() waits on settled(). A probe still running after its owner moved on made
// the folder again after a test had removed it, and left it, empty, in the temp folder.

let dir: ReturnType<typeof tempDir>;
let records: RecordsService;

beforeEach(async () => {
  dir = tempDir('attune-storage-watch-');
  records = await openRecordsService({ directory: join(dir.path, 'records'), keyProtector: osProtector(), clock: fakeClock(), indexSaveDelayMs: 60_000 });
});
afterEach(async () => {
  await records.close();
  dir.remove();
});

describe('the storage probe', () => {
  it('has made the folder and removed its probe file by the time settled() resolves', async () => {
    const dataDir = join(dir.path, 'data'); // not there yet: the probe makes it
    const log = createRotatingLog({ path: join(dir.path, 'logs', 'attune.log'), now: () => new Date() });
    const watch = watchStorage(dataDir, records, log, () => {});
    await watch.settled();
    expect(existsSync(dataDir)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(await watch.status()).toEqual({ state: 'writable', reason: null });
  });

});
