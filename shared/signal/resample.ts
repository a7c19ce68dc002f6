// Beat times from NN intervals and uniform resampling of the NN series, as signal.md fixes:
// t = cumsum(NN)/1000 − first (so the end of the first interval is 0 s), grid from 0 to t_end
// with the end excluded, cubic not-a-knot spline.
import { splineOnUniformGrid } from './cubic-spline.ts';

/** Beat times in seconds, the first beat (end of the first interval) at 0. */
export function beatTimesSec(nnMs: ArrayLike<number>): Float64Array {
  const times = new Float64Array(nnMs.length);
  let cumulativeMs = 0;
  for (let i = 0; i < nnMs.length; i++) {
    cumulativeMs += nnMs[i]!;
    times[i] = cumulativeMs / 1000;
  }
  const first = times[0] ?? 0;
  for (let i = 0; i < times.length; i++) times[i] = times[i]! - first;
  return times;
}

/** NN (ms) on a uniform grid 0, 1/fs, … < t_end. */
export function resampleNnUniform(nnMs: ArrayLike<number>, sampleRateHz: number): Float64Array {
  const times = beatTimesSec(nnMs);
  const endSec = times[times.length - 1] ?? 0;
  const step = 1 / sampleRateHz;
  // numpy.arange(0, end, step) length, so the grid matches the reference exactly.
  const count = Math.max(0, Math.ceil(endSec / step));
  return splineOnUniformGrid(times, nnMs, 0, step, count);
}
