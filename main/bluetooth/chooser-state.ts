// The Bluetooth chooser's state machine, free of Electron so it runs in plain Node tests.
//
// Electron raises `select-bluetooth-device` as soon as the page's requestDevice starts
// scanning (often with an empty list), again each time the list of nearby devices grows, and
// once more when the scan stops, until the callback is called (with a device id, or '' to
// cancel). This machine turns that into one open request at a time:
//
//   closed ──device list──▶ open(choose | reconnect) ──pick / auto-pick──▶ closed ('picked')
//                              │  ├─ list grows: the window sees the new list
//                              │  └─ scan stops (choose): the window offers "Search again"
//                              ├─ cancel ─────────────────▶ closed ('cancelled')
//                              ├─ strap not seen in time ─▶ closed ('not-found', reconnect)
//                              ├─ another request ────────▶ closed ('superseded')
//                              ├─ the page's request ended ▶ closed ('request-ended')
//                              └─ window closes / reloads ─▶ closed ('window-closed')
//
// The page's request can end without main's answer: Chromium cancels it when Bluetooth goes
// off, when the scan cannot start, or when a newer request replaces it. Electron does not tell
// main, so the page does (requestEnded, with the ticket beginRequest gave it): otherwise the
// dialog would keep saying "Searching…" for a request that no longer exists. The ticket is what
// keeps a late word about an older request from closing the newer one.
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
  /** How long Chromium scans for one request; afterwards the list no longer grows. */
  scanStopsAfterMs?: number;
  /** "Reconnect to <name>" gives up after this if the strap does not show up. */
  reconnectTimeoutMs?: number;
  pairingTimeoutMs?: number;
  /** How long a beginRequest() waits for its device request before it no longer applies. */
  intentLifetimeMs?: number;
};

export type BluetoothChooserState = {
  /** Every `select-bluetooth-device` event: the first opens a request, later ones update it. */
  onDeviceList(devices: readonly ListedDevice[], respond: (deviceId: string) => void): void;
  /**
   * The window says a request is coming, and in which mode; closes any request still open.
   * The ticket names that request when the window later says it ended.
   */
  beginRequest(mode: 'choose' | 'reconnect'): { rememberedStrap: RememberedStrap | null; ticket: number };
  /**
   * The window's requestDevice settled, whichever way. Closes its dialog if it is still open
   * (answering Electron with '' if nobody had); a ticket of an older request changes nothing.
   */
  requestEnded(ticket: number): boolean;
  choose(requestId: number, deviceId: string): boolean;
  cancel(requestId: number): boolean;
  onPairingRequest(details: PairingDetails, respond: (response: PairingResponse) => void): void;
  answerPairing(pairingId: number, confirmed: boolean, pin?: string): boolean;
  /** The window closed, or its page went away (reload, crash): nothing it asked for stands. */
  windowClosed(): void;
  /** The last device the user (or the reconnect auto-pick) picked. */
  lastPicked(): RememberedStrap | null;
  isOpen(): boolean;
};

/**
 * Chromium ends a chooser's discovery session 60 s after it started
 * (BluetoothDeviceChooserController::scan_duration_ in
 * content/browser/bluetooth/bluetooth_device_chooser_controller.cc). Electron then raises
 * `select-bluetooth-device` once more with the same list and waits for the answer without
 * scanning again (shell/browser/lib/bluetooth_chooser.cc, ShowDiscoveryState IDLE). Electron's
 * first event comes as the scan starts, so main counts from the request's opening; the session
 * itself starts a moment later, so "stopped" shows at most that moment early.
 *
 * There is no other time limit on choosing: once the scan has stopped the dialog says so and
 * waits for the user (pick from what was found, search again, or cancel), which is honest,
 * where closing it by itself after a while only took the list away from someone reading it.
 */
export const SCAN_STOPS_AFTER_MS = 60_000;
export const RECONNECT_TIMEOUT_MS = 15_000;
export const PAIRING_TIMEOUT_MS = 60_000;
const INTENT_LIFETIME_MS = 10_000;

type OpenRequest = {
  id: number;
  mode: 'choose' | 'reconnect';
  lookingFor: RememberedStrap | null;
  devices: ListedDevice[];
  respond: (deviceId: string) => void;
  /** The beginRequest this request answers, when the window announced it. */
  ticket: number | null;
  /** False once Chromium's scan for this request has stopped. */
  searching: boolean;
  timer: unknown;
};

