// The Bluetooth chooser's state machine, free of Electron so it runs in plain Node tests.
//
// Electron raises `select-bluetooth-device` when the page calls requestDevice, then again each
// time the list of nearby devices grows, until the callback is called (with a device id, or
// '' to cancel). This machine turns that into one open request at a time:
//
//   closed ──device list──▶ open(choose | reconnect) ──pick / auto-pick──▶ closed ('picked')
//                              │  └─ list grows: the window sees the new list
//                              ├─ cancel ───────────▶ closed ('cancelled')
//                              ├─ time runs out ────▶ closed ('timeout' | 'not-found')
//                              ├─ another request ──▶ closed ('superseded')
//                              └─ window closes ────▶ closed ('window-closed')
//
// It answers Electron exactly once per request and never picks a device on its own, except
// the remembered strap when the user pressed "Reconnect to <name>" (matched by id, or by name
// when exactly one device carries it, since some systems give a strap a new id now and then).
// Pairing prompts (Windows, Linux) are kept here too, so they show in the same dialog.

import type { ChooserDevice, ChooserEvent, PairingEvent } from '../../shared/ipc/channels/bluetooth.ts';
import type { RememberedStrap } from '../../shared/model/settings.ts';

/** A device as Electron lists it in `select-bluetooth-device`. */
export type ListedDevice = { deviceId: string; deviceName: string };

export type PairingKind = 'confirm' | 'confirmPin' | 'providePin';
export type PairingDetails = { deviceId: string; pairingKind: PairingKind; pin?: string };
export type PairingResponse = { confirmed: boolean; pin?: string };

