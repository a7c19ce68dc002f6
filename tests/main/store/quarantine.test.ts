import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter } from '../../../main/ipc/router.ts';
import { openRecordsService } from '../../../main/store/records-service.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { mountTmpfs, type Tmpfs } from '../../support/tmpfs.ts';
import { fakeClock, makeBeats, openStore, osProtector, tempDir } from './helpers.ts';

// The quarantine is the folder itself: what is in it, and its count in Settings, are the
// same after a restart; an export copies it byte for byte and says what it could not copy;
// delete-everything empties it.

let dir: ReturnType<typeof tempDir>;
let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  out = tempDir('attune-quarantine-out-');
});
afterEach(() => {
  dir.remove();
  out.remove();
});

const START_MS = Date.UTC(2025, 0, 6, 9, 0, 0);

/** A store with one damaged journal record (moved aside) and one damaged beats frame (copied aside). */
async function storeWithDamage(): Promise<{ journalId: string; sessionId: string }> {
  const seeding = await openStore(dir.path, { clock: fakeClock(START_MS) });
  const entry = await seeding.createJournal({ text: 'Words that will be damaged.' });
  await seeding.createJournal({ text: 'Words that stay.' });
  const session = await seeding.startSession({ kind: 'check', source: { kind: 'demo' } });
  for (let i = 0; i < 4; i += 1) await seeding.appendBeats(session.id, makeBeats(10, i * 10_000, i));
  await seeding.finishSession(session.id);
  await seeding.close();
  const journalPath = join(dir.path, 'journal', `${entry.id}.rec`);
  const journal = readFileSync(journalPath);
  journal[journal.length - 5] = (journal[journal.length - 5] ?? 0) ^ 0x01;
  writeFileSync(journalPath, journal);
  const beatsPath = join(dir.path, 'beats', `${session.id}.beats`);
  const beats = readFileSync(beatsPath);
  beats[12 + 200] = (beats[12 + 200] ?? 0) ^ 0x01; // inside the second frame's ciphertext
  writeFileSync(beatsPath, beats);
  return { journalId: entry.id, sessionId: session.id };
}

async function statusThroughIpc(): Promise<{ quarantinedCount: number; close: () => Promise<void> }> {
  const records = await openRecordsService({ directory: dir.path, keyProtector: osProtector(), clock: fakeClock(START_MS + 60_000), indexSaveDelayMs: 60_000 });
  const router = createRouter(recordsChannels, createRecordsHandlers({ records, chooseFolder: async () => out.path, chooseRecordingFile: async () => null }), {
    isTrustedSender: () => true,
    log: { error: (message) => { throw new Error(`unexpected internal error: ${message}`); } },
  });
  const answer = await router.dispatch({ url: 'app://attune/index.html', isMainFrame: true }, { channel: 'data.status', payload: undefined });
  if (!answer.ok) throw new Error(answer.error.message);
  return { quarantinedCount: (answer.value as { quarantinedCount: number }).quarantinedCount, close: () => records.close() };
}

describe('the quarantine folder', () => {
  it('lists the same files, with when, what, why and size, after a restart, and Settings counts them', async () => {
    const { sessionId } = await storeWithDamage();
    const store = await openStore(dir.path, { clock: fakeClock(START_MS + 1000) });
    await store.getSession(sessionId); // the damaged frame is found when the session is read
    const listed = await store.listQuarantine();
    await store.close();

    // Both set aside at the same moment: their order is their names'.
    expect(listed.map((e) => [e.what, e.kept]).sort()).toEqual([
      ['beats', 'copied'],
      ['journal', 'moved'],
    ]);
    for (const entry of listed) {
      expect(entry.atMs).toBe(START_MS + 1000);
      expect(entry.reason).toMatch(/\w/);
      expect(entry.sizeBytes).toBe(readFileSync(join(dir.path, 'quarantine', entry.name)).length);
    }

    const again = await openStore(dir.path);
    expect(await again.listQuarantine()).toEqual(listed);
    expect(again.status().quarantined).toEqual([]); // nothing new this time: the list is the folder's
    await again.close();

    const ipc = await statusThroughIpc();
    expect(ipc.quarantinedCount).toBe(2);
    await ipc.close();
  });

  it('lists a file an older Attune set aside without a note, from its name', async () => {
    mkdirSync(join(dir.path, 'quarantine'), { recursive: true });
    writeFileSync(join(dir.path, 'quarantine', '2024-11-02T08-15-30-250Z-a1b2c3-AAAAAAAAAAAAAAAA.beats'), Buffer.alloc(48, 7));
    writeFileSync(join(dir.path, 'quarantine', '2024-11-03T10-00-00-000Z-d4e5f6-index.rec'), Buffer.alloc(60, 1));
    const store = await openStore(dir.path);
    expect(await store.listQuarantine()).toEqual([
      { name: '2024-11-02T08-15-30-250Z-a1b2c3-AAAAAAAAAAAAAAAA.beats', what: 'beats', reason: null, atMs: Date.UTC(2024, 10, 2, 8, 15, 30, 250), sizeBytes: 48, kept: null },
      { name: '2024-11-03T10-00-00-000Z-d4e5f6-index.rec', what: 'index', reason: null, atMs: Date.UTC(2024, 10, 3, 10), sizeBytes: 60, kept: null },
    ]);
    await store.close();
  });

  it('exports every quarantined file byte for byte into a new folder, twice without overwriting', async () => {
    const { sessionId } = await storeWithDamage();
    const store = await openStore(dir.path);
    await store.getSession(sessionId);
    const listed = await store.listQuarantine();
    const first = await store.exportQuarantine(out.path);
    const second = await store.exportQuarantine(out.path);
    await store.close();

    expect(first).toMatchObject({ copied: 2, problems: [] });
    expect(second.folder).not.toBe(first.folder);
    for (const entry of listed) {
      const original = readFileSync(join(dir.path, 'quarantine', entry.name));
      expect(readFileSync(join(first.folder, entry.name)).equals(original)).toBe(true);
      expect(existsSync(join(first.folder, `${entry.name}.about.json`))).toBe(true);
    }
    expect(readdirSync(second.folder).sort()).toEqual(readdirSync(first.folder).sort());
  });

  it('empties on delete-everything', async () => {
    const { sessionId } = await storeWithDamage();
    const store = await openStore(dir.path);
    await store.getSession(sessionId);
    expect(await store.listQuarantine()).toHaveLength(2);
    await store.deleteEverything();
    expect(await store.listQuarantine()).toEqual([]);
    await store.close();
    const again = await openStore(dir.path);
    expect(await again.listQuarantine()).toEqual([]);
    await again.close();
  });
});

describe('exporting the quarantine to a full disk', () => {
  let disk: Tmpfs | null = null;
  let mountProblem: string | null = null;
  try {
    mountTmpfs(64).remove();
  } catch (error) {
    mountProblem = error instanceof Error ? error.message : String(error);
  }
  afterEach(() => {
    disk?.remove();
    disk = null;
  });

  it.skipIf(mountProblem !== null)(`names every file it could not copy and leaves no partial copy (skipped when a tmpfs cannot be mounted: ${mountProblem ?? 'it can'})`, async () => {
    const { sessionId } = await storeWithDamage();
    const store = await openStore(dir.path);
    await store.getSession(sessionId);
    disk = mountTmpfs(64);
    disk.fill();
    const result = await store.exportQuarantine(disk.path);
    await store.close();
    expect(result.copied).toBe(0);
    expect(result.problems.map((p) => p.reason)).toEqual(['ENOSPC', 'ENOSPC']);
    expect(readdirSync(result.folder)).toEqual([]);
  });
});
