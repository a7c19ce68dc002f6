import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { RecordsStore } from '../../../main/store/records-store.ts';
import { expectedRrMs } from './crash-expectations.ts';
import { osProtector, tempDir } from './helpers.ts';

// A child process writes sessions, beat batches, markers and journal entries in a loop and
// is killed with SIGKILL at a random moment, 200 times over the same folder. After every
// kill the store must open, hold every write the child acknowledged, and report nothing
// damaged. Some kills land while the child is still opening the store (recovering the
// previous crash, saving the index), which must be just as safe.

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const KILLS = 200;

type Acks = {
  started: Set<string>;
  beats: Map<string, number>;
  markers: Map<string, number>;
  finished: Map<string, number>;
  journal: Map<string, { revision: number; textHash: string }>;
};

function runChildUntilKilled(directory: string, seed: number, random: () => number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, directory, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const kill = () => child.kill('SIGKILL');
    // Mostly mid-loop: after a random number of acknowledged writes (counted, not timed, so a
    // slow machine kills no earlier in the work), then a little later, to land inside the
    // next write. Sometimes during start-up and open, where any moment is a fair one.
    const duringOpen = random() < 0.15;
    const acksBeforeKill = 2 + Math.floor(random() * 15);
    const extraMs = random() * 20;
    if (duringOpen) timer = setTimeout(kill, 50 + random() * 250);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const acked = out.startsWith('ready\n') ? out.split('\n').length - 2 : 0;
      if (!duringOpen && timer === null && acked >= acksBeforeKill) timer = setTimeout(kill, extraMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`child exited by itself (code ${code}): ${err.slice(0, 2000)}`));
    });
  });
}

function parseAcks(out: string, acks: Acks): void {
  // The last line may be cut off by the kill; only whole lines count as acknowledged.
  const lines = out.split('\n').slice(0, -1);
  for (const line of lines) {
    const [kind, id = '', a = '', b = ''] = line.split(' ');
    if (kind === 'S') acks.started.add(id);
    else if (kind === 'B') acks.beats.set(id, Number(a));
    else if (kind === 'M') acks.markers.set(id, Number(a));
    else if (kind === 'F') acks.finished.set(id, Number(a));
    else if (kind === 'J') acks.journal.set(id, { revision: Number(a), textHash: b });
  }
}

function emptyAcks(): Acks {
  return { started: new Set(), beats: new Map(), markers: new Map(), finished: new Map(), journal: new Map() };
}

/** One folder, `kills` rounds of: run the child, kill it, open the store and check. */
async function killRepeatedly(kills: number, firstSeed: number): Promise<{ sessions: number; entries: number; writes: number }> {
  const dir = tempDir('attune-crash-');
  let seed = firstSeed;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const all = emptyAcks();
  let acknowledgedWrites = 0;
  try {
    for (let round = 0; round < kills; round += 1) {
      const out = await runChildUntilKilled(dir.path, firstSeed + round, random);
      const acks = emptyAcks();
      parseAcks(out, acks);
      parseAcks(out, all);
      acknowledgedWrites += Math.max(0, out.split('\n').length - 2);

      const store = await RecordsStore.open({ directory: dir.path, keyProtector: osProtector(), indexSaveDelayMs: 60_000 });
      try {
        const problems = store.status().quarantined;
        expect(problems, `round ${round}: quarantined ${JSON.stringify(problems)}`).toEqual([]);
        expect(store.takeNotices().filter((n) => n.kind === 'records-quarantined')).toEqual([]);
        // Everything acknowledged in any round is still listed.
        const listed = new Set(store.listSessions(0, Number.MAX_SAFE_INTEGER).map((s) => s.id));
        for (const id of all.started) expect(listed.has(id), `round ${round}: session ${id}`).toBe(true);
        const entries = new Map([...store.listJournal(), ...store.listJournal({ trashed: true })].map((e) => [e.id, e]));
        for (const [id, acked] of all.journal) expect(entries.get(id)?.revision ?? 0, `round ${round}: entry ${id}`).toBeGreaterThanOrEqual(acked.revision);
        // This round's writes, read back in full.
        for (const id of acks.started) {
          const detail = await store.getSession(id);
          expect(detail.session.status).not.toBe('recording');
          expect(detail.beatsStatus).toBe('complete');
          const ackedBeats = acks.beats.get(id) ?? 0;
          expect(detail.beats.rrMs.length).toBeGreaterThanOrEqual(ackedBeats);
          for (let i = 0; i < ackedBeats; i += 1) expect(detail.beats.rrMs[i]).toBe(expectedRrMs(i));
          expect(detail.session.markers.length).toBeGreaterThanOrEqual(acks.markers.get(id) ?? 0);
          const finishedWith = acks.finished.get(id);
          if (finishedWith !== undefined) expect(detail.session).toMatchObject({ status: 'finished', beatCount: finishedWith });
        }
        for (const [id, acked] of acks.journal) {
          const entry = await store.getJournal(id);
          if (entry.revision === acked.revision) expect(createHash('sha256').update(entry.text).digest('hex').slice(0, 16)).toBe(acked.textHash);
        }
      } finally {
        await store.close();
      }
      const leftovers = ['sessions', 'journal', 'beats'].flatMap((folder) => readdirSync(join(dir.path, folder)).filter((name) => name.endsWith('.tmp')));
      expect(leftovers).toEqual([]);
    }
    return { sessions: all.started.size, entries: all.journal.size, writes: acknowledgedWrites };
  } finally {
    dir.remove();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments`, async () => {
    // Two folders side by side: a child spends most of its short life starting Node, so
    // two lanes halve the wall time without changing what each kill tests.
    const lanes = await Promise.all([killRepeatedly(KILLS / 2, 1), killRepeatedly(KILLS / 2, 100_001)]);
    // The test means something only if the children got real work done before dying.
    for (const lane of lanes) {
      expect(lane.sessions).toBeGreaterThan(KILLS / 4);
      expect(lane.entries).toBeGreaterThan(KILLS / 4);
      expect(lane.writes).toBeGreaterThan((KILLS / 2) * 5);
    }
  });
});
