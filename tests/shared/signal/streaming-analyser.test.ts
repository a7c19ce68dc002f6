import { describe, expect, it } from 'vitest';
import { forEachCoherenceWindow } from '../../../shared/signal/coherence.ts';
import { LIVE_DELAY_BEATS, liveCleanBeats } from '../../../shared/signal/live-beat-filter.ts';
import { createStreamingAnalyser, type Beat, type StreamingSnapshot } from '../../../shared/signal/streaming-analyser.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';
import { meanBeatwiseHrBpm, rmssdMs } from '../../../shared/signal/time-domain.ts';

function beatsFrom(rrMs: readonly number[], startMs = 1_000_000): Beat[] {
  let tMs = startMs;
  return rrMs.map((rr) => {
    tMs += rr;
    return { tMs, rrMs: rr };
  });
}

function manualClock(): { nowMs(): number; set(ms: number): void } {
  let now = 0;
  return { nowMs: () => now, set: (ms) => (now = ms) };
}

function value<T>(measurement: { available: true; value: T } | { available: false; reason: string }): T {
  if (!measurement.available) throw new Error(`unavailable: ${measurement.reason}`);
  return measurement.value;
}

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('streaming analyser equals the batch functions on the same beats', () => {
  const rr = generateRrSeries({ seed: 3, durationSec: 400 });
  const beats = beatsFrom(rr);

  it('live HR (10 s), rolling RMSSD (60 s) and coherence after every beat', () => {
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm: 65 });
    const times = beats.map((b) => b.tMs);
    const coherenceByEnd = new Map<number, number>();
    forEachCoherenceWindow(times, rr, (end, reading) => coherenceByEnd.set(end, reading.available ? reading.value.ratio : Number.NaN));
    let coherenceChecks = 0;
    let lastCoherence: StreamingSnapshot['coherence'] | null = null;
    beats.forEach((beat, i) => {
      analyser.push(beat);
      clock.set(beat.tMs);
      const snapshot = analyser.snapshot();
      // The live filter judges a beat once the beats after it are in: the figures run
      // LIVE_DELAY_BEATS behind the newest beat.
      if (i < LIVE_DELAY_BEATS) {
        expect(snapshot.analysedUntilMs).toBeNull();
        return;
      }
      const untilMs = beats[i - LIVE_DELAY_BEATS]!.tMs;
      expect(snapshot.analysedUntilMs).toBe(untilMs);
      const inHrWindow = rr.filter((_, j) => beats[j]!.tMs <= untilMs && beats[j]!.tMs > untilMs - 10_000);
      expect(relative(value(snapshot.liveHrBpm), meanBeatwiseHrBpm(inHrWindow))).toBeLessThan(1e-12);
      const inRmssdWindow = rr.filter((_, j) => beats[j]!.tMs <= untilMs && beats[j]!.tMs > untilMs - 60_000);
      if (snapshot.rmssdMs.available) {
        expect(relative(snapshot.rmssdMs.value, rmssdMs(inRmssdWindow))).toBeLessThan(1e-9);
      } else {
        expect(untilMs - beats[0]!.tMs).toBeLessThan(30_000);
      }
      if (snapshot.coherence !== lastCoherence && snapshot.coherence.available) {
        // A new window was computed: it must be the batch window that this beat closed.
        const end = [...coherenceByEnd.keys()].filter((e) => e <= untilMs).at(-1)!;
        expect(snapshot.coherence.value.ratio).toBe(coherenceByEnd.get(end));
        coherenceChecks++;
      }
      lastCoherence = snapshot.coherence;
    });
    // The windows closed by the last few beats come with finish(), which judges the held beats.
    analyser.finish();
    const final = analyser.snapshot();
    expect(final.analysedUntilMs).toBe(beats.at(-1)!.tMs);
    expect(value(final.coherence).ratio).toBe([...coherenceByEnd.values()].at(-1));
    expect(coherenceChecks).toBeGreaterThanOrEqual(coherenceByEnd.size - 2);
  });

  it('with artefacts, equals the batch functions on the live-cleaned beats', () => {
    const { rrMs: noisy } = injectArtefacts(rr, { seed: 9, ratePercent: 3 });
    const noisyBeats = beatsFrom(noisy);
    const cleaned = liveCleanBeats(noisyBeats);
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm: 65 });
    for (const beat of noisyBeats) analyser.push(beat);
    analyser.finish();
    clock.set(noisyBeats.at(-1)!.tMs);
    const snapshot = analyser.snapshot();
    const lastT = cleaned.beats.at(-1)!.tMs;
    const hrWindow = cleaned.beats.filter((b) => b.tMs > lastT - 10_000).map((b) => b.nnMs);
    const rmssdWindow = cleaned.beats.filter((b) => b.tMs > lastT - 60_000).map((b) => b.nnMs);
    expect(relative(value(snapshot.liveHrBpm), meanBeatwiseHrBpm(hrWindow))).toBeLessThan(1e-12);
    expect(relative(value(snapshot.rmssdMs), rmssdMs(rmssdWindow))).toBeLessThan(1e-9);
    expect(snapshot.quality.corrected).toBe(cleaned.counts.corrected);
    expect(snapshot.quality.outOfRange).toBe(cleaned.counts.outOfRange);
    expect(snapshot.beats).toBe(cleaned.beats.length);
    // The live filter keeps RMSSD near the clean value even before the recording is cleaned.
    expect(relative(value(snapshot.rmssdMs), rmssdMs(rr.slice(-rmssdWindow.length)))).toBeLessThan(0.05);
  });
});

