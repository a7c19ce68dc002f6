import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../../shared/signal/version.ts';
import { fakeClock, makeBeats, openStore, tempDir } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('sessions', () => {
  it('records beats in batches, finishes with an engine summary, and reads back after reopening', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const started = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    expect(started.status).toBe('recording');
    const beats = makeBeats(300);
    for (let i = 0; i < beats.length; i += 7) await store.appendBeats(started.id, beats.slice(i, i + 7));
    await store.addMarker(started.id, { tMs: 60_000, phase: 'verdict', edge: 'point', verdict: 'ready' });
    clock.advance(300_000);
    const finished = await store.finishSession(started.id);
    expect(finished.status).toBe('finished');
    expect(finished.verdict).toBe('ready');
    expect(finished.summary?.engineVersion).toBe(ENGINE_VERSION);
    expect(finished.summary?.beatCount).toBe(300);
    expect(finished.summary?.meanHrBpm).toBeGreaterThan(55);
    await store.close();

    const again = await openStore(dir.path, { clock });
    const detail = await again.getSession(started.id);
    expect(detail.beats.rrMs).toEqual(beats.map((b) => b.rrMs));
    expect(detail.beats.tMs).toEqual(beats.map((b) => b.tMs));
    expect(detail.beatsStatus).toBe('complete');
    expect(detail.session.markers).toHaveLength(1);
    expect(again.listSessions(0, Number.MAX_SAFE_INTEGER).map((s) => s.id)).toEqual([started.id]);
    await again.close();
  });

  it('stores peak heart rate and calm-down time from replaying the beats against the baseline', async () => {
    const store = await openStore(dir.path);
    // 60 s near 110 bpm, a minute's slide down to 60 bpm, then 2 minutes there: flooded,
    // then calm against a 60 bpm baseline.
    const beats: Array<{ tMs: number; rrMs: number }> = [];
    let tMs = 0;
    for (let i = 0; tMs < 240_000; i += 1) {
      const hrBpm = tMs < 60_000 ? 110 : tMs < 120_000 ? 110 - (50 * (tMs - 60_000)) / 60_000 : 60;
      const rrMs = 60_000 / hrBpm + (i % 2 ? 8 : -8);
      tMs += rrMs;
      beats.push({ tMs, rrMs });
    }
    const withBaseline = await store.startSession({ kind: 'check', source: { kind: 'demo' }, baselineHrBpm: 60 });
    const withoutBaseline = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    for (const id of [withBaseline.id, withoutBaseline.id]) {
      for (let i = 0; i < beats.length; i += 10) await store.appendBeats(id, beats.slice(i, i + 10));
    }
    const a = (await store.finishSession(withBaseline.id)).summary!;
    const b = (await store.finishSession(withoutBaseline.id)).summary!;
    expect(a.peakHrBpm).toBeGreaterThan(105);
    expect(a.peakHrBpm).toBeLessThan(120);
    expect(a.baselineHrBpm).toBe(60);
    expect(a.calmDownSec).toBeGreaterThan(60);
    expect(a.calmDownSec).toBeLessThan(150);
    expect(b.peakHrBpm).toBe(a.peakHrBpm);
    expect(b.calmDownSec).toBeNull();
    // A baseline learned during the session can be given at finish.
    const late = await store.startSession({ kind: 'calibration', source: { kind: 'demo' } });
    await store.appendBeats(late.id, beats);
    expect((await store.finishSession(late.id, { baselineHrBpm: 60 })).summary?.calmDownSec).toBe(a.calmDownSec);
    await store.close();
  });

  it('lists sessions by start-time range, oldest first', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const ids: string[] = [];
    for (let day = 0; day < 10; day += 1) {
      clock.set(Date.UTC(2025, 0, 1 + day, 8));
      ids.push((await store.startSession({ kind: 'breathing', source: { kind: 'demo' } })).id);
    }
    const middle = store.listSessions(Date.UTC(2025, 0, 3), Date.UTC(2025, 0, 6));
    expect(middle.map((s) => s.id)).toEqual(ids.slice(2, 5));
    await store.close();
  });

  it('discards a session and its beats file', async () => {
    const store = await openStore(dir.path);
    const s = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.appendBeats(s.id, makeBeats(10));
    await store.discardSession(s.id);
    expect(store.listSessions(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(readdirSync(join(dir.path, 'beats'))).toEqual([]);
    expect(readdirSync(join(dir.path, 'sessions'))).toEqual([]);
    await expect(store.appendBeats(s.id, makeBeats(1))).rejects.toMatchObject({ code: 'not-found' });
    await store.close();
  });

  it('refuses beats for a finished session (conflict) and for an unknown one (not-found)', async () => {
    const store = await openStore(dir.path);
    const s = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.finishSession(s.id);
    await expect(store.appendBeats(s.id, makeBeats(3))).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.appendBeats('AAAAAAAAAAAAAAAA', makeBeats(3))).rejects.toMatchObject({ code: 'not-found' });
    await store.close();
  });

  it('finishes a session cut off by a crash as interrupted, keeping its acknowledged beats', async () => {
    const store = await openStore(dir.path);
    const s = await store.startSession({ kind: 'check', source: { kind: 'strap', deviceName: 'H10' } });
    await store.appendBeats(s.id, makeBeats(40));
    // No finish, no close: as if the process died.
    const again = await openStore(dir.path);
    const [item] = again.listSessions(0, Number.MAX_SAFE_INTEGER);
    expect(item?.status).toBe('interrupted');
    expect(item?.beatCount).toBe(40);
    expect(again.takeNotices().map((n) => n.kind)).toContain('storage-warning');
    expect((await again.getSession(s.id)).beatsStatus).toBe('complete');
    await again.close();
  });
});
