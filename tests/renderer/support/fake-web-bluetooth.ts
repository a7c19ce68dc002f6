/// <reference types="web-bluetooth" />
// A scripted Web Bluetooth strap for component tests (the browser tier uses Chromium's real
// emulation instead). Strict where real straps are: GATT objects belong to one connection,
// so after a reconnect the old characteristic no longer delivers anything and the app must
// fetch a new one; notifications need startNotifications(); listeners are counted so tests
// can prove none leak.

import { toFullBluetoothUuid } from '../../../shared/ble/gatt-uuids.ts';

type Uuid = number | string;
const full = (uuid: Uuid) => (typeof uuid === 'number' ? toFullBluetoothUuid(uuid) : uuid === 'heart_rate' ? toFullBluetoothUuid(0x180d) : uuid);

const HEART_RATE = toFullBluetoothUuid(0x180d);
const MEASUREMENT = toFullBluetoothUuid(0x2a37);
const BATTERY = toFullBluetoothUuid(0x180f);
const BATTERY_LEVEL = toFullBluetoothUuid(0x2a19);
const LOCATION = toFullBluetoothUuid(0x2a38);

let liveListeners = 0;

class CountingTarget extends EventTarget {
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    const key = `${type}`;
    const set = (this as unknown as { __l?: Map<string, Set<unknown>> }).__l ?? new Map<string, Set<unknown>>();
    (this as unknown as { __l: Map<string, Set<unknown>> }).__l = set;
    const listeners = set.get(key) ?? new Set();
    if (!listeners.has(listener)) liveListeners += 1;
    listeners.add(listener);
    set.set(key, listeners);
    super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    const listeners = (this as unknown as { __l?: Map<string, Set<unknown>> }).__l?.get(type);
    if (listeners?.delete(listener)) liveListeners -= 1;
    super.removeEventListener(type, listener, options);
  }
}

export class FakeCharacteristic extends CountingTarget {
  value: DataView | null = null;
  notifying = false;
  readonly properties: { notify: boolean; read: boolean };
  readonly uuid: string;
  private readonly link: { connected: () => boolean; readValue?: () => DataView };
  constructor(uuid: string, link: { connected: () => boolean; readValue?: () => DataView }) {
    super();
    this.uuid = uuid;
    this.link = link;
    this.properties = { notify: uuid !== LOCATION, read: uuid !== MEASUREMENT };
  }
  async startNotifications(): Promise<this> {
    if (!this.link.connected()) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
    this.notifying = true;
    return this;
  }
  async stopNotifications(): Promise<this> {
    this.notifying = false;
    return this;
  }
  async readValue(): Promise<DataView> {
    const read = this.link.readValue;
    if (!read) throw new DOMException('GATT operation not permitted.', 'NotSupportedError');
    return read();
  }
  deliver(bytes: Uint8Array): boolean {
    if (!this.notifying || !this.link.connected()) return false;
    this.value = new DataView(Uint8Array.from(bytes).buffer);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
    return true;
  }
}

export type FakeStrapOptions = {
  name?: string;
  batteryPercent?: number | null;
  bodySensorLocationCode?: number | null;
};

export class FakeStrap extends CountingTarget {
  readonly id = 'fake-strap-1';
  readonly name: string;
  connected = false;
  /** When false, connect() is refused (out of range). */
  acceptConnections = true;
  /** The adapter has forgotten the strap (BlueZ does after ~30 s): connect() says it is no longer in range. */
  forgotten = false;
  /** The next this many connect() calls fail the way a busy radio does. */
  transientFailures = 0;
  /** While set, connect() waits for this promise before answering (a slow or hanging strap). */
  connectGate: Promise<void> | null = null;
  /** The link stays up but no notification reaches the page (a silent link). */
  silent = false;
  connects = 0;
  disconnects = 0;
  characteristicFetches = 0;
  current: FakeCharacteristic | null = null;
  private connection = 0;
  readonly gatt: {
    readonly device: FakeStrap;
    readonly connected: boolean;
    connect(): Promise<unknown>;
    disconnect(): void;
    getPrimaryService(uuid: Uuid): Promise<unknown>;
  };

