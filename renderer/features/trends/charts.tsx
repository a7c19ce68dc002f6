import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cloneElement, createContext, memo, useContext, type ReactElement } from 'react';
import { localMonthStarts, localWeekStarts } from '../../../shared/trends/local-calendar.ts';
import { SIGNS_OF_PROGRESS } from '../../../shared/content/signs-of-progress.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import { durationTicks, niceTicks } from '../../../shared/trends/nice-ticks.ts';

// The recharts pictures. Colours come from the app's palette (CSS variables in trends.css,
// a light and a dark value each): the one warm accent for what a chart is about, a warm
// grey for what sits beside it. Series also differ by shape or dash, and the accent by
// lightness, so no chart depends on telling colours apart. Nothing animates.

/** Colour slots: `two` is the accent, `one` the neutral beside it, `band` the accent's soft fill. */
export const SERIES = {
  one: 'var(--chart-1)',
  two: 'var(--chart-2)',
  three: 'var(--chart-3)',
  four: 'var(--chart-4)',
  five: 'var(--chart-5)',
  band: 'var(--chart-band)',
  grid: 'var(--chart-grid)',
  axis: 'var(--chart-axis)',
} as const;

export type TimeDomain = readonly [number, number];

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function timeTick(domain: TimeDomain): (ms: number) => string {
  const long = domain[1] - domain[0] > 200 * 86_400_000;
  return (ms) => (long ? monthFormat : dayFormat).format(ms);
}
export const formatWhen = (ms: number) => fullFormat.format(ms);

// interval={0} with ticks we choose: recharts then draws every given tick without measuring
// each label in the DOM first (which, over seven charts, cost more than the drawing).
const axisProps = { stroke: SERIES.axis, tick: { fill: SERIES.axis, fontSize: 12 }, tickLine: false, interval: 0 } as const;

/** A value axis with round ticks in its unit (60, 70, 80 bpm), fitted to the values drawn. */
function valueAxis(values: readonly (number | null | undefined)[], options: { floorZero?: boolean; integer?: boolean; target?: number } = {}) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { ticks: [0, 1], domain: [0, 1] as [number, number] };
  const nice = niceTicks(options.floorZero ? Math.min(0, min) : min, max, options.target ?? 5, { integer: options.integer });
  return { ticks: nice.ticks, domain: nice.domain };
}

/**
 * Horizontal grid lines only. The vertical ones are not drawn, but recharts still works out
 * where they would go, and on a chart's first render (before the XAxis has told it its
 * settings) it does so on a default category axis with a tick per data point, measuring
 * each label in the DOM: 300 forced layouts for the calm-down chart. Saying there are none
 * skips that.
 */
export const gridProps = { stroke: SERIES.grid, vertical: false, verticalCoordinatesGenerator: () => [] } as const;

/** The laid-out width of the chart's box, measured by ChartCard; 0 until known (and in tests without layout). */
export const ChartWidth = createContext(0);

/**
 * Gives the chart its size directly (rather than through ResponsiveContainer, which draws
 * once at a guessed size and again when its observer reports): one render at the right width.
 */
export function Frame({ height = 240, children }: { height?: number; children: ReactElement<{ width?: number; height?: number }> }) {
  const width = useContext(ChartWidth);
  if (width <= 0) return <div className="trend-chart-placeholder" style={{ height }} />;
  return cloneElement(children, { width, height });
}

/**
 * Up to about 7 ticks on local month or week starts (days for short spans). Every chart of
 * the overview shares one time domain and each asks on every render: finding five years of
 * local month starts goes through Intl's time-zone rules (~6 ms), so the last few domains'
 * ticks are kept.
 */
export function timeTicks(domain: TimeDomain): number[] {
  const key = `${domain[0]}:${domain[1]}`;
  const known = tickCache.get(key);
  if (known) return known;
  const ticks = computeTimeTicks(domain);
  if (tickCache.size >= 8) tickCache.delete(tickCache.keys().next().value as string);
  tickCache.set(key, ticks);
  return ticks;
}

