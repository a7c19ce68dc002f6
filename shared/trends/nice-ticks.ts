// Axis ticks at round values in the unit the axis shows: 0, 1, 2, 3 min rather than
// 1.3, 2.7 min; 60, 70, 80 bpm rather than 658/743/828. Pure, so tests read the values.

/** Steps a tick may take, per power of ten: 1, 2, 2.5 and 5 read as round. */
const STEP_FACTORS = [1, 2, 2.5, 5, 10] as const;

export type NiceTicks = { ticks: number[]; domain: [number, number]; step: number };

/**
 * Ticks covering [min, max] at a round step, at most `target` of them, the first at or below min and the last at or above max. `integer` keeps the
 * step whole (counts). A flat series (min = max) gets a span around its value.
 */
export function niceTicks(min: number, max: number, target = 5, { integer = false }: { integer?: boolean } = {}): NiceTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [0, 1], domain: [0, 1], step: 1 };
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
    if (min < 0 && max - pad >= 0) min = 0;
  }
  const count = Math.max(1, target - 1);
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = power * STEP_FACTORS[STEP_FACTORS.length - 1]!;
  for (const factor of STEP_FACTORS) {
    const candidate = power * factor;
    if (integer && !Number.isInteger(candidate)) continue;
    if (Math.ceil(max / candidate - 1e-9) - Math.floor(min / candidate + 1e-9) <= count) {
      step = candidate;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  // Multiplying (rather than adding steps) keeps 0.1 × 3 from reading 0.30000000000000004.
  for (let i = first; i <= last; i += 1) ticks.push(roundTo(i * step, step));
  return { ticks, domain: [ticks[0]!, ticks.at(-1)!], step };
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

export type DurationAxis = NiceTicks & { unit: 's' | 'min'; label: (sec: number) => string };

/**
 * Ticks for a time in seconds, in the unit a reader would use: seconds under two minutes,
 * else whole minutes ("0, 1, 2, 3 min"). Tick values stay in seconds (what the chart
 * plots); `label` writes them in the unit.
 */
export function durationTicks(maxSec: number, target = 5): DurationAxis {
  const top = Math.max(0, maxSec);
  if (top < 120) {
    const nice = niceTicks(0, Math.max(top, 10), target, { integer: true });
    return { ...nice, unit: 's', label: (sec) => `${Math.round(sec)} s` };
  }
  // Whole minutes: "1.5 min" reads as a minute and a half to some and 1 min 50 s to others.
  const minutes = niceTicks(0, top / 60, target, { integer: true });
  const label = (sec: number) => `${Math.round(sec / 60)} min`;
  return { ticks: minutes.ticks.map((m) => m * 60), domain: [0, minutes.domain[1] * 60], step: minutes.step * 60, unit: 'min', label };
}
