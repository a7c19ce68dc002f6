// Chromium's device request prompt, routed through Attune's own chooser as Electron routes it.
//
// In the app, the page's requestDevice() makes Electron raise `select-bluetooth-device` in main
// (again each time the list of devices changes), main's wiring (attachBluetoothChooser in
// main/bluetooth-chooser.ts) hands the list to the chooser's state machine, the in-app dialog
// shows it, and the user's pick or cancel comes back through Electron's callback. Here
// Chromium raises `DeviceAccess.deviceRequestPrompted` on the page's CDP session instead: this
// module plays the part of Electron between the two. Every prompt event becomes a
// `select-bluetooth-device` event on a stand-in for the window's WebContents, handed to main's
// real attachBluetoothChooser and the harness's real chooser; the callback's answer becomes
// `DeviceAccess.selectPrompt` (a device id) or `DeviceAccess.cancelPrompt` ('').
//
// A reload (a new document in the main frame, `Page.frameNavigated`) is Electron's
// 'did-navigate', and detaching is the window's 'destroyed': the chooser lets go of whatever
// that page asked, as in the app. A callback for a prompt Chromium has already dropped does
// nothing, as Electron's does.

import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import type { BluetoothChooserState } from '../../../main/bluetooth/chooser-state.ts';
import { attachBluetoothChooser } from '../../../main/bluetooth-chooser.ts';

export type CdpSession = {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, listener: (params: never) => void): void;
  off(event: string, listener: (params: never) => void): void;
};

export type DevicePromptRoute = {
  /** Prompts Chromium raised (one per requestDevice that reached a prompt). */
  prompts(): number;
  /** Answers given, in order: a device id, or '' for a cancel. */
  readonly answers: string[];
  /** The window goes away: the chooser answers whatever is still open, and no more prompts are routed. */
  detach(): void;
};

type PromptEvent = { id: string; devices: Array<{ id: string; name: string }> };
type NavigatedEvent = { frame: { parentId?: string } };

/** Routes the page's device prompts through `chooser`; call after `DeviceAccess.enable`. */
export async function routeDevicePrompts(pageSession: CdpSession, chooser: BluetoothChooserState): Promise<DevicePromptRoute> {
  const contents = new EventEmitter();
  const promptIds = new Set<string>();
  const answered = new Set<string>();
  const answers: string[] = [];

  const onPrompt = (event: PromptEvent) => {
    promptIds.add(event.id);
    // Electron's callback: the first answer for a prompt counts, later calls do nothing.
    const callback = (deviceId: string) => {
      if (answered.has(event.id)) return;
      answered.add(event.id);
      answers.push(deviceId);
      const answer =
        deviceId === ''
          ? pageSession.send('DeviceAccess.cancelPrompt', { id: event.id })
          : pageSession.send('DeviceAccess.selectPrompt', { id: event.id, deviceId });
      // Chromium may have dropped the prompt already (a newer request, the page went away).
      answer.catch(() => undefined);
    };
    if (answered.has(event.id)) return;
    const devices = event.devices.map((device) => ({ deviceId: device.id, deviceName: device.name }));
    contents.emit('select-bluetooth-device', { preventDefault: () => {} }, devices, callback);
  };
  const onNavigated = (event: NavigatedEvent) => {
    if (event.frame.parentId === undefined) contents.emit('did-navigate');
  };

  await pageSession.send('Page.enable');
  pageSession.on('DeviceAccess.deviceRequestPrompted', onPrompt as (params: never) => void);
  pageSession.on('Page.frameNavigated', onNavigated as (params: never) => void);
  const detachChooser = attachBluetoothChooser(contents as unknown as WebContents, chooser);

  return {
    prompts: () => promptIds.size,
    answers,
    detach() {
      pageSession.off('DeviceAccess.deviceRequestPrompted', onPrompt as (params: never) => void);
      pageSession.off('Page.frameNavigated', onNavigated as (params: never) => void);
      detachChooser();
    },
  };
}
