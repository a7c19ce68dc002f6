import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMomentsHandlers } from '../../../main/ipc/handlers/moments.ts';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter, type Router } from '../../../main/ipc/router.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { momentsChannels } from '../../../shared/ipc/channels/moments.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { fakeClock, osProtector, tempDir } from './helpers.ts';

// moment.note through the real router and validation into the real store, in a temp folder:
// a small moment is a journal entry of kind 'moment' that survives a restart, goes out with
// an export, comes back with an import and is gone after delete-everything.

let dir: ReturnType<typeof tempDir>;
let outside: ReturnType<typeof tempDir>;
let records: RecordsService;
let router: Router;
let chosenFolder: string | null;
const clock = fakeClock();
const sender = { url: 'app://attune/index.html', isMainFrame: true };
const recordsDir = () => join(dir.path, 'records');

async function open() {
  records = await openRecordsService({ directory: recordsDir(), keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
  router = createRouter(
    { ...recordsChannels, ...momentsChannels },
    { ...createRecordsHandlers({ records, clock, chooseFolder: async () => chosenFolder, chooseRecordingFile: async () => null }), ...createMomentsHandlers({ records }) },
    { isTrustedSender: () => true, log: { error: (message) => { throw new Error(`unexpected internal error: ${message}`); } } },
  );
}

beforeEach(async () => {
  dir = tempDir();
  outside = tempDir('attune-outside-');
  chosenFolder = outside.path;
  await open();
});
afterEach(async () => {
  await records.close();
  dir.remove();
  outside.remove();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field below
async function call(channel: string, payload?: unknown): Promise<any> {
  const result = await router.dispatch(sender, { channel, payload });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('moment.note', () => {
  it('keeps a small moment as a journal entry the journal lists, also after a restart', async () => {
    const noted = await call('moment.note', { kind: 'thanked', words: '  For making tea without being asked.  ' });
    expect(noted).toMatchObject({ kind: 'moment', momentKind: 'thanked', title: 'Said thank you', text: 'For making tea without being asked.', trashedAtMs: null });
    const bare = await call('moment.note', { kind: 'laughed' });
    expect(bare).toMatchObject({ kind: 'moment', momentKind: 'laughed', title: 'Shared a laugh', text: '' });

    await records.close();
    await open();
    const listed = await call('journal.list', {});
    expect(listed.map((item: { id: string }) => item.id).sort()).toEqual([noted.id, bare.id].sort());
    expect(await call('journal.get', { id: noted.id })).toEqual(noted);
  });

  it('refuses malformed moments with invalid-payload and stores nothing', async () => {
    const malformed = [undefined, {}, { kind: 'hugged' }, { kind: 'thanked', words: 'x'.repeat(501) }, { kind: 'thanked', words: 7 }, { kind: 'thanked', extra: true }, { kind: ['thanked'] }, 'thanked'];
    for (const payload of malformed) {
      const result = await router.dispatch(sender, { channel: 'moment.note', payload });
      expect(result, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(await call('journal.list', {})).toEqual([]);
    expect(readdirSync(join(recordsDir(), 'journal'))).toEqual([]);
  });

  it('goes out with an export, is gone after delete-everything, and comes back with an import', async () => {
    const noted = await call('moment.note', { kind: 'checked-in', words: 'You went quiet; I asked.' });
    const exported = await call('data.export');
    expect(exported).toMatchObject({ journalEntries: 1 });
    const file = JSON.parse(readFileSync(join(exported.folder, 'journal', `${noted.id}.json`), 'utf8'));
    expect(file).toMatchObject({ kind: 'moment', momentKind: 'checked-in', text: 'You went quiet; I asked.' });

    await call('data.deleteEverything', { confirm: 'delete everything' });
    expect(await call('journal.list', {})).toEqual([]);
    expect(readdirSync(join(recordsDir(), 'journal'))).toEqual([]);

    chosenFolder = exported.folder;
    expect(await call('data.import')).toMatchObject({ added: { journalEntries: 1 }, conflicts: 0, problems: [] });
    expect(await call('journal.get', { id: noted.id })).toEqual(noted);
  });
});
