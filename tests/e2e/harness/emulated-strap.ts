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

import type { Page } from 'puppeteer-core';
import { toFullBluetoothUuid } from '../../../shared/ble/gatt-uuids.ts';

export const HEART_RATE_SERVICE = toFullBluetoothUuid(0x180d);
export const HEART_RATE_MEASUREMENT = toFullBluetoothUuid(0x2a37);
const CCCD = toFullBluetoothUuid(0x2902);

/**
 * Runs before the app: remembers the characteristic the app subscribes to, and counts the
 * Web Bluetooth calls and event listeners the tests assert on.
 */
export const WEB_BLUETOOTH_PROBE = `(() => {
  const probe = { characteristic: null, startNotifications: 0, getCharacteristic: 0, listeners: 0 };
  window.__bluetoothProbe = probe;
  const C = window.BluetoothRemoteGATTCharacteristic, S = window.BluetoothRemoteGATTService, D = window.BluetoothDevice;
  if (!C || !S || !D) return;
  const start = C.prototype.startNotifications;
  C.prototype.startNotifications = function (...args) { probe.characteristic = this; probe.startNotifications += 1; return start.apply(this, args); };
  const get = S.prototype.getCharacteristic;
  S.prototype.getCharacteristic = function (...args) { probe.getCharacteristic += 1; return get.apply(this, args); };
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
  const seen = new WeakMap();
  const isBluetooth = (target) => target instanceof C || target instanceof D;
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

export type ProbeCounts = { startNotifications: number; getCharacteristic: number; listeners: number; errors: string[] };

export type EmulatedStrap = {
  readonly address: string;
  /** When false, GATT connection attempts are refused (the strap is out of reach). */
  acceptConnections: boolean;
  readonly counts: { connectionAttempts: number; subscriptions: number; prompts: number; reads: number };
  /** Delivers one Heart Rate Measurement value to the app's listener (read path, see above). */
  send(bytes: Uint8Array | readonly number[]): Promise<void>;
  /** The strap drops the link: `gattserverdisconnected` fires in the page; the strap stays in range. */
  drop(): Promise<void>;
  probe(): Promise<ProbeCounts>;
  dispose(): Promise<void>;
};

type Session = {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, listener: (params: never) => void): void;
  off(event: string, listener: (params: never) => void): void;
  detach(): Promise<void>;
};

export async function createEmulatedStrap(page: Page, name = 'Polar H10 8C4E'): Promise<EmulatedStrap> {
  const address = '09:09:09:09:09:01';
  const browserSession = (await page.browser().target().createCDPSession()) as unknown as Session;
  const pageSession = (await page.createCDPSession()) as unknown as Session;
  await pageSession.send('DeviceAccess.enable');

  const counts = { connectionAttempts: 0, subscriptions: 0, prompts: 0, reads: 0 };
  const answeredPrompts = new Set<string>();
  const pendingReads: number[][] = [];

  /** The strap's GATT table; Chromium forgets it on every disconnection, so it is added again. */
  const addGattTable = async () => {
    const { serviceId } = (await browserSession.send('BluetoothEmulation.addService', { address, serviceUuid: HEART_RATE_SERVICE })) as { serviceId: string };
    const { characteristicId } = (await browserSession.send('BluetoothEmulation.addCharacteristic', {
      serviceId,
      characteristicUuid: HEART_RATE_MEASUREMENT,
      properties: { notify: true, read: true },
    })) as { characteristicId: string };
    // The Client Characteristic Configuration descriptor: without it startNotifications() fails.
    await browserSession.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD });
  };

  const strap: EmulatedStrap = {
    address,
    acceptConnections: true,
    counts,
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
    probe: () =>
      page.evaluate(() => {
        const { startNotifications, getCharacteristic, listeners, errors } = (window as unknown as { __bluetoothProbe: ProbeCounts }).__bluetoothProbe;
        return { startNotifications, getCharacteristic, listeners, errors: [...errors] };
      }),
    async dispose() {
      for (const [session, event, listener] of listeners) session.off(event, listener);
      await browserSession.send('BluetoothEmulation.disable').catch(() => undefined);
      await Promise.all([browserSession.detach().catch(() => undefined), pageSession.detach().catch(() => undefined)]);
    },
  };

  const listeners: Array<[Session, string, (params: never) => void]> = [
    [
      pageSession,
      'DeviceAccess.deviceRequestPrompted',
      ((event: { id: string; devices: Array<{ id: string }> }) => {
        // The prompt is announced again as devices appear: answer each prompt once.
        if (answeredPrompts.has(event.id) || event.devices.length === 0) return;
        answeredPrompts.add(event.id);
        counts.prompts += 1;
        void pageSession.send('DeviceAccess.selectPrompt', { id: event.id, deviceId: event.devices[0]!.id });
      }) as (params: never) => void,
    ],
    [
      browserSession,
      'BluetoothEmulation.gattOperationReceived',
      ((event: { address: string; type: 'connection' | 'discovery' }) => {
        if (event.address !== address) return;
        if (event.type === 'connection') counts.connectionAttempts += 1;
        // 0x04: page timeout, as when a strap is out of reach.
        const code = event.type === 'connection' && !strap.acceptConnections ? 0x04 : 0;
        void browserSession.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type: event.type, code });
      }) as (params: never) => void,
    ],
    [
      browserSession,
      'BluetoothEmulation.characteristicOperationReceived',
      ((event: { characteristicId: string; type: string }) => {
        if (event.type === 'subscribe-to-notifications') counts.subscriptions += 1;
        let data: string | undefined;
        if (event.type === 'read') {
          counts.reads += 1;
          data = Buffer.from(pendingReads.shift() ?? []).toString('base64');
        }
        void browserSession.send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
          characteristicId: event.characteristicId,
          type: event.type,
          code: 0,
          ...(data === undefined ? {} : { data }),
        });
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
