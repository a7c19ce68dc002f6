// What an entry shows of its session's body: a heart-rate sparkline from the stored beats,
// the peak, the calm-down time and the breathing pattern, each with plain words.

export type HeartRatePoint = { readonly tSec: number; readonly bpm: number };

/**
 * Mean heart rate in `buckets` equal slices of the session (from each beat's RR interval),
 * skipping slices without beats. Enough for a small line; the numbers come from the summary.
 */
export function heartRateSeries(beats: { readonly tMs: readonly number[]; readonly rrMs: readonly number[] }, buckets = 60): HeartRatePoint[] {
  const count = Math.min(beats.tMs.length, beats.rrMs.length);
  if (count === 0 || buckets < 1) return [];
  const first = beats.tMs[0] as number;
  const last = beats.tMs[count - 1] as number;
  const spanMs = Math.max(1, last - first);
  const sums = new Float64Array(buckets);
  const counts = new Uint32Array(buckets);
  for (let i = 0; i < count; i += 1) {
    const rr = beats.rrMs[i] as number;
    if (!(rr > 0)) continue;
    const slot = Math.min(buckets - 1, Math.floor((((beats.tMs[i] as number) - first) / spanMs) * buckets));
    sums[slot] = (sums[slot] as number) + 60_000 / rr;
    counts[slot] = (counts[slot] as number) + 1;
  }
  const out: HeartRatePoint[] = [];
  for (let slot = 0; slot < buckets; slot += 1) {
    const n = counts[slot] as number;
    if (n > 0) out.push({ tSec: (first + ((slot + 0.5) / buckets) * spanMs) / 1000, bpm: (sums[slot] as number) / n });
  }
  return out;
}

/** SVG polyline points for the series in a width × height box (higher heart rate higher up). */
export function sparklinePoints(series: readonly HeartRatePoint[], width: number, height: number, padding = 2): string {
  if (series.length === 0) return '';
  const t0 = (series[0] as HeartRatePoint).tSec;
  const t1 = (series[series.length - 1] as HeartRatePoint).tSec;
  let lo = Infinity;
  let hi = -Infinity;
  for (const point of series) {
    lo = Math.min(lo, point.bpm);
    hi = Math.max(hi, point.bpm);
  }
  const spanT = t1 - t0 || 1;
  const spanB = hi - lo || 1;
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  return series
    .map((point) => {
      const x = series.length === 1 ? width / 2 : padding + ((point.tSec - t0) / spanT) * innerW;
      const y = padding + (1 - (point.bpm - lo) / spanB) * innerH;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** "4 min 10 s", "45 s", "1 h 5 min". */
export function formatDuration(sec: number): string {
  const total = Math.max(0, Math.round(sec));
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

const PRESET_NAMES: Record<string, string> = {
  'long-exhale-4-6': 'Long exhale',
  'resonance-5.5': 'Resonance',
  'box-4-4-4-4': 'Box breathing',
  '4-7-8': '4-7-8',
  'cyclic-sigh': 'Cyclic sigh',
};

export type BreathingPatternLike = {
  readonly preset: string | null;
  readonly inhaleSec: number;
  readonly holdInSec: number;
  readonly exhaleSec: number;
  readonly holdOutSec: number;
};

/** "Long exhale: in 4 s, out 6 s (6 breaths a minute)". */
export function describeBreathing(pattern: BreathingPatternLike | null): string | null {
  if (!pattern) return null;
  const parts = [`in ${trim(pattern.inhaleSec)} s`];
  if (pattern.holdInSec > 0) parts.push(`hold ${trim(pattern.holdInSec)} s`);
  parts.push(`out ${trim(pattern.exhaleSec)} s`);
  if (pattern.holdOutSec > 0) parts.push(`hold ${trim(pattern.holdOutSec)} s`);
  const cycle = pattern.inhaleSec + pattern.holdInSec + pattern.exhaleSec + pattern.holdOutSec;
  const perMinute = cycle > 0 ? ` (${trim(Math.round((600 / cycle)) / 10)} breaths a minute)` : '';
  const name = pattern.preset ? (PRESET_NAMES[pattern.preset] ?? pattern.preset) : 'Your own pattern';
  return `${name}: ${parts.join(', ')}${perMinute}`;
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
