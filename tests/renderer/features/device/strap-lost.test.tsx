import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { encodeHeartRateMeasurement } from '../../../../shared/ble/heart-rate-measurement.ts';
import { pageIntentScript, type PageIntentRegistry } from '../../../../shared/model/page-intents.ts';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../../../renderer/sensors/reconnect-backoff.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler } from '../../../support/manual-scheduler.ts';
import { createFakeBluetooth, FakeStrap } from '../../support/fake-web-bluetooth.ts';

// A strap lost in the field, in the whole window against the real main-side services: the
// tray learns which strap is lost and offers to reconnect it, its item lands on the Device
// screen's Reconnect button, and Reconnect finds a strap the system forgot with a new scan.
// Waking from sleep remakes a live link.

afterEach(async () => {
  await resetWindow();
});

const status = () => screen.getByTestId('device-status').textContent;
const packet = (rrMs: number[]) => encodeHeartRateMeasurement({ bpm: 70, contact: 'detected', rrMs });

async function connected() {
  window.location.hash = '#/device';
  const main = createInProcessApi();
  const scheduler = createManualScheduler();
  const strap = new FakeStrap();
  const fake = createFakeBluetooth(strap);
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: fake.bluetooth, scheduler, demoSeed: 8 }} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Connect a strap' }));
  await waitFor(() => expect(status()).toBe('Connected, waiting for the first heartbeat…'));
  strap.notify(packet([1000]));
  return { main, scheduler, strap, fake, user };
}

describe('a strap lost in the field', () => {
  it('the tray offers to reconnect it, lands on Reconnect, and a forgotten strap is found with a new scan', async () => {
    const { main, scheduler, strap, fake, user } = await connected();
    strap.forgotten = true;
    strap.drop();
    let waited = 0;
    for (let attempt = 1; attempt <= DEFAULT_BACKOFF.maxAttempts; attempt++) waited += backoffDelayMs(attempt, DEFAULT_BACKOFF);
    await act(async () => scheduler.advanceAsync(waited));
    await waitFor(() => expect(status()).toMatch(/no longer sees Polar H10 8C4E/));
    await waitFor(() => expect(main.services.reminders.liveStatus.lostStrap()).toBe('Polar H10 8C4E'));

    // The tray item opens the Device screen with Reconnect under the keyboard.
    act(() => {
      window.location.hash = '#/device?reconnect';
    });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Reconnect'));
    expect(window.location.hash).toBe('#/device');

    // The system forgot the strap; the scan finds it again (main picks the remembered one).
    const found = new FakeStrap();
    fake.answer = found;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(status()).toBe('Connected'));
    expect(fake.requests).toHaveLength(2);
    await waitFor(() => expect(main.services.reminders.liveStatus.lostStrap()).toBeNull());
    expect(found.notify(packet([950]))).toBe(true);
  });

  it('the tray\'s choice runs in the page as a click there: a forgotten strap is found with a new scan, no key press', async () => {
    const { main, scheduler, strap, fake } = await connected();
    const intents = () => (window as unknown as { attunePageIntents: PageIntentRegistry }).attunePageIntents;
    // Connected: the intent leaves a working link alone.
    await waitFor(() => expect(status()).toBe('Connected'));
    let ran = false;
    act(() => {
      ran = intents().run('reconnect-strap');
    });
    expect(ran).toBe(true);
    expect(status()).toBe('Connected');
    expect(fake.requests).toHaveLength(1);
    expect(intents().run('something-else')).toBe(false);

    strap.forgotten = true;
    strap.drop();
    let waited = 0;
    for (let attempt = 1; attempt <= DEFAULT_BACKOFF.maxAttempts; attempt++) waited += backoffDelayMs(attempt, DEFAULT_BACKOFF);
    await act(async () => scheduler.advanceAsync(waited));
    await waitFor(() => expect(main.services.reminders.liveStatus.lostStrap()).toBe('Polar H10 8C4E'));
    fake.answer = new FakeStrap();
    // What main runs when the tray's "Reconnect to Polar H10 8C4E…" is clicked.
    let handled = false;
    await act(async () => {
      handled = (0, eval)(pageIntentScript('reconnect-strap')) as boolean;
    });
    expect(handled).toBe(true);
    await waitFor(() => expect(status()).toBe('Connected'));
    expect(fake.requests).toHaveLength(2);
  });

  it('remakes the link when the computer wakes from sleep, and says so', async () => {
    const { main, scheduler, strap } = await connected();
    act(() => main.emit('system.resumed', {}));
    await waitFor(() => expect(status()).toMatch(/^Your computer was asleep, so Attune is connecting to the strap afresh/));
    expect(strap.connected).toBe(false);
    await act(async () => scheduler.advanceAsync(1000));
    await waitFor(() => expect(status()).toBe('Connected'));
  });
});