const tickCache = new Map<string, number[]>();

function computeTimeTicks(domain: TimeDomain): number[] {
  const span = domain[1] - domain[0];
  const DAY = 86_400_000;
  let ticks: number[];
  if (span > 120 * DAY) ticks = localMonthStarts(domain[0], domain[1]);
  else if (span > 21 * DAY) ticks = localWeekStarts(domain[0], domain[1]);
  else {
    ticks = [];
    for (let t = domain[0]; t <= domain[1]; t += 4 * DAY) ticks.push(t);
  }
  ticks = ticks.filter((t) => t >= domain[0] && t <= domain[1]);
  const step = Math.max(1, Math.ceil(ticks.length / 7));
  return ticks.filter((_, i) => i % step === 0);
}

/** A chart's plot height when its key sits under it (240 with recharts' legend inside). */
const PLOT_WITH_KEY = 214;

/** Every n-th category label, so about 8 show. */
const categoryInterval = (count: number) => Math.max(0, Math.ceil(count / 8) - 1);

export type KeyItem = { name: string; colour: string; icon: 'line' | 'bar' | 'circle' | 'square' | 'diamond' | 'triangle' | 'cross'; dash?: string };

const KEY_SHAPES: Record<Exclude<KeyItem['icon'], 'line' | 'bar'>, string> = {
  circle: 'M7 2.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z',
  square: 'M3 3h8v8h-8z',
  diamond: 'M7 1.5l5 5.5l-5 5.5l-5-5.5z',
  triangle: 'M7 2l5.5 9.5h-11z',
  cross: 'M5.5 2h3v3.5h3.5v3h-3.5v3.5h-3v-3.5h-3.5v-3h3.5z',
};

/**
 * The series' names and how each is drawn, under the chart. Plain HTML rather than recharts'
 * Legend: that one measures its own box after drawing and then redraws the whole chart to
 * make room, which doubled the cost of every chart. Shown at once, also while the chart waits
 * to be drawn.
 */
