import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal } from '../../../main/store/crypto.ts';
import { StoreKeyError } from '../../../main/store/key-file.ts';
import { RecordsStore } from '../../../main/store/records-store.ts';
import { migrateRecord } from '../../../shared/model/record-migrations.ts';
import { folderState } from '../../support/folder-state.ts';
import { basicTextProtector, makeBeats, openStore, osProtector, tempDir, unavailableProtector } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** The quarantined files themselves, without the notes saying what each was. */
function quarantineFiles(root: string): string[] {
  return readdirSync(join(root, 'quarantine')).filter((name) => !name.endsWith('.about.json'));
}

function flipByte(path: string, fromEnd = 20): void {
  const bytes = readFileSync(path);
  const at = bytes.length - fromEnd;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

async function seed(directory: string, protector = osProtector()) {
  const store = await openStore(directory, { keyProtector: protector });
  const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
  for (let i = 0; i < 5; i += 1) await store.appendBeats(session.id, makeBeats(20, i * 20_000, i));
  await store.finishSession(session.id);
  const other = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
  await store.appendBeats(other.id, makeBeats(30));
  await store.finishSession(other.id);
  const entries = [];
  for (let i = 0; i < 3; i += 1) entries.push(await store.createJournal({ text: `private words number ${i}`, tags: ['t'] }));
  await store.close();
  return { session, other, entries };
}

describe('damaged files', () => {
  it('detects a flipped byte in a journal record (GCM), quarantines it byte for byte, reports once and loads the rest', async () => {
    const { entries } = await seed(dir.path);
    const victim = join(dir.path, 'journal', `${entries[1]!.id}.rec`);
    flipByte(victim);
    const damagedBytes = readFileSync(victim);

    const store = await openStore(dir.path);
    expect(store.listJournal().map((e) => e.id).sort()).toEqual([entries[0]!.id, entries[2]!.id].sort());
    const notices = store.takeNotices();
    expect(notices.filter((n) => n.kind === 'records-quarantined')).toHaveLength(1);
    expect(store.takeNotices()).toEqual([]);
    const quarantined = quarantineFiles(dir.path);
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(join(dir.path, 'quarantine', quarantined[0]!))).toEqual(damagedBytes);
    expect(existsSync(victim)).toBe(false);
    await store.close();

    const again = await openStore(dir.path);
    expect(again.takeNotices()).toEqual([]);
    expect(again.listJournal()).toHaveLength(2);
    await again.close();
  });

  it('quarantines a truncated session record together with its beats file', async () => {
    const { session, other } = await seed(dir.path);
    const path = join(dir.path, 'sessions', `${session.id}.rec`);
    truncateSync(path, statSync(path).size - 7);
    const store = await openStore(dir.path);
    expect(store.listSessions(0, Number.MAX_SAFE_INTEGER).map((s) => s.id)).toEqual([other.id]);
    expect(quarantineFiles(dir.path).map((n) => n.replace(/^.*?-[0-9a-f]{6}-/, '')).sort()).toEqual(
      [`${session.id}.beats`, `${session.id}.rec`].sort(),
    );
    expect((await store.getSession(other.id)).beats.rrMs).toHaveLength(30);
    await store.close();
  });

  it('detects a record file copied over another record (its id is authenticated)', async () => {
    const { entries } = await seed(dir.path);
    copyFileSync(join(dir.path, 'journal', `${entries[0]!.id}.rec`), join(dir.path, 'journal', `${entries[1]!.id}.rec`));
    const store = await openStore(dir.path);
    expect(store.listJournal().map((e) => e.id).sort()).toEqual([entries[0]!.id, entries[2]!.id].sort());
    expect(store.status().quarantined).toHaveLength(1);
    await store.close();
  });

  it('keeps the rest of a beats file with a flipped byte in a middle frame or in its last frame, and a copy of it, when the session is read', async () => {
    const { session, other } = await seed(dir.path);
    flipByte(join(dir.path, 'beats', `${session.id}.beats`), 200);
    flipByte(join(dir.path, 'beats', `${other.id}.beats`), 3);
    const store = await openStore(dir.path);
    for (const [id, kept, lost] of [[session.id, 80, 20], [other.id, 0, 30]] as const) {
      const detail = await store.getSession(id);
      expect(detail.beatsStatus).toBe('partial');
      expect(detail.beats.rrMs).toHaveLength(kept);
      expect(detail.session.beatsLost).toMatchObject({ frames: 1, beats: lost });
      expect(detail.session.summary?.beatCount).toBeGreaterThan(0);
    }
    expect(store.status().quarantined.map((q) => q.what)).toEqual(['beats', 'beats']);
    expect(store.takeNotices().filter((n) => n.kind === 'records-quarantined')).toHaveLength(2);
    await store.close();
  });

  it('notices beats frames cut off a finished session (fewer beats than its record says)', async () => {
    const { session } = await seed(dir.path);
    const path = join(dir.path, 'beats', `${session.id}.beats`);
    const bytes = readFileSync(path);
    // Drop the last whole frame: 20 beats × 16 bytes + 4 + 12 + 16 of framing.
    writeFileSync(path, bytes.subarray(0, bytes.length - (20 * 16 + 32)));
    const store = await openStore(dir.path);
    const detail = await store.getSession(session.id);
    expect(detail.beatsStatus).toBe('partial');
    expect(detail.session.beatsLost).toMatchObject({ beats: 20 });
    await store.close();
  });

  it('rebuilds a damaged index from the records and keeps the damaged index aside', async () => {
    const { entries, session, other } = await seed(dir.path);
    flipByte(join(dir.path, 'index.rec'), 100);
    const store = await openStore(dir.path);
    expect(store.listJournal()).toHaveLength(entries.length);
    expect(store.listSessions(0, Number.MAX_SAFE_INTEGER).map((s) => s.id).sort()).toEqual([session.id, other.id].sort());
    expect(store.searchJournal({ text: 'private' })).toHaveLength(3);
    expect(store.status().quarantined.map((q) => q.what)).toEqual(['index']);
    await store.close();
  });

  it('rebuilds a missing index, and one that is stale because records changed behind it', async () => {
    const { entries } = await seed(dir.path);
    const savedIndex = readFileSync(join(dir.path, 'index.rec'));
    const store = await openStore(dir.path);
    const added = await store.createJournal({ text: 'written after the snapshot' });
    await store.trashJournal(entries[0]!.id);
    await store.close();
    writeFileSync(join(dir.path, 'index.rec'), savedIndex); // an older snapshot, as after a crash
    const stale = await openStore(dir.path);
    expect(stale.listJournal().map((e) => e.id)).toContain(added.id);
    expect(stale.listJournal({ trashed: true }).map((e) => e.id)).toEqual([entries[0]!.id]);
    expect(stale.searchJournal({ text: 'snapshot' }).map((e) => e.id)).toEqual([added.id]);
    await stale.close();
    unlinkSync(join(dir.path, 'index.rec'));
    const rebuilt = await openStore(dir.path);
    expect(rebuilt.listJournal()).toHaveLength(3);
    expect(rebuilt.takeNotices()).toEqual([]);
    await rebuilt.close();
  });

  it('leaves a record from a newer Attune untouched and reports it', async () => {
    await seed(dir.path);
    const protector = osProtector();
    const keyFile = JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8')) as { key: string; keyId: string };
    const dataKey = { key: protector.decrypt(Buffer.from(keyFile.key, 'base64')), keyId: Buffer.from(keyFile.keyId, 'hex') };
    const id = 'FromTheFuture123';
    const path = join(dir.path, 'journal', `${id}.rec`);
    writeFileSync(path, seal(dataKey, Buffer.from(JSON.stringify({ schemaVersion: 9, id, text: 'new shape' })), `journal/${id}`));
    const before = readFileSync(path);
    const store = await openStore(dir.path);
    expect(store.status().newerRecordCount).toBe(1);
    expect(store.listJournal()).toHaveLength(3);
    expect(store.takeNotices().map((n) => n.kind)).toEqual(['storage-warning']);
    expect(readFileSync(path)).toEqual(before);
    await store.close();
  });
});

