/// <reference types="web-bluetooth" />
// A Bluetooth LE heart-rate strap through Web Bluetooth. Hand-written because no maintained
// library does what Attune needs here: reconnect with back-off that fetches the service and
// characteristic again (GATT handles are invalid after a reconnect), keeps the same session
// with the gap recorded, and never lets a malformed packet or a flaky strap break the app.
//
// Any strap with the standard Heart Rate Service works; we never match on names. Body Sensor
// Location and battery are read when the strap has them and silently skipped when not.
//
// Lifecycle: connect() asks the user to choose (the chooser is ours, in main), connects and
// subscribes. A `gattserverdisconnected` we did not cause starts reconnecting after 1, 2, 4 …
// seconds (capped), up to maxAttempts; then the status is 'lost' with a clear message, and
// reconnect() (a button) starts again. disconnect() stops everything and removes every
// listener it added, so a hundred drops leave no trace.

import { bodySensorLocationFromCode, type BodySensorLocation } from '../../shared/ble/body-sensor-location.ts';
import {
  BATTERY_LEVEL_UUID,
  BATTERY_SERVICE_UUID,
  BODY_SENSOR_LOCATION_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  HEART_RATE_MEASUREMENT_UUID,
  HEART_RATE_SERVICE_UUID,
} from '../../shared/ble/gatt-uuids.ts';
import { describeBluetoothError } from './bluetooth-errors.ts';
import type { HeartRateSource } from './heart-rate-source.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type Backoff } from './reconnect-backoff.ts';
import type { Scheduler, TimerHandle } from './scheduler.ts';
import { createSourceCore } from './source-core.ts';

export type BluetoothSourceOptions = {
  /** navigator.bluetooth; undefined where the browser has none. */
  bluetooth: Bluetooth | undefined;
  scheduler: Scheduler;
  backoff?: Partial<Backoff>;
  /** Called just before requestDevice, e.g. to tell main's chooser what kind of request comes. */
  beforeRequest?: () => Promise<void>;
  /** Called once a strap is connected for the first time (main remembers it). */
  onFirstConnected?: (name: string) => void;
};

export type BluetoothSource = HeartRateSource & {
  /** Reconnect attempts that succeeded since connect(). */
  reconnections(): number;
};