export function ChartKey({ items }: { items: readonly KeyItem[] }) {
  return (
    <ul className="chart-key">
      {items.map((item) => (
        <li key={item.name}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            {item.icon === 'line' ? (
              <line x1="0" y1="7" x2="14" y2="7" stroke={item.colour} strokeWidth="3" strokeDasharray={item.dash} />
            ) : item.icon === 'bar' ? (
              <rect x="1" y="1" width="12" height="12" fill={item.colour} />
            ) : (
              <>
                <line x1="0" y1="7" x2="14" y2="7" stroke={item.colour} strokeWidth="2" strokeDasharray={item.dash} />
                <path d={KEY_SHAPES[item.icon]} fill={item.colour} />
              </>
            )}
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}

function TooltipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="trend-tooltip">
      <strong>{title}</strong>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

export type CalmDownDatum = { id: string; t: number; calm: number; median: number | null };
/** A week's or month's calm-down times: the median and the middle half (25th to 75th percentile). */
export type CalmSpreadDatum = { t: number; startMs: number; median: number; band: readonly [number, number]; count: number };

const calmTooltip = ({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) => {
  const datum = active ? (payload?.[0]?.payload as CalmDownDatum | CalmSpreadDatum | undefined) : undefined;
  if (!datum) return null;
  if ('band' in datum) {
    return (
      <TooltipBox
        title={`${datum.count} ${datum.count === 1 ? 'session' : 'sessions'} from ${dayFormat.format(datum.startMs)}`}
        lines={[`Median ${formatSeconds(datum.median)}`, `Middle half ${formatSeconds(datum.band[0])} to ${formatSeconds(datum.band[1])}`]}
      />
    );
  }
  return (
    <TooltipBox
      title={formatWhen(datum.t)}
      lines={[`Calm-down ${formatSeconds(datum.calm)}`, ...(datum.median !== null ? [`Rolling median ${formatSeconds(datum.median)}`] : []), 'Click to open the session']}
    />
  );
};

/**
 * Calm-down times: a dot per session with the median of the last 7, or (`spread` mode, long
 * ranges) the median per week or month as a line over the shaded middle half. With each
 * session asked for at a long range, the dots are drawn under the weekly or monthly median.
 */
export const CalmDownChart = memo(function CalmDownChart({
  data,
  spread,
  mode,
  bucket,
  domain,
  onOpen,
}: {
  data: readonly CalmDownDatum[];
  spread: readonly CalmSpreadDatum[];
  mode: 'sessions' | 'spread';
  bucket: 'week' | 'month';
  domain: TimeDomain;
  onOpen: (id: string) => void;
}) {
  let top = 0;
  if (mode === 'spread') for (const r of spread) top = Math.max(top, r.band[1], r.median);
  else for (const d of data) top = Math.max(top, d.calm);
  const y = durationTicks(top);
  const medianLine = mode === 'sessions' && spread.length > 0 ? spread : null;
  const key =
    mode === 'spread'
      ? [
          { name: `Median per ${bucket}`, colour: SERIES.two, icon: 'line' as const },
          { name: 'Middle half of the sessions', colour: SERIES.band, icon: 'bar' as const },
        ]
      : [
          { name: 'Each session', colour: SERIES.one, icon: 'circle' as const },
          { name: medianLine ? `Median per ${bucket}` : 'Median of the last 7', colour: SERIES.two, icon: 'line' as const },
        ];
  return (
    <>
      <Frame height={PLOT_WITH_KEY}>
        <ComposedChart data={(mode === 'spread' ? spread : data) as object[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
          <YAxis {...axisProps} width={64} type="number" domain={y.domain} ticks={y.ticks} tickFormatter={y.label} />
          <Tooltip isAnimationActive={false} content={calmTooltip} />
          {mode === 'spread' ? (
            <>
              <Area name="Middle half" dataKey="band" stroke="none" fill={SERIES.band} fillOpacity={1} isAnimationActive={false} activeDot={false} type="linear" />
              <Line name={`Median per ${bucket}`} dataKey="median" stroke={SERIES.two} strokeWidth={3} dot={spread.length <= 60 ? { r: 3 } : false} isAnimationActive={false} type="linear" />
            </>
          ) : (
            <>
              <Scatter
                name="Each session"
                dataKey="calm"
                fill={SERIES.one}
                fillOpacity={0.55}
                shape="circle"
                isAnimationActive={false}
                onClick={(point: { payload?: CalmDownDatum }) => point.payload && onOpen(point.payload.id)}
                className="trend-clickable"
              />
              {medianLine ? (
                <Line data={medianLine as CalmSpreadDatum[]} name={`Median per ${bucket}`} dataKey="median" stroke={SERIES.two} strokeWidth={3} dot={false} isAnimationActive={false} type="linear" />
              ) : (
                <Line name="Median of the last 7" dataKey="median" stroke={SERIES.two} strokeWidth={3} dot={false} connectNulls isAnimationActive={false} type="monotone" />
              )}
            </>
          )}
        </ComposedChart>
      </Frame>
      <ChartKey items={key} />
    </>
  );
});

export type StartAfterDatum = { t: number; start: number | null; after: number | null };

export const StartAfterChart = memo(function StartAfterChart({ data, domain }: { data: readonly StartAfterDatum[]; domain: TimeDomain }) {
  const many = data.length > 60;
  const y = valueAxis(data.flatMap((d) => [d.start, d.after]));
  return (
    <>
      <Frame height={PLOT_WITH_KEY}>
      <LineChart data={data as StartAfterDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={44} type="number" domain={y.domain} ticks={y.ticks} />
        <Tooltip isAnimationActive={false} labelFormatter={(ms) => formatWhen(Number(ms))} formatter={(value) => `${Math.round(Number(value))} bpm`} />
        <Line name="At the start" dataKey="start" stroke={SERIES.two} strokeWidth={2} dot={many ? false : { r: 3 }} isAnimationActive={false} connectNulls />
        <Line name="After regulating" dataKey="after" stroke={SERIES.one} strokeWidth={2} strokeDasharray="6 4" dot={many ? false : { r: 3, strokeDasharray: '' }} isAnimationActive={false} connectNulls />
      </LineChart>
    </Frame>
      <ChartKey
        items={[
          { name: 'At the start', colour: SERIES.two, icon: many ? 'line' : 'circle' },
          { name: 'After regulating', colour: SERIES.one, icon: many ? 'line' : 'circle', dash: '6 4' },
        ]}
      />
    </>
  );
});

export type SeriesDatum = { t: number; value: number | null };

export const SingleSeriesChart = memo(function SingleSeriesChart({ data, domain, name, unit, colour, dashed }: { data: readonly SeriesDatum[]; domain: TimeDomain; name: string; unit: string; colour: string; dashed?: boolean }) {
  const y = valueAxis(data.map((d) => d.value));
  return (
    <Frame height={200}>
      <LineChart data={data as SeriesDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={44} type="number" domain={y.domain} ticks={y.ticks} />
        <Tooltip isAnimationActive={false} labelFormatter={(ms) => formatWhen(Number(ms))} formatter={(value) => `${Math.round(Number(value))} ${unit}`} />
        <Line name={name} dataKey="value" stroke={colour} strokeWidth={2} strokeDasharray={dashed ? '6 4' : undefined} dot={data.length > 60 ? false : { r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
});

export type BarDatum = { label: string; value: number };

export const BucketBarChart = memo(function BucketBarChart({ data, name, unit, colour }: { data: readonly BarDatum[]; name: string; unit: string; colour: string }) {
  const y = valueAxis(data.map((d) => d.value), { floorZero: true, integer: true });
  return (
    <Frame height={200}>
      <BarChart data={data as BarDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" {...axisProps} interval={categoryInterval(data.length)} />
        <YAxis {...axisProps} width={40} type="number" domain={y.domain} ticks={y.ticks} />
        <Tooltip isAnimationActive={false} formatter={(value) => `${value} ${unit}`} />
        <Bar name={name} dataKey="value" fill={colour} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
});

export type SignsDatum = { t: number; s0: number; s1: number; s2: number; s3: number; s4: number };

/** Each small chart's plot height; the last is taller for the time axis under it. */
const SIGN_ROW_HEIGHT = 64;
const SIGN_AXIS_HEIGHT = 24;

/**
 * The five signs as small multiples: one row each, on the same time axis and the same 1–5
 * scale, so each reads on its own and rows compare by eye (one chart of five tangled lines
 * did neither). The time axis is written once, under the last.
 */
export const SignsChart = memo(function SignsChart({ data, domain }: { data: readonly SignsDatum[]; domain: TimeDomain }) {
  const dots = data.length <= 30;
  const ticks = timeTicks(domain);
  const tick = timeTick(domain);
  return (
    <div className="signs-multiples">
      {SIGNS_OF_PROGRESS.map((sign, i) => {
        const last = i === SIGNS_OF_PROGRESS.length - 1;
        return (
          <div key={sign.id} className="signs-multiple" data-png-label={sign.short}>
            <p className="signs-multiple-name" aria-hidden="true">
              {sign.short}
            </p>
            <Frame height={SIGN_ROW_HEIGHT + (last ? SIGN_AXIS_HEIGHT : 0)}>
              <LineChart data={data as SignsDatum[]} margin={{ top: 6, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid {...gridProps} />
                <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={ticks} tickFormatter={tick} {...axisProps} hide={!last} height={SIGN_AXIS_HEIGHT} />
                <YAxis {...axisProps} width={32} type="number" domain={[1, 5]} ticks={[1, 3, 5]} />
                <Tooltip isAnimationActive={false} labelFormatter={(ms) => formatWhen(Number(ms))} formatter={(value) => `${Math.round(Number(value) * 10) / 10} of 5`} />
                <Line name={sign.short} dataKey={`s${i}`} stroke={SERIES.two} strokeWidth={2} dot={dots ? { r: 3 } : false} isAnimationActive={false} />
              </LineChart>
            </Frame>
          </div>
        );
      })}
    </div>
  );
});
