// parsePacketsPerSec: Heart Rate Measurement values parsed per second (goal ≥ 2,000,000).
// The mix mirrors what straps send: mostly Polar-style 0x10 and 0x16 packets with 0–3 RR,
// some uint16 heart rates and Energy Expended, HR-only optical packets, and a few malformed
// values, so the error path is part of the figure too.
import {
  encodeHeartRateMeasurement,
  parseHeartRateMeasurement,
} from '../../shared/ble/heart-rate-measurement.ts';

const PACKET_KINDS = 1024;
const PACKETS_PER_RUN = 2_000_000;
const RUNS = 7;

function buildPacketMix(): DataView[] {
  let seed = 12345;
  const random = (): number => {
    // Deterministic LCG so every run measures the same mix.
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rr = (count: number): number[] => Array.from({ length: count }, () => 600 + random() * 500);
  const packets: DataView[] = [];
  for (let index = 0; index < PACKET_KINDS; index += 1) {
    const roll = random();
    const bpm = 55 + Math.floor(random() * 60);
    let bytes: Uint8Array;
    if (roll < 0.45) bytes = encodeHeartRateMeasurement({ bpm, rrMs: rr(Math.floor(random() * 3)) });
    else if (roll < 0.8) bytes = encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs: rr(1 + Math.floor(random() * 3)) });
    else if (roll < 0.9) bytes = encodeHeartRateMeasurement({ bpm, heartRateFormat: 'uint16', energyExpendedKj: index, rrMs: rr(2) });
    else if (roll < 0.98) bytes = encodeHeartRateMeasurement({ bpm, contact: 'not-detected' });
    else bytes = Uint8Array.of(0x10, bpm, 0x01); // odd trailing byte
    packets.push(new DataView(bytes.buffer));
  }
  return packets;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function run(): Promise<Record<string, number>> {
  const packets = buildPacketMix();
  let checksum = 0; // consumed below so the work cannot be optimised away
  const parseAll = (count: number): void => {
    for (let index = 0; index < count; index += 1) {
      const result = parseHeartRateMeasurement(packets[index & (PACKET_KINDS - 1)] as DataView);
      checksum += result.ok ? result.value.rrMs.length + result.value.bpm : 1;
    }
  };
  parseAll(PACKETS_PER_RUN / 4); // warm-up: let the JIT settle before timing
  const rates: number[] = [];
  for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
    const start = performance.now();
    parseAll(PACKETS_PER_RUN);
    const elapsedSec = (performance.now() - start) / 1000;
    rates.push(PACKETS_PER_RUN / elapsedSec);
  }
  if (checksum === 0) throw new Error('benchmark parsed nothing');
  return { parsePacketsPerSec: Math.round(median(rates)) };
}
