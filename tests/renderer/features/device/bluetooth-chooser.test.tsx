/// <reference types="web-bluetooth" />
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SCAN_STOPS_AFTER_MS, type ListedDevice } from '../../../../main/bluetooth/chooser-state.ts';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import type { ChooserEvent } from '../../../../shared/ipc/channels/bluetooth.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';
import { FakeStrap } from '../../support/fake-web-bluetooth.ts';

// The chooser never hangs: the dialog as the user sees it, with main's real chooser state
// machine (in process, on the test's clock) and a stand-in for what Electron and Chromium do
// between the page's requestDevice and main's `select-bluetooth-device` event (Electron 45):
// the event comes as the scan starts, with the list so far; a newer request drops the one
// still pending; a request can end without main's answer (Bluetooth switched off), and then
// the page rejects with "User cancelled the requestDevice() chooser.".

const H10: ListedDevice = { deviceId: 'AA:01', deviceName: 'Polar H10 8C4E' };

const CANCELLED = 'User cancelled the requestDevice() chooser.';

type PageRequest = {
  /** Every answer main gave this request's Electron callback. */
  readonly answers: string[];
  /** Electron raises the event again, with the list grown to this. */
  list(devices: ListedDevice[]): void;
  /** Chromium drops the request without asking main (Bluetooth went off, the scan failed). */
  drop(): void;
};

type Stand = {
  bluetooth: Bluetooth;
  requests: PageRequest[];
  /** When set, the next request is refused before Electron raises anything (Bluetooth was off). */
  refuseBeforeList: boolean;
};

function electronStandIn(main: InProcessApi, strap: FakeStrap): Stand {
  let pending: PageRequest | null = null;
  const stand: Stand = {
    requests: [],
    refuseBeforeList: false,
    bluetooth: {
      requestDevice() {
        return new Promise<BluetoothDevice>((resolve, reject) => {
          // Chromium posts the outcome to the page as a task of its own, so the page hears of
          // it after whatever main does next (such as showing a newer request's list).
          const cancelled = () => setTimeout(() => reject(new DOMException(CANCELLED, 'NotFoundError')), 0);
          // Chromium keeps one chooser per page: a new request drops the one still pending.
          pending?.drop();
          if (stand.refuseBeforeList) {
            cancelled();
            return;
          }
          let settled = false;
          const settle = (deviceId: string) => {
            if (settled) return; // a callback whose chooser is gone does nothing
            settled = true;
            if (pending === request) pending = null;
            if (deviceId === '') cancelled();
            else setTimeout(() => resolve(strap as unknown as BluetoothDevice), 0);
          };
          const request: PageRequest = {
            answers: [],
            list: (devices) =>
              main.services.bluetoothChooser.onDeviceList(devices, (deviceId) => {
                request.answers.push(deviceId);
                settle(deviceId);
              }),
            drop: () => settle(''),
          };
          pending = request;
          stand.requests.push(request);
          // Electron raises the event as the scan starts, before the page hears anything back.
          request.list([]);
        });
      },
    } as unknown as Bluetooth,
  };
  return stand;
}

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; stand: Stand; chooserEvents: ChooserEvent[] };

let current: Rendered | null = null;

afterEach(async () => {
  // The window closes as the app's does: main answers whatever request is still open. The page
  // hears of it a task later and tells main its request ended; that call finishes before main
  // closes.
  const main = current?.main;
  current = null;
  act(() => main?.services.bluetoothChooser.windowClosed());
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  if (main) await waitFor(() => expect(main.pendingCalls()).toBe(0));
  await resetWindow();
});

async function openDevice(): Promise<Rendered> {
  window.location.hash = '#/device';
  const scheduler = createManualScheduler();
  const main = createInProcessApi({ timers: scheduler, now: () => new Date(scheduler.nowMs()) });
  const stand = electronStandIn(main, new FakeStrap({ batteryPercent: 64 }));
  const chooserEvents: ChooserEvent[] = [];
  main.api.on('bluetooth.chooser', (event) => chooserEvents.push(event));
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: stand.bluetooth, scheduler, demoSeed: 8 }} />);
  await screen.findByRole('button', { name: 'Connect a strap' });
  current = { main, scheduler, stand, chooserEvents };
  return current;
}

const status = () => screen.getByTestId('device-status').textContent;
const dialogStatus = (dialog: HTMLElement) => within(dialog).getByRole('status').textContent;

/** The requests main showed at the same moment, at most: never more than one. */
function mostOpenAtOnce(events: ChooserEvent[]): number {
  const open = new Set<number>();
  let most = 0;
  for (const event of events) {
    if (event.state === 'open') open.add(event.requestId);
    else open.delete(event.requestId);
    most = Math.max(most, open.size);
  }
  return most;
}

