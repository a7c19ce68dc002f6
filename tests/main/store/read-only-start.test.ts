import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_TRASH_KEEP_MS } from '../../../shared/model/journal.ts';
import type { RecordsStore } from '../../../main/store/records-store.ts';
import { folderState } from '../../support/folder-state.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../support/tmpfs.ts';
import { fakeClock, makeBeats, openStore } from './helpers.ts';

// Opening the records store never needs free space: on a real full disk (a filled tmpfs) or a
// read-only one (remounted ro), with sessions, journal, the trash and a session a crash cut
// off mid-recording, everything lists and reads, no file changes by a single byte, writes are
// refused with a typed error, and once the disk takes writes again the work opening left
// waiting (crash recovery, trash purge, index save, temp sweep) is done.

const mounts: Tmpfs[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) mount.remove();
});

function disk(): Tmpfs {
  const mount = mountTmpfs(512);
  mounts.push(mount);
  return mount;
}

const ALL = [0, Number.MAX_SAFE_INTEGER] as const;

/**
 * A store as a crash leaves it: a finished session, two journal entries (one in the trash
 * past its 30 days), a stale index snapshot, a temp file, and a session still recording
 * whose last batch was half-written (never acknowledged).
 */
async function crashedStore(directory: string, clock: ReturnType<typeof fakeClock>) {
  const store = await openStore(directory, { clock });
  const finished = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
  const finishedBeats = makeBeats(120);
  await store.appendBeats(finished.id, finishedBeats);
  await store.finishSession(finished.id);
  const kept = await store.createJournal({ text: 'we talked about the weekend calmly' });
  const old = await store.createJournal({ text: 'an old entry' });
  await store.trashJournal(old.id);
  await store.flush();
  const cut = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
  const cutBeats = makeBeats(40, 0, 5);
  await store.appendBeats(cut.id, cutBeats.slice(0, 20));
  await store.appendBeats(cut.id, cutBeats.slice(20, 40));
  // The app dies mid-append: half a frame at the end of the beats file, and no close().
  appendFileSync(join(directory, 'beats', `${cut.id}.beats`), Buffer.from([0x41, 0x54, 0x00, 0x09, 0x13]));
  appendFileSync(join(directory, 'journal', `${kept.id}.rec.abc123.tmp`), 'half a temp file');
  abandon(store);
  clock.advance(JOURNAL_TRASH_KEEP_MS + 60_000);
  return { finished, finishedBeats, kept, old, cut, cutBeats };
}

/** The crashed process's store: its timers must not write later, as a dead process would not. */
function abandon(store: RecordsStore): void {
  (store as unknown as { closed: boolean }).closed = true;
  (store as unknown as { parts: { index: { stop(): void } } }).parts.index.stop();
}

async function expectEverythingReadable(store: RecordsStore, data: Awaited<ReturnType<typeof crashedStore>>) {
  const sessions = store.listSessions(...ALL);
  expect(Object.fromEntries(sessions.map((s) => [s.id, s.status]))).toEqual({ [data.finished.id]: 'finished', [data.cut.id]: 'recording' });
  const finished = await store.getSession(data.finished.id);
  expect(finished.beats.rrMs).toEqual(data.finishedBeats.map((b) => b.rrMs));
  expect(finished.beatsStatus).toBe('complete');
  // The session the crash cut off reads as far as its acknowledged beats.
  const cut = await store.getSession(data.cut.id);
  expect(cut.beats.rrMs).toEqual(data.cutBeats.map((b) => b.rrMs));
  expect(store.listJournal().map((e) => e.id)).toEqual([data.kept.id]);
  expect((await store.getJournal(data.kept.id)).text).toBe('we talked about the weekend calmly');
  expect(store.searchJournal({ text: 'weekend' }).map((e) => e.id)).toEqual([data.kept.id]);
  // The trash is purged only once the disk can take the removal: until then it is still there.
  expect(store.listJournal({ trashed: true }).map((e) => e.id)).toEqual([data.old.id]);
  // Export reads every record.
  const exported: string[] = [];
  await store.forEachRecord({
    session: async (record) => void exported.push(record.id),
    journal: async (entry) => void exported.push(entry.id),
    agreement: async (agreement) => void exported.push(agreement.id),
  });
  expect(exported.sort()).toEqual([data.finished.id, data.cut.id, data.kept.id, data.old.id].sort());
}

