import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { encodeHeartRateMeasurement } from '../../../../shared/ble/heart-rate-measurement.ts';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';
import { createFakeBluetooth, FakeStrap, type FakeBluetooth } from '../../support/fake-web-bluetooth.ts';

// The Device screen in the whole window, against the real main-side services (router,
// settings file, Bluetooth chooser state machine) in process, a scripted strap for Web
// Bluetooth and a manual clock for the demo sensor and reconnect waits.

afterEach(async () => {
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; strap: FakeStrap; fake: FakeBluetooth };

async function openDevice(): Promise<Rendered> {
  window.location.hash = '#/device';
  const main = createInProcessApi();
  const scheduler = createManualScheduler();
  const strap = new FakeStrap({ batteryPercent: 64 });
  const fake = createFakeBluetooth(strap);
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: fake.bluetooth, scheduler, demoSeed: 8 }} />);
  await screen.findByRole('button', { name: 'Connect a strap' });
  return { main, scheduler, strap, fake };
}

const status = () => screen.getByTestId('device-status').textContent;
const packet = (rrMs: number[], bpm = 71) => encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs });

describe('Device screen', () => {
  it('runs the demo sensor, clearly labelled, with heart rate and signal quality', async () => {
    const user = userEvent.setup();
    const { scheduler } = await openDevice();
    await user.selectOptions(screen.getByLabelText('Demo sensor'), 'flooded-then-recovers');
    await user.click(screen.getByRole('button', { name: 'Start the demo' }));
    expect(screen.getByText(/^Demo sensor \(simulated\): Flooded, then settling/)).toBeTruthy();
    expect(screen.getByText('Demo')).toBeTruthy();
    await act(async () => scheduler.advance(20_000));
    expect(status()).toBe('Connected');
    expect(Number(screen.getByTestId('device-bpm').textContent?.replace(' bpm', ''))).toBeGreaterThan(95);
    expect(screen.getByTestId('quality-packets').textContent).toBe('20');
    expect(screen.getByTestId('quality-rr').textContent).toMatch(/^Yes/);
    await user.click(screen.getByRole('button', { name: 'Stop the demo' }));
    expect(status()).toBe('Not connected');
  });

  it('connects a strap through the chooser, shows its battery, and counts unreadable readings', async () => {
    const user = userEvent.setup();
    const { main, strap, fake } = await openDevice();
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    // Main's chooser saw the request coming; Electron would now raise select-bluetooth-device.
    await waitFor(() => expect(status()).toBe('Connected, waiting for the first heartbeat…'));
    expect(fake.requests).toHaveLength(1);
    expect(screen.getByText('Polar H10 8C4E')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('64 %')).toBeTruthy());
    act(() => {
      strap.notify(packet([845, 850]));
      strap.notify([0x10, 71, 0x01]);
    });
    expect(screen.getByTestId('device-bpm').textContent).toBe('71 bpm');
    expect(screen.getByTestId('quality-malformed').textContent).toBe('1, skipped');
    expect(status()).toBe('Connected');
    expect(main.services.settings.get().devices.rememberedStrap).toBeNull(); // nothing was picked in main's chooser
  });

  it('explains a sensor that sends no beat-to-beat intervals, and opens the matching help', async () => {
    const user = userEvent.setup();
    const { strap } = await openDevice();
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect(status()).toMatch(/^Connected/));
    act(() => {
      for (let i = 0; i < 5; i++) strap.notify(encodeHeartRateMeasurement({ bpm: 75 }));
    });
    expect(status()).toMatch(/heart rate only, no beat-to-beat intervals/);
    const help = screen.getByText('Connected, but no time between beats').closest('details');
    expect(help?.open).toBe(true);
  });

  it('shows reconnecting after a drop, then a clear message and a Reconnect button when the strap stays away', async () => {
    const user = userEvent.setup();
    const { strap, scheduler } = await openDevice();
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect(status()).toMatch(/^Connected/));
    act(() => {
      strap.notify(packet([900]));
    });
    strap.acceptConnections = false;
    act(() => strap.drop());
    expect(status()).toMatch(/Reconnecting \(try 1 of 8\)/);
    await act(async () => scheduler.advanceAsync(4 * 60_000));
    expect(status()).toMatch(/was lost and could not be restored/);
    strap.acceptConnections = true;
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(status()).toMatch(/^Connected/));
    act(() => {
      strap.notify(packet([900]));
    });
    expect(screen.getByTestId('quality-gaps').textContent).toMatch(/^1, \d+ s missed/);
  });

  it('says plainly when Bluetooth is off, with the help for it open', async () => {
    const user = userEvent.setup();
    const { fake } = await openDevice();
    fake.answer = new DOMException('Bluetooth adapter not available.', 'NotFoundError');
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect(status()).toBe('Bluetooth seems to be off, or this computer has none that Attune can use.'));
    expect(screen.getByText('Bluetooth is off').closest('details')?.open).toBe(true);
  });

  it.each([
    ['User denied the browser permission to scan for Bluetooth devices.', 'Your computer did not let Attune look for Bluetooth devices.', 'On a Mac: Attune is not allowed to use Bluetooth'],
    ['GATT operation not authorized.', 'The strap wants to be paired with this computer before it shares heart data.', 'The strap asks to be paired'],
    ['Bluetooth Device is no longer in range.', 'Your computer cannot find the strap any more. It may be out of range, asleep, or forgotten by the system.', 'Your computer lost sight of the strap'],
  ])('says what really happened for "%s", with its help open', async (message, words, topic) => {
    const user = userEvent.setup();
    const { fake } = await openDevice();
    fake.answer = new DOMException(message, message.startsWith('GATT') ? 'SecurityError' : message.startsWith('User') ? 'NotFoundError' : 'NetworkError');
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect(status()).toBe(words));
    expect(screen.getByText(topic).closest('details')?.open).toBe(true);
    expect(screen.getByText('The strap does not show up in the list').closest('details')?.open).toBe(false);
  });
});

