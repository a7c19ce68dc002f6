import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_OVERHEAD_BYTES, TAG_BYTES } from '../../../main/store/crypto.ts';
import { nodeFs } from '../../../main/store/fs-layer.ts';
import { decodeSnapshot } from '../../../main/store/index-snapshot.ts';
import { loadOrCreateKey, StoreKeyError } from '../../../main/store/key-file.ts';
import { makeBeats, openStore, osProtector, tempDir } from './helpers.ts';

// A record or index sealed with another key than key.json's stops the whole store only when
// nothing opens with the key (the key file belongs to other data). One foreign file among
// records that open, whether copied from another install or a flipped bit in its key id, is
// quarantined alone, and the index, a cache, is rebuilt.

let dir: ReturnType<typeof tempDir>;
let other: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  other = tempDir();
});
afterEach(() => {
  dir.remove();
  other.remove();
});

async function seed(directory: string, words: string[]) {
  const store = await openStore(directory);
  const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
  await store.appendBeats(session.id, makeBeats(12));
  await store.finishSession(session.id);
  const entries = [];
  for (const text of words) entries.push(await store.createJournal({ text }));
  await store.close();
  return { session, entries };
}

/** Opens the folder and says what a user would see: the entries listed, the session readable, and any refusal. */
async function openAndLook(directory: string) {
  try {
    const store = await openStore(directory);
    const journal = store.listJournal().map((entry) => entry.excerpt);
    const sessions = store.listSessions(0, Number.MAX_SAFE_INTEGER).map((item) => item.id);
    await store.close();
    return { refused: null, journal, sessions };
  } catch (error) {
    if (error instanceof StoreKeyError) return { refused: error.reason, journal: [], sessions: [] };
    throw error;
  }
}

/**
 * Every byte of the record. Of the index (2 KB, and every try reopens the store) every byte
 * outside the ciphertext (magic, key id, nonce, tag) and every 16th inside it: a flip anywhere
 * in the ciphertext fails the same authentication check.
 */
function positionsToFlip(file: string, length: number): number[] {
  const all = Array.from({ length }, (_, at) => at);
  if (file !== 'index.rec') return all;
  const header = RECORD_OVERHEAD_BYTES - TAG_BYTES;
  return all.filter((at) => at < header || at >= length - TAG_BYTES || (at - header) % 16 === 0);
}

describe('records sealed with another key', () => {
  it('quarantines a record copied from another install alone, byte for byte, and opens the rest', async () => {
    const mine = await seed(dir.path, ['ours, first', 'ours, second']);
    const theirs = await seed(other.path, ['from the other install']);
    const foreign = join(dir.path, 'journal', `${theirs.entries[0]!.id}.rec`);
    copyFileSync(join(other.path, 'journal', `${theirs.entries[0]!.id}.rec`), foreign);
    const foreignBytes = readFileSync(foreign);

    const store = await openStore(dir.path);
    expect(store.listJournal().map((entry) => entry.excerpt).sort()).toEqual(['ours, first', 'ours, second']);
    expect((await store.getSession(mine.session.id)).beats.rrMs).toHaveLength(12);
    expect(store.takeNotices().filter((notice) => notice.kind === 'records-quarantined')).toHaveLength(1);
    const quarantined = readdirSync(join(dir.path, 'quarantine')).filter((name) => name.endsWith('.rec'));
    expect(quarantined.map((name) => readFileSync(join(dir.path, 'quarantine', name)))).toEqual([foreignBytes]);
    await store.close();

    const again = await openStore(dir.path);
    expect(again.takeNotices()).toEqual([]);
    expect(again.listJournal()).toHaveLength(2);
    await again.close();
  });

  it('refuses nothing store-wide for any single flipped byte of a record or of the index', async () => {
    // The review found 8 of 302 such flips refused the whole store: those in the key id.
    await seed(dir.path, ['ours, first', 'ours, second']);
    // Each try starts from the seeded folder: the victim's own bytes, the index, and an empty quarantine.
    const victims = [join('journal', readdirSync(join(dir.path, 'journal'))[0]!), 'index.rec'];
    const original = new Map(['index.rec', ...victims].map((file) => [file, readFileSync(join(dir.path, file))]));
    const outcomes = { tried: 0, refused: 0, entriesLost: 0, sessionsLost: 0 };
    for (const victim of victims) {
      for (const at of positionsToFlip(victim, original.get(victim)!.length)) {
        for (const [file, bytes] of original) writeFileSync(join(dir.path, file), bytes);
        rmSync(join(dir.path, 'quarantine'), { recursive: true, force: true });
        const bytes = Buffer.from(original.get(victim)!);
        bytes[at] = bytes[at]! ^ 0x01;
        writeFileSync(join(dir.path, victim), bytes);
        const seen = await openAndLook(dir.path);
        outcomes.tried += 1;
        if (seen.refused !== null) outcomes.refused += 1;
        // A flipped record may cost that one entry; a flipped index (a cache) costs nothing.
        outcomes.entriesLost += 2 - seen.journal.length - (victim.startsWith('journal') ? 1 : 0);
        outcomes.sessionsLost += 1 - seen.sessions.length;
      }
    }
    expect(outcomes).toEqual({ tried: outcomes.tried, refused: 0, entriesLost: 0, sessionsLost: 0 });
    expect(outcomes.tried).toBeGreaterThan(360);
  });

  it('reads every single flipped byte of the index as damaged or sealed with another key, never as an index', async () => {
    // The store-level test above samples the index's ciphertext; here every byte is flipped
    // and decoded, and both outcomes are the ones the opening rebuilds the index from.
    await seed(dir.path, ['ours']);
    const { dataKey } = await loadOrCreateKey(nodeFs, dir.path, osProtector(), true);
    const sealed = readFileSync(join(dir.path, 'index.rec'));
    expect(decodeSnapshot(dataKey, sealed).ok).toBe(true);
    const problems = new Map<string, number>();
    for (let at = 0; at < sealed.length; at += 1) {
      const flipped = Buffer.from(sealed);
      flipped[at] = flipped[at]! ^ 0x01;
      const outcome = decodeSnapshot(dataKey, flipped);
      const problem = outcome.ok ? 'read as an index' : outcome.problem;
      problems.set(problem, (problems.get(problem) ?? 0) + 1);
    }
    expect(Object.fromEntries(problems)).toEqual({ damaged: sealed.length - 8, 'other-key': 8 });
  });
});

