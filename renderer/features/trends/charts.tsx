import {
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

// The recharts pictures. Colours are the Okabe–Ito colour-blind-safe set (CSS variables in
// trends.css, a light and a dark value each), and every series also differs by shape or
// dash, so no chart depends on telling colours apart. Nothing animates.

export const SERIES = {
  one: 'var(--chart-1)',
  two: 'var(--chart-2)',
  three: 'var(--chart-3)',
  four: 'var(--chart-4)',
  five: 'var(--chart-5)',
  grid: 'var(--chart-grid)',
  axis: 'var(--chart-axis)',
} as const;

const SIGN_STYLES = [
  { stroke: SERIES.one, dash: undefined, shape: 'circle' },
  { stroke: SERIES.two, dash: '6 3', shape: 'square' },
  { stroke: SERIES.three, dash: '2 3', shape: 'diamond' },
  { stroke: SERIES.four, dash: '10 4 2 4', shape: 'triangle' },
  { stroke: SERIES.five, dash: '1 5', shape: 'cross' },
] as const;

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

/** Up to about 7 ticks on local month or week starts (days for short spans). */
export function timeTicks(domain: TimeDomain): number[] {
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

/** Short enough for an axis: "45 s", "5.5 min". */
const axisSeconds = (sec: number) => (sec < 60 ? `${Math.round(sec)} s` : `${Math.round((sec / 60) * 10) / 10} min`);

export type CalmDownDatum = { id: string; t: number; calm: number; median: number | null };

export const CalmDownChart = memo(function CalmDownChart({ data, domain, onOpen }: { data: readonly CalmDownDatum[]; domain: TimeDomain; onOpen: (id: string) => void }) {
  return (
    <>
      <Frame height={PLOT_WITH_KEY}>
      <ComposedChart data={data as CalmDownDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={64} tickFormatter={axisSeconds} />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const datum = active ? (payload?.[0]?.payload as CalmDownDatum | undefined) : undefined;
            if (!datum) return null;
            return (
              <TooltipBox
                title={formatWhen(datum.t)}
                lines={[`Calm-down ${formatSeconds(datum.calm)}`, ...(datum.median !== null ? [`Rolling median ${formatSeconds(datum.median)}`] : []), 'Click to open the session']}
              />
            );
          }}
        />
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
        <Line name="Median of the last 7" dataKey="median" stroke={SERIES.two} strokeWidth={3} dot={false} connectNulls isAnimationActive={false} type="monotone" />
      </ComposedChart>
    </Frame>
      <ChartKey
        items={[
          { name: 'Each session', colour: SERIES.one, icon: 'circle' },
          { name: 'Median of the last 7', colour: SERIES.two, icon: 'line' },
        ]}
      />
    </>
  );
});

export type StartAfterDatum = { t: number; start: number | null; after: number | null };

export const StartAfterChart = memo(function StartAfterChart({ data, domain }: { data: readonly StartAfterDatum[]; domain: TimeDomain }) {
  const many = data.length > 60;
  return (
    <>
      <Frame height={PLOT_WITH_KEY}>
      <LineChart data={data as StartAfterDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={44} domain={['dataMin - 5', 'dataMax + 5']} unit="" />
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
  return (
    <Frame height={200}>
      <LineChart data={data as SeriesDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={44} domain={['dataMin - 3', 'dataMax + 3']} tickFormatter={(v: number) => String(Math.round(v))} />
        <Tooltip isAnimationActive={false} labelFormatter={(ms) => formatWhen(Number(ms))} formatter={(value) => `${Math.round(Number(value))} ${unit}`} />
        <Line name={name} dataKey="value" stroke={colour} strokeWidth={2} strokeDasharray={dashed ? '6 4' : undefined} dot={data.length > 60 ? false : { r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
});

export type BarDatum = { label: string; value: number };

export const BucketBarChart = memo(function BucketBarChart({ data, name, unit, colour }: { data: readonly BarDatum[]; name: string; unit: string; colour: string }) {
  return (
    <Frame height={200}>
      <BarChart data={data as BarDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" {...axisProps} interval={categoryInterval(data.length)} />
        <YAxis {...axisProps} width={40} allowDecimals={false} />
        <Tooltip isAnimationActive={false} formatter={(value) => `${value} ${unit}`} />
        <Bar name={name} dataKey="value" fill={colour} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
});

export type SignsDatum = { t: number; s0: number; s1: number; s2: number; s3: number; s4: number };

export const SignsChart = memo(function SignsChart({ data, domain }: { data: readonly SignsDatum[]; domain: TimeDomain }) {
  const dots = data.length <= 30;
  return (
    <>
      <Frame height={PLOT_WITH_KEY}>
      <LineChart data={data as SignsDatum[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={[domain[0], domain[1]]} ticks={timeTicks(domain)} tickFormatter={timeTick(domain)} {...axisProps} />
        <YAxis {...axisProps} width={32} domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
        <Tooltip isAnimationActive={false} labelFormatter={(ms) => formatWhen(Number(ms))} />
        {SIGNS_OF_PROGRESS.map((sign, i) => {
          const style = SIGN_STYLES[i]!;
          return (
            <Line
              key={sign.id}
              name={sign.short}
              dataKey={`s${i}`}
              stroke={style.stroke}
              strokeWidth={2}
              strokeDasharray={style.dash}
              dot={dots ? { r: 3, strokeDasharray: '' } : false}
              legendType={style.shape}
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </Frame>
      <ChartKey items={SIGNS_OF_PROGRESS.map((sign, i) => ({ name: sign.short, colour: SIGN_STYLES[i]!.stroke, icon: SIGN_STYLES[i]!.shape, dash: SIGN_STYLES[i]!.dash }))} />
    </>
  );
});
