import { describe, expect, it } from 'vitest';
import { ENVELOPE_MIN_SESSION_SEC, envelope, heartRateDrawing, smoothingWindowSec } from '../../../shared/trends/heart-rate-envelope.ts';
import { lcg } from '../../support/trends-data.ts';

/** One beat about every 0.8 s for `durationSec`, its heart rate from `hrAt(seconds)`. */
function beats(durationSec: number, hrAt: (sec: number) => number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let x = 0.8; x <= durationSec; x += 0.8) points.push({ x, y: hrAt(x) });
  return points;
}

describe('a long session heart rate drawn as a smoothed line with a min–max band', () => {
  it('leaves a short session as it is: every beat, the same objects', () => {
    const points = beats(ENVELOPE_MIN_SESSION_SEC - 5, (x) => 70 + Math.sin(x));
    const drawing = heartRateDrawing(points, 800);
    expect(drawing.kind).toBe('beats');
    expect(drawing.kind === 'beats' && drawing.points).toBe(points);
    expect(heartRateDrawing([], 800)).toEqual({ kind: 'beats', points: [] });
  });

  it('smooths over a window that grows with the session: 30 s for an hour, 10 s at least', () => {
    expect(smoothingWindowSec(3600)).toBe(30);
    expect(smoothingWindowSec(11 * 60)).toBe(10);
    expect(smoothingWindowSec(24 * 3600)).toBe(300);
    const drawing = heartRateDrawing(beats(3600, () => 70), 1000);
    expect(drawing.kind === 'envelope' && drawing.windowSec).toBe(30);
    expect(drawing.kind === 'envelope' && drawing.buckets).toHaveLength(1000);
  });

  it('keeps a step a step: flat on each side, the change only within half a window of it', () => {
    const random = lcg(7);
    // Noisy beats around 62 bpm for 30 minutes, then around 95 bpm: a flood.
    const points = beats(3600, (x) => (x < 1800 ? 62 : 95) + (random() - 0.5) * 6);
    const drawing = heartRateDrawing(points, 900);
    if (drawing.kind !== 'envelope') throw new Error('an hour is drawn as an envelope');
    const half = drawing.windowSec / 2;
    for (const bucket of drawing.buckets) {
      if (bucket.x < 1800 - half) expect(Math.abs((bucket.y as number) - 62)).toBeLessThanOrEqual(3);
      if (bucket.x > 1800 + half) expect(Math.abs((bucket.y as number) - 95)).toBeLessThanOrEqual(3);
    }
    // A moving mean would spread the rise over the whole window; the median jumps in one slice.
    const rising = drawing.buckets.filter((b) => (b.y as number) > 70 && (b.y as number) < 87);
    expect(rising.length).toBeLessThanOrEqual(1);
  });

  it('holds every beat inside its slice\'s band, the extremes included', () => {
    const random = lcg(11);
    const points = beats(2400, (x) => 70 + 10 * Math.sin(x / 200) + (random() - 0.5) * 20);
    points[1234] = { x: points[1234]!.x, y: 178 }; // one extra beat: a spike the band must show
    points[2000] = { x: points[2000]!.x, y: 38 };
    const buckets = envelope(points, 700, 20);
    const x0 = points[0]!.x;
    const width = (points.at(-1)!.x - x0) / 700;
    for (const point of points) {
      const bucket = buckets[Math.min(699, Math.floor((point.x - x0) / width))]!;
      expect(bucket.band).not.toBeNull();
      expect(point.y).toBeGreaterThanOrEqual(bucket.band![0]);
      expect(point.y).toBeLessThanOrEqual(bucket.band![1]);
    }
    expect(Math.max(...buckets.map((b) => b.band?.[1] ?? 0))).toBe(178);
    expect(Math.min(...buckets.map((b) => b.band?.[0] ?? Infinity))).toBe(38);
    // The spike stays in the band, not in the smoothed line.
    expect(Math.max(...buckets.map((b) => b.y ?? 0))).toBeLessThan(100);
  });

  it('leaves a gap where the strap sent nothing, rather than drawing across it', () => {
    const points = beats(1800, () => 70).filter((p) => p.x < 600 || p.x > 900);
    const buckets = envelope(points, 180, 15);
    const inGap = buckets.filter((b) => b.x > 620 && b.x < 880);
    expect(inGap.length).toBeGreaterThan(0);
    for (const bucket of inGap) expect(bucket).toMatchObject({ y: null, band: null });
  });
});
