import { memo, useContext, useId, useMemo, useState, type PointerEvent } from 'react';
import { CartesianGrid, ComposedChart, Line, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { heartRateDrawing, type EnvelopeBucket } from '../../../shared/trends/heart-rate-envelope.ts';
import { lttb } from '../../../shared/trends/lttb.ts';
import { niceTicks } from '../../../shared/trends/nice-ticks.ts';
import type { BeatPoint, PhaseBand, SessionMoment } from '../../../shared/trends/session-detail.ts';
import { ChartKey, ChartWidth, Frame, SERIES, gridProps, type KeyItem } from './charts.tsx';

// The session page's picture: one series over the session's minutes with its phases as
// coloured bands behind it, its flooding cues and verdicts as marked lines, and the key that
// names them. A long session's heart rate is a smoothed line in a min–max band
// (heart-rate-envelope.ts); a short one, and the beat-to-beat intervals, keep every beat's detail.
//
// recharts draws only the frame: the grid and the two axes, with ticks we give (niceTicks:
// 'none' spares it working out its own in decimal arithmetic) written as plain SVG text (its
// own tick labels measure their words in the DOM). Its store holds every child's data and
// recomputes the axes and the tooltip's index on each change, and the chart renders four or
// five times over while it settles, so a 1,000-point line with its tooltip cost ~100 ms of
// the page's first paint on a 60-minute session. The phases, the envelope, the lines, the
// moments and the hover readout are plain SVG drawn with the chart's own scales.

/** Points drawn per series at least, on a very narrow chart. */
const DRAWN_POINTS_MIN = 200;

const BAND_FILL: Record<string, string> = {
  'signal-check': 'var(--band-grounding)',
  baseline: 'var(--band-reading)',
  reading: 'var(--band-reading)',
  debrief: 'var(--band-grounding)',
  grounding: 'var(--band-grounding)',
  breathing: 'var(--band-breathing)',
  break: 'var(--band-break)',
  recovery: 'var(--band-break)',
  conversation: 'var(--band-conversation)',
  repair: 'var(--band-conversation)',
};

/** The min–max band is the line's colour, this opaque: light enough for the line and phases to show through. */
const BAND_OPACITY = 0.2;

/** How each kind of moment is drawn: shape and dash as well as colour, so none depends on colour alone. */
export const MOMENT_STYLE = {
  'flood-cue': { colour: 'var(--state-flooded-ink)', dash: '4 3', icon: 'triangle', name: 'Flooding cue' },
  verdict: { colour: SERIES.axis, dash: undefined, icon: 'circle', name: 'Verdict' },
} as const satisfies Record<string, { colour: string; dash: string | undefined; icon: KeyItem['icon']; name: string }>;

/** Seconds since the session began as "m:ss". */
export const clock = (sec: number) => {
  const total = Math.max(0, Math.round(sec));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
};

/** The phases' background colours, named (each phase once, in order). Breaks are hatched as well. */
export function PhaseKey({ bands }: { bands: readonly PhaseBand[] }) {
  const seen = [...new Map(bands.map((b) => [b.phase, b])).values()];
  if (seen.length === 0) return null;
  return (
    <ul className="phase-key" aria-hidden="true">
      {seen.map((band) => (
        <li key={band.phase}>
          <span className={`phase-swatch phase-swatch-${band.phase}`} />
          {band.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's margins and Y axis: what is left of its width is the plot, in pixels. */
const SESSION_CHART_SIDES = 16 + 48;

type Drawn = { line: readonly { x: number; y: number | null }[]; buckets: readonly EnvelopeBucket[] | null; windowSec: number | null };

/**
 * One series over the session with the phases behind it. Drawn from about one point per
 * pixel of the plot, chosen once the width is known and only when the chart is drawn: with
 * `smooth`, a long series becomes a moving median with a min–max band per pixel; otherwise
 * LTTB keeps the shape and the extremes. The table and every number use every beat.
 */
export const SessionChart = memo(function SessionChart({
  points,
  bands,
  moments,
  name,
  unit,
  colour,
  wave,
  smooth = false,
  valueRange,
  level,
  breaksAt,
}: {
  points: readonly BeatPoint[];
  bands: readonly PhaseBand[];
  moments: readonly SessionMoment[];
  name: string;
  unit: string;
  colour: string;
  wave?: readonly BeatPoint[];
  smooth?: boolean;
  /** A fixed value axis (a share from 0 to 100 %) instead of one fitted to the points. */
  valueRange?: readonly [number, number];
  /** A level drawn across the plot as a dashed line and named in the key (where "high" starts). */
  level?: { readonly value: number; readonly name: string };
  /** Times (s) where the line must not join its neighbours: nothing could be read there. */
  breaksAt?: readonly number[];
}) {
  const width = useContext(ChartWidth);
  const hatchId = `session-break-hatch-${useId().replace(/:/g, '')}`;
  const plot = Math.max(DRAWN_POINTS_MIN, width - SESSION_CHART_SIDES);
  const drawn = useMemo((): Drawn => {
    if (width <= 0) return { line: [], buckets: null, windowSec: null };
    const drawing = smooth ? heartRateDrawing(points, plot) : { kind: 'beats' as const, points };
    if (drawing.kind === 'beats') return { line: withBreaks(lttb(drawing.points, plot), breaksAt), buckets: null, windowSec: null };
    // A gap (no beats in the window) stays a gap in the line: recharts breaks it at null.
    return { line: drawing.buckets.map((b) => ({ x: b.x, y: b.y })), buckets: drawing.buckets, windowSec: drawing.windowSec };
  }, [points, plot, width, smooth, breaksAt]);
  const waveDrawn = useMemo(() => (width > 0 && wave ? lttb(wave, plot) : []), [wave, plot, width]);
  const end = Math.max(points.at(-1)?.x ?? 0, bands.at(-1)?.endSec ?? 0, 1);
  const yAxis = useMemo(() => (valueRange ? niceTicks(valueRange[0], valueRange[1], 5) : valueTicks(drawn)), [drawn, valueRange]);
  const xTicks = useMemo(() => clockTicks(end), [end]);
  const marks = moments.filter((m) => m.kind !== 'break');
  const keyItems: KeyItem[] = [{ name: drawn.windowSec === null ? name : `${name}, median over ${drawn.windowSec} s`, colour, icon: 'line' }];
  if (drawn.buckets) keyItems.push({ name: 'Lowest to highest beat', colour: `color-mix(in srgb, ${colour} ${BAND_OPACITY * 100}%, transparent)`, icon: 'bar' });
  if (wave && wave.length > 0) keyItems.push({ name: 'Pacer', colour: SERIES.five, icon: 'line', dash: '4 3' });
  if (level) keyItems.push({ name: level.name, colour: SERIES.axis, icon: 'line', dash: LEVEL_DASH });
  for (const kind of ['flood-cue', 'verdict'] as const) {
    if (!marks.some((m) => m.kind === kind)) continue;
    const style = MOMENT_STYLE[kind];
    keyItems.push({ name: style.name, colour: style.colour, icon: style.icon, dash: style.dash });
  }
  return (
    <>
      <Frame height={232}>
        {/* Two points (the corners) and an unseen line through them are all recharts needs to lay out both axes. */}
        <ComposedChart data={[{ x: 0, y: yAxis.domain[0] }, { x: end, y: yAxis.domain[1] }]} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <defs>
            <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill={BAND_FILL['break']} />
              <line x1="0" y1="0" x2="0" y2="8" stroke={SERIES.axis} strokeOpacity={0.35} strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="x" type="number" domain={[0, end]} ticks={xTicks} niceTicks="none" interval={0} stroke={SERIES.axis} tick={clockTick} />
          <YAxis type="number" stroke={SERIES.axis} tick={valueTick} width={48} interval={0} domain={yAxis.domain} ticks={yAxis.ticks} niceTicks="none" />
          <PhaseBands bands={bands} end={end} hatchId={hatchId} />
          {drawn.buckets && <EnvelopeBand buckets={drawn.buckets} colour={colour} />}
          <MomentLines moments={marks} />
          {level && <LevelLine value={level.value} />}
          <Line dataKey="y" stroke="none" dot={false} activeDot={false} legendType="none" isAnimationActive={false} />
          <SeriesPath points={drawn.line} colour={colour} width={drawn.buckets ? 2 : 1.5} className="session-line" />
          {waveDrawn.length > 0 && <SeriesPath points={waveDrawn} colour={SERIES.five} width={1} dash="4 3" opacity={0.75} className="session-pacer" />}
          <HoverReadout points={drawn.line} name={name} unit={unit} colour={colour} gapWords={breaksAt ? 'not read here' : 'no beats'} />
        </ComposedChart>
      </Frame>
      <ChartKey items={keyItems} />
    </>
  );
});

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown }; textAnchor?: string };

/** A tick label as plain SVG text: recharts' own measures each label's words in the DOM. */
function tickLabel(props: TickProps, text: string, anchor: 'middle' | 'end', dy: string) {
  return (
    <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} dy={dy} textAnchor={anchor} fill={SERIES.axis} fontSize={12} className="recharts-cartesian-axis-tick-value">
      {text}
    </text>
  );
}
const clockTick = (props: TickProps) => tickLabel(props, clock(Number(props.payload?.value ?? 0)), 'middle', '0.71em');
const valueTick = (props: TickProps) => tickLabel(props, String(Math.round(Number(props.payload?.value ?? 0) * 10) / 10), 'end', '0.355em');

/** A series as one SVG path, broken where a value is null (a gap in the beats). */
function SeriesPath({ points, colour, width, dash, opacity, className }: { points: readonly { x: number; y: number | null }[]; colour: string; width: number; dash?: string; opacity?: number; className: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const d = useMemo(() => {
    if (!x || !y) return '';
    let path = '';
    let pen = 'M';
    for (const p of points) {
      const px = p.y === null ? undefined : x(p.x);
      const py = p.y === null ? undefined : y(p.y);
      if (px === undefined || py === undefined) {
        pen = 'M';
        continue;
      }
      path += `${pen}${px.toFixed(1)},${py.toFixed(1)}`;
      pen = 'L';
    }
    return path;
  }, [points, x, y]);
  return <path className={className} d={d} fill="none" stroke={colour} strokeWidth={width} strokeDasharray={dash} strokeOpacity={opacity} strokeLinejoin="round" />;
}

/**
 * Under the pointer: a line at that moment with the value there ("12:34 · 78 bpm"). For the
 * mouse only, like a tooltip; the table below the chart holds every value for everyone.
 */
function HoverReadout({ points, name, unit, colour, gapWords }: { points: readonly { x: number; y: number | null }[]; name: string; unit: string; colour: string; gapWords: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  const [at, setAt] = useState<number | null>(null);
  if (!x || !y || !area || points.length === 0) return null;
  const onMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left + area.x;
    // The drawn point nearest the pointer: points are in x order, so a binary search.
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((x((points[mid] as { x: number }).x) ?? 0) < px) lo = mid + 1;
      else hi = mid;
    }
    const prev = Math.max(0, lo - 1);
    const nearest = Math.abs((x((points[prev] as { x: number }).x) ?? 0) - px) < Math.abs((x((points[lo] as { x: number }).x) ?? 0) - px) ? prev : lo;
    setAt(nearest);
  };
  const point = at === null ? null : points[at];
  const px = point ? x(point.x) : undefined;
  const py = point && point.y !== null ? y(point.y) : undefined;
  const words = point ? `${clock(point.x)} · ${point.y === null ? gapWords : `${Math.round(point.y)} ${unit}`}` : '';
  const boxWidth = (name.length + 1 + words.length) * 7 + 16;
  const boxX = px === undefined ? 0 : Math.min(Math.max(area.x, px + 8), area.x + area.width - boxWidth);
  return (
    <g className="session-hover">
      {px !== undefined && (
        <g pointerEvents="none" aria-hidden="true">
          <line x1={px} x2={px} y1={area.y} y2={area.y + area.height} stroke={SERIES.axis} strokeWidth={1} />
          {py !== undefined && <circle cx={px} cy={py} r={4} fill={colour} stroke="var(--surface)" strokeWidth={1.5} />}
          <rect x={boxX} y={area.y + 4} width={boxWidth} height={22} rx={4} fill="var(--surface)" stroke="var(--border-strong)" />
          <text x={boxX + 8} y={area.y + 19} fontSize={12} fill="var(--text)">
            <tspan fontWeight={600}>{name}</tspan> {words}
          </text>
        </g>
      )}
      <rect x={area.x} y={area.y} width={area.width} height={area.height} fill="transparent" onPointerMove={onMove} onPointerLeave={() => setAt(null)} />
    </g>
  );
}

/** Round ticks (60, 70, 80 bpm) just covering everything drawn, the band included. */
function valueTicks(drawn: Drawn): { domain: [number, number]; ticks: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of drawn.line) {
    if (p.y === null) continue;
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  for (const b of drawn.buckets ?? []) {
    if (b.band === null) continue;
    lo = Math.min(lo, b.band[0]);
    hi = Math.max(hi, b.band[1]);
  }
  if (!(hi >= lo)) return { domain: [0, 1], ticks: [0, 1] };
  const nice = niceTicks(lo, hi, 5);
  return { domain: nice.domain, ticks: nice.ticks };
}

/** The phases as coloured bands behind the series, each wide one named in its top left. */
function PhaseBands({ bands, end, hatchId }: { bands: readonly PhaseBand[]; end: number; hatchId: string }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  return (
    <g className="session-phase-bands">
      {bands.map((band) => {
        const x1 = x(band.startSec) ?? area.x;
        const x2 = x(band.endSec) ?? area.x + area.width;
        const fill = band.phase === 'break' ? `url(#${hatchId})` : (BAND_FILL[band.phase] ?? 'var(--band-reading)');
        return (
          <g key={`${band.phase}-${band.startSec}`}>
            <rect x={x1} y={area.y} width={Math.max(0, x2 - x1)} height={area.height} fill={fill} />
            {/* Short phases are named in the key under the chart instead, so labels never overlap. */}
            {band.endSec - band.startSec >= end * 0.08 && (
              <text x={x1 + 5} y={area.y + 5} dy="0.71em" fill={SERIES.axis} fontSize={12}>
                {band.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The lowest to the highest beat in each pixel's slice, as one filled shape (gaps left open). */
function EnvelopeBand({ buckets, colour }: { buckets: readonly EnvelopeBucket[]; colour: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const d = useMemo(() => {
    if (!x || !y) return '';
    let path = '';
    let run: { px: number; lo: number; hi: number }[] = [];
    const flush = () => {
      if (run.length > 0) {
        const top = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.px.toFixed(1)},${p.hi.toFixed(1)}`).join('');
        const bottom = run.slice().reverse().map((p) => `L${p.px.toFixed(1)},${p.lo.toFixed(1)}`).join('');
        path += `${top}${bottom}Z`;
      }
      run = [];
    };
    for (const bucket of buckets) {
      if (bucket.band === null) {
        flush();
        continue;
      }
      const px = x(bucket.x);
      const lo = y(bucket.band[0]);
      const hi = y(bucket.band[1]);
      if (px === undefined || lo === undefined || hi === undefined) continue;
      // A slice with one beat still shows as a hairline.
      run.push({ px, lo: Math.max(lo, hi + 1), hi });
    }
    flush();
    return path;
  }, [buckets, x, y]);
  return <path className="session-envelope" d={d} fill={colour} fillOpacity={BAND_OPACITY} stroke="none" />;
}

/** The drawn points with a null (a break in the path) between two that have a break time between them. */
function withBreaks(line: readonly BeatPoint[], breaksAt: readonly number[] | undefined): Drawn['line'] {
  if (!breaksAt || breaksAt.length === 0) return line;
  const out: { x: number; y: number | null }[] = [];
  let next = 0;
  for (const point of line) {
    let broken = false;
    while (next < breaksAt.length && (breaksAt[next] as number) < point.x) {
      broken = true;
      next += 1;
    }
    if (broken && out.length > 0) out.push({ x: breaksAt[next - 1] as number, y: null });
    out.push(point);
  }
  return out;
}

const LEVEL_DASH = '6 4';

/** A level across the whole plot (where high coherence starts), dashed so it never reads as data. */
function LevelLine({ value }: { value: number }) {
  const y = useYAxisScale();
  const area = usePlotArea();
  const py = y?.(value);
  if (!area || py === undefined) return null;
  return <line className="session-level" x1={area.x} x2={area.x + area.width} y1={py} y2={py} stroke={SERIES.axis} strokeWidth={1.5} strokeDasharray={LEVEL_DASH} />;
}

/** Each flooding cue and verdict as a line across the plot with its shape at the top. */
function MomentLines({ moments }: { moments: readonly SessionMoment[] }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area || moments.length === 0) return null;
  return (
    <g className="session-moment-lines">
      {moments.map((moment, i) => {
        if (moment.kind === 'break') return null;
        const px = x(moment.atSec);
        if (px === undefined) return null;
        const style = MOMENT_STYLE[moment.kind];
        const top = area.y;
        return (
          <g key={`${moment.kind}-${i}`} data-moment={moment.kind}>
            <line x1={px} x2={px} y1={top} y2={top + area.height} stroke={style.colour} strokeWidth={1.5} strokeDasharray={style.dash} />
            {moment.kind === 'flood-cue' ? (
              <path d={`M${px},${top - 10}l5,9h-10z`} fill={style.colour} />
            ) : (
              <circle cx={px} cy={top - 5} r={4} fill={style.colour} />
            )}
          </g>
        );
      })}
    </g>
  );
}

/** Ticks on whole minutes (1, 2, 5, 10, 15 or 30 apart), about 6 of them. */
function clockTicks(endSec: number): number[] {
  const stepMin = [1, 2, 5, 10, 15, 30, 60].find((m) => endSec / (m * 60) <= 7) ?? 120;
  const ticks: number[] = [];
  for (let t = 0; t <= endSec; t += stepMin * 60) ticks.push(t);
  return ticks;
}
