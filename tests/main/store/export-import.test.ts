import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordsHandlers } from '../../../main/ipc/handlers/records.ts';
import { createRouter } from '../../../main/ipc/router.ts';
import { openRecordsService, type RecordsService } from '../../../main/store/records-service.ts';
import type { RecordsStore } from '../../../main/store/records-store.ts';
import { readRecording } from '../../../shared/formats/read-recording.ts';
import { recordsChannels } from '../../../shared/ipc/channels/records.ts';
import { ENGINE_VERSION } from '../../../shared/signal/version.ts';
import { fakeClock, makeBeats, osProtector, tempDir } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
let outside: ReturnType<typeof tempDir>;
let records: RecordsService;
let chosen: { folder: string | null; file: string | null };
const clock = fakeClock();
const sender = { url: 'app://attune/index.html', isMainFrame: true };

beforeEach(async () => {
  dir = tempDir();
  outside = tempDir('attune-outside-');
  records = await openRecordsService({ directory: join(dir.path, 'records'), keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
  chosen = { folder: outside.path, file: null };
});
afterEach(async () => {
  await records.close();
  dir.remove();
  outside.remove();
});

function router() {
  const handlers = createRecordsHandlers({
    records,
    clock,
    chooseFolder: async () => chosen.folder,
    chooseRecordingFile: async () => chosen.file,
  });
  return createRouter(recordsChannels, handlers, { isTrustedSender: () => true, log: { error: () => undefined } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field below
async function call(channel: string, payload?: unknown): Promise<any> {
  const result = await router().dispatch(sender, { channel, payload });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function seedEverything(store: RecordsStore) {
  for (let day = 0; day < 4; day += 1) {
    clock.set(Date.UTC(2025, 4, 1 + day, 19));
    const s = await store.startSession({
      kind: day % 2 ? 'breathing' : 'check',
      source: day === 3 ? { kind: 'strap', deviceName: 'Polar H10 ABC', sensorLocation: 'chest' } : { kind: 'demo' },
      breathingPattern: day % 2 ? { preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 } : null,
    });
    await store.addMarker(s.id, { tMs: 0, phase: 'baseline', edge: 'start' });
    const beats = makeBeats(150 + day * 10, 0, day);
    for (let i = 0; i < beats.length; i += 9) await store.appendBeats(s.id, beats.slice(i, i + 9));
    await store.addMarker(s.id, { tMs: 90_000, phase: 'verdict', edge: 'point', verdict: day === 2 ? 'take-a-break' : 'ready', label: 'after "baseline", then, breathing' });
    clock.advance(180_000);
    await store.finishSession(s.id);
    const entry = await store.createJournal({ text: `Day ${day}: "quoted", with commas\nand lines`, tags: ['after', `day${day}`], kind: 'reflection', sessionIds: [s.id], cues: ['tight jaw'] });
    if (day === 1) await store.trashJournal(entry.id);
  }
  await store.saveAgreement({ text: 'Ask for a break before my voice rises.' });
}

async function everything(store: RecordsStore) {
  const sessions = [];
  for (const item of store.listSessions(0, Number.MAX_SAFE_INTEGER)) {
    const detail = await store.getSession(item.id);
    sessions.push({ item, detail });
  }
  const journal = [];
  for (const item of [...store.listJournal(), ...store.listJournal({ trashed: true })]) journal.push(await store.getJournal(item.id));
  return { sessions, journal, agreements: store.listAgreements() };
}

describe('export, delete everything, import', () => {
  it('round-trips identical content, and a second import adds nothing', async () => {
    await seedEverything(await records.store());
    const before = await everything(await records.store());
    expect(before.sessions).toHaveLength(4);
    expect(before.journal).toHaveLength(4);

    const exported = await call('data.export');
    expect(exported).toMatchObject({ cancelled: false, sessions: 4, journalEntries: 4, agreements: 1 });

    await expect(router().dispatch(sender, { channel: 'data.deleteEverything', payload: { confirm: 'yes' } })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await call('data.deleteEverything', { confirm: 'delete everything' });
    expect(await call('data.status')).toMatchObject({ state: 'open', sessionCount: 0, journalCount: 0, agreementCount: 0 });
    expect(readdirSync(join(dir.path, 'records')).sort()).toEqual(['agreements', 'beats', 'journal', 'key.json', 'sessions']);

    chosen.folder = exported.folder;
    const first = await call('data.import');
    expect(first).toEqual({ cancelled: false, added: { sessions: 4, journalEntries: 4, agreements: 1 }, unchanged: 0, conflicts: 0, problems: [] });
    expect(await everything(await records.store())).toEqual(before);

    const second = await call('data.import');
    expect(second).toEqual({ cancelled: false, added: { sessions: 0, journalEntries: 0, agreements: 0 }, unchanged: 9, conflicts: 0, problems: [] });

    // And it all survives a restart.
    await records.close();
    records = await openRecordsService({ directory: join(dir.path, 'records'), keyProtector: osProtector(), clock, indexSaveDelayMs: 60_000 });
    expect(await everything(await records.store())).toEqual(before);
  });

  it('writes plain RR files Kubios-style readers open, beats and summary CSVs, and a README', async () => {
    await seedEverything(await records.store());
    const { folder } = await call('data.export');
    const rrFiles = readdirSync(join(folder, 'rr'));
    expect(rrFiles).toHaveLength(4);
    const sessions = (await records.store()).listSessions(0, Number.MAX_SAFE_INTEGER);
    for (const item of sessions) {
      const file = rrFiles.find((name) => name.includes(item.id));
      const read = readRecording(readFileSync(join(folder, 'rr', file!), 'utf8'));
      expect(read.ok && read.value.format).toBe('rr');
      expect(read.ok && read.value.rrMs).toEqual((await (await records.store()).getSession(item.id)).beats.rrMs);
    }
    // The same CSV writer as every other table (CRLF, quoting, formula guard).
    const csv = readFileSync(join(folder, 'sessions.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toMatch(/^id,kind,status,startedAt/);
    expect(lines.slice(0, -1)).toHaveLength(5);
    for (const line of lines.slice(1, -1)) expect(line.split(',')).toHaveLength(lines[0]!.split(',').length);
    expect(readFileSync(join(folder, 'beats', `${sessions[0]!.id}.csv`), 'utf8').split('\r\n')[0]).toBe('tMs,rrMs');
    expect(readFileSync(join(folder, 'README.txt'), 'utf8')).toMatch(/not encrypted/);
  });

  it('reports a damaged file in an export and imports the rest; refuses a folder that is not an export', async () => {
    await seedEverything(await records.store());
    const { folder } = await call('data.export');
    const journalFile = readdirSync(join(folder, 'journal'))[0]!;
    writeFileSync(join(folder, 'journal', journalFile), '{ not json');
    await call('data.deleteEverything', { confirm: 'delete everything' });
    chosen.folder = folder;
    const result = await call('data.import');
    expect(result.added).toEqual({ sessions: 4, journalEntries: 3, agreements: 1 });
    expect(result.problems).toEqual([{ file: `journal/${journalFile}`, reason: 'The record is not valid JSON.' }]);
    chosen.folder = outside.path;
    await expect(router().dispatch(sender, { channel: 'data.import', payload: undefined })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reads a session saved by the previous version, its figures kept by name, into the typed summary', async () => {
    const store = await records.store();
    const s = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.appendBeats(s.id, makeBeats(200));
    await store.addMarker(s.id, { tMs: 0, phase: 'reading', edge: 'start' });
    await store.addMarker(s.id, { tMs: 120_000, phase: 'reading', edge: 'end' });
    const { summary } = await store.finishSession(s.id);
    const { folder } = await call('data.export');
    // Version 1 kept the less common figures in one map of names; one it lacked reads null.
    const file = join(folder, 'sessions', `${s.id}.json`);
    const current = JSON.parse(readFileSync(file, 'utf8'));
    const { hrv, coherence, phases, outOfRangeBeats, ...common } = current.summary;
    const metrics = {
      ...hrv,
      coherenceMeanRatio: coherence.meanRatio,
      coherenceMeanNormalized: coherence.meanNormalized,
      coherencePeakHz: coherence.peakHz,
      outOfRangeBeats,
      ...phases,
    };
    delete metrics.breathingSec;
    writeFileSync(file, JSON.stringify({ ...current, schemaVersion: 1, summary: { ...common, metrics } }));
    await call('data.deleteEverything', { confirm: 'delete everything' });
    chosen.folder = folder;
    expect((await call('data.import')).added.sessions).toBe(1);
    const read = (await (await records.store()).getSession(s.id)).session;
    expect(read.schemaVersion).toBe(2);
    // Version 1 kept no time in high coherence: the session page reads it from the beats.
    const { highSec: _highSec, measuredSec: _measuredSec, ...v1Coherence } = summary!.coherence;
    expect(read.summary).toEqual({ ...summary, coherence: v1Coherence, phases: { ...summary!.phases, breathingSec: null } });
    expect(read.summary!.phases.readingHrBpm).toBeTypeOf('number');
    expect((await records.store()).listSessions(0, Number.MAX_SAFE_INTEGER)[0]!.summary!.hrv.sd1Ms).toBe(summary!.hrv.sd1Ms);
  });

  it('brings a session exported mid-recording back as interrupted, with its beats and summary', async () => {
    const store = await records.store();
    const s = await store.startSession({ kind: 'conversation', source: { kind: 'demo' } });
    const beats = makeBeats(50);
    await store.appendBeats(s.id, beats);
    const { folder } = await call('data.export');
    await call('data.deleteEverything', { confirm: 'delete everything' });
    chosen.folder = folder;
    expect((await call('data.import')).added.sessions).toBe(1);
    const detail = await (await records.store()).getSession(s.id);
    expect(detail.session).toMatchObject({ status: 'interrupted', beatCount: 50, summary: { beatCount: 50 } });
    expect(detail.beats.rrMs).toEqual(beats.map((b) => b.rrMs));
    expect(detail.beatsStatus).toBe('complete');
  });

  it('keeps the local record when an import holds a different version of it (conflict, nothing overwritten)', async () => {
    const entry = await (await records.store()).createJournal({ text: 'original' });
    const { folder } = await call('data.export');
    await (await records.store()).updateJournal(entry.id, { text: 'edited after the export' });
    chosen.folder = folder;
    expect(await call('data.import')).toMatchObject({ added: { journalEntries: 0 }, conflicts: 1 });
    expect((await (await records.store()).getJournal(entry.id)).text).toBe('edited after the export');
  });

  it('exports around a record found damaged on the way (quarantined and reported), and flags an export missing beats', async () => {
    const store = await records.store();
    const keep = await store.createJournal({ text: 'fine' });
    const broken = await store.createJournal({ text: 'about to be damaged' });
    const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.appendBeats(session.id, makeBeats(10));
    await store.finishSession(session.id);
    writeFileSync(join(dir.path, 'records', 'journal', `${broken.id}.rec`), 'garbage');
    const exported = await call('data.export');
    expect(exported).toMatchObject({ journalEntries: 1, sessions: 1 });
    expect(readdirSync(join(exported.folder, 'journal'))).toEqual([`${keep.id}.json`]);
    expect(store.takeNotices().map((n) => n.kind)).toEqual(['records-quarantined']);

    unlinkSync(join(exported.folder, 'beats', `${session.id}.csv`));
    await call('data.deleteEverything', { confirm: 'delete everything' });
    chosen.folder = exported.folder;
    const result = await call('data.import');
    expect(result.added).toEqual({ sessions: 0, journalEntries: 1, agreements: 0 });
    expect(result.problems).toEqual([{ file: `beats/${session.id}.csv`, reason: 'the beats file is missing' }]);
  });

  it('does nothing when the user cancels the folder or file dialog', async () => {
    chosen.folder = null;
    expect(await call('data.export')).toEqual({ cancelled: true });
    expect(await call('data.import')).toEqual({ cancelled: true });
    expect(await call('data.importRecording')).toEqual({ cancelled: true });
  });
});

describe('importing a recording file', () => {
  it('reads any supported format into a finished session summarised by the engine, once', async () => {
    const rrMs = makeBeats(400).map((b) => Math.round(b.rrMs));
    const files: Record<string, string> = {
      'elite.txt': rrMs.join('\n'),
      'kubios.txt': `# Kubios export\n# sample\n${rrMs.join('\n')}\n`,
      'session.hrm': `[Params]\nVersion=106\nInterval=238\nDate=20250301\nStartTime=07:30:00.0\n\n[HRData]\n${rrMs.join('\n')}\n`,
      'polar.csv': `Phone timestamp;RR-interval [ms]\n${rrMs.map((rr, i) => `2025-03-01T07:30:${String(i % 60).padStart(2, '0')}.000;${rr}`).join('\n')}\n`,
      'ibi.csv': rrMs.map((rr, i) => `${(i * 0.9).toFixed(3)},${rr}`).join('\n'),
    };
    const formats: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      chosen.file = join(outside.path, name);
      writeFileSync(chosen.file, text);
      const result = await call('data.importRecording');
      expect(result.alreadyImported).toBe(false);
      expect(result.leftOutCount).toBe(0);
      expect(result.session).toMatchObject({ kind: 'recording', status: 'finished', sourceKind: 'file', beatCount: 400 });
      expect(result.session.summary.engineVersion).toBe(ENGINE_VERSION);
      expect(result.session.summary.meanHrBpm).toBeGreaterThan(50);
      const detail = await call('session.get', { sessionId: result.session.id });
      expect(detail.beats.rrMs).toEqual(rrMs);
      formats.push(detail.session.source.format);
      const again = await call('data.importRecording');
      expect(again).toMatchObject({ alreadyImported: true, session: { id: result.session.id } });
    }
    expect(formats).toEqual(['rr', 'kubios', 'polar-hrm', 'polar-csv', 'ibi-csv']);
    expect(await call('session.list', { fromMs: 0, toMs: 8_000_000_000_000 })).toHaveLength(5);
    // The HRM and Polar CSV files say when they were recorded (local time, as the device kept it).
    const starts = ((await call('session.list', { fromMs: 0, toMs: 8_000_000_000_000 })) as Array<{ startedAtMs: number }>).map((s) => s.startedAtMs);
    expect(starts.filter((ms: number) => ms === new Date(2025, 2, 1, 7, 30).getTime())).toHaveLength(2);
  });

  it('explains a file that is not a recording', async () => {
    chosen.file = join(outside.path, 'notes.txt');
    writeFileSync(chosen.file, 'dear diary\n');
    const result = await router().dispatch(sender, { channel: 'data.importRecording', payload: undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(!result.ok && result.error.message).toMatch(/could not be read as a recording/);
  });
});
