import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordsStore } from '../../../main/store/records-store.ts';
import { folderState } from '../../support/folder-state.ts';
import { makeBeats, openStore, tempDir } from './helpers.ts';

// Damage stays local: every single byte of one middle beats frame (its length field, IV,
// ciphertext and tag) is damaged in turn, in a fresh copy of a store whose session was cut
// off by a crash, and the store recovers. A frame whose body is hit costs its own beats and
// nothing more; a hit length field costs nothing (the next frame proves the boundary); the
// damaged file is copied to quarantine byte for byte first; the session says it is partial;
// no other file in the store changes. The figures (tried / handled / lost per class) are
// printed at the end.

const FRAMES = 10;
const BEATS_PER_FRAME = 15;
const BEATS = FRAMES * BEATS_PER_FRAME;
const HEADER_BYTES = 12; // 'ATB1' + 8 bytes of key id
const FRAME_BYTES = 4 + 12 + BEATS_PER_FRAME * 16 + 16; // length | iv | ciphertext | tag
const DAMAGED_FRAME = 4;

type Seeded = { dir: string; sessionId: string; finishedId: string };

let root: ReturnType<typeof tempDir>;
let pristine: Seeded;
const figures: Record<string, { tried: number; handled: number; lostBeats: number }> = {};

/** A store with a session still recording (as a crash leaves it), a finished session and a journal entry. */
async function seed(dir: string, finishRecording = false): Promise<Seeded> {
  const store = await openStore(dir);
  const finished = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
  await store.appendBeats(finished.id, makeBeats(40));
  await store.finishSession(finished.id);
  await store.createJournal({ text: 'A quiet evening, we talked it through.' });
  const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
  for (let frame = 0; frame < FRAMES; frame += 1) await store.appendBeats(session.id, makeBeats(BEATS_PER_FRAME, frame * 15_000, frame));
  if (finishRecording) await store.finishSession(session.id);
  await store.close();
  return { dir, sessionId: session.id, finishedId: finished.id };
}

/** Everything but the damaged session's own files, the index (a cache) and the quarantine. */
function untouchedFiles(dir: string, sessionId: string): Record<string, string> {
  const hashes = folderState(dir);
  for (const file of Object.keys(hashes)) {
    if (file.startsWith('quarantine') || file === 'index.rec' || file.includes(sessionId) || file.endsWith('.tmp')) delete hashes[file];
  }
  return hashes;
}

let caseNumber = 0;
/** A fresh copy of the seeded store with one change to the session's beats file. */
function damagedCopy(from: Seeded, damage: (bytes: Buffer) => Buffer | void): { dir: string; damagedBytes: Buffer } {
  const dir = join(root.path, `case-${(caseNumber += 1)}`);
  cpSync(from.dir, dir, { recursive: true });
  const path = join(dir, 'beats', `${from.sessionId}.beats`);
  const bytes = readFileSync(path);
  const damagedBytes = damage(bytes) ?? bytes;
  writeFileSync(path, damagedBytes);
  return { dir, damagedBytes };
}

async function quarantinedBeats(store: RecordsStore, dir: string): Promise<Buffer[]> {
  const entries = await store.listQuarantine();
  return entries.filter((e) => e.what === 'beats').map((e) => readFileSync(join(dir, 'quarantine', e.name)));
}

beforeAll(async () => {
  root = tempDir('attune-beats-damage-');
  pristine = await seed(join(root.path, 'pristine'));
});
afterAll(() => {
  root.remove();
  const rows = Object.entries(figures).map(([what, f]) => `  ${what.padEnd(34)} tried ${String(f.tried).padStart(3)}  handled ${String(f.handled).padStart(3)}  beats lost ${f.lostBeats}`);
  if (rows.length > 0) console.log(`Beats damage, one byte at a time (${BEATS} acknowledged beats in ${FRAMES} frames):\n${rows.join('\n')}`);
});

const FIELDS = [
  { name: 'length field', from: 0, to: 4, lost: 0 },
  { name: 'IV', from: 4, to: 16, lost: BEATS_PER_FRAME },
  { name: 'ciphertext', from: 16, to: FRAME_BYTES - 16, lost: BEATS_PER_FRAME },
  { name: 'tag', from: FRAME_BYTES - 16, to: FRAME_BYTES, lost: BEATS_PER_FRAME },
] as const;

