import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter, type Router } from '../../../main/ipc/router.ts';
import { createRecordsService, openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { fakeClock, makeBeats, osProtector, tempDir } from './helpers.ts';

// Every records channel, driven through the real router: malformed payloads are refused
// with 'invalid-payload' before any handler runs, and well-formed calls on records that do
// not exist get 'not-found'.

let dir: ReturnType<typeof tempDir>;
let records: RecordsService;
let router: Router;
const sender = { url: 'app://attune/index.html', isMainFrame: true };
const ID = 'AAAAAAAAAAAAAAAA';

async function build() {
  records = await openRecordsService({ directory: dir.path, keyProtector: osProtector(), clock: fakeClock(), indexSaveDelayMs: 60_000 });
  router = createRouter(
    recordsChannels,
    createRecordsHandlers({ records, chooseFolder: async () => null, chooseRecordingFile: async () => null }),
    { isTrustedSender: () => true, log: { error: (message) => { throw new Error(`unexpected internal error: ${message}`); } } },
  );
}

beforeEach(async () => {
  dir = tempDir();
  await build();
});
afterEach(async () => {
  await records.close();
  dir.remove();
});

const invoke = (channel: string, payload: unknown) => router.dispatch(sender, { channel, payload });

const bigText = 'x'.repeat(50_001);
const beat = { tMs: 1000, rrMs: 800 };

/** Per channel: payloads that must be refused by the schema. Every channel must be listed. */
const MALFORMED: Record<keyof typeof recordsChannels, unknown[]> = {
  'session.start': [undefined, {}, { kind: 'nap', source: { kind: 'demo' } }, { kind: 'check', source: { kind: 'bluetooth' } }, { kind: 'check', source: { kind: 'demo' }, extra: 1 }, { kind: 'check', source: { kind: 'file', format: 'rr', fileName: 'a', contentSha256: 'nothex' } }],
  'session.appendBeats': [{ sessionId: ID }, { sessionId: ID, beats: [] }, { sessionId: ID, beats: [{ tMs: -1, rrMs: 800 }] }, { sessionId: ID, beats: [{ tMs: 1, rrMs: 0 }] }, { sessionId: ID, beats: [{ tMs: 1, rrMs: Number.NaN }] }, { sessionId: ID, beats: Array(2001).fill(beat) }, { sessionId: '../../etc/passwd', beats: [beat] }, { sessionId: ID, beats: [{ ...beat, hr: 60 }] }],
  'session.addMarker': [{ sessionId: ID }, { sessionId: ID, marker: { tMs: 0, phase: 'dance', edge: 'start' } }, { sessionId: ID, marker: { tMs: 0, phase: 'verdict', edge: 'point', verdict: 'maybe' } }, { sessionId: ID, marker: { tMs: 0, phase: 'note', edge: 'point', label: 'y'.repeat(201) } }],
  'session.finish': [undefined, { sessionId: 'short' }, { sessionId: `${ID}/..` }, { id: ID }],
  'session.discard': [null, { sessionId: 7 }],
  'session.delete': [undefined, { sessionId: '../beats/AAAAAAAAAAAAAAAA' }, { sessionId: 'short' }, { sessionId: ID, also: true }],
  'session.restore': [{}, { sessionId: 'a b c d e f g h' }, { id: ID }],
  'session.list': [{}, { fromMs: 10, toMs: 10 }, { fromMs: 20, toMs: 10 }, { fromMs: -1, toMs: 10 }, { fromMs: 0, toMs: 1e20 }, { fromMs: '0', toMs: '10' }],
  'session.get': ['id', { sessionId: '' }],
  'session.listAll': [{}, { fromMs: 0 }, 'all'],
  'journal.create': [{}, { text: bigText }, { text: 'ok', tags: [''] }, { text: 'ok', kind: 'poem' }, { text: 'ok', sessionIds: ['..'] }, { text: 'ok', signsRating: [1, 2, 3] }, { text: 'ok', schemaVersion: 1 }],
  'journal.update': [{ id: ID }, { id: ID, patch: { text: bigText } }, { id: ID, patch: { id: 'other' } }, { id: ID, patch: {}, expectedRevision: 0 }],
  'journal.delete': [{}, { id: 'a b' }],
  'journal.restore': [[], { id: ID, now: true }],
  'journal.get': [{ id: null }],
  'journal.list': [{ limit: 0 }, { tags: 'money' }, { trashed: 'yes' }, undefined],
  'journal.search': [{}, { text: '' }, { text: '   ' }, { text: 'a'.repeat(201) }, { text: 'ok', tags: [1] }],
  'journal.searchIds': [{}, { text: '' }, { text: 'a'.repeat(201) }, { text: 'ok', limit: 0 }, { text: 'ok', extra: true }],
  'journal.link': [{ entryId: ID }, { entryId: ID, sessionId: 'x' }],
  'journal.unlink': [{ sessionId: ID }, { entryId: 1, sessionId: ID }],
  'agreement.list': [{}, 'all'],
  'agreement.save': [{ text: '' }, { text: 'x'.repeat(2001) }, { status: 'broken' }, { id: 'x', text: 'ok' }],
  'agreement.delete': [{ id: '' }],
  'data.status': [{}, 1],
  'data.export': [{ folder: '/tmp' }, '/tmp'],
  'data.quarantine': [{}, 1],
  'data.exportQuarantine': [{ folder: '/tmp' }, '/tmp'],
  'data.import': [{ folder: '/tmp' }],
  'data.importRecording': [{ path: '/etc/passwd' }],
  'data.deleteEverything': [undefined, {}, { confirm: 'yes' }, { confirm: 'Delete everything' }, { confirm: 'delete everything', also: 1 }],
};

describe('records channels', () => {
  it('refuse malformed payloads with invalid-payload, for every channel', async () => {
    expect(Object.keys(MALFORMED).sort()).toEqual(Object.keys(recordsChannels).sort());
    for (const [channel, payloads] of Object.entries(MALFORMED)) {
      expect(payloads.length, channel).toBeGreaterThan(0);
      for (const payload of payloads) {
        const result = await invoke(channel, payload);
        expect(result, `${channel} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      }
    }
    // Nothing reached the disk.
    expect((await records.store()).status()).toMatchObject({ sessionCount: 0, journalCount: 0, agreementCount: 0 });
  });

  it('answer not-found for well-formed ids that do not exist', async () => {
    const calls: Array<[string, unknown]> = [
      ['session.appendBeats', { sessionId: ID, beats: [beat] }],
      ['session.addMarker', { sessionId: ID, marker: { tMs: 0, phase: 'baseline', edge: 'start' } }],
      ['session.finish', { sessionId: ID }],
      ['session.discard', { sessionId: ID }],
      ['session.delete', { sessionId: ID }],
      ['session.restore', { sessionId: ID }],
      ['session.get', { sessionId: ID }],
      ['journal.update', { id: ID, patch: { text: 'x' } }],
      ['journal.delete', { id: ID }],
      ['journal.restore', { id: ID }],
      ['journal.get', { id: ID }],
      ['journal.link', { entryId: ID, sessionId: ID }],
      ['journal.unlink', { entryId: ID, sessionId: ID }],
      ['agreement.save', { id: ID, status: 'kept' }],
      ['agreement.delete', { id: ID }],
      ['journal.create', { text: 'about a session that is not there', sessionIds: [ID] }],
    ];
    for (const [channel, payload] of calls) {
      expect(await invoke(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('run a whole session and an entry through the channels', async () => {
    const started = await invoke('session.start', { kind: 'check', source: { kind: 'strap', deviceName: 'H10' } });
    expect(started.ok).toBe(true);
    const sessionId = (started as { value: { id: string } }).value.id;
    const beats = makeBeats(100);
    const appended = await Promise.all([0, 1, 2, 3].map((i) => invoke('session.appendBeats', { sessionId, beats: beats.slice(i * 25, i * 25 + 25) })));
    expect(appended.every((r) => r.ok)).toBe(true);
    expect(await invoke('session.addMarker', { sessionId, marker: { tMs: 5000, phase: 'breathing', edge: 'start' } })).toMatchObject({ ok: true, value: { markerCount: 1 } });
    expect(await invoke('session.finish', { sessionId })).toMatchObject({ ok: true, value: { status: 'finished', beatCount: 100 } });
    expect(await invoke('session.finish', { sessionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const entry = await invoke('journal.create', { text: 'steady', sessionIds: [sessionId] });
    expect(entry.ok).toBe(true);
    expect(await invoke('session.list', { fromMs: 0, toMs: 8e12 })).toMatchObject({ ok: true, value: [{ id: sessionId, journalEntryIds: [(entry as { value: { id: string } }).value.id] }] });
    expect(await invoke('journal.search', { text: 'stead' })).toMatchObject({ ok: true, value: [{ excerpt: 'steady' }] });
    expect(await invoke('journal.searchIds', { text: 'stead' })).toEqual({ ok: true, value: [{ id: expect.any(String), score: expect.any(Number) }] });
    expect(await invoke('data.status', undefined)).toMatchObject({ ok: true, value: { state: 'open', encryption: { wrappedBy: 'os' }, sessionCount: 1, journalCount: 1 } });
  });

  it('wait for the store to open: a call made at once after creating the service succeeds', async () => {
    await records.close();
    records = createRecordsService({ directory: dir.path, keyProtector: osProtector(), indexSaveDelayMs: 60_000 });
    router = createRouter(recordsChannels, createRecordsHandlers({ records, chooseFolder: async () => null, chooseRecordingFile: async () => null }), { isTrustedSender: () => true, log: { error: () => undefined } });
    expect(await invoke('journal.create', { text: 'first thing after start' })).toMatchObject({ ok: true });
  });

  it('answer unavailable, with the reason, when the key is lost; delete-everything still works', async () => {
    await invoke('journal.create', { text: 'before the key went missing' });
    await records.close();
    unlinkSync(join(dir.path, 'key.json'));
    await build();
    expect(await invoke('journal.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/key/) } });
    expect(await invoke('session.start', { kind: 'check', source: { kind: 'demo' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await invoke('data.status', undefined)).toMatchObject({ ok: true, value: { state: 'unavailable', problem: expect.stringMatching(/missing/) } });
    expect(records.takeNotices().map((n) => n.kind)).toEqual(['storage-warning']);
    expect(await invoke('data.deleteEverything', { confirm: 'delete everything' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await invoke('data.status', undefined)).toMatchObject({ ok: true, value: { state: 'open', journalCount: 0 } });
    expect(await invoke('journal.create', { text: 'a fresh start' })).toMatchObject({ ok: true });
  });
});
