import { afterEach, describe, expect, it } from 'vitest';
import { encodeHeartRateMeasurement } from '../../../shared/ble/heart-rate-measurement.ts';
import { createBluetoothSource, FIRST_CONNECT_RETRY_MS, SILENT_LINK_MS } from '../../../renderer/sensors/bluetooth-source.ts';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../../renderer/sensors/reconnect-backoff.ts';
import { createDemoSource } from '../../../renderer/sensors/demo-source.ts';
import { describeStatus, type HeartRateSource, type Measurement, type SourceStatus } from '../../../renderer/sensors/heart-rate-source.ts';
import { createReplayFromText, createReplaySource } from '../../../renderer/sensors/replay-source.ts';
import { createFakeBluetooth, FakeStrap, liveFakeListeners } from '../support/fake-web-bluetooth.ts';
import { createManualScheduler } from '../../support/manual-scheduler.ts';

function record(source: HeartRateSource) {
  const statuses: SourceStatus[] = [];
  const measurements: Measurement[] = [];
  source.on('status', (s) => statuses.push(s));
  source.on('measurement', (m) => measurements.push(m));
  return { statuses, measurements, phases: () => statuses.map((s) => s.phase) };
}

const packet = (rrMs: number[], bpm = 70) => encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs });

describe('Bluetooth source (scripted strap)', () => {
  // Every source a test starts is stopped after it, as the app does when a screen or the
  // window goes: its watchdog and reconnect timers end with it.
  const started: HeartRateSource[] = [];
  afterEach(async () => {
    for (const source of started.splice(0)) await source.disconnect();
  });

  function setUp(options: ConstructorParameters<typeof FakeStrap>[0] = {}) {
    const scheduler = createManualScheduler();
    const strap = new FakeStrap(options);
    const fake = createFakeBluetooth(strap);
    const source = createBluetoothSource({ bluetooth: fake.bluetooth, scheduler });
    started.push(source);
    return { scheduler, strap, fake, source, log: record(source) };
  }

  it('asks for any strap with the heart-rate service, connects, subscribes and reads beats', async () => {
    const { fake, strap, source, log, scheduler } = setUp({ batteryPercent: 81, bodySensorLocationCode: 1 });
    await source.connect();
    expect(fake.requests).toEqual([
      { filters: [{ services: [0x180d] }], optionalServices: [0x180f, 0x180a] },
    ]);
    expect(log.phases()).toEqual(['scanning', 'connecting', 'connected']);
    expect(source.label).toBe('Polar H10 8C4E');
    await scheduler.advanceAsync(0);
    expect(source.batteryPercent()).toBe(81);
    expect(source.sensorLocation()).toBe('chest');
    expect(strap.notify(packet([800, 810]))).toBe(true);
    expect(log.measurements).toHaveLength(1);
    expect(log.measurements[0]!.packet.bpm).toBe(70);
    expect(log.measurements[0]!.beats.map((b) => Math.round(b.rrMs))).toEqual([800, 810]);
    expect(describeStatus(source.status(), source.quality())).toBe('Connected');
  });

  it('counts a malformed packet in signal quality and carries on', async () => {
    const { strap, source, log } = setUp();
    await source.connect();
    strap.notify([0x10, 70, 0x01]);
    strap.notify([]);
    strap.notify(packet([850]));
    expect(source.quality()).toMatchObject({ packets: 3, malformed: 2, rrIntervals: 1 });
    expect(source.status().phase).toBe('connected');
    expect(log.measurements).toHaveLength(1);
  });

  it('explains a sensor that sends heart rate but no beat-to-beat intervals', async () => {
    const { strap, source } = setUp();
    await source.connect();
    for (let i = 0; i < 5; i++) strap.notify(encodeHeartRateMeasurement({ bpm: 72 }));
    expect(source.quality().rrSupport).toBe('none');
    expect(describeStatus(source.status(), source.quality())).toMatch(/heart rate only, no beat-to-beat intervals/);
  });

  it('reconnects after a drop with growing waits, fetching the characteristic again, and the session goes on with the gap recorded', async () => {
    const { strap, source, log, scheduler } = setUp();
    await source.connect();
    strap.notify(packet([1000]));
    strap.acceptConnections = false;
    strap.drop();
    expect(source.status()).toEqual({ phase: 'reconnecting', attempt: 1, maxAttempts: 8 });
    expect(describeStatus(source.status(), source.quality())).toMatch(/Reconnecting \(try 1 of 8\)/);
    await scheduler.advanceAsync(1000);
    expect(source.status()).toMatchObject({ phase: 'reconnecting', attempt: 2 });
    await scheduler.advanceAsync(1999);
    expect(source.status()).toMatchObject({ attempt: 2 });
    await scheduler.advanceAsync(1);
    expect(source.status()).toMatchObject({ attempt: 3 });
    strap.acceptConnections = true;
    const fetchesBefore = strap.characteristicFetches;
    await scheduler.advanceAsync(4000);
    expect(source.status().phase).toBe('connected');
    expect(strap.characteristicFetches).toBe(fetchesBefore + 1);
    expect(strap.notify(packet([1000]))).toBe(true);
    const last = log.measurements.at(-1)!;
    expect(last.gap).not.toBeNull();
    expect(source.quality().gaps).toBe(1);
    expect(source.quality().lostSec).toBeGreaterThan(5);
    expect(source.reconnections()).toBe(1);
  });

  it('gives up after the last attempt with a clear message, and Reconnect starts again', async () => {
    const { strap, source, scheduler } = setUp();
    await source.connect();
    strap.acceptConnections = false;
    strap.drop();
    let waited = 0;
    for (let attempt = 1; attempt <= DEFAULT_BACKOFF.maxAttempts; attempt++) waited += backoffDelayMs(attempt, DEFAULT_BACKOFF);
    await scheduler.advanceAsync(waited);
    expect(source.status()).toEqual({ phase: 'lost', message: expect.stringMatching(/Polar H10 8C4E was lost.*press Reconnect/) });
    expect(backoffDelayMs(8, DEFAULT_BACKOFF)).toBe(30_000);
    strap.acceptConnections = true;
    await source.reconnect();
    expect(source.status().phase).toBe('connected');
    expect(strap.notify(packet([900]))).toBe(true);
  });

  it('after 100 drops: one session, every beat once, no listener left behind', async () => {
    const { strap, source, log, scheduler } = setUp();
    const listenersBefore = liveFakeListeners();
    await source.connect();
    let sent = 0;
    for (let cycle = 0; cycle < 100; cycle++) {
      strap.notify(packet([1000]));
      sent += 1;
      strap.drop();
      await scheduler.advanceAsync(1000);
      expect(source.status().phase).toBe('connected');
    }
    strap.notify(packet([1000]));
    sent += 1;
    expect(log.measurements.flatMap((m) => m.beats)).toHaveLength(sent);
    expect(source.reconnections()).toBe(100);
    expect(log.phases().filter((p) => p === 'scanning')).toHaveLength(1);
    await source.disconnect();
    expect(liveFakeListeners()).toBe(listenersBefore);
  });

  it('says what went wrong when connecting fails', async () => {
    const { fake, source } = setUp();
    fake.answer = new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');
    await source.connect();
    expect(source.status()).toMatchObject({ phase: 'failed', problem: 'cancelled' });
    fake.answer = new DOMException('Bluetooth adapter not available.', 'NotFoundError');
    await source.connect();
    expect(source.status()).toMatchObject({ phase: 'failed', problem: 'bluetooth-off' });
    const none = createBluetoothSource({ bluetooth: undefined, scheduler: createManualScheduler() });
    await none.connect();
    expect(none.status()).toMatchObject({ phase: 'failed', problem: 'no-web-bluetooth' });
  });

  it('lets go of a connect that answers after it gave up: no subscribing, the strap is free again', async () => {
    const { strap, source, log, scheduler } = setUp();
    let answer: () => void = () => {};
    strap.connectGate = new Promise((resolve) => (answer = resolve));
    const connecting = source.connect();
    await scheduler.advanceAsync(DEFAULT_BACKOFF.attemptTimeoutMs);
    await connecting;
    expect(source.status()).toMatchObject({ phase: 'failed', problem: 'no-answer', message: 'The strap did not answer in time.' });
    // The strap answers at last: Attune disconnects it at once and shows no heart rate.
    answer();
    await scheduler.advanceAsync(0);
    expect(strap.connected).toBe(false);
    expect(strap.notify(packet([830]))).toBe(false);
    expect(log.measurements).toHaveLength(0);
    expect(source.status().phase).toBe('failed');
  });

  it('Disconnect while reconnecting leaves the strap free, even when the pending connect answers later', async () => {
    const { strap, source, scheduler } = setUp();
    await source.connect();
    let answer: () => void = () => {};
    strap.connectGate = new Promise((resolve) => (answer = resolve));
    strap.drop();
    await scheduler.advanceAsync(1000); // the first reconnect attempt is now waiting on the strap
    expect(source.status()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    await source.disconnect();
    answer();
    await scheduler.advanceAsync(0);
    expect(strap.connected).toBe(false);
    expect(source.status().phase).toBe('idle');
    await scheduler.advanceAsync(60_000);
    expect(strap.connected).toBe(false);
  });

  it('tries a transient failure of the first connect again before giving up', async () => {
    const { strap, source, scheduler } = setUp();
    strap.transientFailures = 2;
    const connecting = source.connect();
    await scheduler.advanceAsync(2 * FIRST_CONNECT_RETRY_MS);
    await connecting;
    expect(source.status().phase).toBe('connected');
    expect(strap.connects).toBe(3);

    const again = setUp();
    again.strap.transientFailures = 3;
    const failing = again.source.connect();
    await again.scheduler.advanceAsync(2 * FIRST_CONNECT_RETRY_MS);
    await failing;
    expect(again.source.status()).toMatchObject({ phase: 'failed', problem: 'connect-failed' });
    expect(again.strap.connects).toBe(3);
  });

  it('looks for a strap the system has forgotten with a new scan when Reconnect is pressed', async () => {
    const requestedModes: string[] = [];
    const scheduler = createManualScheduler();
    const strap = new FakeStrap();
    const fake = createFakeBluetooth(strap);
    const source = createBluetoothSource({
      bluetooth: fake.bluetooth,
      scheduler,
      beforeRequest: async (mode) => void requestedModes.push(mode),
    });
    started.push(source);
    await source.connect();
    // The strap drops; the adapter forgets it, so every reconnect says "no longer in range".
    strap.forgotten = true;
    strap.drop();
    let waited = 0;
    for (let attempt = 1; attempt <= DEFAULT_BACKOFF.maxAttempts; attempt++) waited += backoffDelayMs(attempt, DEFAULT_BACKOFF);
    await scheduler.advanceAsync(waited);
    expect(source.status()).toEqual({ phase: 'lost', message: expect.stringMatching(/no longer sees Polar H10 8C4E.*Attune will look for it again/) });
    // Reconnect: the old device object still fails, so Attune scans for the remembered strap.
    const found = new FakeStrap();
    fake.answer = found;
    await source.reconnect();
    expect(requestedModes).toEqual(['choose', 'reconnect']);
    expect(source.status().phase).toBe('connected');
    expect(found.notify(packet([900]))).toBe(true);
  });

  it('notices a link that delivers nothing: it subscribes again, then reconnects and says why', async () => {
    const { strap, source, scheduler } = setUp();
    await source.connect();
    strap.notify(packet([1000]));
    strap.silent = true;
    await scheduler.advanceAsync(SILENT_LINK_MS);
    expect(source.status().phase).toBe('connected'); // first, a quiet re-subscribe
    await scheduler.advanceAsync(SILENT_LINK_MS);
    expect(source.status()).toEqual({ phase: 'reconnecting', attempt: 1, maxAttempts: 8, reason: 'silent' });
    expect(describeStatus(source.status(), source.quality())).toBe('The strap stopped sending, so Attune is connecting to it afresh. Reconnecting (try 1 of 8)…');
    strap.silent = false;
    await scheduler.advanceAsync(1000);
    expect(source.status().phase).toBe('connected');
    expect(strap.notify(packet([1000]))).toBe(true);
    // A strap that keeps talking is never disturbed.
    for (let i = 0; i < 30; i++) {
      await scheduler.advanceAsync(1000);
      strap.notify(packet([1000]));
    }
    expect(source.status().phase).toBe('connected');
    expect(strap.disconnects).toBe(1);
  });

  it('remakes the link after the computer slept, saying why, and the session goes on', async () => {
    const { strap, source, scheduler, log } = setUp();
    await source.connect();
    strap.notify(packet([1000]));
    source.wake();
    expect(source.status()).toEqual({ phase: 'reconnecting', attempt: 1, maxAttempts: 8, reason: 'wake' });
    expect(describeStatus(source.status(), source.quality())).toMatch(/^Your computer was asleep/);
    expect(strap.connected).toBe(false);
    await scheduler.advanceAsync(1000);
    expect(source.status().phase).toBe('connected');
    expect(strap.notify(packet([1000]))).toBe(true);
    expect(log.measurements).toHaveLength(2);
    // Not connected: nothing to remake.
    await source.disconnect();
    source.wake();
    expect(source.status().phase).toBe('idle');
  });

  it('stops for good on disconnect: no reconnecting, nothing delivered', async () => {
    const { strap, source, log, scheduler } = setUp();
    await source.connect();
    await source.disconnect();
    expect(source.status().phase).toBe('idle');
    expect(strap.connected).toBe(false);
    await scheduler.advanceAsync(60_000);
    expect(strap.connects).toBe(1);
    expect(log.phases().at(-1)).toBe('idle');
  });
});

describe('demo source', () => {
  it('runs on the injected clock, sends through the parser, and is labelled as a demo', async () => {
    const scheduler = createManualScheduler();
    const source = createDemoSource({ scheduler, scenario: 'calm', seed: 4 });
    const log = record(source);
    expect(source.label).toMatch(/^Demo sensor \(simulated\)/);
    await source.connect();
    scheduler.advance(60_000);
    expect(log.measurements).toHaveLength(60);
    expect(source.quality()).toMatchObject({ packets: 60, malformed: 0, rrSupport: 'yes' });
    await source.disconnect();
    scheduler.advance(10_000);
    expect(log.measurements).toHaveLength(60);
  });
});

describe('replay source', () => {
  it('plays a recording faster than real time with its beats exactly as recorded', async () => {
    const scheduler = createManualScheduler();
    const rrMs = Array.from({ length: 120 }, (_, i) => 800 + (i % 7) * 10);
    const source = createReplaySource({ scheduler, name: 'evening.txt', rrMs, speed: 10 });
    const log = record(source);
    await source.connect();
    const totalMs = rrMs.reduce((a, b) => a + b, 0);
    scheduler.advance(Math.ceil(totalMs / 10));
    expect(log.measurements.flatMap((m) => m.beats.map((b) => b.rrMs))).toEqual(rrMs);
    expect(source.status().phase).toBe('finished');
    expect(source.clock.nowMs() - scheduler.nowMs()).toBeGreaterThan(0);
  });

  it('reads any format the engine reads, and names the problem in a file it cannot', () => {
    const scheduler = createManualScheduler();
    expect(createReplayFromText('# Kubios\n800\n810\n', 'k.txt', scheduler).ok).toBe(true);
    const bad = createReplayFromText('hello\n', 'notes.txt', scheduler);
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^notes\.txt could not be played/) });
  });
});
