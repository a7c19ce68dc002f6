// Heart-signal engine benchmarks (keys in `npm run bench`):
// - analyze24hMs: full analysis (cleaning, time, frequency, coherence) of a seeded 24-hour
//   recording (~100,000 beats, realistic variability, 2 % injected artefacts), median of 5
//   once V8 has optimised it (after 6 runs).
// - analyze24hFirstMs: the first analysis in this process, before V8 has optimised anything:
//   what opening one recording costs.
// - analyze24hCleanMs, …CoherenceMs, …FrequencyMs, …TimeMs: its parts, each on its own (the
//   cleaning on the raw beats, the rest on the cleaned ones), median of 5 likewise, so a
//   change can be traced to the part it sped up.
// - streamPerBeatUs: mean cost per beat of the streaming analyser over the same recording.
// Plain Node 22 type stripping runs this file: erasable TypeScript and .ts imports only.
import { analyzeRecording } from '../../shared/signal/analyze-recording.ts';
import { cleanRrSeries } from '../../shared/signal/artefact-correction.ts';
import { recordingCoherence } from '../../shared/signal/coherence.ts';
import { frequencyDomainMetrics } from '../../shared/signal/frequency-domain.ts';
import { poincareMetrics, timeDomainMetrics } from '../../shared/signal/time-domain.ts';
import { createStreamingAnalyser } from '../../shared/signal/streaming-analyser.ts';
import { generateRrSeries, injectArtefacts } from '../../shared/signal/synthetic-rr.ts';
import { median, medianMs } from './timing.ts';

export function recording24h(): number[] {
  const clean = generateRrSeries({ seed: 24, durationSec: 86_400, meanHrBpm: 70, circadianSwingBpm: 12 });
  return injectArtefacts(clean, { seed: 2024, ratePercent: 2 }).rrMs;
}

/** Runs before timing (the first included), by which V8 has optimised a day's analysis. */
const WARM_UPS = 5;

export async function run(): Promise<Record<string, number>> {
  const rrMs = recording24h();

  const firstStart = performance.now();
  analyzeRecording(rrMs, { clean: true });
  const firstMs = Math.round((performance.now() - firstStart) * 10) / 10;
  const analyzeMs = medianMs(() => analyzeRecording(rrMs, { clean: true }), WARM_UPS);
  const nnMs = cleanRrSeries(rrMs).nnMs;
  const parts = {
    analyze24hCleanMs: medianMs(() => cleanRrSeries(rrMs), WARM_UPS),
    analyze24hCoherenceMs: medianMs(() => recordingCoherence(nnMs), WARM_UPS),
    analyze24hFrequencyMs: medianMs(() => frequencyDomainMetrics(nnMs), WARM_UPS),
    analyze24hTimeMs: medianMs(() => [timeDomainMetrics(nnMs), poincareMetrics(nnMs)], WARM_UPS),
  };

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
    analyze24hMs: analyzeMs,
    analyze24hFirstMs: firstMs,
    ...parts,
    streamPerBeatUs: Math.round(median(streamTimes) * 1000) / 1000,
  };
}
