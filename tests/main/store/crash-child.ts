// Child process for the crash-safety test: opens the store in the folder named on the
// command line and writes sessions, beat batches, markers and journal entries in a loop
// until it is killed. After each write resolves it prints an acknowledgement line; the
// parent kills it with SIGKILL at a random moment and checks that every acknowledged
// write survived. Runs under plain `node` (type stripping), not under Vitest.
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { RecordsStore } from '../../../main/store/records-store.ts';
import { expectedRrMs } from './crash-expectations.ts';
import { osProtector } from './helpers.ts';

const [directory, seedText] = process.argv.slice(2);
if (!directory) throw new Error('usage: crash-child.ts <directory> <seed>');
let seed = Number(seedText ?? 1) || 1;
function random(): number {
  // xorshift32: repeatable per seed, so a failing run can be replayed.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
}
function ack(line: string): void {
  writeSync(1, `${line}\n`); // synchronous: the line is out before the next write starts
}


const store = await RecordsStore.open({ directory, keyProtector: osProtector(), indexSaveDelayMs: 50 });
ack('ready');
const journalIds = store.listJournal().map((entry) => entry.id);
let session: { id: string; beatCount: number; markerCount: number } | null = null;
let entryNumber = 0;

for (;;) {
  const roll = random();
  if (!session) {
    const started = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    session = { id: started.id, beatCount: 0, markerCount: 0 };
    ack(`S ${started.id}`);
  } else if (roll < 0.6) {
    const beats = [];
    for (let i = 0; i < 5; i += 1) {
      const index = session.beatCount + i;
      beats.push({ tMs: (index + 1) * 800, rrMs: expectedRrMs(index) });
    }
    const { beatCount } = await store.appendBeats(session.id, beats);
    session.beatCount = beatCount;
    ack(`B ${session.id} ${beatCount}`);
  } else if (roll < 0.65) {
    const { markerCount } = await store.addMarker(session.id, { tMs: session.beatCount * 800, phase: 'breathing', edge: 'point' });
    ack(`M ${session.id} ${markerCount}`);
  } else if (roll < 0.7) {
    const finished = await store.finishSession(session.id);
    ack(`F ${session.id} ${finished.beatCount}`);
    session = null;
  } else if (roll < 0.85 || journalIds.length === 0) {
    const text = `entry ${entryNumber++} ${random().toString(36).slice(2)}`;
    const entry = await store.createJournal({ text, tags: ['crash'] });
    journalIds.push(entry.id);
    ack(`J ${entry.id} ${entry.revision} ${hash(text)}`);
  } else {
    const id = journalIds[Math.floor(random() * journalIds.length)] as string;
    const text = `edited ${random().toString(36).slice(2)}`;
    const entry = await store.updateJournal(id, { text });
    ack(`J ${entry.id} ${entry.revision} ${hash(text)}`);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
