import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler } from '../../../support/manual-scheduler.ts';
import { createFakeBluetooth, FakeStrap, type FakeStrapOptions } from '../../support/fake-web-bluetooth.ts';

// What the Device screen admits about a strap's signal: the strap's own report that it is
// off the skin, and where the sensor says it is worn. Whole window, scripted strap sending
// raw Heart Rate Measurement bytes, manual clock.

afterEach(async () => {
  await resetWindow();
});

async function connectStrap(options: FakeStrapOptions = {}): Promise<FakeStrap> {
  window.location.hash = '#/device';
  const main = createInProcessApi();
  const strap = new FakeStrap({ batteryPercent: 64, ...options });
  const fake = createFakeBluetooth(strap);
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: fake.bluetooth, scheduler: createManualScheduler(), demoSeed: 8 }} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Connect a strap' }));
  await waitFor(() => expect(status()).toBe('Connected, waiting for the first heartbeat…'));
  return strap;
}

const status = () => screen.getByTestId('device-status').textContent;
const bpm = () => screen.getByTestId('device-bpm').textContent;
const contact = () => screen.getByTestId('quality-contact').textContent;

// Flags 0x16: contact supported and detected, RR present. 0x14: supported, no contact.
const ON_SKIN = [0x16, 71, 0x48, 0x03]; // 71 bpm, RR 840 raw = 820.3 ms
const OFF_SKIN_STALE = [0x14, 71]; // the last heart rate again, no RR
const OFF_SKIN_ZERO = [0x04, 0]; // 0 bpm, no RR flag

describe('Device screen: a strap off the skin', () => {
  it('shows "not on the skin" and what to do instead of a stale heart rate, and the heart rate again once it is back on', async () => {
    const strap = await connectStrap();
    act(() => {
      strap.notify(ON_SKIN);
    });
    expect(bpm()).toBe('71 bpm');
    expect(status()).toBe('Connected');
    expect(contact()).toBe('Yes');

    act(() => {
      strap.notify(OFF_SKIN_STALE);
    });
    expect(bpm()).toBe('Not on the skin');
    expect(status()).toMatch(/^Connected, but the strap is not touching your skin\. Moisten its electrodes and tighten it/);
    expect(contact()).toBe('No: the strap is not touching the skin');

    act(() => {
      strap.notify([0x16, 74, 0x00, 0x04]);
    });
    expect(bpm()).toBe('74 bpm');
    expect(status()).toBe('Connected');
  });

  it('keeps saying the strap is off the skin, not that it sends heart rate only, however long it lies there', async () => {
    const strap = await connectStrap();
    act(() => {
      for (let i = 0; i < 12; i++) strap.notify(OFF_SKIN_ZERO);
    });
    expect(bpm()).toBe('Not on the skin');
    expect(status()).toMatch(/not touching your skin/);
    expect(screen.getByTestId('quality-rr').textContent).toBe('Waiting…');
    expect(screen.getByText('Connected, but no time between beats').closest('details')?.open).toBe(false);
  });

  it('leaves a strap that does not report contact alone (Polar flags 0x10)', async () => {
    const strap = await connectStrap();
    act(() => {
      strap.notify([0x10, 63, 0x00, 0x04]);
    });
    expect(bpm()).toBe('63 bpm');
    expect(status()).toBe('Connected');
    expect(contact()).toBe('Not reported by this strap');
  });
});

describe('Device screen: where the sensor is worn', () => {
  it.each([
    [2, 'wrist'],
    [3, 'finger'],
    [4, 'hand'],
    [5, 'ear lobe'],
    [6, 'foot'],
  ])('notes that a sensor on the body location %i (%s) may smooth its beat intervals', async (code, place) => {
    const strap = await connectStrap({ bodySensorLocationCode: code });
    act(() => {
      strap.notify(ON_SKIN);
    });
    const note = await screen.findByTestId('location-note');
    expect(note.textContent).toContain(`worn on the ${place}`);
    expect(note.textContent).toMatch(/variability figures .* less trustworthy than with a chest strap/);
  });

  it.each([
    ['chest (1)', 1],
    ['other (0)', 0],
    ['a reserved code (9)', 9],
    ['no location at all', null],
  ])('has no such note for a sensor on the %s', async (_, code) => {
    const strap = await connectStrap({ bodySensorLocationCode: code });
    act(() => {
      strap.notify(ON_SKIN);
    });
    if (code === 1) await screen.findByText('chest');
    await waitFor(() => expect(bpm()).toBe('71 bpm'));
    expect(screen.queryByTestId('location-note')).toBeNull();
  });
});
