import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createTrendsHandlers } from '../../../main/ipc/handlers/trends.ts';
import { createRouter } from '../../../main/ipc/router.ts';
import type { RecordsStore } from '../../../main/store/records-store.ts';
import { createRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { trendsChannels } from '../../../shared/ipc/channels/trends.ts';
import { JOURNAL_TRASH_KEEP_MS } from '../../../shared/model/journal.ts';
import { fakeClock, makeBeats, openStore, osProtector, tempDir } from './helpers.ts';

// Deleting a session moves its record and beats files, untouched, into trash/; restoring
// moves them back byte for byte. A trashed session is neither listed nor counted by Trends,
// and after 30 days it is gone for good, which a late restore says in plain words.

let dir: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof fakeClock>;
let store: RecordsStore;

beforeEach(async () => {
  dir = tempDir();
  clock = fakeClock();
  store = await openStore(dir.path, { clock });
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

async function finishedSession(beatCount = 300): Promise<string> {
  const { id } = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
  await store.appendBeats(id, makeBeats(beatCount));
  await store.addMarker(id, { tMs: 1000, phase: 'conversation', edge: 'point', label: 'flooding cue' });
  clock.advance(beatCount * 900);
  await store.finishSession(id, {});
  return id;
}

const sessionFile = (id: string) => join(dir.path, 'sessions', `${id}.rec`);
const beatsFile = (id: string) => join(dir.path, 'beats', `${id}.beats`);

describe('session trash', () => {
  it('moves the files to the trash and back byte for byte; the trashed session is not listed', async () => {
    const keep = await finishedSession(120);
    const id = await finishedSession();
    const recordBytes = readFileSync(sessionFile(id));
    const beatsBytes = readFileSync(beatsFile(id));
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep, id]);
    expect(store.listSessions(0, 8e12)[1]).toMatchObject({ floodCueCount: 1 });

    const trashed = await store.trashSession(id);
    expect(trashed).toEqual({ sessionId: id, trashedAtMs: clock.nowMs() });
    expect(existsSync(sessionFile(id))).toBe(false);
    expect(existsSync(beatsFile(id))).toBe(false);
    expect(readdirSync(join(dir.path, 'trash')).sort()).toEqual([`${clock.nowMs()}.${id}.beats`, `${clock.nowMs()}.${id}.rec`]);
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep]);
    expect(store.status().sessionCount).toBe(1);
    await expect(store.getSession(id)).rejects.toMatchObject({ code: 'not-found' });

    // Still in the trash after a restart (the index snapshot was saved without it).
    await store.close();
    store = await openStore(dir.path, { clock });
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep]);

    const restored = await store.restoreSession(id);
    expect(restored).toMatchObject({ id, status: 'finished', beatCount: 300, floodCueCount: 1 });
    expect(readFileSync(sessionFile(id)).equals(recordBytes)).toBe(true);
    expect(readFileSync(beatsFile(id)).equals(beatsBytes)).toBe(true);
    expect(readdirSync(join(dir.path, 'trash'))).toEqual([]);
    expect((await store.getSession(id)).beats.rrMs).toHaveLength(300);
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep, id]);

    // And after a restart, listed from the records as before.
    await store.close();
    store = await openStore(dir.path, { clock });
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep, id]);
  });

  it('purges the trash after 30 days; a restore then says the session is gone for good', async () => {
    const id = await finishedSession();
    await store.trashSession(id);
    clock.advance(JOURNAL_TRASH_KEEP_MS - 60_000);
    await store.close();
    store = await openStore(dir.path, { clock });
    expect(readdirSync(join(dir.path, 'trash'))).toHaveLength(2);

    clock.advance(120_000);
    await store.close();
    store = await openStore(dir.path, { clock });
    expect(readdirSync(join(dir.path, 'trash'))).toEqual([]);
    await expect(store.restoreSession(id)).rejects.toMatchObject({ code: 'not-found', problem: { place: 'trash' } });
  });

  it('finishes a delete a crash cut short: the beats follow their trashed record, never to quarantine', async () => {
    const id = await finishedSession();
    const beatsBytes = readFileSync(beatsFile(id));
    await store.trashSession(id);
    await store.close();
    // As if the crash came between the record's move and the beats' move.
    const trashedBeats = readdirSync(join(dir.path, 'trash')).find((name) => name.endsWith('.beats'))!;
    renameSync(join(dir.path, 'trash', trashedBeats), beatsFile(id));

    store = await openStore(dir.path, { clock });
    expect(existsSync(beatsFile(id))).toBe(false);
    expect(existsSync(join(dir.path, 'quarantine'))).toBe(false);
    await store.restoreSession(id);
    expect(readFileSync(beatsFile(id)).equals(beatsBytes)).toBe(true);
  });

  it('refuses to delete a session that is still recording, and delete-everything empties the trash', async () => {
    const { id: recording } = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
    await expect(store.trashSession(recording)).rejects.toMatchObject({ code: 'conflict', problem: { reason: 'still-recording' } });
    expect(existsSync(sessionFile(recording))).toBe(true);
    await store.finishSession(recording, {});

    await store.trashSession(await finishedSession());
    await store.deleteEverything();
    expect(existsSync(join(dir.path, 'trash'))).toBe(false);
  });
});

describe('session.delete and session.restore through the router', () => {
  let records: RecordsService;
  beforeEach(async () => {
    await store.close();
    records = createRecordsService({ directory: dir.path, keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
    store = await records.store();
  });
  afterEach(async () => {
    await records.close();
  });

  it('answers with the words the user sees; Trends no longer counts a trashed session', async () => {
    const sender = { url: 'app://attune/index.html', isMainFrame: true };
    const options = { isTrustedSender: () => true, log: { error: (message: string) => { throw new Error(message); } } };
    const recordsRouter = createRouter(recordsChannels, createRecordsHandlers({ records, chooseFolder: async () => null, chooseRecordingFile: async () => null }), options);
    const trendsRouter = createRouter(trendsChannels, createTrendsHandlers({ records }), options);
    const id = await finishedSession();
    const timelineCount = async () => {
      const result = await trendsRouter.dispatch(sender, { channel: 'trends.timeline', payload: undefined });
      return (result as { value: { sessions: unknown[] } }).value.sessions.length;
    };
    expect(await timelineCount()).toBe(1);

    expect(await recordsRouter.dispatch(sender, { channel: 'session.delete', payload: { sessionId: id } })).toMatchObject({ ok: true, value: { sessionId: id } });
    expect(await timelineCount()).toBe(0);
    expect(await recordsRouter.dispatch(sender, { channel: 'session.restore', payload: { sessionId: id } })).toMatchObject({ ok: true, value: { id } });
    expect(await timelineCount()).toBe(1);

    await recordsRouter.dispatch(sender, { channel: 'session.delete', payload: { sessionId: id } });
    clock.advance(JOURNAL_TRASH_KEEP_MS + 1);
    await records.close();
    records = createRecordsService({ directory: dir.path, keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
    store = await records.store();
    const late = createRouter(recordsChannels, createRecordsHandlers({ records, chooseFolder: async () => null, chooseRecordingFile: async () => null }), options);
    expect(await late.dispatch(sender, { channel: 'session.restore', payload: { sessionId: id } })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-found', message: expect.stringContaining('kept for 30 days, then removed for good') }),
    });
  });
});
