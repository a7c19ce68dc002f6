// A heart-rate strap played by Chromium's Bluetooth emulation (WebDriver BiDi `bluetooth`
// module), following the sequence measured in ../shared/design/bluetooth-emulation.md.
//
// Chromium 156 has no command that pushes a notification, so values reach the app through
// the documented read path: the page calls readValue() on the app's own characteristic
// object (captured when the app calls startNotifications), we answer the read with the
// packet's bytes, and Chromium fires `characteristicvaluechanged` on that object, which is
// the app's real listener. Everything else (prompt, GATT connect, discovery, subscription,
// disconnects, refused reconnects) is the real Web Bluetooth path.

import type { Page } from 'puppeteer-core';
import { toFullBluetoothUuid } from '../../../shared/ble/gatt-uuids.ts';
import type { BidiAccess } from './app-harness.ts';

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
  /** The strap drops the link: `gattserverdisconnected` fires in the page. */
  drop(): Promise<void>;
  probe(): Promise<ProbeCounts>;
  dispose(): void;
};

export async function createEmulatedStrap(page: Page, bidi: BidiAccess, name = 'Polar H10 8C4E'): Promise<EmulatedStrap> {
  const context = bidi.contextId;
  const address = '09:09:09:09:09:01';
  await bidi.send('session.subscribe', { events: ['bluetooth'] });
  await bidi.send('bluetooth.simulateAdapter', { context, state: 'powered-on' });
  await bidi.send('bluetooth.simulatePreconnectedPeripheral', {
    context,
    address,
    name,
    manufacturerData: [],
    knownServiceUuids: [HEART_RATE_SERVICE],
  });
  const characteristic = { context, address, serviceUuid: HEART_RATE_SERVICE, characteristicUuid: HEART_RATE_MEASUREMENT };
  // The strap's GATT table. Note: after simulateGattDisconnection, Chromium 156 no longer finds
  // the service on reconnect ("No Services matching UUID") while BiDi refuses to add or remove
  // it again, so an accepted reconnect cannot be played here yet (see bluetooth.test.ts).
  const addGattTable = async () => {
    await bidi.send('bluetooth.simulateService', { context, address, uuid: HEART_RATE_SERVICE, type: 'add' });
    await bidi.send('bluetooth.simulateCharacteristic', {
      ...characteristic,
      characteristicProperties: { notify: true, read: true },
      type: 'add',
    });
    await bidi.send('bluetooth.simulateDescriptor', { ...characteristic, descriptorUuid: CCCD, type: 'add' });
  };
  await addGattTable();

  const counts = { connectionAttempts: 0, subscriptions: 0, prompts: 0, reads: 0 };
  const answeredPrompts = new Set<string>();
  const pendingReads: number[][] = [];
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
      await bidi.send('bluetooth.simulateGattDisconnection', { context, address });

    },
    probe: () =>
      page.evaluate(() => {
        const { startNotifications, getCharacteristic, listeners, errors } = (window as unknown as { __bluetoothProbe: ProbeCounts }).__bluetoothProbe;
        return { startNotifications, getCharacteristic, listeners, errors: [...errors] };
      }),
    dispose: () => offs.forEach((off) => off()),
  };

  // Events may arrive twice (another context, or the same prompt again): filter and answer once.
  const offs = [
    bidi.on('bluetooth.requestDevicePromptUpdated', (event) => {
      const prompt = String(event['prompt']);
      const devices = event['devices'] as Array<{ id: string }>;
      if (event['context'] !== context || answeredPrompts.has(prompt) || devices.length === 0) return;
      answeredPrompts.add(prompt);
      counts.prompts += 1;
      void bidi.send('bluetooth.handleRequestDevicePrompt', { context, prompt, accept: true, device: devices[0]!.id });
    }),
    bidi.on('bluetooth.gattConnectionAttempted', (event) => {
      if (event['context'] !== context) return;
      counts.connectionAttempts += 1;
      // 0x04: page timeout, as when a strap is out of reach.
      void bidi.send('bluetooth.simulateGattConnectionResponse', { context, address, code: strap.acceptConnections ? 0 : 0x04 });
    }),
    bidi.on('bluetooth.characteristicEventGenerated', (event) => {
      if (event['context'] !== context) return;
      const type = event['type'];
      if (type === 'subscribe-to-notifications' || type === 'unsubscribe-from-notifications') {
        if (type === 'subscribe-to-notifications') counts.subscriptions += 1;
        void bidi.send('bluetooth.simulateCharacteristicResponse', { ...characteristic, type, code: 0 });
      } else if (type === 'read') {
        counts.reads += 1;
        const data = pendingReads.shift() ?? [];
        void bidi.send('bluetooth.simulateCharacteristicResponse', { ...characteristic, type: 'read', code: 0, data });
      }
    }),
  ];
  return strap;
}
