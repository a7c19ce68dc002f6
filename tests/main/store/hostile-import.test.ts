import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter } from '../../../main/ipc/router.ts';
import { seal } from '../../../main/store/crypto.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { folderState } from '../../support/folder-state.ts';
import { fakeClock, makeBeats, osProtector, tempDir } from './helpers.ts';

// Hostile and malformed exports and recording files, each against the real store and the
// real router: every one is refused or reported with a reason, nothing already on disk is
// written over (every pre-existing file is compared byte for byte), nothing hangs (the suite
// finishing is the proof), and the lists still answer afterwards and after reopening.

let dir: ReturnType<typeof tempDir>;
let records: RecordsService;
const chosen: { folder: string | null; file: string | null } = { folder: null, file: null };
const clock = fakeClock();
const sender = { url: 'app://attune/index.html', isMainFrame: true };
const internal: string[] = [];
const store = () => join(dir.path, 'records');
const FUTURE_ID = 'FromTheFuture123';
const UNKNOWN_ID = 'NotInTheIndex456';

async function open() {
  records = await openRecordsService({ directory: store(), keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field
async function invoke(channel: string, payload?: unknown): Promise<any> {
  const handlers = createRecordsHandlers({ records, clock, chooseFolder: async () => chosen.folder, chooseRecordingFile: async () => chosen.file });
  return createRouter(recordsChannels, handlers, { isTrustedSender: () => true, log: { error: (m) => internal.push(m) } }).dispatch(sender, { channel, payload });
}

const session = (id: string, over: Record<string, unknown> = {}) => ({
  schemaVersion: 2, id, revision: 1, kind: 'check', status: 'finished', startedAtMs: Date.UTC(2025, 1, 1), endedAtMs: Date.UTC(2025, 1, 1, 0, 3),
  source: { kind: 'demo' }, breathingPattern: null, baselineHrBpm: null, markers: [], beatCount: 2, summary: null, ...over,
});
const entry = (id: string, over: Record<string, unknown> = {}) => ({
  schemaVersion: 1, id, revision: 1, createdAtMs: Date.UTC(2025, 1, 1), updatedAtMs: Date.UTC(2025, 1, 1), title: '', text: 'hello', tags: [], kind: 'note',
  promptId: null, cues: [], signsRating: null, sessionIds: [], trashedAtMs: null, ...over,
});
const GOOD_BEATS = 'tMs,rrMs\n800,800\n1600,800\n';

type Files = Record<string, string | ((path: string) => void)>;
/** One export folder: the manifest plus the given files (a function makes something special at that path). */
function makeExport(name: string, files: Files): string {
  const folder = join(dir.path, 'exports', name);
  for (const sub of ['sessions', 'beats', 'journal', 'agreements']) mkdirSync(join(folder, sub), { recursive: true });
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ format: 'attune-export', formatVersion: 1 }));
  for (const [file, content] of Object.entries(files)) {
    const path = join(folder, file);
    if (typeof content === 'function') content(path);
    else writeFileSync(path, content);
  }
  return folder;
}
const json = (value: unknown) => JSON.stringify(value);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `Linked${String(i).padStart(10, '0')}`);

