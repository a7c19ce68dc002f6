import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_BEATS as BEATS, CHECK_MARKERS as MARKERS } from '../../support/check-recording.ts';
import { fakeClock, openStore, tempDir } from './helpers.ts';

// A finished check's summary as the store writes it: start, peak and end heart rate, the
// reading's heart rate and RMSSD, RMSSD after breathing, from the stored beats and markers.

describe('a finished check in the store', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((remove) => remove()));

  it('stores start, peak and end heart rate, reading and after-breathing RMSSD, and the verdict', async () => {
    const dir = tempDir();
    dirs.push(dir.remove);
    const store = await openStore(dir.path, { clock: fakeClock() });
    const started = await store.startSession({ kind: 'check', source: { kind: 'demo' }, baselineHrBpm: 66 });
    for (let i = 0; i < BEATS.length; i += 50) await store.appendBeats(started.id, BEATS.slice(i, i + 50));
    for (const marker of MARKERS) await store.addMarker(started.id, marker);
    const finished = await store.finishSession(started.id);
    const summary = finished.summary!;
    expect(finished.verdict).toBe('ready');
    expect(summary.peakHrBpm).toBeGreaterThan(95);
    expect(summary.calmDownSec).not.toBeNull();
    expect(summary.phases.startHrBpm).toBeCloseTo(100, 0);
    expect(summary.phases.endHrBpm).toBeCloseTo(70, 0);
    expect(summary.phases.readingRmssdMs).toBeCloseTo(10, 0);
    expect(summary.phases.afterBreathingRmssdMs).toBeCloseTo(60, 0);
  });
});
