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
// subscribes, retrying a transient failure twice. A `gattserverdisconnected` we did not cause
// starts reconnecting after 1, 2, 4 … seconds (capped), up to maxAttempts; then the status is
// 'lost' with a clear message, and reconnect() (a button) starts again, scanning for the
// remembered strap when the system has forgotten it. A watchdog notices a link that delivers
// nothing: it subscribes again, then reconnects. disconnect() stops everything and removes
// every listener it added, so a hundred drops leave no trace.
//
// Every attempt carries a token (`generation`), and every await checks it: an attempt that
// answers after Attune gave up on it (timed out, Disconnect, another source) lets go of the
// link at once and never subscribes, so a single-link strap is free for the phone again.

import { bodySensorLocationFromCode, type BodySensorLocation } from '../../shared/ble/body-sensor-location.ts';
import {
  BATTERY_LEVEL_UUID,
  BATTERY_SERVICE_UUID,
  BODY_SENSOR_LOCATION_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  HEART_RATE_MEASUREMENT_UUID,
  HEART_RATE_SERVICE_UUID,
} from '../../shared/ble/gatt-uuids.ts';
import { describeBluetoothError, type BluetoothErrorMeaning } from './bluetooth-errors.ts';
import { isActive, type HeartRateSource } from './heart-rate-source.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type Backoff } from './reconnect-backoff.ts';
import type { Scheduler, TimerHandle } from './scheduler.ts';
import { createSourceCore } from './source-core.ts';

export type BluetoothSourceOptions = {
  /** navigator.bluetooth; undefined where the browser has none. */
  bluetooth: Bluetooth | undefined;
  scheduler: Scheduler;
  backoff?: Partial<Backoff>;
  /**
   * Called just before requestDevice with the kind of request: 'reconnect' asks main's
   * chooser to pick the remembered strap by itself.
   */
  beforeRequest?: (mode: 'choose' | 'reconnect') => Promise<void>;
  /** Called once requestDevice has settled, whatever the outcome (main closes a chooser whose request is gone). */
  afterRequest?: () => void;
  /** Whether Attune's chooser opened since the last beforeRequest (a cancel without one means Bluetooth is off). */
  chooserOpened?: () => boolean;
  /** Called once a strap is connected for the first time (main remembers it). */
  onFirstConnected?: (name: string) => void;
};

export type BluetoothSource = HeartRateSource & {
  /** Reconnect attempts that succeeded since connect(). */
  reconnections(): number;
};

/** Transient failures of a first connect are tried again this many times, this far apart. */
export const FIRST_CONNECT_RETRIES = 2;
export const FIRST_CONNECT_RETRY_MS = 1_500;
/**
 * A subscribed strap sends about one notification a second. After this long without one the
 * link is re-subscribed; after as long again it is dropped and reconnected.
 */
export const SILENT_LINK_MS = 5_000;

