// Heart-signal engine benchmarks (keys in `npm run bench`):
// - analyze24hMs: full analysis (cleaning, time, frequency, coherence) of a seeded 24-hour
//   recording (~100,000 beats, realistic variability, 2 % injected artefacts), median of 5.
// - streamPerBeatUs: mean cost per beat of the streaming analyser over the same recording.
// Plain Node 22 type stripping runs this file: erasable TypeScript and .ts imports only.
import { analyzeRecording } from '../../shared/signal/analyze-recording.ts';
import { createStreamingAnalyser } from '../../shared/signal/streaming-analyser.ts';
import { generateRrSeries, injectArtefacts } from '../../shared/signal/synthetic-rr.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function recording24h(): number[] {
  const clean = generateRrSeries({ seed: 24, durationSec: 86_400, meanHrBpm: 70, circadianSwingBpm: 12 });
  return injectArtefacts(clean, { seed: 2024, ratePercent: 2 }).rrMs;
}

export async function run(): Promise<Record<string, number>> {
  const rrMs = recording24h();

  analyzeRecording(rrMs, { clean: true }); // warm-up: JIT and FFT plans
  const analyzeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    analyzeRecording(rrMs, { clean: true });
    analyzeTimes.push(performance.now() - start);
  }

  let tMs = 0;
  const beats = rrMs.map((rr) => ({ tMs: (tMs += rr), rrMs: rr }));
  const streamTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const analyser = createStreamingAnalyser({ clock: { nowMs: () => tMs }, baselineHrBpm: 65 });
    const start = performance.now();
    for (const beat of beats) analyser.push(beat);
    analyser.snapshot();
    streamTimes.push(((performance.now() - start) * 1000) / beats.length);
  }

  return {
    analyze24hBeats: rrMs.length,
    analyze24hMs: Math.round(median(analyzeTimes) * 10) / 10,
    streamPerBeatUs: Math.round(median(streamTimes) * 1000) / 1000,
  };
}