type OpenPairing = {
  id: number;
  kind: PairingKind;
  respond: (response: PairingResponse) => void;
  timer: unknown;
};

export function createChooserState(options: ChooserStateOptions): BluetoothChooserState {
  const scanStopsAfterMs = options.scanStopsAfterMs ?? SCAN_STOPS_AFTER_MS;
  const reconnectTimeoutMs = options.reconnectTimeoutMs ?? RECONNECT_TIMEOUT_MS;
  const pairingTimeoutMs = options.pairingTimeoutMs ?? PAIRING_TIMEOUT_MS;
  const intentLifetimeMs = options.intentLifetimeMs ?? INTENT_LIFETIME_MS;
  const { timers } = options;

  let nextRequestId = 1;
  let nextPairingId = 1;
  let nextTicket = 1;
  let open: OpenRequest | null = null;
  let pairing: OpenPairing | null = null;
  // The announced request whose first list has not come yet.
  let intent: { mode: 'choose' | 'reconnect'; atMs: number; ticket: number } | null = null;
  let picked: RememberedStrap | null = null;
  // Names seen in recent lists, in case a pairing prompt names the strap by its id.
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
      searching: request.searching,
    });
  };

  const notFound = (lookingFor: RememberedStrap | null): string =>
    `${usableName(lookingFor?.name) ?? 'Your strap'} did not show up. Check that it is on, worn and close by, or choose another strap.`;

  // Chromium hands the pairing prompt the strap's display name, not the id the lists use:
  // its own name, or, for a strap without one, a phrase around its hardware address. The
  // prompt shows a name the user knows and never an address.
  const pairingName = (identifier: string): string =>
    usableName(identifier) ?? usableName(namesById.get(identifier)) ?? usableName(picked?.name) ?? 'your strap';

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
        const announced = intent;
        intent = null;
        // Only a recent "Reconnect" may auto-pick; the ticket stays with its request regardless.
        const fresh = announced !== null && options.now() - announced.atMs <= intentLifetimeMs;
        const lookingFor = fresh && announced.mode === 'reconnect' ? options.rememberedStrap() : null;
        const mode = lookingFor === null ? 'choose' : 'reconnect';
        const id = nextRequestId++;
        const opened: OpenRequest = { id, mode, lookingFor, devices: [], respond, ticket: announced?.ticket ?? null, searching: true, timer: null };
        request = opened;
        open = opened;
        if (mode === 'reconnect') {
          // Once the scan has stopped the strap cannot appear any more, so give up then at the latest.
          opened.timer = timers.setTimeout(() => {
            if (open === opened) close('not-found', '', notFound(lookingFor));
          }, Math.min(reconnectTimeoutMs, scanStopsAfterMs));
        } else {
          opened.timer = timers.setTimeout(() => {
            if (open !== opened) return;
            opened.timer = null;
            opened.searching = false;
            publish(opened);
          }, scanStopsAfterMs);
        }
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
      const ticket = nextTicket++;
      intent = { mode, atMs: options.now(), ticket };
      return { rememberedStrap: options.rememberedStrap(), ticket };
    },
    requestEnded(ticket) {
      if (open !== null && open.ticket === ticket) {
        close('request-ended', '');
        return true;
      }
      if (intent !== null && intent.ticket === ticket) {
        // Ended before any list (Bluetooth off, permission refused): nothing to close, and a
        // "Reconnect" that never scanned must not carry over to the next request.
        intent = null;
        return true;
      }
      return false;
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
        deviceName: pairingName(details.deviceId),
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

// A Bluetooth hardware address (AA:BB:CC:DD:EE:FF), alone or inside Chromium's phrase for an
// unnamed device.
const HARDWARE_ADDRESS = /[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}/i;

/** A name fit to show the user: not empty, no hardware address, within the event's limit. */
function usableName(name: string | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '' || HARDWARE_ADDRESS.test(trimmed)) return null;
  return trimmed.slice(0, 100);
}

/** Named devices by name; unnamed ones last. */
function nameOrder(a: string, b: string): number {
  if (a === '' || b === '') return Number(a === '') - Number(b === '');
  return a.localeCompare(b);
}
