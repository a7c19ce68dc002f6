import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, session } from '../../mocks/electron.ts';
import { attachBluetoothChooser, attachBluetoothPairing } from '../../../main/bluetooth-chooser.ts';
import { createChooserState, type PairingResponse } from '../../../main/bluetooth/chooser-state.ts';
import { createAppServices } from '../../../main/services.ts';
import type { ChooserEvent, PairingEvent } from '../../../shared/ipc/channels/bluetooth.ts';
import type { RememberedStrap } from '../../../shared/model/settings.ts';
import { createManualScheduler } from '../../support/manual-scheduler.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { TRUSTED_TEST_FRAME } from '../../support/in-process-api.ts';

// The chooser as Electron drives it: the window's webContents raises
// `select-bluetooth-device` (first with an empty list, then each time it grows) and the
// session's pairing handler asks for confirmation. Electron here is the stand-in.

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

  it("answers '' when nobody chooses in time, never a device", () => {
    const t = setUp();
    t.select([H10, TICKR]);
    t.scheduler.advance(89_000);
    expect(t.callback).not.toHaveBeenCalled();
    t.scheduler.advance(1_000);
    expect(t.answers).toEqual(['']);
    expect(t.lastClosed()).toMatchObject({ reason: 'timeout', message: expect.stringMatching(/nothing was chosen/) });
  });

  it('"Reconnect to <name>" picks the remembered strap as soon as it appears', () => {
    const t = setUp({ id: H10.deviceId, name: H10.deviceName });
    expect(t.chooser.beginRequest('reconnect')).toEqual({ id: H10.deviceId, name: H10.deviceName });
    t.select([]);
    expect(t.lastOpen()).toMatchObject({ mode: 'reconnect', lookingFor: H10.deviceName, timeoutSec: 15 });
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
    t.handler({ deviceId: H10.deviceId, pairingKind: 'confirmPin', pin: '123456' }, respond);
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
    t.handler({ deviceId: 'unknown', pairingKind: 'providePin' }, respond);
    const id = (t.pairingEvents.at(-1) as { pairingId: number }).pairingId;
    expect(t.pairingEvents.at(-1)).toMatchObject({ deviceName: 'Your strap' });
    expect(t.chooser.answerPairing(id, true)).toBe(false);
    expect(t.chooser.answerPairing(id, true, '0000')).toBe(true);
    expect(respond).toHaveBeenCalledExactlyOnceWith({ confirmed: true, pin: '0000' });

    const late = vi.fn();
    t.handler({ deviceId: H10.deviceId, pairingKind: 'confirm' }, late);
    t.scheduler.advance(60_000);
    expect(late).toHaveBeenCalledExactlyOnceWith({ confirmed: false });
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
  const temps: Array<{ cleanup: () => void }> = [];
  afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

  function services() {
    const temp = makeTempDir('attune-bt-');
    temps.push(temp);
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
    const invoke = (channel: string, payload?: unknown) => app.router.dispatch(TRUSTED_TEST_FRAME, { channel, payload });
    return { app, sent, invoke, scheduler };
  }

  it('picks through the contract, remembers the strap once it connected, and forgets it', async () => {
    const { app, sent, invoke } = services();
    expect(await invoke('bluetooth.beginRequest', { mode: 'choose' })).toEqual({ ok: true, value: { rememberedStrap: null } });
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

  it('refuses malformed answers with a typed error', async () => {
    const { invoke } = services();
    expect(await invoke('bluetooth.choose', { requestId: 'one', deviceId: '' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('bluetooth.answerPairing', { pairingId: 1, confirmed: true, pin: '12ab' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });
});
