import { describe, expect, it } from 'vitest';
import { PADDED_SPECTRUM_SAMPLES, paddedPowerSpectrum, paddedSpectrum } from '../../../shared/signal/padded-spectrum.ts';

/** A seeded generator, so a failure can be replayed. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** X_k = Σ_n x_n·exp(−2πi·kn/512) term by term, the exponent reduced mod 512 so the angles stay exact. */
function directBin(samples: Float64Array, k: number): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (let n = 0; n < samples.length; n++) {
    const angle = (-2 * Math.PI * ((k * n) % 512)) / 512;
    re += samples[n]! * Math.cos(angle);
    im += samples[n]! * Math.sin(angle);
  }
  return { re, im };
}

describe('the low bins of 128 samples zero-padded to 512', () => {
  it('equal a direct DFT on every bin up to 255, for random input and for a pure tone', () => {
    const next = uniform(20_240_611);
    const random = Float64Array.from({ length: PADDED_SPECTRUM_SAMPLES }, () => 200 * next() - 100);
    const tone = Float64Array.from({ length: PADDED_SPECTRUM_SAMPLES }, (_, n) => 50 * Math.cos((2 * Math.PI * 13.5 * n) / 128 + 0.3));
    for (const samples of [random, tone]) {
      const outRe = new Float64Array(256);
      const outIm = new Float64Array(256);
      paddedSpectrum(samples, 255, outRe, outIm);
      let scale = 0;
      for (const value of samples) scale += Math.abs(value);
      for (let k = 0; k <= 255; k++) {
        const direct = directBin(samples, k);
        expect(Math.abs(outRe[k]! - direct.re)).toBeLessThan(1e-12 * scale);
        expect(Math.abs(outIm[k]! - direct.im)).toBeLessThan(1e-12 * scale);
      }
    }
  });

  it('gives the power |X_k|² of the same bins', () => {
    const next = uniform(7);
    const samples = Float64Array.from({ length: PADDED_SPECTRUM_SAMPLES }, () => 60 * next() - 30);
    const power = new Float64Array(104);
    paddedPowerSpectrum(samples, 103, power);
    let scale = 0;
    for (const value of samples) scale += Math.abs(value);
    for (let k = 0; k <= 103; k++) {
      const direct = directBin(samples, k);
      expect(Math.abs(power[k]! - (direct.re * direct.re + direct.im * direct.im))).toBeLessThan(1e-12 * scale * scale);
    }
  });

  it('writes only the bins asked for', () => {
    const samples = Float64Array.from({ length: PADDED_SPECTRUM_SAMPLES }, (_, n) => Math.sin(n));
    const outRe = new Float64Array(8).fill(7);
    const outIm = new Float64Array(8).fill(7);
    paddedSpectrum(samples, 3, outRe, outIm);
    expect(Array.from(outRe.subarray(4))).toEqual([7, 7, 7, 7]);
    expect(outRe[3]).not.toBe(7);
  });
});