describe('regulation state and sustain rules', () => {
  /** Beats at a constant HR for a duration, continuing from the last beat time. */
  function constantHr(bpm: number, seconds: number, fromMs: number): Beat[] {
    const rr = 60000 / bpm;
    const count = Math.round((seconds * 1000) / rr);
    return Array.from({ length: count }, (_, i) => ({ tMs: fromMs + (i + 1) * rr, rrMs: rr }));
  }

  function run(beats: Beat[], baselineHrBpm: number | null = 60) {
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm });
    // The state of each analysed beat, by its own time (the live filter runs a few beats
    // behind; these rhythms have no artefacts, so each push analyses one beat).
    const states: { tMs: number; state: string }[] = [];
    for (const beat of beats) {
      analyser.push(beat);
      clock.set(beat.tMs);
      const snapshot = analyser.snapshot();
      if (snapshot.analysedUntilMs === null) continue;
      states.push({ tMs: snapshot.analysedUntilMs, state: snapshot.state.available ? snapshot.state.value : 'unavailable' });
    }
    return { analyser, states, clock };
  }

  it('is calm exactly when live HR has been ≤ baseline + 5 for 30 s', () => {
    // 60 bpm = one beat per second from t = 1 s: the calm condition holds from the first beat.
    const { states } = run(constantHr(60, 40, 0));
    const firstCalm = states.find((s) => s.state === 'calm')!;
    expect(firstCalm.tMs).toBe(31_000); // 30 s after the first beat at 1 s
    expect(states.filter((s) => s.tMs < 31_000).every((s) => s.state === 'unavailable')).toBe(true);
  });

  /** Beats whose HR moves linearly from one rate to another over a duration (as real hearts do). */
  function ramp(fromBpm: number, toBpm: number, seconds: number, fromMs: number): Beat[] {
    const beats: Beat[] = [];
    let tMs = fromMs;
    while (tMs - fromMs < seconds * 1000) {
      const bpm = fromBpm + ((toBpm - fromBpm) * (tMs - fromMs)) / (seconds * 1000);
      const rr = 60000 / bpm;
      tMs += rr;
      beats.push({ tMs, rrMs: rr });
    }
    return beats;
  }

  /** The batch live HR at each beat, from the live-cleaned beats. */
  function batchLiveHr(beats: Beat[]): { tMs: number; hr: number }[] {
    const cleaned = liveCleanBeats(beats).beats;
    return cleaned.map((beat, i) => ({
      tMs: beat.tMs,
      hr: meanBeatwiseHrBpm(cleaned.slice(0, i + 1).filter((b) => b.tMs > beat.tMs - 10_000).map((b) => b.nnMs)),
    }));
  }

  it('is flooded exactly when live HR has been ≥ max(100, baseline × 1.1) for 30 s, not a beat earlier', () => {
    const calmPart = constantHr(60, 40, 0);
    const rising = ramp(60, 120, 20, calmPart.at(-1)!.tMs);
    const fast = constantHr(120, 60, rising.at(-1)!.tMs);
    const all = [...calmPart, ...rising, ...fast];
    const { states } = run(all);
    const liveHr = batchLiveHr(all);
    const firstAbove = liveHr.find((b) => b.hr >= 100)!;
    const expected = liveHr.find((b) => b.tMs - firstAbove.tMs >= 30_000)!;
    const firstFlooded = states.find((s) => s.state === 'flooded')!;
    expect(firstFlooded.tMs).toBe(expected.tMs);
    expect(states[states.indexOf(firstFlooded) - 1]!.state).toBe('elevated');
    // The beat just before the boundary is 30 s minus one beat into the stretch.
    expect(firstFlooded.tMs - firstAbove.tMs).toBeLessThan(30_000 + 500);
  });

  it('uses the 100 bpm floor with a low baseline and baseline × 1.1 with a high one', () => {
    const at105 = constantHr(105, 45, 0);
    expect(run(at105, 60).states.at(-1)!.state).toBe('flooded');
    expect(run(at105, 97).states.at(-1)!.state).toBe('elevated'); // line 106.7
  });

  it('measures calm-down time from the peak to the start of the first calm stretch after it', () => {
    const calm = constantHr(60, 40, 0);
    const rising = ramp(60, 120, 20, calm.at(-1)!.tMs);
    const fast = constantHr(120, 40, rising.at(-1)!.tMs);
    const falling = ramp(120, 60, 40, fast.at(-1)!.tMs);
    const recovery = constantHr(60, 60, falling.at(-1)!.tMs);
    const all = [...calm, ...rising, ...fast, ...falling, ...recovery];
    const { analyser, states } = run(all);
    const snapshot = analyser.snapshot();
    const liveHr = batchLiveHr(all);
    const peak = liveHr.reduce((best, b) => (b.hr > best.hr ? b : best));
    expect(snapshot.peak!.tMs).toBe(peak.tMs);
    expect(snapshot.peak!.hrBpm).toBeCloseTo(peak.hr, 9);
    const calmStart = liveHr.find((b) => b.tMs > peak.tMs && b.hr <= 65)!;
    expect(value(snapshot.calmDownSec)).toBeCloseTo((calmStart.tMs - peak.tMs) / 1000, 9);
    // …and calm is declared exactly 30 s after that start.
    const calmAgain = states.find((s) => s.tMs > peak.tMs && s.state === 'calm')!;
    expect(calmAgain.tMs).toBe(liveHr.find((b) => b.tMs - calmStart.tMs >= 30_000)!.tMs);
  });

  it('without a baseline only flooding (≥ 100 bpm) can be judged', () => {
    expect(run(constantHr(60, 40, 0), null).states.at(-1)!.state).toBe('unavailable');
    expect(run(constantHr(110, 40, 0), null).states.at(-1)!.state).toBe('flooded');
  });
});

