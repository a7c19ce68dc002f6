import { describe, expect, it } from 'vitest';
import { createHeartRateBeats } from '../../../shared/sensors/heart-rate-beats.ts';

// Beats for a sensor that sends heart rate only: evenly spaced at its rate, on the arrival clock.

describe('beats from heart-rate values', () => {
  it('spaces beats at 60 000 / bpm and never places one after the packet that carried its rate', () => {
    const beats = createHeartRateBeats();
    expect(beats.place(60, 10_000)).toEqual([{ tMs: 10_000, rrMs: 1000 }]);
    expect(beats.place(60, 11_000)).toEqual([{ tMs: 11_000, rrMs: 1000 }]);
    // Faster: two beats of 500 ms fit into the next second, and only those.
    expect(beats.place(120, 12_000)).toEqual([
      { tMs: 11_500, rrMs: 500 },
      { tMs: 12_000, rrMs: 500 },
    ]);
    // Slower than the packets come: a beat only when its time has come.
    expect(beats.place(40, 13_000)).toEqual([]);
    expect(beats.place(40, 14_000)).toEqual([{ tMs: 13_500, rrMs: 1500 }]);
  });

  it('starts afresh after a silence, and skips rates no heart has', () => {
    const beats = createHeartRateBeats();
    beats.place(70, 0);
    expect(beats.place(70, 20_000)).toEqual([{ tMs: 20_000, rrMs: 60_000 / 70 }]);
    expect(beats.place(0, 21_000)).toEqual([]);
    expect(beats.place(250, 21_000)).toEqual([]);
    expect(beats.place(Number.NaN, 21_000)).toEqual([]);
  });
});
