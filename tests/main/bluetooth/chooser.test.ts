import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, session } from '../../mocks/electron.ts';
import { attachBluetoothChooser, attachBluetoothPairing } from '../../../main/bluetooth-chooser.ts';
import { createChooserState, SCAN_STOPS_AFTER_MS, type PairingResponse } from '../../../main/bluetooth/chooser-state.ts';
import { createAppServices, type AppServices } from '../../../main/services.ts';
import type { ChooserEvent, PairingEvent } from '../../../shared/ipc/channels/bluetooth.ts';
import type { RememberedStrap } from '../../../shared/model/settings.ts';
import { createManualScheduler } from '../../support/manual-scheduler.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { TRUSTED_TEST_FRAME } from '../../support/in-process-api.ts';

// The chooser as Electron drives it: the window's webContents raises
// `select-bluetooth-device` (first with an empty list as the scan starts, then each time it
// grows) and the session's pairing handler asks for confirmation. Electron here is the
// stand-in; the page's side (beginRequest, requestEnded) is called directly.

const H10 = { deviceId: 'AA:BB:CC:00:00:01', deviceName: 'Polar H10 8C4E' };
const TICKR = { deviceId: 'AA:BB:CC:00:00:02', deviceName: 'TICKR 1A2B' };
const WATCH = { deviceId: 'AA:BB:CC:00:00:03', deviceName: '' };

// Every test ends the way the app does: the window closes, which closes any chooser request or
// pairing prompt still open and clears its time limit.
const openChoosers: Array<{ windowClosed(): void }> = [];
afterEach(() => openChoosers.splice(0).forEach((chooser) => chooser.windowClosed()));

function setUp(remembered: RememberedStrap | null = null) {
  const scheduler = createManualScheduler();
  const chooserEvents: ChooserEvent[] = [];
  const pairingEvents: PairingEvent[] = [];
  let strap = remembered;
  const chooser = createChooserState({
    timers: scheduler,
    now: scheduler.nowMs,
    emitChooser: (event) => chooserEvents.push(event),
    emitPairing: (event) => pairingEvents.push(event),
    rememberedStrap: () => strap,
  });
  openChoosers.push(chooser);
  const window = new BrowserWindow({});
  const contents = window.webContents;
  attachBluetoothChooser(contents as never, chooser);
  const answers: string[] = [];
  const callback = vi.fn((deviceId: string) => answers.push(deviceId));
  let prevented = 0;
  const select = (devices: Array<{ deviceId: string; deviceName: string }>, respond = callback) =>
    contents.emit('select-bluetooth-device', { preventDefault: () => (prevented += 1) }, devices, respond);
  const lastOpen = () => chooserEvents.filter((e): e is Extract<ChooserEvent, { state: 'open' }> => e.state === 'open').at(-1);
  const lastClosed = () => chooserEvents.filter((e): e is Extract<ChooserEvent, { state: 'closed' }> => e.state === 'closed').at(-1);
  return {
    scheduler, chooser, chooserEvents, pairingEvents, contents, answers, callback, select, lastOpen, lastClosed,
    prevented: () => prevented,
    forget: () => (strap = null),
  };
}

