import { useEffect, useRef } from 'react';
import type { LiveSeries } from './live-series.ts';

// The live heart-rate line and the beat-to-beat intervals, hand-drawn in SVG rather than with
// recharts: two polylines updated in place on the next animation frame after a beat, with
// no React render, no animation and no library in the initial bundle (the renderer's first
// load must stay small). The heart-rate line shows the whole session, thinned to at most
// MAX_POINTS; the intervals show the last minute, where the swings that follow the breath
// are visible. Decorative for screen readers: the numbers beside it are the accessible part.

const WIDTH = 600;
const HEIGHT = 120;
const MAX_POINTS = 300;
const RR_WINDOW_MS = 60_000;

/**
 * The benchmark (tests/bench/check.bench.ts) puts an array here to collect, per redraw, the
 * milliseconds from a beat reaching the chart to the paint after it. Absent in the app.
 */
type LatencyProbe = { __attuneChartLatency?: number[] };

export function LiveChart({ series, baselineHrBpm }: { series: LiveSeries; baselineHrBpm: number | null }) {
  const hrRef = useRef<SVGPolylineElement>(null);
  const rrRef = useRef<SVGPolylineElement>(null);
  const baselineRef = useRef<SVGLineElement>(null);

  useEffect(() => {
    let frame = 0;
    let pendingSince: number | null = null;
    const draw = () => {
      frame = 0;
      const times = series.times();
      const intervals = series.intervals();
      hrRef.current?.setAttribute('points', hrPoints(times, intervals, baselineHrBpm, baselineRef.current));
      rrRef.current?.setAttribute('points', rrPoints(times, intervals));
      const probe = (globalThis as LatencyProbe).__attuneChartLatency;
      if (probe !== undefined && pendingSince !== null) {
        // A message posted from a frame callback is handled once that frame has been painted.
        const since = pendingSince;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.push(performance.now() - since);
        channel.port2.postMessage(null);
      }
      pendingSince = null;
    };
    const schedule = () => {
      pendingSince ??= performance.now();
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = series.subscribe(schedule);
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [series, baselineHrBpm]);

  return (
    <div className="live-charts" aria-hidden="true">
      <figure className="live-chart">
        <figcaption>Heart rate</figcaption>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" data-testid="hr-chart">
          <line ref={baselineRef} className="live-chart-baseline" x1="0" x2={WIDTH} y1="-10" y2="-10" />
          <polyline ref={hrRef} className="live-chart-hr" points="" />
        </svg>
      </figure>
      <figure className="live-chart">
        <figcaption>Time between beats</figcaption>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" data-testid="rr-chart">
          <polyline ref={rrRef} className="live-chart-rr" points="" />
        </svg>
      </figure>
    </div>
  );
}

function hrPoints(times: Float64Array, intervals: Float64Array, baseline: number | null, baselineLine: SVGLineElement | null): string {
  const n = times.length;
  if (n < 2) return '';
  const first = times[0]!;
  const span = Math.max(1, times[n - 1]! - first);
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  // Each point is the mean heart rate of its stride of beats.
  const xs: number[] = [];
  const ys: number[] = [];
  let min = baseline ?? Infinity;
  let max = baseline ?? -Infinity;
  // An ectopic beat (a short interval, then a long one) would draw a spike that is not the
  // heart rate: single intervals more than 20 % off the last one kept are left out of the line
  // (the intervals view below still shows them).
  let kept = intervals[0]!;
  let rejected = 0;
  for (let start = 0; start < n; start += stride) {
    const end = Math.min(n, start + stride);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const rr = intervals[i]!;
      // Three in a row at a new level is the heart changing, not an ectopic beat.
      if (Math.abs(rr - kept) > 0.2 * kept && ++rejected < 3) continue;
      rejected = 0;
      kept = rr;
      sum += 60000 / rr;
      count++;
    }
    if (count === 0) continue;
    const hr = sum / count;
    xs.push(times[end - 1]!);
    ys.push(hr);
    if (hr < min) min = hr;
    if (hr > max) max = hr;
  }
  const low = Math.floor(min - 5);
  const high = Math.ceil(max + 5);
  const y = (hr: number) => HEIGHT - ((hr - low) / (high - low)) * HEIGHT;
  if (baselineLine !== null) {
    const at = baseline === null ? -10 : y(baseline);
    baselineLine.setAttribute('y1', at.toFixed(1));
    baselineLine.setAttribute('y2', at.toFixed(1));
  }
  let points = '';
  for (let i = 0; i < xs.length; i++) points += `${(((xs[i]! - first) / span) * WIDTH).toFixed(1)},${y(ys[i]!).toFixed(1)} `;
  return points;
}

function rrPoints(times: Float64Array, intervals: Float64Array): string {
  const n = times.length;
  if (n < 2) return '';
  const end = times[n - 1]!;
  let start = n - 1;
  while (start > 0 && times[start - 1]! >= end - RR_WINDOW_MS) start--;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < n; i++) {
    if (intervals[i]! < min) min = intervals[i]!;
    if (intervals[i]! > max) max = intervals[i]!;
  }
  const low = min - 20;
  const high = max + 20;
  let points = '';
  for (let i = start; i < n; i++) {
    const x = ((times[i]! - (end - RR_WINDOW_MS)) / RR_WINDOW_MS) * WIDTH;
    const y = HEIGHT - ((intervals[i]! - low) / (high - low)) * HEIGHT;
    points += `${x.toFixed(1)},${y.toFixed(1)} `;
  }
  return points;
}
