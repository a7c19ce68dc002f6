import { memo, useContext, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { lttb } from '../../../shared/trends/lttb.ts';
import type { BeatPoint, PhaseBand } from '../../../shared/trends/session-detail.ts';
import { ChartKey, ChartWidth, Frame, SERIES, gridProps } from './charts.tsx';

// The session page's picture: one series over the session's minutes with its phases as
// coloured bands behind it, and the key that names the phases' colours.

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

/** Seconds since the session began as "m:ss". */
export const clock = (sec: number) => {
  const total = Math.max(0, Math.round(sec));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
};

/** The phases' background colours, named (each phase once, in order). */
export function PhaseKey({ bands }: { bands: PhaseBand[] }) {
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

/**
 * One series over the session with the phases behind it. The series is drawn from about one
 * point per pixel of the plot (LTTB, which keeps the extremes), chosen once the width is
 * known and only when the chart is drawn; the table and every number use every beat.
 */
export const SessionChart = memo(function SessionChart({
  points,
  bands,
  name,
  unit,
  colour,
  wave,
}: {
  points: readonly BeatPoint[];
  bands: PhaseBand[];
  name: string;
  unit: string;
  colour: string;
  wave?: readonly BeatPoint[];
}) {
  const width = useContext(ChartWidth);
  const plot = Math.max(DRAWN_POINTS_MIN, width - SESSION_CHART_SIDES);
  const drawn = useMemo(() => (width > 0 ? lttb(points, plot) : []), [points, plot, width]);
  const waveDrawn = useMemo(() => (width > 0 && wave ? lttb(wave, plot) : []), [wave, plot, width]);
  const end = Math.max(points.at(-1)?.x ?? 0, bands.at(-1)?.endSec ?? 0, 1);
  return (
    <>
      <Frame height={232}>
        <ComposedChart margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="x" type="number" domain={[0, end]} ticks={clockTicks(end)} interval={0} tickFormatter={clock} stroke={SERIES.axis} tick={{ fill: SERIES.axis, fontSize: 12 }} />
          <YAxis stroke={SERIES.axis} tick={{ fill: SERIES.axis, fontSize: 12 }} width={48} interval={0} domain={['dataMin - 5', 'dataMax + 5']} tickFormatter={(v: number) => String(Math.round(v))} />
          {bands.map((band) => (
            <ReferenceArea
              key={`${band.phase}-${band.startSec}`}
              x1={band.startSec}
              x2={band.endSec}
              fill={BAND_FILL[band.phase] ?? 'var(--band-reading)'}
              fillOpacity={1}
              ifOverflow="hidden"
              // Short phases are named in the key under the chart instead, so labels never overlap.
              label={band.endSec - band.startSec >= end * 0.08 ? (props: { viewBox?: { x?: number; y?: number } }) => <BandLabel viewBox={props.viewBox} text={band.label} /> : undefined}
            />
          ))}
          <Tooltip isAnimationActive={false} labelFormatter={(sec) => clock(Number(sec))} formatter={(value, key) => (key === 'Pacer' ? 'rhythm' : `${Math.round(Number(value))} ${unit}`)} />
          <Line data={drawn} name={name} dataKey="y" stroke={colour} strokeWidth={1.5} dot={false} isAnimationActive={false} />
          {waveDrawn.length > 0 && <Line data={waveDrawn} name="Pacer" dataKey="y" stroke={SERIES.five} strokeWidth={1} strokeOpacity={0.75} strokeDasharray="4 3" dot={false} isAnimationActive={false} />}
        </ComposedChart>
      </Frame>
      <ChartKey items={wave && wave.length > 0 ? [{ name, colour, icon: 'line' }, { name: 'Pacer', colour: SERIES.five, icon: 'line', dash: '4 3' }] : [{ name, colour, icon: 'line' }]} />
    </>
  );
});

/**
 * A phase's name in the top left of its band. Drawn as plain SVG text: recharts' own label
 * measures its words in the DOM first (a forced layout each) to wrap them, and a phase name
 * never needs wrapping.
 */
function BandLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  return (
    <text x={(viewBox?.x ?? 0) + 5} y={(viewBox?.y ?? 0) + 5} dy="0.71em" fill={SERIES.axis} fontSize={12} className="recharts-label">
      {text}
    </text>
  );
}

/** Ticks on whole minutes (1, 2, 5, 10, 15 or 30 apart), about 6 of them. */
function clockTicks(endSec: number): number[] {
  const stepMin = [1, 2, 5, 10, 15, 30, 60].find((m) => endSec / (m * 60) <= 7) ?? 120;
  const ticks: number[] = [];
  for (let t = 0; t <= endSec; t += stepMin * 60) ticks.push(t);
  return ticks;
}