  private readonly options: FakeStrapOptions;

  constructor(options: FakeStrapOptions = {}) {
    super();
    this.options = options;
    this.name = options.name ?? 'Polar H10 8C4E';
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the GATT stand-in objects read the strap state
    const strap = this;
    const gatt = {
      device: strap,
      get connected() {
        return strap.connected;
      },
      async connect() {
        strap.connects += 1;
        await Promise.resolve();
        if (strap.connectGate) await strap.connectGate;
        if (strap.forgotten) throw new DOMException('Bluetooth Device is no longer in range.', 'NetworkError');
        if (strap.transientFailures > 0) {
          strap.transientFailures -= 1;
          throw new DOMException('Connection Error: Connection attempt failed.', 'NetworkError');
        }
        if (!strap.acceptConnections) throw new DOMException('Connection failed for unknown reason.', 'NetworkError');
        if (!strap.connected) {
          strap.connected = true;
          strap.connection += 1;
          strap.current = null;
        }
        return gatt;
      },
      disconnect() {
        if (!strap.connected) return;
        strap.disconnects += 1;
        strap.connected = false;
        strap.dispatchEvent(new Event('gattserverdisconnected'));
      },
      async getPrimaryService(uuid: Uuid) {
        if (!strap.connected) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
        const service = full(uuid);
        if (service === BATTERY && options.batteryPercent != null) return strap.service(service);
        if (service === HEART_RATE) return strap.service(service);
        throw new DOMException(`No Services matching UUID ${service} found in Device.`, 'NotFoundError');
      },
    };
    this.gatt = gatt;
  }

  private service(serviceUuid: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the GATT stand-in objects read the strap state
    const strap = this;
    const connection = this.connection;
    const link = { connected: () => strap.connected && strap.connection === connection };
    return {
      uuid: serviceUuid,
      async getCharacteristic(uuid: Uuid) {
        const wanted = full(uuid);
        if (!link.connected()) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
        if (wanted === MEASUREMENT) {
          strap.characteristicFetches += 1;
          // One object per connection: the old one is dead after a reconnect.
          if (strap.current === null) strap.current = new FakeCharacteristic(MEASUREMENT, link);
          return strap.current;
        }
        if (wanted === LOCATION && strap.options.bodySensorLocationCode != null) {
          const code = strap.options.bodySensorLocationCode;
          return new FakeCharacteristic(LOCATION, { ...link, readValue: () => new DataView(Uint8Array.of(code).buffer) });
        }
        if (wanted === BATTERY_LEVEL && strap.options.batteryPercent != null) {
          const percent = strap.options.batteryPercent;
          return new FakeCharacteristic(BATTERY_LEVEL, { ...link, readValue: () => new DataView(Uint8Array.of(percent).buffer) });
        }
        throw new DOMException(`No Characteristics matching UUID ${wanted} found in Service.`, 'NotFoundError');
      },
    };
  }

  /** Sends one notification; false when nobody subscribed on the current connection. */
  notify(bytes: Uint8Array | number[]): boolean {
    if (this.silent) return false;
    return this.current?.deliver(Uint8Array.from(bytes)) ?? false;
  }

  /** The strap drops the link (out of range, BlueZ's 150-second drop…). */
  drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.current = null;
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }
}

export type FakeBluetooth = {
  bluetooth: Bluetooth;
  requests: RequestDeviceOptions[];
  /** What the next requestDevice does: pick this strap, or fail with this error. */
  answer: FakeStrap | DOMException;
};

export function createFakeBluetooth(strap: FakeStrap): FakeBluetooth {
  const fake: FakeBluetooth = {
    requests: [],
    answer: strap,
    bluetooth: {
      async requestDevice(options: RequestDeviceOptions) {
        fake.requests.push(options);
        await Promise.resolve();
        if (fake.answer instanceof DOMException) throw fake.answer;
        return fake.answer as unknown as BluetoothDevice;
      },
    } as unknown as Bluetooth,
  };
  return fake;
}

export function liveFakeListeners(): number {
  return liveListeners;
}
