import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshRemindersFile, openRemindersFile } from '../../../main/reminders/reminders-file.ts';
import { nodeFs, type StoreFs } from '../../../main/store/fs-layer.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// reminders.json is written in the background (a pause, a busy report). Whoever stops the
// reminders waits for that last write: one that landed after the owner moved on recreated a
// test's removed temp folder, and on quit it would be cut off half-way.

const folders: Array<{ cleanup: () => void }> = [];
afterEach(() => {
  for (const folder of folders.splice(0)) folder.cleanup();
});

/** The real file system, with every file opened for writing held until `release()`. */
function heldWrites(): StoreFs & { release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    ...nodeFs,
    open: async (path, flags) => {
      await gate;
      return nodeFs.open(path, flags);
    },
    release: () => release(),
  };
}

describe('the reminders file', () => {
  it('settles only once the last queued write is on disk', async () => {
    const folder = makeTempDir('attune-reminders-');
    folders.push(folder);
    const fs = heldWrites();
    const file = openRemindersFile(folder.path, fs);
    const paused = { ...freshRemindersFile(() => 0.5), pausedUntilMs: Date.UTC(2026, 11, 2, 20) };
    void file.save({ ...paused, pausedUntilMs: null });
    void file.save(paused);

    let settled = false;
    const waiting = file.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);

    fs.release();
    await waiting;
    const onDisk = JSON.parse(readFileSync(join(folder.path, 'reminders.json'), 'utf8')) as { pausedUntilMs: number | null };
    expect(onDisk.pausedUntilMs).toBe(paused.pausedUntilMs);
  });

  it('settles after a write that failed too, so stopping never hangs on a full disk', async () => {
    const folder = makeTempDir('attune-reminders-');
    folders.push(folder);
    const failing: StoreFs = { ...nodeFs, open: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) };
    const file = openRemindersFile(folder.path, failing);
    await expect(file.save(freshRemindersFile(() => 0.5))).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(file.settled()).resolves.toBeUndefined();
    expect(existsSync(join(folder.path, 'reminders.json'))).toBe(false);
  });
});