export function createBluetoothSource(options: BluetoothSourceOptions): BluetoothSource {
  const { bluetooth, scheduler } = options;
  const backoff: Backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const core = createSourceCore();

  let device: BluetoothDevice | null = null;
  let characteristic: BluetoothRemoteGATTCharacteristic | null = null;
  let batteryCharacteristic: BluetoothRemoteGATTCharacteristic | null = null;
  let battery: number | null = null;
  let location: BodySensorLocation | null = null;
  // Bumped whenever the user connects or disconnects: late answers from an older link are ignored.
  let generation = 0;
  let retryTimer: TimerHandle | null = null;
  let attempt = 0;
  let reconnectCount = 0;
  let everConnected = false;

  const deviceName = (): string => device?.name?.trim() || 'your strap';

  const onValue = (event: Event): void => {
    const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
    // An empty notification is malformed too; the reader counts it.
    core.readBytes(value ?? new DataView(new ArrayBuffer(0)), scheduler.nowMs());
  };

  const onBatteryValue = (event: Event): void => {
    const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
    if (value && value.byteLength >= 1) setBattery(value.getUint8(0));
  };

  const setBattery = (percent: number): void => {
    if (percent > 100) return;
    battery = percent;
    core.emitBattery(percent);
  };

  const detachCharacteristics = (): void => {
    characteristic?.removeEventListener('characteristicvaluechanged', onValue);
    batteryCharacteristic?.removeEventListener('characteristicvaluechanged', onBatteryValue);
    characteristic = null;
    batteryCharacteristic = null;
  };

  const onDisconnected = (): void => {
    if (core.status().phase !== 'connected') return; // ours, or already reconnecting
    detachCharacteristics();
    attempt = 0;
    scheduleAttempt(generation);
  };

  const clearRetry = (): void => {
    if (retryTimer !== null) scheduler.clearTimeout(retryTimer);
    retryTimer = null;
  };

  const withTimeout = <T,>(promise: Promise<T>, ms: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = scheduler.setTimeout(() => reject(new DOMException('The strap did not answer in time.', 'NetworkError')), ms);
      promise.then(
        (value) => {
          scheduler.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          scheduler.clearTimeout(timer);
          reject(error);
        },
      );
    });

  /** Connects GATT and subscribes, fetching service and characteristic afresh every time. */
  const openGatt = async (mine: number): Promise<void> => {
    const gatt = device?.gatt;
    if (!gatt) throw new DOMException('This device has no GATT server.', 'NotSupportedError');
    const server = await gatt.connect();
    const service = await server.getPrimaryService(HEART_RATE_SERVICE_UUID);
    const measurement = await service.getCharacteristic(HEART_RATE_MEASUREMENT_UUID);
    if (mine !== generation) return;
    detachCharacteristics();
    characteristic = measurement;
    measurement.addEventListener('characteristicvaluechanged', onValue);
    await measurement.startNotifications();
    if (mine !== generation) return;
    // Optional extras: never wait for them, never fail because of them.
    void readExtras(server, mine);
  };

  const readExtras = async (server: BluetoothRemoteGATTServer, mine: number): Promise<void> => {
    try {
      const service = await server.getPrimaryService(HEART_RATE_SERVICE_UUID);
      const locationValue = await (await service.getCharacteristic(BODY_SENSOR_LOCATION_UUID)).readValue();
      if (mine === generation && locationValue.byteLength > 0) location = bodySensorLocationFromCode(locationValue.getUint8(0));
    } catch {
      // Many straps have no Body Sensor Location.
    }
    try {
      const batteryService = await server.getPrimaryService(BATTERY_SERVICE_UUID);
      const level = await batteryService.getCharacteristic(BATTERY_LEVEL_UUID);
      if (mine !== generation) return;
      const value = await level.readValue();
      if (mine !== generation) return;
      if (value.byteLength >= 1) setBattery(value.getUint8(0));
      if (level.properties.notify) {
        batteryCharacteristic = level;
        level.addEventListener('characteristicvaluechanged', onBatteryValue);
        await level.startNotifications();
      }
    } catch {
      // No battery service, or it refused: the level stays unknown.
    }
  };

  const scheduleAttempt = (mine: number): void => {
    attempt += 1;
    if (attempt > backoff.maxAttempts) {
      core.setStatus({
        phase: 'lost',
        message: `The connection to ${deviceName()} was lost and could not be restored. Check that the strap is on, snug and close by, then press Reconnect.`,
      });
      return;
    }
    core.setStatus({ phase: 'reconnecting', attempt, maxAttempts: backoff.maxAttempts });
    clearRetry();
    retryTimer = scheduler.setTimeout(() => void tryReconnect(mine), backoffDelayMs(attempt, backoff));
  };

  const tryReconnect = async (mine: number): Promise<void> => {
    retryTimer = null;
    if (mine !== generation) return;
    try {
      await withTimeout(openGatt(mine), backoff.attemptTimeoutMs);
      if (mine !== generation) return;
      reconnectCount += 1;
      attempt = 0;
      core.setStatus({ phase: 'connected' });
    } catch {
      if (mine !== generation) return;
      detachCharacteristics();
      scheduleAttempt(mine);
    }
  };

  const attachDevice = (next: BluetoothDevice): void => {
    device?.removeEventListener('gattserverdisconnected', onDisconnected);
    device = next;
    device.addEventListener('gattserverdisconnected', onDisconnected);
  };

  const fail = (error: unknown): void => {
    const { problem, message } = describeBluetoothError(error);
    core.setStatus({ phase: 'failed', problem, message });
  };

  const connectDevice = async (mine: number): Promise<void> => {
    core.setStatus({ phase: 'connecting' });
    try {
      await withTimeout(openGatt(mine), backoff.attemptTimeoutMs);
    } catch (error) {
      if (mine !== generation) return;
      detachCharacteristics();
      if (device?.gatt?.connected) device.gatt.disconnect();
      fail(error);
      return;
    }
    if (mine !== generation) return;
    core.setStatus({ phase: 'connected' });
    if (!everConnected) {
      everConnected = true;
      options.onFirstConnected?.(device?.name ?? '');
    }
  };

  const source: BluetoothSource = {
    kind: 'bluetooth',
    get label() {
      return device?.name?.trim() || 'Bluetooth heart-rate strap';
    },
    clock: { nowMs: () => scheduler.nowMs() },
    status: core.status,
    quality: core.quality,
    batteryPercent: () => battery,
    sensorLocation: () => location,
    reconnections: () => reconnectCount,
    async connect() {
      if (!bluetooth) {
        core.setStatus({
          phase: 'failed',
          problem: 'no-web-bluetooth',
          message: 'Bluetooth is not available in this window.',
        });
        return;
      }
      generation += 1;
      const mine = generation;
      clearRetry();
      core.setStatus({ phase: 'scanning' });
      let chosen: BluetoothDevice;
      try {
        await options.beforeRequest?.();
        chosen = await bluetooth.requestDevice({
          filters: [{ services: [HEART_RATE_SERVICE_UUID] }],
          optionalServices: [BATTERY_SERVICE_UUID, DEVICE_INFORMATION_SERVICE_UUID],
        });
      } catch (error) {
        if (mine === generation) fail(error);
        return;
      }
      if (mine !== generation) return;
      attachDevice(chosen);
      await connectDevice(mine);
    },
    async reconnect() {
      if (device === null) return source.connect();
      generation += 1;
      clearRetry();
      attempt = 0;
      await connectDevice(generation);
    },
    async disconnect() {
      generation += 1;
      clearRetry();
      const measurement = characteristic;
      detachCharacteristics();
      device?.removeEventListener('gattserverdisconnected', onDisconnected);
      core.setStatus({ phase: 'idle' });
      if (device?.gatt?.connected) {
        try {
          await measurement?.stopNotifications();
        } catch {
          // Already gone: nothing to stop.
        }
        device.gatt.disconnect();
      }
      device = null;
    },
    followBreathing: () => {},
    on: core.on,
  };
  return source;
}