describe('Bluetooth chooser (select-bluetooth-device)', () => {
  it('always prevents Electron from picking, and streams the growing list to the window without answering', () => {
    const t = setUp({ id: TICKR.deviceId, name: TICKR.deviceName });
    t.select([]);
    t.select([H10]);
    t.select([H10, WATCH, TICKR]);
    expect(t.prevented()).toBe(3);
    expect(t.callback).not.toHaveBeenCalled();
    const open = t.lastOpen()!;
    expect(open.mode).toBe('choose');
    // The remembered strap first, then by name, unnamed last.
    expect(open.devices).toEqual([
      { id: TICKR.deviceId, name: TICKR.deviceName, remembered: true },
      { id: H10.deviceId, name: H10.deviceName, remembered: false },
      { id: WATCH.deviceId, name: '', remembered: false },
    ]);
    expect(new Set(t.chooserEvents.map((e) => e.requestId))).toEqual(new Set([open.requestId]));
  });

  it("answers Electron with the user's pick, once, and remembers what was picked", () => {
    const t = setUp();
    t.select([H10]);
    const replacement = vi.fn();
    t.select([H10, TICKR], replacement); // Electron's latest callback is the one to answer
    const { requestId } = t.lastOpen()!;
    expect(t.chooser.choose(requestId, 'not-in-the-list')).toBe(false);
    expect(t.chooser.choose(requestId, TICKR.deviceId)).toBe(true);
    expect(replacement).toHaveBeenCalledExactlyOnceWith(TICKR.deviceId);
    expect(t.callback).not.toHaveBeenCalled();
    expect(t.lastClosed()).toMatchObject({ requestId, reason: 'picked' });
    expect(t.chooser.lastPicked()).toEqual({ id: TICKR.deviceId, name: TICKR.deviceName });
    expect(t.chooser.choose(requestId, H10.deviceId)).toBe(false);
    expect(replacement).toHaveBeenCalledTimes(1);
  });

  it("answers '' when the user cancels", () => {
    const t = setUp();
    t.select([H10]);
    const { requestId } = t.lastOpen()!;
    expect(t.chooser.cancel(requestId)).toBe(true);
    expect(t.answers).toEqual(['']);
    expect(t.lastClosed()).toMatchObject({ reason: 'cancelled' });
    expect(t.chooser.cancel(requestId)).toBe(false);
    expect(t.answers).toEqual(['']);
  });

  it('says when the scan has stopped after a minute, keeps what it found pickable, and never answers by itself', () => {
    const t = setUp();
    t.chooser.beginRequest('choose');
    t.select([]);
    t.select([H10, TICKR]);
    expect(t.lastOpen()).toMatchObject({ searching: true });
    t.scheduler.advance(SCAN_STOPS_AFTER_MS - 1);
    expect(t.lastOpen()).toMatchObject({ searching: true });
    t.scheduler.advance(1);
    const stopped = t.lastOpen()!;
    expect(stopped).toMatchObject({ searching: false, devices: [{ name: H10.deviceName }, { name: TICKR.deviceName }] });
    // Electron raises the event once more as its scan goes idle: still stopped, same request.
    t.select([H10, TICKR]);
    expect(t.lastOpen()).toMatchObject({ requestId: stopped.requestId, searching: false });
    // Nobody is rushed: an hour later the list is still there and Electron still unanswered.
    t.scheduler.advance(3_600_000);
    expect(t.callback).not.toHaveBeenCalled();
    expect(t.chooser.isOpen()).toBe(true);
    expect(t.chooser.choose(stopped.requestId, TICKR.deviceId)).toBe(true);
    expect(t.answers).toEqual([TICKR.deviceId]);
  });

  it('"Search again" after the scan stopped: the old request is answered once and a fresh one searches', () => {
    const t = setUp();
    t.chooser.beginRequest('choose');
    t.select([]);
    t.scheduler.advance(SCAN_STOPS_AFTER_MS);
    const stale = t.lastOpen()!;
    expect(stale).toMatchObject({ searching: false, devices: [] });
    // The dialog's button starts a new request the way Connect does.
    const { ticket } = t.chooser.beginRequest('choose');
    expect(t.answers).toEqual(['']);
    expect(t.lastClosed()).toMatchObject({ requestId: stale.requestId, reason: 'superseded' });
    const second = vi.fn();
    t.select([], second);
    const fresh = t.lastOpen()!;
    expect(fresh).toMatchObject({ searching: true, devices: [] });
    expect(fresh.requestId).not.toBe(stale.requestId);
    // The old request's end reaches main late: it must not touch the new one.
    expect(t.chooser.requestEnded(ticket - 1)).toBe(false);
    expect(t.chooser.isOpen()).toBe(true);
    t.select([H10], second);
    expect(t.chooser.choose(fresh.requestId, H10.deviceId)).toBe(true);
    expect(second).toHaveBeenCalledExactlyOnceWith(H10.deviceId);
    expect(t.answers).toEqual(['']);
  });

  it('"Reconnect to <name>" picks the remembered strap as soon as it appears', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    expect(t.chooser.beginRequest('reconnect')).toMatchObject({ rememberedStrap: { id: H10.deviceId, name: H10.deviceName } });
    t.select([]);
    expect(t.lastOpen()).toMatchObject({ mode: 'reconnect', lookingFor: H10.deviceName, searching: true });
    t.select([TICKR]);
    expect(t.callback).not.toHaveBeenCalled();
    t.select([TICKR, H10]);
    expect(t.answers).toEqual([H10.deviceId]);
    expect(t.lastClosed()).toMatchObject({ reason: 'picked' });
  });

  it('falls back to the name when the strap comes back with another id, but only if one device has it', () => {
    const t = setUp({ id: 'old-id', name: H10.deviceName });
    t.chooser.beginRequest('reconnect');
    t.select([H10, { deviceId: 'twin', deviceName: H10.deviceName }]);
    expect(t.callback).not.toHaveBeenCalled();

    const u = setUp({ id: 'old-id', name: H10.deviceName });
    u.chooser.beginRequest('reconnect');
    u.select([TICKR, H10]);
    expect(u.answers).toEqual([H10.deviceId]);
  });

  it('gives up reconnecting after 15 s with a message naming the strap', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    t.chooser.beginRequest('reconnect');
    t.select([TICKR]);
    t.scheduler.advance(15_000);
    expect(t.answers).toEqual(['']);
    expect(t.lastClosed()).toMatchObject({ reason: 'not-found', message: expect.stringContaining('Polar H10 8C4E did not show up') });
  });

  it('never auto-picks on an ordinary request, nor on a reconnect with nothing remembered', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    t.chooser.beginRequest('choose');
    t.select([H10]);
    expect(t.callback).not.toHaveBeenCalled();
    expect(t.lastOpen()?.mode).toBe('choose');

    const u = setUp(null);
    u.chooser.beginRequest('reconnect');
    u.select([H10]);
    expect(u.callback).not.toHaveBeenCalled();
    expect(u.lastOpen()?.mode).toBe('choose');
  });

  it('a reconnect intent that no request followed does not apply to a later one', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    t.chooser.beginRequest('reconnect');
    t.scheduler.advance(60_000);
    t.select([H10]);
    expect(t.callback).not.toHaveBeenCalled();
  });

  it('a second request while one is open closes the first with an empty answer and opens its own', () => {
    const t = setUp();
    t.select([H10]);
    const first = t.lastOpen()!.requestId;
    t.chooser.beginRequest('choose');
    expect(t.answers).toEqual(['']);
    expect(t.lastClosed()).toMatchObject({ requestId: first, reason: 'superseded' });
    const second = vi.fn();
    t.select([TICKR], second);
    const next = t.lastOpen()!.requestId;
    expect(next).not.toBe(first);
    expect(t.chooser.choose(first, TICKR.deviceId)).toBe(false);
    expect(t.chooser.choose(next, TICKR.deviceId)).toBe(true);
    expect(second).toHaveBeenCalledExactlyOnceWith(TICKR.deviceId);
    expect(t.answers).toEqual(['']);
  });

  it('two quick Connect clicks: one request open at a time, each Electron callback answered once', () => {
    const t = setUp();
    const first = vi.fn();
    const second = vi.fn();
    // Click one: announced, Chromium starts scanning.
    const one = t.chooser.beginRequest('choose').ticket;
    t.select([], first);
    const opened = t.lastOpen()!.requestId;
    // Click two before anything was picked: the first is answered and closed before the second scans.
    const two = t.chooser.beginRequest('choose').ticket;
    expect(first).toHaveBeenCalledExactlyOnceWith('');
    expect(t.chooser.isOpen()).toBe(false);
    t.select([], second);
    t.select([H10], second);
    // Chromium cancels the first request when the second arrives; the page says so afterwards.
    expect(t.chooser.requestEnded(one)).toBe(false);
    const opens = t.chooserEvents.filter((e) => e.state === 'open');
    const ids = [...new Set(opens.map((e) => e.requestId))];
    expect(ids).toEqual([opened, opened + 1]);
    // Never two open at once: every open event after the first close belongs to the second request.
    const firstClose = t.chooserEvents.findIndex((e) => e.state === 'closed');
    expect(t.chooserEvents.slice(firstClose + 1).every((e) => e.requestId === opened + 1)).toBe(true);
    expect(t.chooser.choose(opened + 1, H10.deviceId)).toBe(true);
    expect(second).toHaveBeenCalledExactlyOnceWith(H10.deviceId);
    expect(t.chooser.requestEnded(two)).toBe(false); // picked already: nothing left to close
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("closes the dialog when the page's request ended without an answer, and answers Electron once", () => {
    const t = setUp();
    const { ticket } = t.chooser.beginRequest('choose');
    t.select([]);
    t.select([H10]);
    const { requestId } = t.lastOpen()!;
    // Bluetooth went off mid-scan: Chromium rejected the page's request and told main nothing.
    expect(t.chooser.requestEnded(ticket)).toBe(true);
    expect(t.lastClosed()).toEqual({ requestId, state: 'closed', reason: 'request-ended', message: null });
    expect(t.chooser.isOpen()).toBe(false);
    expect(t.answers).toEqual(['']);
    // Said twice, or followed by a cancel from a dialog that had not heard yet: nothing more.
    expect(t.chooser.requestEnded(ticket)).toBe(false);
    expect(t.chooser.cancel(requestId)).toBe(false);
    t.scheduler.advance(SCAN_STOPS_AFTER_MS);
    expect(t.answers).toEqual(['']);
    expect(t.chooserEvents.filter((e) => e.state === 'closed')).toHaveLength(1);
  });

  it('a request that ended before any list opens nothing, and its "Reconnect" does not carry over', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    // Bluetooth was off: Chromium refused before scanning, so Electron raised nothing.
    const { ticket } = t.chooser.beginRequest('reconnect');
    expect(t.chooser.requestEnded(ticket)).toBe(true);
    expect(t.chooserEvents).toEqual([]);
    expect(t.chooser.isOpen()).toBe(false);
    // A list that turns up later is not that request: shown to choose from, never auto-picked.
    t.select([H10]);
    expect(t.callback).not.toHaveBeenCalled();
    expect(t.lastOpen()).toMatchObject({ mode: 'choose' });
  });

  it('gives up "Reconnect to <name>" when the scan stops, if that comes before the usual 15 s', () => {
    const scheduler = createManualScheduler();
    const events: ChooserEvent[] = [];
    const chooser = createChooserState({
      timers: scheduler,
      now: scheduler.nowMs,
      emitChooser: (event) => events.push(event),
      emitPairing: () => {},
      rememberedStrap: () => ({ id: H10.deviceId, name: H10.deviceName }),
      scanStopsAfterMs: 5_000,
    });
    openChoosers.push(chooser);
    const answers: string[] = [];
    chooser.beginRequest('reconnect');
    chooser.onDeviceList([TICKR], (id) => answers.push(id));
    scheduler.advance(5_000);
    expect(answers).toEqual(['']);
    expect(events.at(-1)).toMatchObject({ state: 'closed', reason: 'not-found', message: expect.stringContaining('Polar H10 8C4E did not show up') });
  });

  it("answers '' when the page reloads or its renderer crashes mid-request", () => {
    for (const event of ['did-navigate', 'render-process-gone']) {
      const t = setUp();
      t.chooser.beginRequest('choose');
      t.select([H10]);
      t.contents.emit(event);
      expect(t.answers, event).toEqual(['']);
      expect(t.lastClosed(), event).toMatchObject({ reason: 'window-closed' });
      expect(t.chooser.isOpen(), event).toBe(false);
    }
  });

  it("answers '' when the window closes mid-request, and ignores picks after that", () => {
    const t = setUp();
    t.select([H10]);
    const { requestId } = t.lastOpen()!;
    t.contents.emit('destroyed');
    expect(t.answers).toEqual(['']);
    expect(t.chooser.isOpen()).toBe(false);
    expect(t.chooser.choose(requestId, H10.deviceId)).toBe(false);
    t.scheduler.advance(120_000);
    expect(t.answers).toEqual(['']);
  });
});

