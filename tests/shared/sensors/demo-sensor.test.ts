import { describe, expect, it } from 'vitest';
import { parseHeartRateMeasurement } from '../../../shared/ble/heart-rate-measurement.ts';
import { createDemoPacketStream, type DemoPacket } from '../../../shared/sensors/demo-packets.ts';
import { createDemoPhysiology, steadyBreathing, type BreathingCue, type DemoScenario } from '../../../shared/sensors/demo-physiology.ts';
import { createMeasurementReader } from '../../../shared/sensors/measurement-reader.ts';
import { createStreamingAnalyser, type StreamingSnapshot } from '../../../shared/signal/streaming-analyser.ts';

// The demo sensor runs on an injected clock: these tests play many minutes of heart in
// milliseconds, and everything goes through the real bytes and the real parser.

const START_MS = 1_700_000_000_000;

function packetsFor(seed: number, scenario: DemoScenario, minutes: number, cue: BreathingCue | null = null): DemoPacket[] {
  const stream = createDemoPacketStream({ seed, scenario, startMs: START_MS });
  stream.setBreathing(cue);
  return stream.advanceTo(START_MS + minutes * 60_000);
}

function hex(packets: readonly DemoPacket[]): string[] {
  return packets.map((packet) => Buffer.from(packet.bytes).toString('hex'));
}

