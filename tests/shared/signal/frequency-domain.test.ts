import { describe, expect, it } from 'vitest';
import { frequencyDomainMetrics, nnPowerSpectrum } from '../../../shared/signal/frequency-domain.ts';
import { bandPower, periodicHannWindow, welchPsd, welchPsdOfSignals } from '../../../shared/signal/welch.ts';

/** RR series whose value at beat time t follows mean + amplitude·sin(2π f t). */
function sinusoidalRr(durationSec: number, meanMs: number, amplitudeMs: number, frequencyHz: number): number[] {
  const rr: number[] = [];
  let tSec = 0;
  while (tSec < durationSec) {
    const value = meanMs + amplitudeMs * Math.sin(2 * Math.PI * frequencyHz * tSec);
    rr.push(value);
    tSec += value / 1000;
  }
  return rr;
}

describe('Welch PSD', () => {
  it('uses the periodic Hann window', () => {
    const window = periodicHannWindow(4);
    expect(Array.from(window).map((v) => Number(v.toFixed(12)))).toEqual([0, 0.5, 1, 0.5]);
  });

  it('integrates a sinusoid to its variance (A²/2) around its frequency', () => {
    const fs = 4;
    const samples = Float64Array.from({ length: 4 * 600 }, (_, i) => 30 * Math.sin(2 * Math.PI * 0.1 * (i / fs)));
    const spectrum = welchPsd(samples, { sampleRateHz: fs, segmentLength: 256, overlap: 128, nfft: 4096 });
    expect(spectrum.segmentCount).toBe(Math.floor((2400 - 256) / 128) + 1);
    expect(bandPower(spectrum, 0.05, 0.15)).toBeCloseTo(450, -1); // within ±5 ms² of 30²/2
    expect(bandPower(spectrum, 0.2, 0.4)).toBeLessThan(0.01);
  });

  it('equals a plain Welch (each segment on its own, a direct 4096-point transform) to rounding, odd segment count included', () => {
    const fs = 4;
    // 100-sample segments fill less than half of their 256-point pair transforms.
    for (const [segmentLength, length] of [
      [256, 768],
      [100, 718],
    ] as const) {
      const step = segmentLength / 2;
      const samples = Float64Array.from({ length }, (_, i) => 25 * Math.sin(0.37 * i) + 10 * Math.cos(0.05 * i) + (i % 7));
      const spectrum = welchPsd(samples, { sampleRateHz: fs, segmentLength, overlap: step, nfft: 4096 });
      const window = periodicHannWindow(segmentLength);
      const energy = window.reduce((sum, w) => sum + w * w, 0);
      const segments = Math.floor((samples.length - segmentLength) / step) + 1;
      expect(segments % 2).toBe(1);
      for (const k of [0, 7, 41, 164, 410, 1000, 2047, 2048]) {
        let power = 0;
        for (let s = 0; s < segments; s++) {
          const frame = samples.subarray(step * s, step * s + segmentLength);
          const mean = frame.reduce((sum, v) => sum + v, 0) / segmentLength;
          let re = 0;
          let im = 0;
          for (let n = 0; n < segmentLength; n++) {
            const value = (frame[n]! - mean) * window[n]!;
            re += value * Math.cos((2 * Math.PI * k * n) / 4096);
            im -= value * Math.sin((2 * Math.PI * k * n) / 4096);
          }
          power += re * re + im * im;
        }
        const expected = ((k === 0 || k === 2048 ? 1 : 2) * power) / (fs * energy * segments);
        expect(Math.abs(spectrum.density[k]! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      }
    }
  });

  it('shrinks the segment to the signal when the signal is shorter, as scipy does', () => {
    const spectrum = welchPsd(new Float64Array(100).map((_, i) => Math.sin(i)), {
      sampleRateHz: 4,
      segmentLength: 256,
      overlap: 128,
      nfft: 4096,
    });
    expect(spectrum.segmentCount).toBe(1);
  });
});

describe('Welch over separate stretches', () => {
  const options = { sampleRateHz: 4, segmentLength: 256, overlap: 128, nfft: 4096 };
  const tone = (length: number, hz: number) => Float64Array.from({ length }, (_, i) => 20 * Math.sin(2 * Math.PI * hz * (i / 4)));

  it('averages the segments of every stretch, none spanning two: a 0.1 Hz stretch and a 0.3 Hz one each keep their share', () => {
    const slow = tone(4 * 300, 0.1); // 8 segments
    const fast = tone(4 * 100, 0.3); // 2 segments
    const pooled = welchPsdOfSignals([slow, fast], options);
    const each = [welchPsd(slow, options), welchPsd(fast, options)];
    expect(pooled.segmentCount).toBe(10);
    pooled.density.forEach((value, k) => {
      const expected = (8 * each[0]!.density[k]! + 2 * each[1]!.density[k]!) / 10;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
    });
    expect(bandPower(pooled, 0.05, 0.15)).toBeCloseTo((200 * 8) / 10, -1);
    expect(bandPower(pooled, 0.25, 0.35)).toBeCloseTo((200 * 2) / 10, -1);
  });

  it('is welchPsd for one signal, and refuses a stretch shorter than a segment beside others', () => {
    const signal = tone(1000, 0.2);
    expect(welchPsdOfSignals([signal], options)).toEqual(welchPsd(signal, options));
    expect(() => welchPsdOfSignals([signal, tone(100, 0.2)], options)).toThrow(RangeError);
  });
});

describe('frequency-domain metrics', () => {
  it('puts a 0.1 Hz rhythm in LF, a 0.25 Hz rhythm in HF and a 0.02 Hz rhythm in VLF', () => {
    const lf = frequencyDomainMetrics(sinusoidalRr(300, 900, 30, 0.1));
    const hf = frequencyDomainMetrics(sinusoidalRr(300, 900, 30, 0.25));
    if (!lf.bands.available || !hf.bands.available) throw new Error('expected bands');
    expect(lf.bands.value.lfNu).toBeGreaterThan(99);
    expect(hf.bands.value.hfNu).toBeGreaterThan(99);
    // The spline and Welch keep the variance of the rhythm: A²/2 = 450 ms².
    expect(lf.bands.value.lfMs2).toBeGreaterThan(400);
    expect(lf.bands.value.lfMs2).toBeLessThan(500);
    expect(hf.bands.value.hfMs2).toBeGreaterThan(400);
    expect(hf.bands.value.hfMs2).toBeLessThan(500);
    const vlf = frequencyDomainMetrics(sinusoidalRr(600, 900, 30, 0.02));
    if (!vlf.vlfMs2.available || !vlf.lfMs2.available) throw new Error('expected VLF');
    expect(vlf.vlfMs2.value).toBeGreaterThan(10 * vlf.lfMs2.value);
  });

  it('reports total = VLF + LF + HF and LF/HF, LFnu, HFnu consistently', () => {
    const rr = sinusoidalRr(300, 850, 20, 0.1).map((v, i) => v + 15 * Math.sin(i * 1.3));
    const metrics = frequencyDomainMetrics(rr);
    if (!metrics.bands.available) throw new Error('expected bands');
    const b = metrics.bands.value;
    expect(b.totalMs2).toBeCloseTo(b.vlfMs2 + b.lfMs2 + b.hfMs2, 9);
    expect(b.lfHf).toBeCloseTo(b.lfMs2 / b.hfMs2, 12);
    expect(b.lfNu + b.hfNu).toBeCloseTo(100, 12);
  });

  it('a constant series has zero band power and undefined ratios, reported as unavailable', () => {
    const metrics = frequencyDomainMetrics(new Array(400).fill(800));
    expect(metrics.hfMs2).toEqual({ available: true, value: 0 });
    expect(metrics.bands.available).toBe(false);
  });

  it('HF needs 60 s and LF 120 s: shorter data gives reasons, never 0 or NaN', () => {
    const fiftySec = frequencyDomainMetrics(sinusoidalRr(50, 800, 20, 0.25));
    expect(fiftySec.hfMs2.available).toBe(false);
    expect(fiftySec.lfMs2.available).toBe(false);
    if (!fiftySec.hfMs2.available) expect(fiftySec.hfMs2.reason).toMatch(/60 s/);

    const ninetySec = frequencyDomainMetrics(sinusoidalRr(90, 800, 20, 0.25));
    expect(ninetySec.hfMs2.available).toBe(true);
    expect(ninetySec.lfMs2.available).toBe(false);
    expect(ninetySec.bands.available).toBe(false);
    if (!ninetySec.lfMs2.available) expect(ninetySec.lfMs2.reason).toMatch(/120 s/);

    expect(frequencyDomainMetrics(sinusoidalRr(130, 800, 20, 0.25)).bands.available).toBe(true);
  });

  it('spectrum bins are 1/1024 Hz apart (4 Hz, nfft 4096)', () => {
    expect(nnPowerSpectrum(sinusoidalRr(200, 800, 20, 0.1)).binWidthHz).toBe(1 / 1024);
  });
});