describe('Bluetooth pairing prompt', () => {
  function pairingSetUp() {
    const t = setUp();
    attachBluetoothPairing(session.defaultSession as never, t.chooser);
    const handler = session.defaultSession.bluetoothPairingHandler as (
      details: { deviceId: string; pairingKind: string; pin?: string },
      callback: (response: PairingResponse) => void,
    ) => void;
    return { ...t, handler };
  }

  it('asks the window to confirm a PIN, naming the strap, and passes the answer on', () => {
    const t = pairingSetUp();
    t.select([H10]);
    const respond = vi.fn();
    // Chromium hands Electron the strap's display name here, not the id the lists carry.
    t.handler({ deviceId: H10.deviceName, pairingKind: 'confirmPin', pin: '123456' }, respond);
    const open = t.pairingEvents.at(-1);
    expect(open).toMatchObject({ state: 'open', kind: 'confirmPin', deviceName: H10.deviceName, pin: '123456' });
    const id = (open as { pairingId: number }).pairingId;
    expect(t.chooser.answerPairing(id, true)).toBe(true);
    expect(respond).toHaveBeenCalledExactlyOnceWith({ confirmed: true });
    expect(t.pairingEvents.at(-1)).toEqual({ pairingId: id, state: 'closed' });
  });

  it('needs a PIN when the strap asks for one, and refuses after a minute without an answer', () => {
    const t = pairingSetUp();
    const respond = vi.fn();
    t.handler({ deviceId: 'Unknown or Unsupported Device (AA:BB:CC:00:00:09)', pairingKind: 'providePin' }, respond);
    const id = (t.pairingEvents.at(-1) as { pairingId: number }).pairingId;
    expect(t.pairingEvents.at(-1)).toMatchObject({ deviceName: 'your strap' });
    expect(t.chooser.answerPairing(id, true)).toBe(false);
    expect(t.chooser.answerPairing(id, true, '0000')).toBe(true);
    expect(respond).toHaveBeenCalledExactlyOnceWith({ confirmed: true, pin: '0000' });

    const late = vi.fn();
    t.handler({ deviceId: H10.deviceId, pairingKind: 'confirm' }, late);
    t.scheduler.advance(60_000);
    expect(late).toHaveBeenCalledExactlyOnceWith({ confirmed: false });
  });

  it('names the strap the user picked when Chromium only knows its address, and never shows an address', () => {
    const t = pairingSetUp();
    t.chooser.beginRequest('choose');
    t.select([H10, TICKR]);
    t.chooser.choose(t.lastOpen()!.requestId, TICKR.deviceId);
    const respond = vi.fn();
    t.handler({ deviceId: `Unknown or Unsupported Device (${TICKR.deviceId})`, pairingKind: 'confirm' }, respond);
    expect(t.pairingEvents.at(-1)).toMatchObject({ state: 'open', deviceName: TICKR.deviceName });
    // An id some platform might pass instead: the listed name, not the address.
    t.handler({ deviceId: H10.deviceId, pairingKind: 'confirm' }, respond);
    expect(t.pairingEvents.at(-1)).toMatchObject({ state: 'open', deviceName: H10.deviceName });
    const shown = t.pairingEvents.flatMap((e) => (e.state === 'open' ? [e.deviceName] : []));
    expect(shown.some((name) => /[0-9a-f]{2}(:[0-9a-f]{2}){5}/i.test(name))).toBe(false);
  });

  it('refuses pairing when the window closes', () => {
    const t = pairingSetUp();
    const respond = vi.fn();
    t.handler({ deviceId: H10.deviceId, pairingKind: 'confirm' }, respond);
    t.contents.emit('destroyed');
    expect(respond).toHaveBeenCalledExactlyOnceWith({ confirmed: false });
  });
});

