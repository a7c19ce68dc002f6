// A heart-rate strap played by Chromium's Bluetooth emulation, driven over raw CDP
// (`BluetoothEmulation` on the browser session, `DeviceAccess` on the page), as described
// in docs/testing.md ("Bluetooth testing").
//
// Why raw CDP rather than WebDriver BiDi: after a GATT disconnection Chromium's fake
// peripheral forgets its services, and the BiDi mapper refuses to add them again ("already
// exists"), so an accepted reconnect could not be played. Over CDP the test re-adds the
// GATT table after each drop, exactly as a real strap presents it again, and answers the
// connection and discovery operations itself.
//
// Chromium 156 has no command that pushes a notification, so values reach the app through
// the documented read path: the page calls readValue() on the app's own characteristic
// object (captured when the app calls startNotifications), we answer the read with the
// packet's bytes, and Chromium fires `characteristicvaluechanged` on that object, which is
// the app's real listener. Everything else (prompt, GATT connect, discovery, subscription,
// disconnects, refused and accepted reconnects) is the real Web Bluetooth path.
//
// The device prompt goes through Attune's own chooser (harness/device-prompt.ts): the list
// reaches main's chooser and the in-app dialog, and the test clicks there, as a user would.
//
// The field's failure modes it plays: connection attempts refused (out of reach) or never
// answered (`connections = 'hold'`, answered late with `answerHeldConnections`), the adapter
// absent or switched off (`setCentral`), a link that stays up and sends nothing (simply no
// `send`), a strap off the skin (the packet's contact bits), and the optional Battery service
// and Body Sensor Location. What Chromium 156 cannot play is in docs/testing.md.

import type { Page } from 'puppeteer-core';
import type { BluetoothChooserState } from '../../../main/bluetooth/chooser-state.ts';
import {
  BATTERY_LEVEL_UUID,
  BATTERY_SERVICE_UUID,
  BODY_SENSOR_LOCATION_UUID,
  toFullBluetoothUuid,
} from '../../../shared/ble/gatt-uuids.ts';
import { routeDevicePrompts, type CdpSession } from './device-prompt.ts';

export const HEART_RATE_SERVICE = toFullBluetoothUuid(0x180d);
export const HEART_RATE_MEASUREMENT = toFullBluetoothUuid(0x2a37);
const CCCD = toFullBluetoothUuid(0x2902);

/**
 * Runs before the app: remembers the Heart Rate Measurement characteristic the app subscribes
 * to and the GATT server it last connected, and counts the Web Bluetooth calls and event
 * listeners the tests assert on (for the heart-rate characteristic only; the battery level has
 * its own subscription).
 */
export const WEB_BLUETOOTH_PROBE = `(() => {
  const probe = { characteristic: null, server: null, startNotifications: 0, getCharacteristic: 0, listeners: 0, connectsSettled: 0 };
  window.__bluetoothProbe = probe;
  const C = window.BluetoothRemoteGATTCharacteristic, S = window.BluetoothRemoteGATTService, D = window.BluetoothDevice;
  if (!C || !S || !D) return;
  const MEASUREMENT = '${HEART_RATE_MEASUREMENT}';
  const start = C.prototype.startNotifications;
  C.prototype.startNotifications = function (...args) {
    if (this.uuid === MEASUREMENT) { probe.characteristic = this; probe.startNotifications += 1; }
    return start.apply(this, args);
  };
  const get = S.prototype.getCharacteristic;
  S.prototype.getCharacteristic = function (...args) {
    if (this.uuid === '${HEART_RATE_SERVICE}' && BluetoothUUID.getCharacteristic(args[0]) === MEASUREMENT) probe.getCharacteristic += 1;
    return get.apply(this, args);
  };
  // Rejections of Web Bluetooth calls, for the failure messages of the tests.
  probe.errors = [];
  const watch = (proto, name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      return original.apply(this, args).catch((error) => { probe.errors.push(name + ': ' + error.name + ' ' + error.message); throw error; });
    };
  };
  const G = window.BluetoothRemoteGATTServer;
  watch(G.prototype, 'connect'); watch(G.prototype, 'getPrimaryService'); watch(S.prototype, 'getCharacteristic');
  watch(C.prototype, 'startNotifications');
  const connect = G.prototype.connect;
  G.prototype.connect = function (...args) {
    probe.server = this;
    const settled = () => { probe.connectsSettled += 1; };
    return connect.apply(this, args).then((value) => { settled(); return value; }, (error) => { settled(); throw error; });
  };
  const seen = new WeakMap();
  const isBluetooth = (target) => (target instanceof C && target.uuid === MEASUREMENT) || target instanceof D;
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (isBluetooth(this) && listener) {
      const set = seen.get(this) ?? new Set(); seen.set(this, set);
      if (!set.has(listener)) { set.add(listener); probe.listeners += 1; }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (isBluetooth(this) && listener && seen.get(this)?.delete(listener)) probe.listeners -= 1;
    return remove.call(this, type, listener, options);
  };
})();`;