/** Exports: each must add nothing and report the named file with a reason. */
const EXPORTS: Array<[string, Files, string]> = [
  ['symlink to /dev/zero', { 'sessions/ZeroZeroZero0001.json': (p) => symlinkSync('/dev/zero', p) }, 'sessions/ZeroZeroZero0001.json'],
  ['symlink to a file outside', { 'journal/OutsideOutside01.json': (p) => symlinkSync(join(dir.path, 'outside.json'), p) }, 'journal/OutsideOutside01.json'],
  ['FIFO as a record', { 'sessions/FifoFifoFifo0001.json': (p) => execFileSync('mkfifo', [p]) }, 'sessions/FifoFifoFifo0001.json'],
  ['FIFO as beats', { 'sessions/FifoBeatsFifo001.json': json(session('FifoBeatsFifo001')), 'beats/FifoBeatsFifo001.csv': (p) => execFileSync('mkfifo', [p]) }, 'beats/FifoBeatsFifo001.csv'],
  ['huge sparse record', { 'sessions/HugeHugeHuge0001.json': (p) => { writeFileSync(p, ''); truncateSync(p, 2 * 1024 ** 3); } }, 'sessions/HugeHugeHuge0001.json'],
  ['huge sparse beats', { 'sessions/HugeBeatsHuge001.json': json(session('HugeBeatsHuge001')), 'beats/HugeBeatsHuge001.csv': (p) => { writeFileSync(p, ''); truncateSync(p, 2 * 1024 ** 3); } }, 'beats/HugeBeatsHuge001.csv'],
  ['folder named .json', { 'journal/FolderFolder0001.json': (p) => mkdirSync(p) }, 'journal/FolderFolder0001.json'],
  ['symlinked beats', { 'sessions/LinkBeatsLink001.json': json(session('LinkBeatsLink001')), 'beats/LinkBeatsLink001.csv': (p) => symlinkSync('/dev/zero', p) }, 'beats/LinkBeatsLink001.csv'],
  ['not JSON', { 'sessions/NotJsonNotJson01.json': '{ nope' }, 'sessions/NotJsonNotJson01.json'],
  ['JSON array', { 'journal/ArrayArrayArray1.json': '[1,2,3]' }, 'journal/ArrayArrayArray1.json'],
  ['wrong types', { 'sessions/WrongTypesWrong1.json': json(session('WrongTypesWrong1', { startedAtMs: '2025', beatCount: 'two' })) }, 'sessions/WrongTypesWrong1.json'],
  ['null record', { 'agreements/NullNullNull0001.json': 'null' }, 'agreements/NullNullNull0001.json'],
  ['newer version', { 'journal/NewerNewerNewer1.json': json({ ...entry('NewerNewerNewer1'), schemaVersion: 9 }) }, 'journal/NewerNewerNewer1.json'],
  ['year 2300', { 'sessions/Year2300Year2301.json': json(session('Year2300Year2301', { startedAtMs: Date.UTC(2300, 0, 1), endedAtMs: Date.UTC(2300, 0, 1, 1) })), 'beats/Year2300Year2301.csv': GOOD_BEATS }, 'sessions/Year2300Year2301.json'],
  ['epoch-ms end time', { 'sessions/EpochMsEpochMs01.json': json(session('EpochMsEpochMs01', { endedAtMs: 1.7e12 * 1000 })), 'beats/EpochMsEpochMs01.csv': GOOD_BEATS }, 'sessions/EpochMsEpochMs01.json'],
  ['RR 1e300 in beats', { 'sessions/HugeRrHugeRr0001.json': json(session('HugeRrHugeRr0001')), 'beats/HugeRrHugeRr0001.csv': 'tMs,rrMs\n800,800\n1600,1e300\n' }, 'beats/HugeRrHugeRr0001.csv'],
  ['negative RR in beats', { 'sessions/NegRrNegRr000001.json': json(session('NegRrNegRr000001')), 'beats/NegRrNegRr000001.csv': 'tMs,rrMs\n800,800\n1600,-800\n' }, 'beats/NegRrNegRr000001.csv'],
  ['NaN in beats', { 'sessions/NanNanNanNan0001.json': json(session('NanNanNanNan0001')), 'beats/NanNanNanNan0001.csv': 'tMs,rrMs\n800,800\nNaN,800\n' }, 'beats/NanNanNanNan0001.csv'],
  ['epoch-ms beat times', { 'sessions/EpochBeatsEpoch1.json': json(session('EpochBeatsEpoch1')), 'beats/EpochBeatsEpoch1.csv': 'tMs,rrMs\n1733000000000,800\n1733000000800,800\n' }, 'beats/EpochBeatsEpoch1.csv'],
  ['beats with bad rows', { 'sessions/BadRowsBadRows01.json': json(session('BadRowsBadRows01')), 'beats/BadRowsBadRows01.csv': 'tMs,rrMs\n800,800,9\n' }, 'beats/BadRowsBadRows01.csv'],
  ['beats without header', { 'sessions/NoHeaderNoHead01.json': json(session('NoHeaderNoHead01')), 'beats/NoHeaderNoHead01.csv': '800,800\n' }, 'beats/NoHeaderNoHead01.csv'],
  ['missing beats', { 'sessions/MissingBeatsMis1.json': json(session('MissingBeatsMis1')) }, 'beats/MissingBeatsMis1.csv'],
  ['more beats than the session', { 'sessions/MoreBeatsMore001.json': json(session('MoreBeatsMore001', { beatCount: 1 })), 'beats/MoreBeatsMore001.csv': GOOD_BEATS }, 'sessions/MoreBeatsMore001.json'],
  ['recording session with absurd beats', { 'sessions/RecordingAbsurd1.json': json(session('RecordingAbsurd1', { status: 'recording', endedAtMs: null })), 'beats/RecordingAbsurd1.csv': 'tMs,rrMs\n800,1e300\n' }, 'beats/RecordingAbsurd1.csv'],
  ['absurd count', { 'sessions/AbsurdCountAbs01.json': json(session('AbsurdCountAbs01', { beatCount: 1e300 })), 'beats/AbsurdCountAbs01.csv': GOOD_BEATS }, 'sessions/AbsurdCountAbs01.json'],
  ['201 links', { 'journal/TooManyLinks0001.json': json(entry('TooManyLinks0001', { sessionIds: ids(201) })) }, 'journal/TooManyLinks0001.json'],
  ['duplicate id under another name', { 'journal/CopyOfAnEntry001.json': json(entry(FUTURE_ID, { text: 'a second copy' })) }, 'journal/CopyOfAnEntry001.json'],
  ['sessions folder is a link', { sessions: (p) => { execFileSync('rm', ['-r', p]); symlinkSync('/dev', p); } }, 'sessions'],
  ['newer record on disk, not in the index', { [`journal/${FUTURE_ID}.json`]: json(entry(FUTURE_ID)) }, ''],
  ['a file the index does not know', { [`sessions/${UNKNOWN_ID}.json`]: json(session(UNKNOWN_ID)), [`beats/${UNKNOWN_ID}.csv`]: GOOD_BEATS }, ''],
];