describe('Bluetooth chooser through the IPC router', () => {
  const opened: Array<{ temp: { cleanup: () => void }; app: AppServices }> = [];
  // The services end their own work (the storage probe they start, the reminders, the
  // records) before their folder goes: a probe still in flight recreated it, left empty in /tmp.
  afterEach(async () => {
    for (const { temp, app } of opened.splice(0)) {
      try {
        await app.close();
      } finally {
        temp.cleanup();
      }
    }
  });

  function services() {
    const temp = makeTempDir('attune-bt-');
    const scheduler = createManualScheduler();
    const sent: Array<{ event: string; payload: unknown }> = [];
    const app = createAppServices({
      userDataDir: temp.path,
      appVersion: '0.0.0-test',
      platform: 'linux',
      now: () => new Date(scheduler.nowMs()),
      isTrustedSender: () => true,
      revealFile: () => {},
      sendEvent: (event, payload) => sent.push({ event, payload }),
      timers: scheduler,
    });
    opened.push({ temp, app });
    const invoke = (channel: string, payload?: unknown) => app.router.dispatch(TRUSTED_TEST_FRAME, { channel, payload });
    return { app, sent, invoke, scheduler };
  }

  it('picks through the contract, remembers the strap once it connected, and forgets it', async () => {
    const { app, sent, invoke } = services();
    expect(await invoke('bluetooth.beginRequest', { mode: 'choose' })).toEqual({ ok: true, value: { rememberedStrap: null, ticket: 1 } });
    const answers: string[] = [];
    app.bluetoothChooser.onDeviceList([H10], (id) => answers.push(id));
    const opened = sent.find((m) => m.event === 'bluetooth.chooser')!.payload as { requestId: number };
    expect(await invoke('bluetooth.choose', { requestId: opened.requestId, deviceId: H10.deviceId })).toEqual({ ok: true, value: { accepted: true } });
    expect(answers).toEqual([H10.deviceId]);

    const remembered = await invoke('bluetooth.rememberConnected', { name: H10.deviceName });
    expect(remembered).toEqual({ ok: true, value: { rememberedStrap: { id: H10.deviceId, name: H10.deviceName } } });
    expect(app.settings.get().devices.rememberedStrap).toEqual({ id: H10.deviceId, name: H10.deviceName });
    expect(sent.some((m) => m.event === 'settings.changed')).toBe(true);

    expect(await invoke('bluetooth.forget')).toEqual({ ok: true, value: { forgotten: true } });
    expect(app.settings.get().devices.rememberedStrap).toBeNull();
  });

  it("closes the window's dialog through bluetooth.requestEnded when its request is gone", async () => {
    const { app, sent, invoke } = services();
    const begun = await invoke('bluetooth.beginRequest', { mode: 'choose' });
    const ticket = (begun as { value: { ticket: number } }).value.ticket;
    const answers: string[] = [];
    app.bluetoothChooser.onDeviceList([], (id) => answers.push(id));
    expect(await invoke('bluetooth.requestEnded', { ticket })).toEqual({ ok: true, value: { accepted: true } });
    expect(answers).toEqual(['']);
    expect(sent.filter((m) => m.event === 'bluetooth.chooser').at(-1)?.payload).toMatchObject({ state: 'closed', reason: 'request-ended' });
    expect(await invoke('bluetooth.requestEnded', { ticket })).toEqual({ ok: true, value: { accepted: false } });
    expect(await invoke('bluetooth.requestEnded', {})).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('bluetooth.requestEnded', { ticket, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('refuses malformed answers with a typed error', async () => {
    const { invoke } = services();
    expect(await invoke('bluetooth.choose', { requestId: 'one', deviceId: '' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('bluetooth.answerPairing', { pairingId: 1, confirmed: true, pin: '12ab' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });
});