/** Plays packets through the parser and the streaming analyser, as the app does. */
function analyse(packets: readonly DemoPacket[], onSnapshot?: (snapshot: StreamingSnapshot, tMs: number) => void) {
  let now = START_MS;
  const analyser = createStreamingAnalyser({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
  const reader = createMeasurementReader();
  for (const packet of packets) {
    now = packet.tMs;
    const outcome = reader.readBytes(new DataView(packet.bytes.buffer), packet.tMs);
    if (!outcome.ok) throw new Error(outcome.message);
    for (const beat of outcome.measurement.beats) analyser.push(beat);
    onSnapshot?.(analyser.snapshot(), packet.tMs);
  }
  return { analyser, reader };
}

/** Mean peak-to-trough RR swing per breath, from beats that went through the bytes. */
function rsaSwingMs(breathsPerMin: number): number {
  const cue = steadyBreathing(breathsPerMin, START_MS);
  const packets = packetsFor(7, 'calm', 6, cue);
  const reader = createMeasurementReader();
  const byBreath = new Map<number, number[]>();
  for (const packet of packets) {
    const outcome = reader.readBytes(new DataView(packet.bytes.buffer), packet.tMs);
    if (!outcome.ok) throw new Error(outcome.message);
    for (const beat of outcome.measurement.beats) {
      const breath = Math.floor(((beat.tMs - START_MS) * breathsPerMin) / 60000);
      byBreath.set(breath, [...(byBreath.get(breath) ?? []), beat.rrMs]);
    }
  }
  const swings = [...byBreath.values()].slice(1, -1).map((rr) => Math.max(...rr) - Math.min(...rr));
  return swings.reduce((a, b) => a + b, 0) / swings.length;
}

describe('demo sensor', () => {
  it('sends a real Heart Rate Measurement about once a second, every one readable by the strap parser', () => {
    const packets = packetsFor(1, 'calm', 2);
    expect(packets).toHaveLength(120);
    expect(packets[1]!.tMs - packets[0]!.tMs).toBe(1000);
    const parsed = packets.map((p) => parseHeartRateMeasurement(new DataView(p.bytes.buffer)));
    expect(parsed.every((r) => r.ok)).toBe(true);
    const values = parsed.flatMap((r) => (r.ok ? [r.value] : []));
    expect(values.every((v) => v.contact === 'detected')).toBe(true);
    const rrPerPacket = new Set(values.map((v) => v.rrMs.length));
    expect([...rrPerPacket].every((n) => n >= 0 && n <= 3)).toBe(true);
    const allRr = values.flatMap((v) => v.rrMs);
    const meanHr = 60000 / (allRr.reduce((a, b) => a + b, 0) / allRr.length);
    expect(meanHr).toBeGreaterThan(58);
    expect(meanHr).toBeLessThan(74);
  });

  it('gives the same bytes for the same seed, and different bytes for another seed', () => {
    expect(hex(packetsFor(42, 'flooded-then-recovers', 3))).toEqual(hex(packetsFor(42, 'flooded-then-recovers', 3)));
    expect(hex(packetsFor(43, 'flooded-then-recovers', 3))).not.toEqual(hex(packetsFor(42, 'flooded-then-recovers', 3)));
  });

  it('delivers the same packets whether the clock moves in one jump or second by second', () => {
    const stream = createDemoPacketStream({ seed: 5, scenario: 'calm', startMs: START_MS });
    const stepped: DemoPacket[] = [];
    for (let t = START_MS; t <= START_MS + 60_000; t += 250) stepped.push(...stream.advanceTo(t));
    expect(hex(stepped)).toEqual(hex(packetsFor(5, 'calm', 1)));
  });

  it('swings heart rate with the breath more at 6 breaths a minute than at 12', () => {
    const at6 = rsaSwingMs(6);
    const at12 = rsaSwingMs(12);
    expect(at6).toBeGreaterThan(at12 * 1.5);
    expect(at6).toBeGreaterThan(60);
  });

  it('locks the swing to the pacer: longest beats near the start of the in-breath, shortest half a breath later', () => {
    const cue = steadyBreathing(6, START_MS);
    const physiology = createDemoPhysiology({ seed: 3, scenario: 'calm', startMs: START_MS });
    physiology.setBreathing(cue);
    const early: number[] = [];
    const middle: number[] = [];
    for (let i = 0; i < 600; i++) {
      const beat = physiology.nextBeat();
      const phase = cue.phaseAt(beat.tMs - beat.rrMs);
      if (phase < 0.1 || phase > 0.9) early.push(beat.rrMs);
      else if (phase > 0.4 && phase < 0.6) middle.push(beat.rrMs);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(early) - mean(middle)).toBeGreaterThan(60);
  });

  it('plays flooded-then-recovers faster than real time: flooded first, calm minutes later', () => {
    const states: Array<{ tMs: number; state: string }> = [];
    const { analyser } = analyse(packetsFor(11, 'flooded-then-recovers', 12, steadyBreathing(6, START_MS)), (snapshot, tMs) => {
      if (snapshot.state.available) states.push({ tMs, state: snapshot.state.value });
    });
    const firstFlooded = states.find((s) => s.state === 'flooded');
    const firstCalmAfter = states.find((s) => s.state === 'calm' && firstFlooded !== undefined && s.tMs > firstFlooded.tMs);
    expect(firstFlooded).toBeDefined();
    expect(firstFlooded!.tMs - START_MS).toBeLessThan(60_000);
    expect(firstCalmAfter).toBeDefined();
    const calmAfterMin = (firstCalmAfter!.tMs - START_MS) / 60_000;
    expect(calmAfterMin).toBeGreaterThan(2);
    expect(calmAfterMin).toBeLessThan(6);
    const snapshot = analyser.snapshot();
    expect(snapshot.state).toEqual({ available: true, value: 'calm' });
    expect(snapshot.calmDownSec.available).toBe(true);
  });

  it('recovers faster while breathing slowly than while breathing on its own', () => {
    const calmDownSec = (cue: BreathingCue | null) => {
      const snapshot = analyse(packetsFor(11, 'flooded-then-recovers', 15, cue)).analyser.snapshot();
      if (!snapshot.calmDownSec.available) throw new Error(snapshot.calmDownSec.reason);
      return snapshot.calmDownSec.value;
    };
    const slow = calmDownSec(steadyBreathing(6, START_MS));
    const unpaced = calmDownSec(null);
    expect(slow).toBeLessThan(unpaced * 0.7);
  });

  it('stays elevated in the elevated scenario and calm in the calm one', () => {
    const last = (scenario: DemoScenario) => analyse(packetsFor(21, scenario, 3)).analyser.snapshot().state;
    expect(last('elevated')).toEqual({ available: true, value: 'elevated' });
    expect(last('calm')).toEqual({ available: true, value: 'calm' });
  });

  it('now and then sends an ectopic beat, which the live filter corrects', () => {
    const physiology = createDemoPhysiology({ seed: 9, scenario: 'calm', startMs: START_MS });
    let ectopic = 0;
    for (let i = 0; i < 5000; i++) if (physiology.nextBeat().ectopic) ectopic += 1;
    expect(ectopic).toBeGreaterThan(5);
    expect(ectopic).toBeLessThan(60);
    const quality = analyse(packetsFor(9, 'calm', 20)).analyser.snapshot().quality;
    expect(quality.corrected).toBeGreaterThan(0);
    expect(quality.correctedPercent).toBeLessThan(5);
  });
});
