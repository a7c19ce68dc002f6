import { describe, expect, it } from 'vitest';
import { splineOnUniformGrid } from '../../../shared/signal/cubic-spline.ts';
import { beatTimesSec, resampleNnUniform } from '../../../shared/signal/resample.ts';

describe('not-a-knot cubic spline', () => {
  it('reproduces a cubic polynomial exactly on irregular knots (not-a-knot property)', () => {
    const cubic = (x: number): number => 2 * x ** 3 - 3 * x ** 2 + 0.5 * x + 7;
    const knots = [0, 0.7, 1.1, 2.5, 3.0, 4.2, 5.0];
    const values = knots.map(cubic);
    const grid = splineOnUniformGrid(knots, values, 0, 0.25, 21);
    grid.forEach((value, k) => expect(value).toBeCloseTo(cubic(k * 0.25), 9));
  });

  it('with 3 knots is the parabola through them, with 2 the line, with 1 a constant', () => {
    const parabola = (x: number): number => x * x - 2 * x + 3;
    const three = splineOnUniformGrid([0, 1, 3], [parabola(0), parabola(1), parabola(3)], 0, 0.5, 7);
    three.forEach((value, k) => expect(value).toBeCloseTo(parabola(k * 0.5), 12));
    const two = splineOnUniformGrid([0, 2], [10, 20], 0, 0.5, 5);
    expect(Array.from(two)).toEqual([10, 12.5, 15, 17.5, 20]);
    expect(Array.from(splineOnUniformGrid([1], [5], 0, 1, 3))).toEqual([5, 5, 5]);
  });

  it('passes through its knots', () => {
    const knots = [0, 1, 2, 3, 4, 5, 6];
    const values = [800, 850, 790, 900, 820, 810, 870];
    const grid = splineOnUniformGrid(knots, values, 0, 1, 7);
    grid.forEach((value, k) => expect(value).toBeCloseTo(values[k]!, 9));
  });
});

describe('NN resampling', () => {
  it('puts the end of the first interval at 0 s and excludes t_end from the 4 Hz grid', () => {
    expect(Array.from(beatTimesSec([1000, 500, 500]))).toEqual([0, 0.5, 1]);
    const resampled = resampleNnUniform([1000, 1000, 1000, 1000, 1000], 4);
    expect(resampled.length).toBe(16); // 0 … 3.75 s; 4 s excluded
    resampled.forEach((value) => expect(value).toBeCloseTo(1000, 12));
  });
});