const REQUEST_OPTIONS: RequestDeviceOptions = {
  filters: [{ services: [HEART_RATE_SERVICE_UUID] }],
  optionalServices: [BATTERY_SERVICE_UUID, DEVICE_INFORMATION_SERVICE_UUID],
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
  // The current attempt's token; bumped by every new attempt, every abandoned one and every
  // Disconnect. An answer carrying an older token belongs to an attempt nobody waits for.
  let generation = 0;
  let retryTimer: TimerHandle | null = null;
  let watchdogTimer: TimerHandle | null = null;
  let silentChecks = 0;
  let attempt = 0;
  let lastFailure: BluetoothErrorMeaning | null = null;
  let reconnectCount = 0;
  let everConnected = false;

  const deviceName = (): string => device?.name?.trim() || 'your strap';
  const describe = (error: unknown): BluetoothErrorMeaning =>
    describeBluetoothError(error, options.chooserOpened ? { chooserOpened: options.chooserOpened() } : {});

  const onValue = (event: Event): void => {
    const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
    armWatchdog();
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

  const clearRetry = (): void => {
    if (retryTimer !== null) scheduler.clearTimeout(retryTimer);
    retryTimer = null;
  };

  const clearWatchdog = (): void => {
    if (watchdogTimer !== null) scheduler.clearTimeout(watchdogTimer);
    watchdogTimer = null;
  };

  /** Starts (or restarts, on every notification) the wait for the next notification. */
  const armWatchdog = (): void => {
    clearWatchdog();
    silentChecks = 0;
    const mine = generation;
    watchdogTimer = scheduler.setTimeout(() => onSilence(mine), SILENT_LINK_MS);
  };

  const onSilence = (mine: number): void => {
    watchdogTimer = null;
    if (mine !== generation || core.status().phase !== 'connected') return;
    silentChecks += 1;
    const measurement = characteristic;
    if (silentChecks === 1 && measurement) {
      // Some stacks lose the subscription without dropping the link: ask again.
      watchdogTimer = scheduler.setTimeout(() => onSilence(mine), SILENT_LINK_MS);
      void measurement.stopNotifications().catch(() => undefined).then(() => (mine === generation ? measurement.startNotifications() : undefined)).catch(() => undefined);
      return;
    }
    // Still nothing: treat it as a dropped link and reconnect, saying why.
    restartLink('silent');
  };

  /** Lets go of the link (and any attempt in flight) and reconnects it, saying why. */
  const restartLink = (reason: 'silent' | 'wake'): void => {
    clearRetry();
    clearWatchdog();
    detachCharacteristics();
    generation += 1;
    attempt = 0;
    scheduleAttempt(generation, reason); // before the disconnect, so it is not read as a drop
    if (device?.gatt?.connected) device.gatt.disconnect();
  };

  /**
   * Lets go of a link an abandoned attempt opened, unless the current attempt is on the same
   * strap (it shares the one GATT connection).
   */
  const release = (target: BluetoothDevice | null): void => {
    if (target === null) return;
    if (target === device && isActive(core.status())) return;
    if (target.gatt?.connected) target.gatt.disconnect();
  };

  const onDisconnected = (): void => {
    if (core.status().phase !== 'connected') return; // ours, or already reconnecting
    detachCharacteristics();
    clearWatchdog();
    attempt = 0;
    generation += 1;
    scheduleAttempt(generation);
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
    const target = device;
    const gatt = target?.gatt;
    if (!gatt) throw new DOMException('This device has no GATT server.', 'NotSupportedError');
    const server = await gatt.connect();
    if (mine !== generation) return release(target);
    const service = await server.getPrimaryService(HEART_RATE_SERVICE_UUID);
    const measurement = await service.getCharacteristic(HEART_RATE_MEASUREMENT_UUID);
    if (mine !== generation) return release(target);
    detachCharacteristics();
    characteristic = measurement;
    measurement.addEventListener('characteristicvaluechanged', onValue);
    await measurement.startNotifications();
    if (mine !== generation) {
      if (characteristic === measurement) detachCharacteristics();
      return release(target);
    }
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

  const setConnected = (): void => {
    core.setStatus({ phase: 'connected' });
    armWatchdog();
  };

  const lostMessage = (): string =>
    lastFailure?.problem === 'out-of-range'
      ? `Your computer no longer sees ${deviceName()}. Put the strap on (moisten the contacts) and press Reconnect: Attune will look for it again.`
      : `The connection to ${deviceName()} was lost and could not be restored. Check that the strap is on, snug and close by, then press Reconnect.`;

  const scheduleAttempt = (mine: number, reason?: 'silent' | 'wake'): void => {
    attempt += 1;
    if (attempt > backoff.maxAttempts) {
      core.setStatus({ phase: 'lost', message: lostMessage() });
      return;
    }
    core.setStatus({ phase: 'reconnecting', attempt, maxAttempts: backoff.maxAttempts, ...(reason ? { reason } : {}) });
    clearRetry();
    retryTimer = scheduler.setTimeout(() => void tryReconnect(mine), backoffDelayMs(attempt, backoff));
  };

  const tryReconnect = async (scheduledBy: number): Promise<void> => {
    retryTimer = null;
    if (scheduledBy !== generation) return;
    const mine = ++generation;
    try {
      await withTimeout(openGatt(mine), backoff.attemptTimeoutMs);
      if (mine !== generation) return;
      reconnectCount += 1;
      attempt = 0;
      lastFailure = null;
      setConnected();
    } catch (error) {
      if (mine !== generation) return;
      lastFailure = describe(error);
      abandon();
      scheduleAttempt(generation);
    }
  };

  /** Ends the current attempt: whatever it still has in flight answers to an old token. */
  const abandon = (): void => {
    generation += 1;
    detachCharacteristics();
    if (device?.gatt?.connected) device.gatt.disconnect();
  };

  const attachDevice = (next: BluetoothDevice): void => {
    device?.removeEventListener('gattserverdisconnected', onDisconnected);
    device = next;
    device.addEventListener('gattserverdisconnected', onDisconnected);
  };

  const fail = (meaning: BluetoothErrorMeaning): void => {
    core.setStatus({ phase: 'failed', problem: meaning.problem, message: meaning.message });
  };

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      clearRetry();
      retryTimer = scheduler.setTimeout(() => {
        retryTimer = null;
        resolve();
      }, ms);
    });

  /**
   * Connects the attached device, trying a transient failure again; a strap the system no
   * longer knows is looked for with a new scan when `rescan` allows it (a click started this).
   */
  const connectDevice = async (rescan: boolean): Promise<void> => {
    core.setStatus({ phase: 'connecting' });
    for (let tryIndex = 0; ; tryIndex++) {
      const mine = ++generation;
      try {
        await withTimeout(openGatt(mine), backoff.attemptTimeoutMs);
        if (mine !== generation) return;
        break;
      } catch (error) {
        if (mine !== generation) return;
        const meaning = describe(error);
        abandon();
        const token = generation;
        if (meaning.transient && tryIndex < FIRST_CONNECT_RETRIES) {
          await wait(FIRST_CONNECT_RETRY_MS);
          if (token !== generation) return;
          continue;
        }
        if (meaning.problem === 'out-of-range' && rescan) return requestAndConnect('reconnect');
        fail(meaning);
        return;
      }
    }
    attempt = 0;
    lastFailure = null;
    setConnected();
    if (!everConnected) {
      everConnected = true;
      options.onFirstConnected?.(device?.name ?? '');
    }
  };

  /** Asks for a strap (the user chooses, or main picks the remembered one), then connects it. */
  const requestAndConnect = async (mode: 'choose' | 'reconnect'): Promise<void> => {
    if (!bluetooth) {
      fail({ problem: 'no-web-bluetooth', message: 'Bluetooth is not available in this window.', transient: false });
      return;
    }
    const mine = ++generation;
    clearRetry();
    clearWatchdog();
    core.setStatus({ phase: 'scanning' });
    let chosen: BluetoothDevice;
    try {
      await options.beforeRequest?.(mode);
      if (mine !== generation) return;
      chosen = await bluetooth.requestDevice(REQUEST_OPTIONS);
    } catch (error) {
      if (mine === generation) fail(describe(error));
      return;
    } finally {
      options.afterRequest?.();
    }
    if (mine !== generation) return;
    attachDevice(chosen);
    // A strap found by this very scan is not rescanned for again.
    await connectDevice(false);
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
    connect: () => requestAndConnect('choose'),
    async reconnect() {
      clearRetry();
      clearWatchdog();
      attempt = 0;
      if (device === null) return requestAndConnect('reconnect');
      await connectDevice(true);
    },
    async disconnect() {
      generation += 1;
      clearRetry();
      clearWatchdog();
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
    wake() {
      const phase = core.status().phase;
      // The link (and any attempt in flight) is from before the sleep: let go and start again.
      if (phase === 'connected' || phase === 'reconnecting' || phase === 'connecting') restartLink('wake');
    },
    on: core.on,
  };
  return source;
}