describe('keys', () => {
  it('stores records encrypted: no journal text or key in plain sight', async () => {
    await seed(dir.path);
    const keyFile = JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8')) as { key: string; wrappedBy: string };
    expect(keyFile.wrappedBy).toBe('os');
    const rawKey = osProtector().decrypt(Buffer.from(keyFile.key, 'base64'));
    for (const file of Object.keys(folderState(dir.path))) {
      const bytes = readFileSync(join(dir.path, file));
      expect(bytes.includes(Buffer.from('private words'))).toBe(false);
      expect(bytes.includes(rawKey)).toBe(false);
    }
  });

  it('refuses a lost key with a clear error, creating and changing nothing', async () => {
    await seed(dir.path);
    unlinkSync(join(dir.path, 'key.json'));
    const before = folderState(dir.path);
    const error = await openStore(dir.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreKeyError);
    expect(error).toMatchObject({ reason: 'key-missing' });
    expect((error as Error).message).toMatch(/missing.*Nothing was changed/);
    expect(folderState(dir.path)).toEqual(before);
  });

  it('refuses a key file from other data (wrong key), changing nothing', async () => {
    await seed(dir.path);
    const elsewhere = tempDir();
    try {
      await (await openStore(elsewhere.path)).close();
      copyFileSync(join(elsewhere.path, 'key.json'), join(dir.path, 'key.json'));
      const before = folderState(dir.path);
      await expect(openStore(dir.path)).rejects.toMatchObject({ reason: 'wrong-key' });
      unlinkSync(join(dir.path, 'index.rec')); // without the index, the records themselves must stop it
      const withoutIndex = folderState(dir.path);
      await expect(openStore(dir.path)).rejects.toMatchObject({ reason: 'wrong-key' });
      expect(folderState(dir.path)).toEqual(withoutIndex);
      expect(Object.keys(before).filter((f) => f !== 'index.rec')).toEqual(Object.keys(withoutIndex));
    } finally {
      elsewhere.remove();
    }
  });

  it('refuses when another OS account cannot unwrap the key, or the key store is locked, or key.json is damaged', async () => {
    await seed(dir.path);
    const before = folderState(dir.path);
    await expect(openStore(dir.path, { keyProtector: osProtector(99) })).rejects.toMatchObject({ reason: 'wrong-key' });
    await expect(openStore(dir.path, { keyProtector: unavailableProtector })).rejects.toMatchObject({ reason: 'key-locked' });
    expect(folderState(dir.path)).toEqual(before);
    writeFileSync(join(dir.path, 'key.json'), '{"format": "attune-data-key", trunc');
    const damaged = folderState(dir.path);
    await expect(openStore(dir.path)).rejects.toMatchObject({ reason: 'key-unreadable' });
    expect(folderState(dir.path)).toEqual(damaged);
  });

  it("says plainly when the key is stored unwrapped (Linux basic_text, or no key store), and wraps it once the OS can", async () => {
    const store = await openStore(dir.path, { keyProtector: basicTextProtector });
    expect(store.status().encryption).toEqual({ wrappedBy: 'none', backend: 'basic_text', reason: 'linux-basic-text' });
    await store.createJournal({ text: 'still sealed with AES-GCM' });
    await store.close();
    expect(JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8'))).toMatchObject({ wrappedBy: 'none' });

    const none = await openStore(dir.path, { keyProtector: unavailableProtector });
    expect(none.status().encryption.reason).toBe('os-store-unavailable');
    await none.close();

    const protector = osProtector();
    const wrapped = await openStore(dir.path, { keyProtector: protector });
    expect(wrapped.status().encryption).toEqual({ wrappedBy: 'os', backend: 'gnome_libsecret', reason: 'protected' });
    expect(wrapped.listJournal()).toHaveLength(1);
    await wrapped.close();
    expect(JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8'))).toMatchObject({ wrappedBy: 'os' });
  });

  it('delete-everything without a key (the way out of a lost key) starts afresh', async () => {
    await seed(dir.path);
    unlinkSync(join(dir.path, 'key.json'));
    await RecordsStore.removeAllData({ directory: dir.path });
    const fresh = await openStore(dir.path);
    expect(fresh.listJournal()).toEqual([]);
    expect(fresh.listSessions(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    await fresh.close();
  });
});

describe('record migrations', () => {
  const migrations = [
    { from: 0, to: 1, migrate: (raw: Record<string, unknown>) => ({ ...raw, tags: raw['tag'] ? [raw['tag']] : [] }) },
    { from: 1, to: 2, migrate: (raw: Record<string, unknown>) => ({ ...raw, kind: 'note' }) },
  ];
  it('brings an old record forward one version at a time', () => {
    expect(migrateRecord({ schemaVersion: 0, tag: 'a' }, migrations, 2)).toEqual({
      ok: true,
      doc: { schemaVersion: 2, tag: 'a', tags: ['a'], kind: 'note' },
      migratedFrom: 0,
    });
    expect(migrateRecord({ schemaVersion: 2 }, migrations, 2)).toMatchObject({ ok: true, migratedFrom: null });
  });
  it('refuses newer versions, gaps and non-objects', () => {
    expect(migrateRecord({ schemaVersion: 3 }, migrations, 2)).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(migrateRecord({ schemaVersion: 0 }, migrations.slice(1), 2)).toMatchObject({ ok: false, reason: 'no-migration-path' });
    expect(migrateRecord([], migrations, 2)).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(migrateRecord({ schemaVersion: 1.5 }, migrations, 2)).toMatchObject({ ok: false, reason: 'bad-version' });
  });
});
