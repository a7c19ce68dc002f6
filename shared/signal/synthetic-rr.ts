// Seeded synthetic RR series: for tests, benchmarks and (later) the demo sensor. Everything is
// reproducible from a seed, so a failing property or a benchmark figure can be replayed.

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for simulation, not for cryptography. */
export type SeededRandom = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
};

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    between: (low, high) => low + (high - low) * next(),
  };
}

export type SyntheticRrOptions = {
  readonly seed: number;
  readonly durationSec: number;
  readonly meanHrBpm?: number;
  /** Breathing rate; respiratory sinus arrhythmia appears at this frequency. */
  readonly breathingHz?: number;
  readonly rsaAmplitudeMs?: number;
  /** Mayer-wave (baroreflex, ~0.1 Hz) amplitude. */
  readonly mayerAmplitudeMs?: number;
  /** Beat-to-beat white noise, standard deviation. */
  readonly noiseMs?: number;
  /** Standard deviation of the slow random drift of the mean RR (AR(1) per beat). */
  readonly driftMs?: number;
  /** Day/night swing of heart rate in bpm (24-hour period, lowest at night); 0 for none. */
  readonly circadianSwingBpm?: number;
};

const DAY_SEC = 86_400;

/** Physiologically shaped RR series (ms) covering durationSec. */
export function generateRrSeries(options: SyntheticRrOptions): number[] {
  const random = createSeededRandom(options.seed);
  const meanHrBpm = options.meanHrBpm ?? 65;
  const breathingHz = options.breathingHz ?? 0.25;
  const rsaAmplitudeMs = options.rsaAmplitudeMs ?? 25;
  const mayerAmplitudeMs = options.mayerAmplitudeMs ?? 15;
  const noiseMs = options.noiseMs ?? 8;
  const driftMs = options.driftMs ?? 40;
  const circadianSwingBpm = options.circadianSwingBpm ?? 0;
  const mayerPhase = random.between(0, 2 * Math.PI);
  // AR(1) with coefficient 0.995 (time constant ~200 beats) and stationary SD = driftMs.
  const driftCoefficient = 0.995;
  const driftInnovation = driftMs * Math.sqrt(1 - driftCoefficient * driftCoefficient);
  let drift = random.normal() * driftMs;

  const rrMs: number[] = [];
  let tSec = 0;
  while (tSec < options.durationSec) {
    const hrBpm = meanHrBpm - circadianSwingBpm * Math.cos((2 * Math.PI * (tSec - 4 * 3600)) / DAY_SEC);
    drift = driftCoefficient * drift + driftInnovation * random.normal();
    const rr =
      60000 / hrBpm +
      rsaAmplitudeMs * Math.sin(2 * Math.PI * breathingHz * tSec) +
      mayerAmplitudeMs * Math.sin(2 * Math.PI * 0.1 * tSec + mayerPhase) +
      drift +
      noiseMs * random.normal();
    const clamped = Math.min(1700, Math.max(380, rr));
    rrMs.push(clamped);
    tSec += clamped / 1000;
  }
  return rrMs;
}

export type InjectedArtefactKind = 'missed' | 'extra' | 'ectopic' | 'spike';
export type InjectedArtefact = { readonly index: number; readonly kind: InjectedArtefactKind };

export type InjectionOptions = {
  readonly seed: number;
  /** Share of beats that become artefacts, percent. */
  readonly ratePercent: number;
  readonly kinds?: readonly InjectedArtefactKind[];
  /** Minimum ordinary beats between two artefacts. */
  readonly minSpacingBeats?: number;
};

/**
 * Corrupts a clean series the way sensors do: a missed beat (two intervals merged), an extra
 * detection (one interval split), a premature ectopic beat (short then compensatory long) or a
 * spike (one value replaced by junk, possibly out of range). Returns the corrupted series and
 * where each artefact starts in it.
 */
export function injectArtefacts(
  cleanRrMs: readonly number[],
  options: InjectionOptions,
): { rrMs: number[]; injected: InjectedArtefact[] } {
  const random = createSeededRandom(options.seed);
  const kinds = options.kinds ?? ['missed', 'extra', 'ectopic', 'spike'];
  const spacing = options.minSpacingBeats ?? 6;
  const probability = options.ratePercent / 100;
  const rrMs: number[] = [];
  const injected: InjectedArtefact[] = [];
  let sinceLast = spacing;
  for (let i = 0; i < cleanRrMs.length; i++) {
    const rr = cleanRrMs[i]!;
    const next = cleanRrMs[i + 1];
    // Keep the first and last few beats clean: every detector needs some context.
    const eligible = sinceLast >= spacing && i >= 3 && i < cleanRrMs.length - 4 && next !== undefined;
    if (!eligible || random.next() >= probability * (1 + 1 / spacing)) {
      rrMs.push(rr);
      sinceLast++;
      continue;
    }
    const kind = kinds[Math.floor(random.next() * kinds.length)]!;
    injected.push({ index: rrMs.length, kind });
    sinceLast = 0;
    if (kind === 'missed') {
      rrMs.push(rr + next);
      i++;
    } else if (kind === 'extra') {
      const fraction = random.between(0.25, 0.5);
      rrMs.push(rr * fraction, rr * (1 - fraction));
    } else if (kind === 'ectopic') {
      const prematurity = random.between(0.6, 0.75);
      rrMs.push(rr * prematurity, next + rr * (1 - prematurity));
      i++;
    } else {
      const choice = random.next();
      rrMs.push(choice < 0.25 ? 2600 : choice < 0.5 ? 180 : choice < 0.75 ? rr * random.between(1.5, 1.8) : rr * random.between(0.4, 0.6));
    }
  }
  return { rrMs, injected };
}
