import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter } from '../../../main/ipc/router.ts';
import { decodeSnapshot, encodeSnapshot } from '../../../main/store/index-snapshot.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { fakeClock, makeBeats, osProtector, tempDir } from './helpers.ts';

// Writes are checked against the record's schema before any byte reaches the disk, and an
// index snapshot holding an entry no list could show is rebuilt from the records: the real
// store, the real router, a real temp folder.

let dir: ReturnType<typeof tempDir>;
let records: RecordsService;
const internal: string[] = [];
const sender = { url: 'app://attune/index.html', isMainFrame: true };
const open = async () => {
  records = await openRecordsService({ directory: dir.path, keyProtector: osProtector(), clock: fakeClock(), indexSaveDelayMs: 60_000 });
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field
const invoke = (channel: string, payload?: unknown): Promise<any> =>
  createRouter(recordsChannels, createRecordsHandlers({ records, chooseFolder: async () => null, chooseRecordingFile: async () => null }), {
    isTrustedSender: () => true,
    log: { error: (m) => internal.push(m) },
  }).dispatch(sender, { channel, payload });

beforeEach(async () => {
  dir = tempDir();
  internal.length = 0;
  await open();
});
afterEach(async () => {
  await records.close();
  dir.remove();
});

describe('checked writes', () => {
  it('refuses a 201st session link with a sentence and writes nothing; the entry still reads', async () => {
    const store = await records.store();
    const ids: string[] = [];
    for (let i = 0; i < 201; i += 1) ids.push((await store.startSession({ kind: 'check', source: { kind: 'demo' } })).id);
    const entry = await store.createJournal({ text: 'linked', sessionIds: ids.slice(0, 200) });
    const before = readFileSync(join(dir.path, 'journal', `${entry.id}.rec`));
    const result = await invoke('journal.link', { entryId: entry.id, sessionId: ids[200] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/could not be saved/) } });
    expect(readFileSync(join(dir.path, 'journal', `${entry.id}.rec`))).toEqual(before);
    await records.close();
    await open();
    expect((await invoke('journal.get', { id: entry.id })).value.sessionIds).toHaveLength(200);
    expect((await records.store()).status().quarantined).toEqual([]);
    expect(internal).toEqual([]);
  });
});

describe('index snapshot', () => {
  it('is rebuilt when it holds an entry no list could show, and the list answers', async () => {
    const store = await records.store();
    const s = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.appendBeats(s.id, makeBeats(60));
    await store.finishSession(s.id);
    await records.close();
    // A snapshot as an older Attune could have saved it: an end time no list may answer with.
    const keyFile = JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8')) as { key: string; keyId: string };
    const dataKey = { key: osProtector().decrypt(Buffer.from(keyFile.key, 'base64')), keyId: Buffer.from(keyFile.keyId, 'hex') };
    const decoded = decodeSnapshot(dataKey, readFileSync(join(dir.path, 'index.rec')));
    if (!decoded.ok) throw new Error(decoded.detail);
    const { format: _f, version: _v, ...snapshot } = decoded.snapshot;
    snapshot.sessions = snapshot.sessions.map((entry) => ({ ...entry, endedAtMs: 1.7e15 }));
    writeFileSync(join(dir.path, 'index.rec'), encodeSnapshot(dataKey, snapshot));
    await open();
    const list = await invoke('session.list', { fromMs: 0, toMs: 8_640_000_000_000 });
    expect(list).toMatchObject({ ok: true, value: [{ id: s.id }] });
    expect(list.value[0].endedAtMs).toBeLessThan(Date.UTC(2100, 0, 1));
    expect(internal).toEqual([]);
  });
});