describe('a damaged beats frame after a crash costs only itself', () => {
  for (const field of FIELDS) {
    it(`recovers every other frame when any byte of a middle frame's ${field.name} is damaged`, async () => {
      const before = untouchedFiles(pristine.dir, pristine.sessionId);
      const tally = (figures[`${field.name}, byte flipped`] ??= { tried: 0, handled: 0, lostBeats: 0 });
      // Every byte with all its bits flipped; in the length field every single bit too, since
      // a one-bit change can leave a length that looks plausible.
      const damages: Array<{ at: number; mask: number }> = [];
      for (let at = field.from; at < field.to; at += 1) {
        damages.push({ at, mask: 0xff });
        if (field.name === 'length field') for (let bit = 0; bit < 8; bit += 1) damages.push({ at, mask: 1 << bit });
      }
      for (const { at, mask } of damages) {
        const position = HEADER_BYTES + DAMAGED_FRAME * FRAME_BYTES + at;
        const { dir, damagedBytes } = damagedCopy(pristine, (bytes) => {
          bytes[position] = (bytes[position] ?? 0) ^ mask;
        });
        const store = await openStore(dir);
        const detail = await store.getSession(pristine.sessionId);
        const copies = await quarantinedBeats(store, dir);
        const notices = store.takeNotices();
        await store.close();
        const lost = BEATS - detail.beats.rrMs.length;
        tally.tried += 1;
        tally.lostBeats += lost;
        const where = `${field.name} byte ${at} mask ${mask}`;
        expect(lost, where).toBe(field.lost);
        expect(detail.session.status, where).toBe('interrupted');
        expect(detail.session.beatCount, where).toBe(BEATS - field.lost);
        if (field.lost > 0) {
          expect(detail.beatsStatus, where).toBe('partial');
          expect(detail.session.beatsLost, where).toMatchObject({ frames: 1, beats: field.lost });
          // 15 beats of ~0.92 s in a 15-s stretch: seconds, not a minute, not zero.
          expect(detail.session.beatsLost!.seconds, where).toBeGreaterThan(10);
          expect(detail.session.beatsLost!.seconds, where).toBeLessThan(20);
        } else {
          expect(detail.beatsStatus, where).toBe('complete');
          expect(detail.session.beatsLost, where).toBeUndefined();
        }
        // The beats around the damage are the ones recorded, in order.
        const expected = Array.from({ length: FRAMES }, (_, frame) => makeBeats(BEATS_PER_FRAME, frame * 15_000, frame))
          .filter((_, frame) => field.lost === 0 || frame !== DAMAGED_FRAME)
          .flat();
        expect(detail.beats.rrMs, where).toEqual(expected.map((b) => b.rrMs));
        expect(copies, where).toHaveLength(1);
        expect(copies[0]!.equals(damagedBytes), where).toBe(true);
        expect(notices.some((n) => n.kind === 'records-quarantined'), where).toBe(true);
        expect(untouchedFiles(dir, pristine.sessionId), where).toEqual(before);
        tally.handled += 1;
      }
    }, 120_000);
  }

  it('repairs for good: the next start reads the rewritten file cleanly, says partial again and copies nothing more', async () => {
    const position = HEADER_BYTES + DAMAGED_FRAME * FRAME_BYTES + 100;
    const { dir } = damagedCopy(pristine, (bytes) => {
      bytes[position] = (bytes[position] ?? 0) ^ 0x10;
    });
    const first = await openStore(dir);
    await first.getSession(pristine.sessionId);
    await first.close();
    const again = await openStore(dir);
    const detail = await again.getSession(pristine.sessionId);
    expect(detail.beatsStatus).toBe('partial');
    expect(detail.beats.rrMs).toHaveLength(BEATS - BEATS_PER_FRAME);
    expect(await again.listQuarantine()).toHaveLength(1);
    expect(again.takeNotices()).toEqual([]);
    await again.close();
  });

  it('cuts a last frame a crash left short without calling it damage (no copy, nothing said lost)', async () => {
    const { dir } = damagedCopy(pristine, (bytes) => bytes.subarray(0, bytes.length - 100));
    const store = await openStore(dir);
    const detail = await store.getSession(pristine.sessionId);
    expect(detail.beats.rrMs).toHaveLength(BEATS - BEATS_PER_FRAME);
    expect(detail.beatsStatus).toBe('complete');
    expect(await store.listQuarantine()).toEqual([]);
    expect(statSync(join(dir, 'beats', `${pristine.sessionId}.beats`)).size).toBe(HEADER_BYTES + (FRAMES - 1) * FRAME_BYTES);
    await store.close();
  });

  it('counts a last frame that is all there but does not open as lost (a crash leaves no such frame), and keeps a copy', async () => {
    const { dir, damagedBytes } = damagedCopy(pristine, (bytes) => {
      bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0x01;
    });
    const store = await openStore(dir);
    const detail = await store.getSession(pristine.sessionId);
    expect(detail.beats.rrMs).toHaveLength(BEATS - BEATS_PER_FRAME);
    expect(detail.beatsStatus).toBe('partial');
    expect(detail.session.beatsLost).toMatchObject({ frames: 1, beats: BEATS_PER_FRAME });
    const copies = await quarantinedBeats(store, dir);
    expect(copies.map((c) => c.equals(damagedBytes))).toEqual([true]);
    await store.close();
  });

  it('loses only the frames hit when a stretch of bytes spanning three frames is zeroed', async () => {
    const from = HEADER_BYTES + 3 * FRAME_BYTES + 50;
    const { dir } = damagedCopy(pristine, (bytes) => {
      bytes.fill(0, from, from + 2 * FRAME_BYTES);
    });
    const store = await openStore(dir);
    const detail = await store.getSession(pristine.sessionId);
    expect(detail.beats.rrMs).toHaveLength(BEATS - 3 * BEATS_PER_FRAME);
    expect(detail.session.beatsLost).toMatchObject({ frames: 3, beats: 3 * BEATS_PER_FRAME });
    await store.close();
  });
});