export type ChooserTimers = {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ChooserStateOptions = {
  timers: ChooserTimers;
  now: () => number;
  emitChooser: (event: ChooserEvent) => void;
  emitPairing: (event: PairingEvent) => void;
  rememberedStrap: () => RememberedStrap | null;
  /** A request without a pick closes by itself after this (the user walked away). */
  chooseTimeoutMs?: number;
  /** "Reconnect to <name>" gives up after this if the strap does not show up. */
  reconnectTimeoutMs?: number;
  pairingTimeoutMs?: number;
  /** How long a beginRequest() waits for its device request before it no longer applies. */
  intentLifetimeMs?: number;
};

export type BluetoothChooserState = {
  /** Every `select-bluetooth-device` event: the first opens a request, later ones update it. */
  onDeviceList(devices: readonly ListedDevice[], respond: (deviceId: string) => void): void;
  /** The window says a request is coming, and in which mode; closes any request still open. */
  beginRequest(mode: 'choose' | 'reconnect'): RememberedStrap | null;
  choose(requestId: number, deviceId: string): boolean;
  cancel(requestId: number): boolean;
  onPairingRequest(details: PairingDetails, respond: (response: PairingResponse) => void): void;
  answerPairing(pairingId: number, confirmed: boolean, pin?: string): boolean;
  windowClosed(): void;
  /** The last device the user (or the reconnect auto-pick) picked. */
  lastPicked(): RememberedStrap | null;
  isOpen(): boolean;
};

export const CHOOSE_TIMEOUT_MS = 90_000;
export const RECONNECT_TIMEOUT_MS = 15_000;
export const PAIRING_TIMEOUT_MS = 60_000;
const INTENT_LIFETIME_MS = 10_000;

type OpenRequest = {
  id: number;
  mode: 'choose' | 'reconnect';
  lookingFor: RememberedStrap | null;
  devices: ListedDevice[];
  respond: (deviceId: string) => void;
  timer: unknown;
};

type OpenPairing = {
  id: number;
  kind: PairingKind;
  respond: (response: PairingResponse) => void;
  timer: unknown;
};

export function createChooserState(options: ChooserStateOptions): BluetoothChooserState {
  const chooseTimeoutMs = options.chooseTimeoutMs ?? CHOOSE_TIMEOUT_MS;
  const reconnectTimeoutMs = options.reconnectTimeoutMs ?? RECONNECT_TIMEOUT_MS;
  const pairingTimeoutMs = options.pairingTimeoutMs ?? PAIRING_TIMEOUT_MS;
  const intentLifetimeMs = options.intentLifetimeMs ?? INTENT_LIFETIME_MS;
  const { timers } = options;

  let nextRequestId = 1;
  let nextPairingId = 1;
  let open: OpenRequest | null = null;
  let pairing: OpenPairing | null = null;
  let intent: { mode: 'choose' | 'reconnect'; atMs: number } | null = null;
  let picked: RememberedStrap | null = null;
  // Names seen in recent lists, so a pairing prompt can say which strap asks.
  const namesById = new Map<string, string>();

  const close = (reason: Extract<ChooserEvent, { state: 'closed' }>['reason'], deviceId: string, message: string | null = null): void => {
    const request = open;
    if (request === null) return;
    open = null;
    timers.clearTimeout(request.timer);
    request.respond(deviceId);
    options.emitChooser({ requestId: request.id, state: 'closed', reason, message });
  };

  const pick = (device: ListedDevice): void => {
    picked = { id: device.deviceId, name: device.deviceName };
    close('picked', device.deviceId);
  };

  const view = (request: OpenRequest): ChooserDevice[] => {
    const rememberedId = options.rememberedStrap()?.id ?? null;
    return request.devices
      .map((device) => ({ id: device.deviceId, name: device.deviceName, remembered: device.deviceId === rememberedId }))
      .sort((a, b) => Number(b.remembered) - Number(a.remembered) || nameOrder(a.name, b.name));
  };

  const publish = (request: OpenRequest): void => {
    options.emitChooser({
      requestId: request.id,
      state: 'open',
      mode: request.mode,
      devices: view(request),
      lookingFor: request.lookingFor?.name ?? null,
      timeoutSec: Math.round((request.mode === 'reconnect' ? reconnectTimeoutMs : chooseTimeoutMs) / 1000),
    });
  };

  const autoPick = (request: OpenRequest): ListedDevice | null => {
    const target = request.lookingFor;
    if (request.mode !== 'reconnect' || target === null) return null;
    const byId = request.devices.find((device) => device.deviceId === target.id);
    if (byId) return byId;
    const byName = request.devices.filter((device) => target.name !== '' && device.deviceName === target.name);
    return byName.length === 1 ? byName[0]! : null;
  };

  return {
    onDeviceList(devices, respond) {
      for (const device of devices) namesById.set(device.deviceId, device.deviceName);
      let request = open;
      if (request === null) {
        const fresh = intent !== null && options.now() - intent.atMs <= intentLifetimeMs ? intent : null;
        intent = null;
        const lookingFor = fresh?.mode === 'reconnect' ? options.rememberedStrap() : null;
        const mode = lookingFor === null ? 'choose' : 'reconnect';
        const id = nextRequestId++;
        request = { id, mode, lookingFor, devices: [], respond, timer: null };
        open = request;
        request.timer = timers.setTimeout(() => {
          if (open?.id !== id) return;
          if (mode === 'reconnect') {
            close('not-found', '', `${lookingFor?.name || 'Your strap'} did not show up. Check that it is on, worn and close by, or choose another strap.`);
          } else {
            close('timeout', '', 'The strap list closed because nothing was chosen for a while.');
          }
        }, mode === 'reconnect' ? reconnectTimeoutMs : chooseTimeoutMs);
      }
      // Electron's latest callback answers the request; the list only ever grows.
      request.respond = respond;
      request.devices = [...devices];
      const auto = autoPick(request);
      if (auto !== null) {
        pick(auto);
        return;
      }
      publish(request);
    },
    beginRequest(mode) {
      close('superseded', '');
      intent = { mode, atMs: options.now() };
      return options.rememberedStrap();
    },
    choose(requestId, deviceId) {
      if (open === null || open.id !== requestId) return false;
      const device = open.devices.find((candidate) => candidate.deviceId === deviceId);
      if (!device) return false;
      pick(device);
      return true;
    },
    cancel(requestId) {
      if (open === null || open.id !== requestId) return false;
      close('cancelled', '');
      return true;
    },
    onPairingRequest(details, respond) {
      if (pairing !== null) {
        // One prompt at a time: an older one still open is refused.
        timers.clearTimeout(pairing.timer);
        pairing.respond({ confirmed: false });
        options.emitPairing({ pairingId: pairing.id, state: 'closed' });
      }
      const id = nextPairingId++;
      const timer = timers.setTimeout(() => {
        if (pairing?.id !== id) return;
        pairing = null;
        respond({ confirmed: false });
        options.emitPairing({ pairingId: id, state: 'closed' });
      }, pairingTimeoutMs);
      pairing = { id, kind: details.pairingKind, respond, timer };
      options.emitPairing({
        pairingId: id,
        state: 'open',
        kind: details.pairingKind,
        deviceName: namesById.get(details.deviceId) || 'Your strap',
        pin: details.pairingKind === 'confirmPin' ? (details.pin ?? null) : null,
      });
    },
    answerPairing(pairingId, confirmed, pin) {
      const current = pairing;
      if (current === null || current.id !== pairingId) return false;
      if (confirmed && current.kind === 'providePin' && (pin === undefined || pin === '')) return false;
      pairing = null;
      timers.clearTimeout(current.timer);
      current.respond(confirmed && current.kind === 'providePin' ? { confirmed, pin: pin! } : { confirmed });
      options.emitPairing({ pairingId, state: 'closed' });
      return true;
    },
    windowClosed() {
      close('window-closed', '');
      intent = null;
      if (pairing !== null) {
        timers.clearTimeout(pairing.timer);
        pairing.respond({ confirmed: false });
        pairing = null;
      }
    },
    lastPicked: () => picked,
    isOpen: () => open !== null,
  };
}

/** Named devices by name; unnamed ones last. */
function nameOrder(a: string, b: string): number {
  if (a === '' || b === '') return Number(a === '') - Number(b === '');
  return a.localeCompare(b);
}