export type ProbeCounts = {
  startNotifications: number;
  getCharacteristic: number;
  listeners: number;
  /** Settled gatt.connect() calls, whichever way. */
  connectsSettled: number;
  /** Whether the GATT server the page last connected says it is connected. */
  connected: boolean;
  errors: string[];
};

/** How the strap answers GATT connection attempts. */
export type ConnectionAnswer =
  /** At once, with success. */
  | 'accept'
  /** At once, with a page timeout (0x04), as when the strap is out of reach. */
  | 'refuse'
  /** Not at all, until the test calls answerHeldConnections(): a strap that hangs. */
  | 'hold';

/** Body Sensor Location codes (0x2A38), as the strap sends them. */
export const SENSOR_LOCATION = { other: 0, chest: 1, wrist: 2, finger: 3, hand: 4, earLobe: 5, foot: 6 } as const;

export type EmulatedStrapOptions = {
  /** Main's chooser (the harness's services.bluetoothChooser): the prompt goes through it. */
  chooser: BluetoothChooserState;
  name?: string;
  /** Adds the Battery service with this level (read and notify). */
  batteryPercent?: number;
  /** Adds Body Sensor Location to the heart-rate service, with this code. */
  sensorLocation?: number;
};

export type EmulatedStrap = {
  readonly address: string;
  connections: ConnectionAnswer;
  readonly counts: {
    connectionAttempts: number;
    /** Subscriptions to the Heart Rate Measurement (not the battery level). */
    subscriptions: number;
    unsubscriptions: number;
    discoveries: number;
    /** Device prompts Chromium raised, each routed through Attune's chooser. */
    readonly prompts: number;
    reads: number;
  };
  /** Answers the connection attempts held back under `connections = 'hold'` (0: success). */
  answerHeldConnections(code?: number): Promise<void>;
  /** Delivers one Heart Rate Measurement value to the app's listener (read path, see above). */
  send(bytes: Uint8Array | readonly number[]): Promise<void>;
  /** The strap drops the link: `gattserverdisconnected` fires in the page; the strap stays in range. */
  drop(): Promise<void>;
  /** The emulated adapter: 'absent' (none, or its service stopped), 'powered-off', 'powered-on'. */
  setCentral(state: 'absent' | 'powered-off' | 'powered-on'): Promise<void>;
  probe(): Promise<ProbeCounts>;
  dispose(): Promise<void>;
};

type Session = CdpSession & { detach(): Promise<void> };