describe('a damaged beats file header', () => {
  for (const part of [
    { name: 'magic', from: 0, to: 4 },
    { name: 'key id', from: 4, to: 12 },
  ]) {
    it(`reads every beat when a byte of the ${part.name} is damaged, and writes the header afresh`, async () => {
      const tally = (figures[`header ${part.name}, byte flipped`] ??= { tried: 0, handled: 0, lostBeats: 0 });
      for (let at = part.from; at < part.to; at += 1) {
        const { dir, damagedBytes } = damagedCopy(pristine, (bytes) => {
          bytes[at] = (bytes[at] ?? 0) ^ 0xff;
        });
        const store = await openStore(dir);
        const detail = await store.getSession(pristine.sessionId);
        const copies = await quarantinedBeats(store, dir);
        await store.close();
        tally.tried += 1;
        tally.lostBeats += BEATS - detail.beats.rrMs.length;
        expect(detail.beats.rrMs, `byte ${at}`).toHaveLength(BEATS);
        expect(detail.beatsStatus).toBe('complete');
        expect(copies.map((c) => c.equals(damagedBytes))).toEqual([true]);
        tally.handled += 1;
      }
    });
  }

  it("quarantines a beats file sealed with another key whole: the session's beats are missing, the store opens", async () => {
    const foreign = await seed(join(root.path, 'foreign'));
    const { dir } = damagedCopy(pristine, () => readFileSync(join(foreign.dir, 'beats', `${foreign.sessionId}.beats`)));
    const store = await openStore(dir);
    const detail = await store.getSession(pristine.sessionId);
    expect(detail.beats.rrMs).toEqual([]);
    expect(detail.beatsStatus).toBe('unavailable');
    expect((await store.listQuarantine()).map((e) => [e.what, e.kept])).toEqual([['beats', 'moved']]);
    expect((await store.getSession(pristine.finishedId)).beats.rrMs).toHaveLength(40);
    await store.close();
  });
});

describe('a damaged frame in a finished session', () => {
  let finished: Seeded;
  beforeAll(async () => {
    finished = await seed(join(root.path, 'finished'), true);
  });

  it('shows the rest, says partial and how much was lost, and remembers it after a restart', async () => {
    const position = HEADER_BYTES + DAMAGED_FRAME * FRAME_BYTES + 40;
    const { dir, damagedBytes } = damagedCopy(finished, (bytes) => {
      bytes[position] = (bytes[position] ?? 0) ^ 0x04;
    });
    const store = await openStore(dir);
    const detail = await store.getSession(finished.sessionId);
    expect(detail.beats.rrMs).toHaveLength(BEATS - BEATS_PER_FRAME);
    expect(detail.beatsStatus).toBe('partial');
    expect(detail.session.status).toBe('finished');
    expect(detail.session.beatsLost).toMatchObject({ frames: 1, beats: BEATS_PER_FRAME });
    // The summary computed when it finished, from every beat, stays.
    expect(detail.session.summary?.beatCount).toBe(BEATS);
    expect((await quarantinedBeats(store, dir)).map((c) => c.equals(damagedBytes))).toEqual([true]);
    expect(store.takeNotices().map((n) => n.message)).toEqual([expect.stringMatching(/about 16 seconds \(15 beats\) could not be read/)]);
    await store.close();

    const again = await openStore(dir);
    const reread = await again.getSession(finished.sessionId);
    expect(reread.beatsStatus).toBe('partial');
    expect(reread.beats.rrMs).toHaveLength(BEATS - BEATS_PER_FRAME);
    expect(await again.listQuarantine()).toHaveLength(1);
    await again.close();
  });
});
