// What the three sources share: the status, the events and the measurement reader. Each
// source keeps its own device logic and hands bytes or packets here.

import type { HeartRateMeasurement } from '../../shared/ble/heart-rate-measurement.ts';
import { createMeasurementReader, type SourceQuality } from '../../shared/sensors/measurement-reader.ts';
import { createEmitter } from './emitter.ts';
import type { HeartRateSource, SourceEvents, SourceStatus } from './heart-rate-source.ts';

export type SourceCore = {
  readonly on: HeartRateSource['on'];
  status(): SourceStatus;
  setStatus(status: SourceStatus): void;
  quality(): SourceQuality;
  readBytes(data: DataView, arrivalMs: number): void;
  readPacket(packet: HeartRateMeasurement, arrivalMs: number): void;
  emitBattery(percent: number): void;
  listenerCount(): number;
};

export function createSourceCore(): SourceCore {
  const emitter = createEmitter<SourceEvents>();
  const reader = createMeasurementReader();
  let status: SourceStatus = { phase: 'idle' };
  return {
    on: emitter.on,
    status: () => status,
    setStatus(next) {
      status = next;
      emitter.emit('status', next);
    },
    quality: () => reader.quality(),
    readBytes(data, arrivalMs) {
      const outcome = reader.readBytes(data, arrivalMs);
      if (outcome.ok) emitter.emit('measurement', outcome.measurement);
      else emitter.emit('malformed', { code: outcome.code, message: outcome.message, arrivalMs });
    },
    readPacket(packet, arrivalMs) {
      emitter.emit('measurement', reader.readPacket(packet, arrivalMs));
    },
    emitBattery: (percent) => emitter.emit('battery', percent),
    listenerCount: emitter.listenerCount,
  };
}

type PlayedSourceParts = Pick<HeartRateSource, 'status' | 'quality' | 'batteryPercent' | 'sensorLocation' | 'connect' | 'reconnect' | 'disconnect' | 'on'>;

/**
 * What the sources played on this computer (the demo, a replay) have in common: no battery,
 * no sensor location, connecting and reconnecting both start playing, and disconnecting stops
 * the playback (`stop` clears the source's own timer and state) and goes back to idle.
 */
export function playedSourceParts(core: SourceCore, controls: { start: () => Promise<void>; stop: () => void }): PlayedSourceParts {
  return {
    status: core.status,
    quality: core.quality,
    batteryPercent: () => null,
    sensorLocation: () => null,
    connect: controls.start,
    reconnect: controls.start,
    async disconnect() {
      controls.stop();
      core.setStatus({ phase: 'idle' });
    },
    on: core.on,
  };
}
