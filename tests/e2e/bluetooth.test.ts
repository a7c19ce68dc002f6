import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHeartRateMeasurement } from '../../shared/ble/heart-rate-measurement.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';
import { createEmulatedStrap, WEB_BLUETOOTH_PROBE, type EmulatedStrap } from './harness/emulated-strap.ts';

// The real Web Bluetooth path in Debian's Chromium with its Bluetooth emulation (raw CDP,
// see harness/emulated-strap.ts): the app's own Connect button → device prompt answered → GATT connect → discovery →
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
  const button = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 60_000 });
  await button!.click();
}

describe.skipIf(!browserTierAvailable)('Bluetooth strap through Chromium\'s emulation', () => {
  let harness: AppHarness;
  let strap: EmulatedStrap;

  beforeAll(async () => {
    harness = await startAppHarness({ colorScheme: 'light' });
    await harness.page.evaluateOnNewDocument(WEB_BLUETOOTH_PROBE);
    // Real waits, only shorter: 100 ms doubling to at most 400 ms, eight attempts.
    await harness.page.evaluateOnNewDocument('window.__attuneTestBackoff = { firstDelayMs: 100, maxDelayMs: 400 };');
    await harness.open('#/device');
    strap = await createEmulatedStrap(harness.page);
  });
  afterAll(async () => {
    await strap?.dispose();
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

  it('reconnects after a drop, fetching the characteristic again, and the session continues', async () => {
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
    // The packets above were sent faster than real time, so their beats run about 3.4 s ahead
    // of the clock; wait long enough that the next beat is clearly after a gap (> 2 s).
    await new Promise((resolve) => setTimeout(resolve, 6500));
    await strap.send(packet([880], 67));
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="device-bpm"]')?.textContent === '67 bpm');
    expect(await text(harness, 'quality-packets')).toBe('6');
    expect(await text(harness, 'quality-gaps')).toMatch(/^1, \d+ s missed/);
  });

  it('survives 100 drops and reconnects: one session, every beat once, no leaked listeners', async () => {
    const rrCount = async () => Number((await text(harness, 'quality-rr')).match(/(\d+) so far/)?.[1] ?? NaN);
    const before = await strap.probe();
    const rrBefore = await rrCount();
    const reconnectsMeasured: number[] = [];
    for (let cycle = 0; cycle < 100; cycle += 1) {
      const subscribed = (await strap.probe()).startNotifications;
      await strap.drop();
      await harness.page.waitForFunction(
        (count) => (window as unknown as { __bluetoothProbe: { startNotifications: number } }).__bluetoothProbe.startNotifications > count,
        { timeout: 60_000 },
        subscribed,
      );
      await waitForStatus(harness, /^Connected$/);
      await strap.send(packet([800 + (cycle % 40)], 60 + (cycle % 20)));
      await harness.page.waitForFunction(
        (expected) => document.querySelector('[data-testid="quality-rr"]')?.textContent?.includes(`${expected} so far`) === true,
        { timeout: 60_000 },
        rrBefore + cycle + 1,
      );
      reconnectsMeasured.push(cycle);
    }
    const after = await strap.probe();
    expect(reconnectsMeasured).toHaveLength(100);
    expect(await rrCount()).toBe(rrBefore + 100); // every beat arrived once: none lost, none doubled
    expect(after.startNotifications).toBe(before.startNotifications + 100);
    expect(after.listeners).toBe(before.listeners); // listeners re-attached, never piled up
    expect(strap.counts.prompts).toBe(1); // the same session throughout: no chooser again
    expect(await harness.page.$eval('.device-name', (el) => el.textContent)).toBe('Polar H10 8C4E');
    console.log(
      `[bluetooth] 100 drop/reconnect cycles: ${strap.counts.connectionAttempts} connection attempts, ` +
        `${after.startNotifications - before.startNotifications} resubscriptions, RR ${rrBefore}→${await rrCount()}, ` +
        `page listeners ${before.listeners}→${after.listeners}`,
    );
  }, 240_000);

  it('ends a refused reconnect in a clear message with a Reconnect button', async () => {
    const attemptsBefore = strap.counts.connectionAttempts;
    strap.acceptConnections = false;
    await strap.drop();
    await waitForStatus(harness, /Reconnecting/);
    await waitForStatus(harness, /was lost and could not be restored/, 30_000);
    // Eight refused attempts, then the app stops trying on its own.
    expect(strap.counts.connectionAttempts - attemptsBefore).toBe(8);
    expect(await harness.page.$('::-p-aria([name="Reconnect"][role="button"])')).not.toBeNull();
    expect(strap.counts.prompts).toBe(1); // no chooser popped up on its own
  });

});

describe.skipIf(!browserTierAvailable)('Device screen with the demo sensor', () => {
  it.each(['light', 'dark'] as const)('shows the labelled demo source in %s and saves a screenshot', async (colorScheme) => {
    const harness = await startAppHarness({ colorScheme });
    try {
      await harness.open('#/device');
      await harness.page.select('#demo-scenario', 'flooded-then-recovers');
      await clickButton(harness, 'Start the demo');
      await harness.page.waitForFunction(() => Number(document.querySelector('[data-testid="quality-packets"]')?.textContent) >= 3, { timeout: 60_000 });
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