export async function createEmulatedStrap(page: Page, options: EmulatedStrapOptions): Promise<EmulatedStrap> {
  const name = options.name ?? 'Polar H10 8C4E';
  const address = '09:09:09:09:09:01';
  const browserSession = (await page.browser().target().createCDPSession()) as unknown as Session;
  const pageSession = (await page.createCDPSession()) as unknown as Session;
  await pageSession.send('DeviceAccess.enable');
  const route = await routeDevicePrompts(pageSession, options.chooser);

  const counts = {
    connectionAttempts: 0,
    subscriptions: 0,
    unsubscriptions: 0,
    discoveries: 0,
    get prompts() {
      return route.prompts();
    },
    reads: 0,
  };
  const pendingReads: number[][] = [];
  const heldConnections: Array<(code: number) => Promise<unknown>> = [];
  // Answers for the characteristics that are read once (battery level, body sensor location).
  const fixedReads = new Map<string, number[]>();
  let measurementId: string | null = null;
  let disposed = false;

  /** A protocol answer in the background: a failure is a test failure, unless the strap is gone. */
  const background = (answer: Promise<unknown>) =>
    void answer.catch((error: unknown) => {
      if (!disposed) protocolErrors.push(error instanceof Error ? error.message : String(error));
    });
  const protocolErrors: string[] = [];

  /** The strap's GATT table; Chromium forgets it on every disconnection, so it is added again. */
  const addGattTable = async () => {
    const add = async (serviceId: string, uuid: number | string, properties: Record<string, boolean>, withCccd: boolean) => {
      const { characteristicId } = (await browserSession.send('BluetoothEmulation.addCharacteristic', {
        serviceId,
        characteristicUuid: typeof uuid === 'string' ? uuid : toFullBluetoothUuid(uuid),
        properties,
      })) as { characteristicId: string };
      // The Client Characteristic Configuration descriptor: without it startNotifications() fails.
      if (withCccd) await browserSession.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD });
      return characteristicId;
    };
    const { serviceId } = (await browserSession.send('BluetoothEmulation.addService', { address, serviceUuid: HEART_RATE_SERVICE })) as { serviceId: string };
    measurementId = await add(serviceId, HEART_RATE_MEASUREMENT, { notify: true, read: true }, true);
    if (options.sensorLocation !== undefined) {
      fixedReads.set(await add(serviceId, BODY_SENSOR_LOCATION_UUID, { read: true }, false), [options.sensorLocation]);
    }
    if (options.batteryPercent !== undefined) {
      const battery = (await browserSession.send('BluetoothEmulation.addService', {
        address,
        serviceUuid: toFullBluetoothUuid(BATTERY_SERVICE_UUID),
      })) as { serviceId: string };
      fixedReads.set(await add(battery.serviceId, BATTERY_LEVEL_UUID, { read: true, notify: true }, true), [options.batteryPercent]);
    }
  };

  const answerConnection = (code: number) =>
    browserSession.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type: 'connection', code });

  const strap: EmulatedStrap = {
    address,
    connections: 'accept',
    counts,
    async answerHeldConnections(code = 0) {
      const held = heldConnections.splice(0);
      await Promise.all(held.map((answer) => answer(code)));
    },
    async send(bytes) {
      pendingReads.push([...bytes]);
      await page.evaluate(async () => {
        const probe = (window as unknown as { __bluetoothProbe: { characteristic: { readValue(): Promise<DataView> } | null } }).__bluetoothProbe;
        if (!probe.characteristic) throw new Error('the app has not subscribed to a characteristic');
        await probe.characteristic.readValue();
      });
    },
    async drop() {
      await browserSession.send('BluetoothEmulation.simulateGATTDisconnection', { address });
      await addGattTable();
    },
    async setCentral(state) {
      await browserSession.send('BluetoothEmulation.setSimulatedCentralState', { state });
    },
    probe: () =>
      page.evaluate(() => {
        const probe = (window as unknown as { __bluetoothProbe: ProbeCounts & { server: { connected: boolean } | null } }).__bluetoothProbe;
        const { startNotifications, getCharacteristic, listeners, connectsSettled, errors } = probe;
        return { startNotifications, getCharacteristic, listeners, connectsSettled, connected: probe.server?.connected === true, errors: [...errors] };
      }),
    async dispose() {
      route.detach();
      disposed = true;
      heldConnections.length = 0;
      for (const [session, event, listener] of listeners) session.off(event, listener);
      await browserSession.send('BluetoothEmulation.disable').catch(() => undefined);
      await Promise.all([browserSession.detach().catch(() => undefined), pageSession.detach().catch(() => undefined)]);
      if (protocolErrors.length > 0) throw new Error(`the emulated strap's answers failed: ${protocolErrors.join(' | ')}`);
    },
  };

  const listeners: Array<[Session, string, (params: never) => void]> = [
    [
      browserSession,
      'BluetoothEmulation.gattOperationReceived',
      ((event: { address: string; type: 'connection' | 'discovery' }) => {
        if (event.address !== address) return;
        if (event.type === 'discovery') {
          counts.discoveries += 1;
          background(browserSession.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type: 'discovery', code: 0 }));
          return;
        }
        counts.connectionAttempts += 1;
        if (strap.connections === 'hold') heldConnections.push(answerConnection);
        // 0x04: page timeout, as when a strap is out of reach.
        else background(answerConnection(strap.connections === 'refuse' ? 0x04 : 0));
      }) as (params: never) => void,
    ],
    [
      browserSession,
      'BluetoothEmulation.characteristicOperationReceived',
      ((event: { characteristicId: string; type: string }) => {
        const isMeasurement = event.characteristicId === measurementId;
        if (isMeasurement && event.type === 'subscribe-to-notifications') counts.subscriptions += 1;
        if (isMeasurement && event.type === 'unsubscribe-from-notifications') counts.unsubscriptions += 1;
        let data: string | undefined;
        if (event.type === 'read') {
          const bytes = isMeasurement ? pendingReads.shift() : fixedReads.get(event.characteristicId);
          if (isMeasurement) counts.reads += 1;
          data = Buffer.from(bytes ?? []).toString('base64');
        }
        background(
          browserSession.send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
            characteristicId: event.characteristicId,
            type: event.type,
            code: 0,
            ...(data === undefined ? {} : { data }),
          }),
        );
      }) as (params: never) => void,
    ],
  ];
  for (const [session, event, listener] of listeners) session.on(event, listener);

  await browserSession.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
  await browserSession.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
    address,
    name,
    manufacturerData: [],
    knownServiceUuids: [HEART_RATE_SERVICE],
  });
  await addGattTable();
  return strap;
}
