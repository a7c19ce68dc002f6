import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFs, type StoreFs } from '../../../main/store/fs-layer.ts';
import { makeBeats, openStore, tempDir } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** The real file system, except that while `full` is set a write gets a few bytes out and then fails with ENOSPC. */
function fillableFs(): StoreFs & { full: boolean } {
  const fs: StoreFs & { full: boolean } = {
    ...nodeFs,
    full: false,
    async open(path, flags) {
      const handle = await nodeFs.open(path, flags);
      let wroteSome = false;
      return {
        write: async (buffer, offset, length, position) => {
          if (fs.full) {
            if (!wroteSome && length > 4) {
              wroteSome = true;
              return handle.write(buffer, offset, 4, position);
            }
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return handle.write(buffer, offset, length, position);
        },
        sync: () => handle.sync(),
        truncate: (n) => handle.truncate(n),
        stat: () => handle.stat(),
        close: () => handle.close(),
      };
    },
  };
  return fs;
}

describe('a full disk', () => {
  it('fails writes with storage-full and leaves everything saved before intact', async () => {
    const fs = fillableFs();
    const store = await openStore(dir.path, { fs });
    const entry = await store.createJournal({ text: 'first version' });
    const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    const beats = makeBeats(60);
    await store.appendBeats(session.id, beats.slice(0, 20));

    fs.full = true;
    await expect(store.updateJournal(entry.id, { text: 'second version' })).rejects.toMatchObject({ code: 'storage-full' });
    await expect(store.createJournal({ text: 'never saved' })).rejects.toMatchObject({ code: 'storage-full' });
    await expect(store.appendBeats(session.id, beats.slice(20, 40))).rejects.toMatchObject({ code: 'storage-full' });
    await expect(store.addMarker(session.id, { tMs: 1, phase: 'baseline', edge: 'start' })).rejects.toMatchObject({ code: 'storage-full' });
    await expect(store.startSession({ kind: 'check', source: { kind: 'demo' } })).rejects.toMatchObject({ code: 'storage-full' });
    expect(readdirSync(join(dir.path, 'journal')).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // What the window sees did not move, and after space is freed the same calls succeed.
    expect((await store.getJournal(entry.id)).text).toBe('first version');
    expect(store.listJournal()).toHaveLength(1);
    fs.full = false;
    await store.appendBeats(session.id, beats.slice(20, 40));
    await store.appendBeats(session.id, beats.slice(40, 60));
    const finished = await store.finishSession(session.id);
    expect(finished.beatCount).toBe(60);
    await store.close();

    const again = await openStore(dir.path);
    expect((await again.getJournal(entry.id)).text).toBe('first version');
    const detail = await again.getSession(session.id);
    expect(detail.beats.rrMs).toEqual(beats.map((b) => b.rrMs));
    expect(detail.beatsStatus).toBe('complete');
    expect(again.takeNotices()).toEqual([]);
    await again.close();
  });

  it('keeps a recording readable when the disk fills and the app then stops', async () => {
    const fs = fillableFs();
    const store = await openStore(dir.path, { fs });
    const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    const beats = makeBeats(30);
    await store.appendBeats(session.id, beats.slice(0, 15));
    fs.full = true;
    await expect(store.appendBeats(session.id, beats.slice(15))).rejects.toMatchObject({ code: 'storage-full' });
    // No close: the app is killed while the disk is full.
    const again = await openStore(dir.path);
    const detail = await again.getSession(session.id);
    expect(detail.session.status).toBe('interrupted');
    expect(detail.beats.rrMs).toEqual(beats.slice(0, 15).map((b) => b.rrMs));
    await again.close();
  });
});