/** Recording files: each must be refused with a sentence (or, for a plausible file with a bad date, clamped). */
const RECORDINGS: Array<[string, (path: string) => void]> = [
  ['epoch-ms in the RR column', (p) => writeFileSync(p, Array.from({ length: 300 }, (_, i) => String(1733000000000 + i * 800)).join('\n'))],
  ['RR 1e300', (p) => writeFileSync(p, Array.from({ length: 300 }, (_, i) => (i % 2 ? '1e300' : '800')).join('\n'))],
  ['seconds instead of ms', (p) => writeFileSync(p, Array.from({ length: 300 }, () => '0.8').join('\n'))],
  ['negative RR', (p) => writeFileSync(p, '800\n-800\n800\n')],
  ['NaN RR', (p) => writeFileSync(p, '800\nNaN\n800\n')],
  ['symlink to /dev/zero', (p) => symlinkSync('/dev/zero', p)],
  ['FIFO', (p) => execFileSync('mkfifo', [p])],
  ['huge sparse file', (p) => { writeFileSync(p, ''); truncateSync(p, 2 * 1024 ** 3); }],
  ['a folder', (p) => mkdirSync(p)],
  ['over a week long', (p) => writeFileSync(p, Array.from({ length: 130_000 }, () => '4900').join('\n'))],
];

