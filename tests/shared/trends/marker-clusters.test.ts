import { describe, expect, it } from 'vitest';
import { MARKER_MIN_GAP_PX, clusterMarkers } from '../../../shared/trends/marker-clusters.ts';

// Journal markers gathered by how close they sit on screen, at the width the strip has.

const DAY = 86_400_000;
type Item = { id: string; t: number };
const at = (i: Item) => i.t;
const id = (i: Item) => i.id;
/** Five years, an entry every other day: 913 entries. */
const DOMAIN = [0, 5 * 365 * DAY] as const;
const everyOtherDay: Item[] = Array.from({ length: Math.floor((5 * 365) / 2) + 1 }, (_, i) => ({ id: `e${i}`, t: i * 2 * DAY }));

function check(clusters: ReturnType<typeof clusterMarkers<Item>>, items: readonly Item[], widthPx: number) {
  // Every entry is in exactly one cluster, in time order.
  expect(clusters.flatMap((c) => c.entries)).toEqual([...items].sort((a, b) => a.t - b.t));
  // No two markers overlap, and each stays on the strip.
  for (let i = 1; i < clusters.length; i += 1) expect(clusters[i]!.xPx - clusters[i - 1]!.xPx).toBeGreaterThanOrEqual(MARKER_MIN_GAP_PX - 1e-9);
  for (const c of clusters) expect(c.xPx).toBeGreaterThanOrEqual(0);
  for (const c of clusters) expect(c.xPx).toBeLessThanOrEqual(widthPx);
}

describe('journal markers clustered by pixel distance', () => {
  it.each([320, 640, 900, 1280, 2560])('at %i px, five years of entries make as many markers as fit, none overlapping', (width) => {
    const clusters = clusterMarkers(everyOtherDay, at, id, DOMAIN, width);
    check(clusters, everyOtherDay, width);
    // About one marker per gap's width: readable, not a barcode, and more room shows more.
    expect(clusters.length).toBeLessThanOrEqual(Math.floor(width / MARKER_MIN_GAP_PX) + 1);
    expect(clusters.length).toBeGreaterThanOrEqual(Math.floor(width / MARKER_MIN_GAP_PX / 2));
  });

  it('gives wider strips more, smaller clusters', () => {
    const narrow = clusterMarkers(everyOtherDay, at, id, DOMAIN, 400);
    const wide = clusterMarkers(everyOtherDay, at, id, DOMAIN, 1600);
    expect(wide.length).toBeGreaterThan(narrow.length * 3);
    expect(Math.max(...wide.map((c) => c.entries.length))).toBeLessThan(Math.max(...narrow.map((c) => c.entries.length)));
  });

  it('keeps entries apart when they are far apart on screen, even a day apart on a short range', () => {
    const items = [{ id: 'a', t: 2 * DAY }, { id: 'b', t: 3 * DAY }, { id: 'c', t: 3 * DAY + 3_600_000 }];
    const clusters = clusterMarkers(items, at, id, [0, 28 * DAY], 900);
    // 1 day is 32 px at 900 px for 4 weeks: a and b are apart; b and c (an hour apart) share a marker.
    expect(clusters.map((c) => c.entries.map((e) => e.id))).toEqual([['a'], ['b', 'c']]);
    expect(clusters[0]!.key).toBe('a');
    expect(clusters[1]!.key).toBe('b');
    check(clusters, items, 900);
  });

  it('leaves out entries outside the range and gives an empty list for none', () => {
    expect(clusterMarkers([{ id: 'x', t: -1 }, { id: 'y', t: 29 * DAY }], at, id, [0, 28 * DAY], 900)).toEqual([]);
    expect(clusterMarkers([], at, id, [0, 28 * DAY], 900)).toEqual([]);
  });
});
