// The demo sensor as a source: the simulated heart of shared/sensors sends Heart Rate
// Measurement bytes once a second, and they go through the same parser as a strap's. Its
// label says "demo" everywhere, and sessions record it as a demo.

import { createDemoPacketStream, DEMO_PACKET_INTERVAL_MS, type DemoPacketStream } from '../../shared/sensors/demo-packets.ts';
import type { DemoScenario } from '../../shared/sensors/demo-physiology.ts';
import type { HeartRateSource } from './heart-rate-source.ts';
import type { Scheduler, TimerHandle } from './scheduler.ts';
import { createSourceCore, playedSourceParts } from './source-core.ts';

export type DemoSourceOptions = {
  scheduler: Scheduler;
  scenario: DemoScenario;
  seed?: number;
  /** Plays a watch-like sensor: heart rate without beat intervals. */
  heartRateOnly?: boolean;
};

export const DEMO_SCENARIO_LABELS: Record<DemoScenario, string> = {
  calm: 'Calm',
  elevated: 'Stirred up',
  'flooded-then-recovers': 'Flooded, then settling',
};

export function createDemoSource({ scheduler, scenario, seed, heartRateOnly = false }: DemoSourceOptions): HeartRateSource {
  const core = createSourceCore();
  let stream: DemoPacketStream | null = null;
  let timer: TimerHandle | null = null;
  let cue: Parameters<HeartRateSource['followBreathing']>[0] = null;

  const tick = (): void => {
    timer = null;
    if (stream === null) return;
    for (const packet of stream.advanceTo(scheduler.nowMs())) {
      core.readBytes(new DataView(packet.bytes.buffer, packet.bytes.byteOffset, packet.bytes.byteLength), packet.tMs);
    }
    timer = scheduler.setTimeout(tick, DEMO_PACKET_INTERVAL_MS);
  };

  const start = async (): Promise<void> => {
    if (stream !== null) return;
    core.setStatus({ phase: 'connecting' });
    stream = createDemoPacketStream({ seed: seed ?? Math.floor(Math.random() * 2 ** 31), scenario, startMs: scheduler.nowMs(), heartRateOnly });
    stream.setBreathing(cue);
    core.setStatus({ phase: 'connected' });
    timer = scheduler.setTimeout(tick, DEMO_PACKET_INTERVAL_MS);
  };

  return {
    kind: 'demo',
    label: `Demo sensor (simulated): ${DEMO_SCENARIO_LABELS[scenario]}${heartRateOnly ? ', heart rate only' : ''}`,
    clock: { nowMs: () => scheduler.nowMs() },
    ...playedSourceParts(core, {
      start,
      stop() {
        if (timer !== null) scheduler.clearTimeout(timer);
        timer = null;
        stream = null;
      },
    }),
    // The demo's heart runs on the scheduler's clock; after a sleep it simply carries on.
    wake: () => {},
    followBreathing(next) {
      cue = next;
      stream?.setBreathing(next);
    },
  };
}