const tally = { tried: 0, handled: 0, lost: 0 };

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir.path, 'outside.json'), json(entry('OutsideOutside01')));
  await open();
  const s = await (await records.store()).startSession({ kind: 'check', source: { kind: 'demo' } });
  await (await records.store()).appendBeats(s.id, makeBeats(120));
  await (await records.store()).finishSession(s.id);
  await (await records.store()).createJournal({ text: 'mine', sessionIds: [s.id] });
  // A journal entry from a newer Attune (not in the index) and a session file the index does not know.
  const protector = osProtector();
  const keyFile = JSON.parse(readFileSync(join(store(), 'key.json'), 'utf8')) as { key: string; keyId: string };
  const dataKey = { key: protector.decrypt(Buffer.from(keyFile.key, 'base64')), keyId: Buffer.from(keyFile.keyId, 'hex') };
  writeFileSync(join(store(), 'journal', `${FUTURE_ID}.rec`), seal(dataKey, Buffer.from(json({ schemaVersion: 9, id: FUTURE_ID })), `journal/${FUTURE_ID}`));
  await records.close();
  await open();
  writeFileSync(join(store(), 'sessions', `${UNKNOWN_ID}.rec`), 'not yet read by this index');
});
afterAll(async () => {
  await records.close();
  dir.remove();
  console.info(`hostile imports: tried ${tally.tried}, handled ${tally.handled}, lost ${tally.lost}`);
});

describe('hostile exports', () => {
  it.each(EXPORTS)('%s: nothing added or overwritten, the file reported with a reason', async (_name, files, reported) => {
    tally.tried += 1;
    const before = folderState(store(), (name) => name === 'index.rec');
    chosen.folder = makeExport(_name.replace(/\W+/g, '-'), files);
    const result = await invoke('data.import');
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const { added, problems, conflicts } = result.value;
    expect(added).toEqual({ sessions: 0, journalEntries: 0, agreements: 0 });
    if (reported) expect(problems.find((p: { file: string }) => p.file === reported)?.reason).toMatch(/\w{3}/);
    else expect(conflicts).toBe(1);
    const after = folderState(store(), (name) => name === 'index.rec');
    let lost = 0;
    for (const [file, hash] of Object.entries(before)) if (after[file] !== hash) lost += 1;
    tally.lost += lost;
    expect(lost).toBe(0);
    expect(await invoke('session.list', { fromMs: 0, toMs: 8_640_000_000_000 })).toMatchObject({ ok: true, value: [{}] });
    expect(internal).toEqual([]);
    tally.handled += 1;
  });
});

describe('hostile recording files', () => {
  it.each(RECORDINGS)('%s: refused with a sentence, nothing stored', async (name, make) => {
    tally.tried += 1;
    chosen.file = join(dir.path, `${name.replace(/\W+/g, '-')}.txt`);
    make(chosen.file);
    const result = await invoke('data.importRecording');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(result.error.message).toMatch(/\w+ \w+/);
    expect(await invoke('session.list', { fromMs: 0, toMs: 8_640_000_000_000 })).toMatchObject({ ok: true, value: [{}] });
    expect(internal).toEqual([]);
    tally.handled += 1;
  });

  it('a plausible recording dated in the year 2300 is kept with a believable date', async () => {
    chosen.file = join(dir.path, 'y2300.hrm');
    writeFileSync(chosen.file, `[Params]\nVersion=106\nDate=23000101\nStartTime=10:00:00.0\nInterval=238\n\n[HRData]\n${Array.from({ length: 300 }, () => '800').join('\n')}\n`);
    const result = await invoke('data.importRecording');
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.value.session.startedAtMs).toBeLessThan(Date.UTC(2100, 0, 1));
    expect(internal).toEqual([]);
  });
});

describe('afterwards', () => {
  it('the lists answer, and still do after reopening the store', async () => {
    for (let round = 0; round < 2; round += 1) {
      const sessions = await invoke('session.list', { fromMs: 0, toMs: 8_640_000_000_000 });
      expect(sessions.value.map((s: { kind: string }) => s.kind)).toEqual(['check', 'recording']);
      const journal = await invoke('journal.list', {});
      expect(journal.value.map((e: { excerpt: string }) => e.excerpt)).toEqual(['mine']);
      await records.close();
      await open();
    }
    expect(internal).toEqual([]);
  });
});