describe('Bluetooth chooser dialog', () => {
  const H10 = { deviceId: 'AA:01', deviceName: 'Polar H10 8C4E' };
  const TICKR = { deviceId: 'AA:02', deviceName: 'TICKR 1A2B' };

  it('lists straps as they appear, sends the pick to main, and gives focus back', async () => {
    const user = userEvent.setup();
    const { main } = await openDevice();
    const connect = screen.getByRole('button', { name: 'Connect a strap' });
    connect.focus();
    const answers: string[] = [];
    act(() => main.services.bluetoothChooser.onDeviceList([], (id) => answers.push(id)));
    const dialog = await screen.findByRole('dialog', { name: 'Choose your strap' });
    expect(within(dialog).getByRole('status').textContent).toBe('Searching…');
    act(() => main.services.bluetoothChooser.onDeviceList([H10, TICKR], (id) => answers.push(id)));
    const list = within(dialog).getByRole('list', { name: 'Straps nearby' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['Polar H10 8C4E', 'TICKR 1A2B']);
    await user.click(within(list).getByRole('button', { name: 'TICKR 1A2B' }));
    await waitFor(() => expect(answers).toEqual(['AA:02']));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(connect);
  });

  it('cancels with the Cancel button, answering main with an empty pick', async () => {
    const user = userEvent.setup();
    const { main } = await openDevice();
    const answers: string[] = [];
    act(() => main.services.bluetoothChooser.onDeviceList([H10], (id) => answers.push(id)));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(answers).toEqual(['']));
  });

  it('asks for a PIN in the same dialog when the system wants one', async () => {
    const user = userEvent.setup();
    const { main } = await openDevice();
    const responses: unknown[] = [];
    // Chromium names a strap without a name by its address; the prompt shows neither.
    act(() =>
      main.services.bluetoothChooser.onPairingRequest({ deviceId: 'Unknown or Unsupported Device (AA:BB:CC:00:00:09)', pairingKind: 'providePin' }, (r) => responses.push(r)),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Pair with your strap?' });
    await user.type(within(dialog).getByLabelText('PIN for your strap'), '0000');
    await user.click(within(dialog).getByRole('button', { name: 'Pair' }));
    await waitFor(() => expect(responses).toEqual([{ confirmed: true, pin: '0000' }]));
  });

  it('offers "Reconnect to <name>" and Forget once a strap is remembered', async () => {
    const user = userEvent.setup();
    const { main } = await openDevice();
    act(() => {
      main.services.bluetoothChooser.beginRequest('choose');
      main.services.bluetoothChooser.onDeviceList([H10], () => {});
    });
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Polar H10 8C4E' }));
    await act(async () => {
      await main.api.invoke('bluetooth.rememberConnected', { name: 'Polar H10 8C4E' });
    });
    await user.click(await screen.findByRole('button', { name: 'Forget Polar H10 8C4E' }));
    await waitFor(() => expect(main.services.settings.get().devices.rememberedStrap).toBeNull());
    await waitFor(() => expect(screen.queryByRole('button', { name: /Reconnect to/ })).toBeNull());
  });
});
