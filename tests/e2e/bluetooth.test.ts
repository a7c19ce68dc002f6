import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHeartRateMeasurement } from '../../shared/ble/heart-rate-measurement.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';
import { createEmulatedStrap, WEB_BLUETOOTH_PROBE, type EmulatedStrap } from './harness/emulated-strap.ts';

// The real Web Bluetooth path in Debian's Chromium with its Bluetooth emulation (WebDriver
// BiDi): the app's own Connect button → device prompt answered → GATT connect → discovery →
// notifications subscribed → values reach the app's listener and the Device screen.
// Values are delivered through the read path (see harness/emulated-strap.ts): Chromium 156
// cannot push a notification, but answering a read fires the same event on the app's object.

const packet = (rrMs: number[], bpm = 72) => encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs });

async function statusText(harness: AppHarness): Promise<string> {
  return harness.page.$eval('[data-testid="device-status"]', (el) => el.textContent ?? '');
}

async function waitForStatus(harness: AppHarness, pattern: RegExp, timeout = 15_000): Promise<void> {
  await harness.page
    .waitForFunction(
    (source, flags) => new RegExp(source, flags).test(document.querySelector('[data-testid="device-status"]')?.textContent ?? ''),
    { timeout },
      pattern.source,
      pattern.flags,
    )
    .catch(async (error: unknown) => {
      const errors = await harness.page.evaluate(() => (window as unknown as { __bluetoothProbe?: { errors: string[] } }).__bluetoothProbe?.errors ?? []);
      throw new Error(`status never matched ${pattern}; it says "${await statusText(harness)}"; Web Bluetooth errors: ${errors.slice(-5).join(' | ')}`, { cause: error });
    });
}

async function text(harness: AppHarness, testId: string): Promise<string> {
  return harness.page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');
}

async function clickButton(harness: AppHarness, name: string): Promise<void> {
  const button = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });
  await button!.click();
}

describe.skipIf(!browserTierAvailable)('Bluetooth strap through Chromium\'s emulation', () => {
  let harness: AppHarness;
  let strap: EmulatedStrap;

  beforeAll(async () => {
    harness = await startAppHarness({ protocol: 'webDriverBiDi', colorScheme: 'light' });
    await harness.page.evaluateOnNewDocument(WEB_BLUETOOTH_PROBE);
    // Real waits, only shorter: 100 ms doubling to at most 400 ms, eight attempts.
    await harness.page.evaluateOnNewDocument('window.__attuneTestBackoff = { firstDelayMs: 100, maxDelayMs: 400 };');
    await harness.open('#/device');
    strap = await createEmulatedStrap(harness.page, harness.bidi!);
  });
  afterAll(async () => {
    strap?.dispose();
    await harness?.close();
  });

  it('connects from the app\'s own button: prompt answered, GATT connected, notifications subscribed', async () => {
    await clickButton(harness, 'Connect a strap');
    await waitForStatus(harness, /^Connected/);
    expect(strap.counts).toMatchObject({ prompts: 1, connectionAttempts: 1, subscriptions: 1 });
    expect(await harness.page.$eval('.device-name', (el) => el.textContent)).toBe('Polar H10 8C4E');
  });

  it('shows heart-rate values that reach the app\'s listener', async () => {
    await strap.send(packet([845, 850], 71));
    await strap.send(packet([860], 70));
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="device-bpm"]')?.textContent === '70 bpm');
    expect(await text(harness, 'quality-packets')).toBe('2');
    expect(await text(harness, 'quality-rr')).toBe('Yes, 3 so far');
    expect(await statusText(harness)).toBe('Connected');
  });

  it('takes a packet without RR intervals in its stride', async () => {
    await strap.send(encodeHeartRateMeasurement({ bpm: 69, contact: 'detected' }));
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="device-bpm"]')?.textContent === '69 bpm');
    expect(await text(harness, 'quality-rr')).toBe('Yes, 3 so far');
  });

  it('counts a malformed packet and goes on', async () => {
    await strap.send([0x10, 70, 0x01]);
    await strap.send(packet([870], 68));
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="device-bpm"]')?.textContent === '68 bpm');
    expect(await text(harness, 'quality-malformed')).toBe('1, skipped');
    expect(await statusText(harness)).toBe('Connected');
  });

  it('saves screenshots of the Device screen with a strap connected', async () => {
    await harness.screenshot('device-bluetooth-light');
  });

  it('ends a refused reconnect in a clear message with a Reconnect button', async () => {
    strap.acceptConnections = false;
    await strap.drop();
    await waitForStatus(harness, /Reconnecting/);
    await waitForStatus(harness, /was lost and could not be restored/, 30_000);
    // The first connection plus eight refused attempts.
    expect(strap.counts.connectionAttempts).toBe(1 + 8);
    expect(await harness.page.$('::-p-aria([name="Reconnect"][role="button"])')).not.toBeNull();
    expect(strap.counts.prompts).toBe(1); // no chooser popped up on its own
  });

  // BLOCKED in Chromium 156's emulation: after bluetooth.simulateGattDisconnection the
  // emulated peripheral loses its GATT services on the browser side, so the app's reconnect
  // (correctly) fetches the service again and gets "NotFoundError: No Services matching UUID
  // 0000180d-… found in Device", while the BiDi layer still refuses to add the service again
  // ("already exists") or to remove it. The accepted-reconnect path is covered against a
  // scripted strap in tests/renderer/sensors/sources.test.ts (incl. 100 drops) until the
  // table can be re-added through the CDP BluetoothEmulation domain under BiDi.
  it.skip('reconnects after a drop, fetching the characteristic again, and the session continues', async () => {
    const before = await strap.probe();
    // The first attempt is refused so "reconnecting" stays on screen long enough to see.
    strap.acceptConnections = false;
    await strap.drop();
    await waitForStatus(harness, /Reconnecting/);
    strap.acceptConnections = true;
    await waitForStatus(harness, /^Connected$/);
    const after = await strap.probe();
    expect(after.getCharacteristic).toBeGreaterThan(before.getCharacteristic);
    expect(after.startNotifications).toBe(before.startNotifications + 1);
    expect(strap.counts.prompts).toBe(1); // same session: no new chooser
    await new Promise((resolve) => setTimeout(resolve, 2500)); // long enough to count as a gap
    await strap.send(packet([880], 67));
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="device-bpm"]')?.textContent === '67 bpm');
    expect(await text(harness, 'quality-packets')).toBe('6');
    expect(await text(harness, 'quality-gaps')).toMatch(/^1, \d+ s missed/);
  });

});

describe.skipIf(!browserTierAvailable)('Device screen with the demo sensor', () => {
  it.each(['light', 'dark'] as const)('shows the labelled demo source in %s and saves a screenshot', async (colorScheme) => {
    const harness = await startAppHarness({ colorScheme });
    try {
      await harness.open('#/device');
      await harness.page.select('#demo-scenario', 'flooded-then-recovers');
      await clickButton(harness, 'Start the demo');
      await harness.page.waitForFunction(() => Number(document.querySelector('[data-testid="quality-packets"]')?.textContent) >= 3, { timeout: 10_000 });
      expect(await harness.page.$eval('.device-name', (el) => el.textContent)).toMatch(/^Demo sensor \(simulated\)/);
      expect(await statusText(harness)).toBe('Connected');
      await harness.screenshot(`device-demo-${colorScheme}`);
      expect(await harness.cspViolations()).toEqual([]);
      expect(harness.pageErrors).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
