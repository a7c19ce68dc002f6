// Journal markers under a time axis, gathered by how close they sit on screen: entries
// whose markers would touch at the drawn width share one marker with a count. A fixed
// number of time slots (what this replaced) piled five years into a barcode at any width
// and split two entries a day apart on a short range. Pure: the screen re-runs it with the
// measured width whenever that changes.

/** The smallest distance, in pixels, between two markers' centres: a marker is 24 px wide and a little gap keeps them apart. */
export const MARKER_MIN_GAP_PX = 28;

export type MarkerCluster<T> = {
  /** Stable across renders: the id of its first entry. */
  key: string;
  /** Where it sits, in pixels from the left of the axis. */
  xPx: number;
  /** Oldest first. */
  entries: T[];
};

/**
 * Clusters `items` (at times `at`, ids `id`) on an axis `widthPx` wide showing `domain`.
 * Walks the entries in time order and starts a new cluster when the next one is at least
 * `minGapPx` from the current cluster's first entry; a cluster sits at the middle of its
 * first and last entry, so it never spans more than `minGapPx`. Clusters that would still
 * overlap (a new one starting just after the last) are nudged right, never left of their
 * entries; one nudged past the end of the axis joins the one before. Items outside the
 * domain are left out.
 */
export function clusterMarkers<T>(items: readonly T[], at: (item: T) => number, id: (item: T) => string, domain: readonly [number, number], widthPx: number, minGapPx = MARKER_MIN_GAP_PX): MarkerCluster<T>[] {
  const span = Math.max(1, domain[1] - domain[0]);
  const width = Math.max(1, widthPx);
  const sorted = items.filter((item) => at(item) >= domain[0] && at(item) <= domain[1]).sort((a, b) => at(a) - at(b));
  const xOf = (item: T) => ((at(item) - domain[0]) / span) * width;
  const clusters: Array<MarkerCluster<T> & { firstX: number; lastX: number }> = [];
  for (const item of sorted) {
    const x = xOf(item);
    const current = clusters.at(-1);
    if (current && x - current.firstX < minGapPx) {
      current.entries.push(item);
      current.lastX = x;
    } else clusters.push({ key: id(item), xPx: x, entries: [item], firstX: x, lastX: x });
  }
  // A cluster sits at most half a gap right of its first entry (each one starts a full gap
  // after the one before), so nudging never drifts far; one nudged past the end joins the last.
  const out: MarkerCluster<T>[] = [];
  for (const { key, entries, firstX, lastX } of clusters) {
    const last = out.at(-1);
    const xPx = last ? Math.max((firstX + lastX) / 2, last.xPx + minGapPx) : (firstX + lastX) / 2;
    if (last && xPx > width) last.entries.push(...entries);
    else out.push({ key, xPx: Math.min(width, xPx), entries });
  }
  return out;
}