describe('The chooser never hangs', () => {
  it('closes "Searching…" when the request ends without an answer (Bluetooth switched off)', async () => {
    const user = userEvent.setup();
    const { stand, main } = await openDevice();
    const connect = screen.getByRole('button', { name: 'Connect a strap' });
    await user.click(connect);
    const dialog = await screen.findByRole('dialog', { name: 'Choose your strap' });
    expect(dialogStatus(dialog)).toBe('Searching…');

    // Chromium cancels the request by itself; nobody answered main's Electron callback.
    act(() => stand.requests[0]!.drop());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(main.services.bluetoothChooser.isOpen()).toBe(false);
    expect(stand.requests[0]!.answers).toEqual(['']);
    expect(status()).not.toBe('Looking for your strap…');
    expect(document.activeElement).toBe(connect);
  });

  it('opens no dialog for a request refused before any list, and says Bluetooth is off', async () => {
    const user = userEvent.setup();
    const { stand, main, chooserEvents } = await openDevice();
    stand.refuseBeforeList = true;
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect(status()).toMatch(/^Bluetooth seems to be off/));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(chooserEvents).toEqual([]);
    await waitFor(() => expect(main.pendingCalls()).toBe(0));

    // Bluetooth is back: the next Connect shows the dialog as usual.
    stand.refuseBeforeList = false;
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    expect(dialogStatus(await screen.findByRole('dialog', { name: 'Choose your strap' }))).toBe('Searching…');
  });

  it('says the search has stopped after a minute and offers "Search again", which searches afresh', async () => {
    const user = userEvent.setup();
    const { stand, scheduler, chooserEvents } = await openDevice();
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    let dialog = await screen.findByRole('dialog', { name: 'Choose your strap' });
    act(() => stand.requests[0]!.list([H10]));
    expect(dialogStatus(dialog)).toBe('1 found, still searching…');
    expect(within(dialog).queryByRole('button', { name: 'Search again' })).toBeNull();

    act(() => scheduler.advance(SCAN_STOPS_AFTER_MS));
    expect(dialogStatus(dialog)).toMatch(/^The search has stopped\. Pick your strap above/);
    // What was found stays pickable; nothing closes by itself.
    expect(within(dialog).getByRole('button', { name: 'Polar H10 8C4E' })).toBeTruthy();
    act(() => scheduler.advance(10 * 60_000));
    expect(screen.getByRole('dialog', { name: 'Choose your strap' })).toBe(dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Search again' }));
    await waitFor(() => expect(stand.requests).toHaveLength(2));
    // The old request is answered once, before the new one scans; only one is ever shown.
    expect(stand.requests[0]!.answers).toEqual(['']);
    dialog = await screen.findByRole('dialog', { name: 'Choose your strap' });
    expect(dialogStatus(dialog)).toBe('Searching…');
    act(() => stand.requests[1]!.list([H10]));
    await user.click(within(dialog).getByRole('button', { name: 'Polar H10 8C4E' }));
    await waitFor(() => expect(status()).toBe('Connected, waiting for the first heartbeat…'));
    expect(stand.requests[1]!.answers).toEqual([H10.deviceId]);
    expect(mostOpenAtOnce(chooserEvents)).toBe(1);
  });

  it('says so when the search stopped with nothing found', async () => {
    const user = userEvent.setup();
    const { scheduler } = await openDevice();
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose your strap' });
    act(() => scheduler.advance(SCAN_STOPS_AFTER_MS));
    expect(dialogStatus(dialog)).toMatch(/^The search has stopped and no strap turned up\./);
    expect(within(dialog).getByRole('button', { name: 'Search again' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('two quick Connect clicks show one dialog, and every Electron callback is answered once', async () => {
    const user = userEvent.setup();
    const { stand, chooserEvents } = await openDevice();
    const connect = screen.getByRole('button', { name: 'Connect a strap' });
    // Twice before main has answered the first announcement.
    act(() => {
      fireEvent.click(connect);
      fireEvent.click(connect);
    });
    await screen.findByRole('dialog', { name: 'Choose your strap' });
    // The superseded click never asked Chromium for a second request beside the first.
    await waitFor(() => expect(stand.requests).toHaveLength(1));

    // And once more while its dialog is up: the shown request is answered, then replaced.
    await user.click(connect);
    await waitFor(() => expect(stand.requests).toHaveLength(2));
    expect(stand.requests[0]!.answers).toEqual(['']);
    act(() => stand.requests[1]!.list([H10]));
    const shown = await screen.findByRole('dialog', { name: 'Choose your strap' });
    await user.click(within(shown).getByRole('button', { name: 'Polar H10 8C4E' }));
    await waitFor(() => expect(status()).toBe('Connected, waiting for the first heartbeat…'));

    expect(stand.requests.map((request) => request.answers)).toEqual([[''], [H10.deviceId]]);
    expect(mostOpenAtOnce(chooserEvents)).toBe(1);
  });
});