async function expectCaughtUp(store: RecordsStore, directory: string, data: Awaited<ReturnType<typeof crashedStore>>) {
  const cut = await store.getSession(data.cut.id);
  expect(cut.session.status).toBe('interrupted');
  expect(cut.beats.rrMs).toEqual(data.cutBeats.map((b) => b.rrMs));
  expect(store.listJournal({ trashed: true })).toEqual([]);
  expect(readdirSync(join(directory, 'journal')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(store.writeBlock()).toBeNull();
  expect(store.takeNotices().map((n) => n.message).join(' ')).toMatch(/still recording when Attune stopped/);
}

describe.skipIf(tmpfsUnavailable !== null)('opening the records store on a disk that takes no writes', () => {
  it('opens a crashed store on a full disk, reads everything, changes no byte, and recovers once space is freed', async () => {
    const mount = disk();
    const directory = join(mount.path, 'records');
    const clock = fakeClock();
    const data = await crashedStore(directory, clock);
    mount.fill();
    const before = folderState(mount.path, (name) => name === '.filler');

    const store = await openStore(directory, { clock });
    await expectEverythingReadable(store, data);
    expect(store.writeBlock()).toMatchObject({ reason: 'disk-full', fsCode: 'ENOSPC' });
    await expect(store.createJournal({ text: 'not now' })).rejects.toMatchObject({ code: 'storage-full' });
    await expect(store.retryDeferredWork()).resolves.toMatchObject({ reason: 'disk-full' });
    expect(folderState(mount.path, (name) => name === '.filler')).toEqual(before);

    mount.free();
    await expect(store.retryDeferredWork()).resolves.toBeNull();
    await expectCaughtUp(store, directory, data);
    expect(statSync(join(directory, 'index.rec')).mtimeMs).toBeGreaterThan(0);
    await store.close();

    // The index saved by the retry describes the folder as it is: the next start reads no record again.
    const again = await openStore(directory, { clock });
    expect((await again.getSession(data.cut.id)).session.status).toBe('interrupted');
    expect(again.takeNotices()).toEqual([]);
    await again.close();
  });

  it('opens on a read-only disk, refuses writes with a typed error, and catches up by itself once the disk is writable', async () => {
    const mount = disk();
    const directory = join(mount.path, 'records');
    const clock = fakeClock();
    const data = await crashedStore(directory, clock);
    mount.readOnly();
    const before = folderState(mount.path, (name) => name === '.filler');

    // Tried again every few milliseconds here (every minute in the app) until it works.
    const store = await openStore(directory, { clock, retryIntervalMs: 20 });
    await expectEverythingReadable(store, data);
    expect(store.writeBlock()).toMatchObject({ reason: 'not-writable', fsCode: 'EROFS' });
    await expect(store.createJournal({ text: 'not now' })).rejects.toMatchObject({ code: 'storage-failed', problem: { fsCode: 'EROFS' } });
    await expect(store.updateJournal(data.kept.id, { text: 'changed' })).rejects.toMatchObject({ code: 'storage-failed' });
    expect(folderState(mount.path, (name) => name === '.filler')).toEqual(before);

    mount.writable();
    await expect.poll(() => store.writeBlock(), { timeout: 30_000, interval: 20 }).toBeNull();
    await expectCaughtUp(store, directory, data);
    await store.updateJournal(data.kept.id, { text: 'changed' });
    await store.close();
  });

  it('opens an empty store on a read-only disk without writing a key, and makes the key once it can', async () => {
    const mount = disk();
    const directory = join(mount.path, 'records');
    mount.readOnly();

    const store = await openStore(directory);
    expect(store.listSessions(...ALL)).toEqual([]);
    expect(store.listJournal()).toEqual([]);
    await expect(store.createJournal({ text: 'not now' })).rejects.toMatchObject({ code: 'read-only', problem: { reason: 'not-writable' } });
    expect(existsSync(directory)).toBe(false);

    mount.writable();
    await expect(store.retryDeferredWork()).resolves.toBeNull();
    const entry = await store.createJournal({ text: 'now it is saved' });
    expect(existsSync(join(directory, 'key.json'))).toBe(true);
    await store.close();
    const again = await openStore(directory);
    expect((await again.getJournal(entry.id)).text).toBe('now it is saved');
    await again.close();
  });
});

it.runIf(tmpfsUnavailable !== null)('real full and read-only disk tests are skipped', () => {
  console.warn(`skipped: ${tmpfsUnavailable}`);
});