describe('signal quality', () => {
  it('takes no difference across lost beats and finds no rhythm in a window that spans them', () => {
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm: 60 });
    const pushed: Beat[] = [];
    let tMs = 0;
    const push = (rrMs: number) => {
      const beat = { tMs: (tMs += rrMs), rrMs };
      pushed.push(beat);
      analyser.push(beat);
    };
    // 0.1 Hz breathing swings of ±50 ms around 1000 ms for 100 s.
    const swing = (atMs: number) => 1000 + 50 * Math.sin((2 * Math.PI * atMs) / 10_000);
    for (let i = 0; i < 100; i++) push(swing(tMs));
    clock.set(tMs);
    expect(analyser.snapshot().coherence.available).toBe(true);
    // 20 s of beats lost, then 20 steady beats, the first 100 ms shorter than the last before.
    const gapAt = pushed.length;
    tMs += 20_000;
    push(pushed.at(-1)!.rrMs - 100);
    for (let i = 0; i < 19; i++) push(pushed.at(-1)!.rrMs);
    clock.set(tMs);
    const after = analyser.snapshot();
    expect(after.quality.gaps).toBe(1);
    // RMSSD over the last 60 s from successive beats only: the 100 ms step across the gap is
    // not a difference between neighbouring beats.
    const untilMs = after.analysedUntilMs!;
    const inWindow = pushed.map((beat, i) => ({ ...beat, i })).filter((beat) => beat.tMs <= untilMs && beat.tMs > untilMs - 60_000);
    const differences = inWindow.slice(1).filter((beat) => beat.i !== gapAt).map((beat) => beat.rrMs - pushed[beat.i - 1]!.rrMs);
    const expected = Math.sqrt(differences.reduce((sum, d) => sum + d * d, 0) / differences.length);
    expect(value(after.rmssdMs)).toBeCloseTo(expected, 6);
    expect(after.coherence).toMatchObject({ available: false, reason: expect.stringMatching(/beats were lost/) });
    // After a whole unbroken window the rhythm can be judged again.
    for (let i = 0; i < 70; i++) push(swing(tMs));
    clock.set(tMs);
    expect(analyser.snapshot().coherence.available).toBe(true);
  });

  it('does not call a spike a gap: its interval took its time on the strap', () => {
    const analyser = createStreamingAnalyser({ clock: manualClock(), baselineHrBpm: 60 });
    let tMs = 0;
    for (let i = 0; i < 30; i++) analyser.push({ tMs: (tMs += 1000), rrMs: 1000 });
    for (const spike of [2600, 180, 2400]) {
      analyser.push({ tMs: (tMs += spike), rrMs: spike });
      for (let i = 0; i < 10; i++) analyser.push({ tMs: (tMs += 1000), rrMs: 1000 });
    }
    // Each is judged an artefact and replaced from its neighbours, never read as lost beats.
    expect(analyser.snapshot().quality).toMatchObject({ corrected: 3, gaps: 0, gapSec: 0 });
  });

  it('counts corrected beats and gaps, and goes stale when the clock says beats stopped', () => {
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm: 60 });
    expect(analyser.snapshot().liveHrBpm.available).toBe(false);
    let tMs = 0;
    for (let i = 0; i < 50; i++) analyser.push({ tMs: (tMs += 1000), rrMs: 1000 });
    analyser.push({ tMs: (tMs += 150), rrMs: 150 }); // out of range
    tMs += 10_000; // ten seconds lost
    analyser.push({ tMs: (tMs += 1000), rrMs: 1000 });
    clock.set(tMs + 1000);
    let snapshot = analyser.snapshot();
    expect(snapshot.quality).toMatchObject({ received: 52, corrected: 1, outOfRange: 1, gaps: 1, receiving: true });
    // The dropped 150 ms interval took its own time; only the ten seconds are lost.
    expect(snapshot.quality.gapSec).toBeCloseTo(10, 9);
    expect(snapshot.liveHrBpm.available).toBe(true);
    clock.set(tMs + 8000);
    snapshot = analyser.snapshot();
    expect(snapshot.quality.receiving).toBe(false);
    expect(snapshot.liveHrBpm.available).toBe(false);
    if (!snapshot.liveHrBpm.available) expect(snapshot.liveHrBpm.reason).toMatch(/strap/);
  });

  it('splits a missed beat in two and replaces a spike from its neighbours, a few beats behind', () => {
    const clock = manualClock();
    const analyser = createStreamingAnalyser({ clock, baselineHrBpm: 60 });
    let tMs = 0;
    const swing = (i: number) => 1000 + 40 * Math.sin(i / 2);
    for (let i = 0; i < 20; i++) analyser.push({ tMs: (tMs += swing(i)), rrMs: swing(i) });
    analyser.push({ tMs: (tMs += 2000), rrMs: 2000 });
    for (let i = 20; i < 30; i++) analyser.push({ tMs: (tMs += swing(i)), rrMs: swing(i) });
    analyser.push({ tMs: (tMs += 1000), rrMs: 1600 });
    for (let i = 30; i < 30 + LIVE_DELAY_BEATS; i++) analyser.push({ tMs: (tMs += swing(i)), rrMs: swing(i) });
    clock.set(tMs);
    const snapshot = analyser.snapshot();
    // 30 beats, the missed one as two, the spike as one: all 33 analysed once the 7 after are in.
    expect(snapshot.beats).toBe(33);
    expect(snapshot.quality.corrected).toBe(2);
    expect(value(snapshot.liveHrBpm)).toBeGreaterThan(58);
    expect(value(snapshot.liveHrBpm)).toBeLessThan(62);
  });
});
