/// <reference types="web-bluetooth" />
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DemoScenario } from '../../shared/sensors/demo-physiology.ts';
import { emptyQuality } from '../../shared/sensors/measurement-reader.ts';
import { useApi } from '../app/attune.ts';
import { usePageIntent } from '../app/page-intents.ts';
import { useDataClient } from '../app/data-client.ts';
import { createBluetoothSource } from './bluetooth-source.ts';
import type { Backoff } from './reconnect-backoff.ts';
import { createDemoSource } from './demo-source.ts';
import type { Unsubscribe } from './emitter.ts';
import type { BreathingCue, HeartRateSource, Measurement, SourceQuality, SourceStatus } from './heart-rate-source.ts';
import { createReplayFromText } from './replay-source.ts';
import { browserScheduler, type Scheduler } from './scheduler.ts';

// The active heart-rate source, app-wide. Screens read what it says (status, heart rate,
// signal quality, battery) and subscribe to its measurements without knowing whether a
// strap, the demo sensor or a replay is behind them. Switching sources stops the old one.

export type SensorEnvironment = {
  bluetooth: Bluetooth | undefined;
  scheduler: Scheduler;
  /** Tests shorten the reconnect waits; the app keeps the defaults. */
  backoff?: Partial<Backoff>;
  /** Fixed demo seed for tests and screenshots; random otherwise. */
  demoSeed?: number;
};

export function browserSensorEnvironment(): SensorEnvironment {
  const environment: SensorEnvironment = {
    bluetooth: typeof navigator !== 'undefined' ? navigator.bluetooth : undefined,
    scheduler: browserScheduler(),
  };
  // The browser-test tier plays a strap through Chromium's emulation in real time; it sets
  // this before the app starts so a hundred reconnects take seconds, not minutes. Only
  // waits can change, never what the app does.
  const testBackoff = (globalThis as { __attuneTestBackoff?: unknown }).__attuneTestBackoff;
  if (typeof testBackoff === 'object' && testBackoff !== null) environment.backoff = pickBackoff(testBackoff as Record<string, unknown>);
  return environment;
}

function pickBackoff(raw: Record<string, unknown>): Partial<Backoff> {
  const backoff: { -readonly [K in keyof Backoff]?: number } = {};
  for (const key of ['firstDelayMs', 'maxDelayMs', 'maxAttempts', 'attemptTimeoutMs'] as const) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) backoff[key] = value;
  }
  return backoff;
}

export type HeartRateSnapshot = {
  source: HeartRateSource | null;
  status: SourceStatus;
  quality: SourceQuality;
  battery: number | null;
  /** The heart rate the sensor last reported, bpm. */
  bpm: number | null;
  /** A sentence from the chooser (e.g. the strap did not show up), until the next attempt. */
  chooserMessage: string | null;
};

export type HeartRateContextValue = HeartRateSnapshot & {
  /** Opens the chooser: call from a click (Web Bluetooth needs the user's gesture). */
  connectStrap(): void;
  /** "Reconnect to <name>": the chooser picks the remembered strap as soon as it appears. */
  reconnectRemembered(): void;
  /** Tries the current strap again after it was lost, without the chooser. */
  retry(): void;
  /** The demo heart; `heartRateOnly` plays a watch-like sensor that sends no beat intervals. */
  startDemo(scenario: DemoScenario, options?: { heartRateOnly?: boolean }): void;
  startReplay(text: string, name: string, speed: number): { ok: true } | { ok: false; message: string };
  stop(): void;
  /** Every measurement of whichever source is active. */
  subscribe(listener: (measurement: Measurement) => void): Unsubscribe;
  /** The breathing pacer's rhythm (the demo sensor's heart follows it). */
  followBreathing(cue: BreathingCue | null): void;
  /** The sensors' clock and timers: whatever keeps time with the beats should run on them. */
  scheduler: Scheduler;
};

const HeartRateContext = createContext<HeartRateContextValue | null>(null);

const IDLE: SourceStatus = { phase: 'idle' };

export function HeartRateProvider({ environment, children }: { environment?: SensorEnvironment; children: ReactNode }) {
  const api = useApi();
  const data = useDataClient();
  const [env] = useState(() => environment ?? browserSensorEnvironment());
  const [snapshot, setSnapshot] = useState<HeartRateSnapshot>({
    source: null,
    status: IDLE,
    quality: emptyQuality(),
    battery: null,
    bpm: null,
    chooserMessage: null,
  });
  const sourceRef = useRef<HeartRateSource | null>(null);
  const listeners = useRef(new Set<(measurement: Measurement) => void>());
  const detach = useRef<Unsubscribe | null>(null);
  const cue = useRef<BreathingCue | null>(null);

  const activate = useCallback((source: HeartRateSource) => {
    const previous = sourceRef.current;
    detach.current?.();
    if (previous !== null && previous !== source) void previous.disconnect();
    sourceRef.current = source;
    source.followBreathing(cue.current);
    const refresh = (changes: Partial<HeartRateSnapshot>) =>
      setSnapshot((current) => (sourceRef.current === source ? { ...current, ...changes, quality: source.quality() } : current));
    const offs = [
      source.on('status', (status) => refresh({ status, battery: source.batteryPercent() })),
      source.on('measurement', (measurement) => {
        refresh({ bpm: measurement.packet.bpm });
        for (const listener of [...listeners.current]) listener(measurement);
      }),
      source.on('malformed', () => refresh({})),
      source.on('battery', (battery) => refresh({ battery })),
    ];
    detach.current = () => offs.forEach((off) => off());
    setSnapshot({ source, status: source.status(), quality: source.quality(), battery: source.batteryPercent(), bpm: null, chooserMessage: null });
  }, []);

  // Whether main's chooser showed since the current request was announced: a request that
  // is cancelled without it ever showing means Bluetooth was off (see bluetooth-errors.ts).
  const chooserOpened = useRef(false);

  // The chooser's closing sentence (strap not found) explains a cancelled request.
  useEffect(
    () =>
      api.on('bluetooth.chooser', (event) => {
        if (event.state === 'open') chooserOpened.current = true;
        if (event.state === 'closed' && event.message !== null) setSnapshot((current) => ({ ...current, chooserMessage: event.message }));
      }),
    [api],
  );

  useEffect(
    () => () => {
      detach.current?.();
      void sourceRef.current?.disconnect();
    },
    [],
  );

  // A link made before the computer slept does not survive it: the source remakes it.
  useEffect(() => api.on('system.resumed', () => sourceRef.current?.wake()), [api]);

  // The tray offers "Reconnect to <strap>" while a strap's link is lost and not restored.
  const reportedLost = useRef<string | null>(null);
  const { source: activeSource, status: activeStatus } = snapshot;
  useEffect(() => {
    const lost =
      activeSource?.kind === 'bluetooth' &&
      (activeStatus.phase === 'lost' || (activeStatus.phase === 'failed' && activeStatus.problem === 'out-of-range'));
    const name = lost ? activeSource.label.slice(0, 100) : null;
    if (name === reportedLost.current) return;
    reportedLost.current = name;
    void data.detached.call('tray.strapLost', { name });
  }, [activeSource, activeStatus, data]);

  // The tray's "Reconnect to <strap>…", with the tray click as the gesture a new scan needs:
  // the same as the Device screen's Reconnect (the link again, then a scan if the system forgot the strap).
  // A strap that came back by itself meanwhile is left alone.
  usePageIntent('reconnect-strap', () => {
    if (activeSource?.kind === 'bluetooth' && (activeStatus.phase === 'lost' || activeStatus.phase === 'failed')) void sourceRef.current?.reconnect();
  });

  const startBluetooth = useCallback(
    (mode: 'choose' | 'reconnect') => {
      // The ticket main gave this source's latest request, handed back when that request ends.
      let ticket: number | null = null;
      const source = createBluetoothSource({
        bluetooth: env.bluetooth,
        scheduler: env.scheduler,
        ...(env.backoff ? { backoff: env.backoff } : {}),
        beforeRequest: async (requestMode) => {
          chooserOpened.current = false;
          // "Reconnect to <name>", or the source scanning for the strap the system forgot.
          const begun = await data.detached.call('bluetooth.beginRequest', { mode: requestMode === 'reconnect' ? 'reconnect' : mode });
          // Detached: the source owns this wait and ignores late answers by its own generation.
          ticket = begun.ok ? begun.value.ticket : null;
        },
        afterRequest: () => {
          // Picked, cancelled, or dropped by Chromium (Bluetooth off, a newer request): main
          // closes the dialog if it still shows this request, so "Searching…" never stays up.
          const ended = ticket;
          ticket = null;
          if (ended !== null) void data.detached.call('bluetooth.requestEnded', { ticket: ended });
        },
        chooserOpened: () => chooserOpened.current,
        onFirstConnected: (name) => void data.detached.call('bluetooth.rememberConnected', { name: name.slice(0, 100) }),
      });
      activate(source);
      void source.connect();
    },
    [activate, data, env],
  );

  const value = useMemo<HeartRateContextValue>(
    () => ({
      ...snapshot,
      scheduler: env.scheduler,
      connectStrap: () => startBluetooth('choose'),
      reconnectRemembered: () => startBluetooth('reconnect'),
      retry: () => void sourceRef.current?.reconnect(),
      startDemo: (scenario, options) => {
        const source = createDemoSource({
          scheduler: env.scheduler,
          scenario,
          heartRateOnly: options?.heartRateOnly === true,
          ...(env.demoSeed === undefined ? {} : { seed: env.demoSeed }),
        });
        activate(source);
        void source.connect();
      },
      startReplay: (text, name, speed) => {
        const made = createReplayFromText(text, name, env.scheduler, speed);
        if (!made.ok) return made;
        activate(made.source);
        void made.source.connect();
        return { ok: true };
      },
      stop: () => void sourceRef.current?.disconnect(),
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => {
          listeners.current.delete(listener);
        };
      },
      followBreathing: (next) => {
        cue.current = next;
        sourceRef.current?.followBreathing(next);
      },
    }),
    [snapshot, startBluetooth, activate, env],
  );

  return <HeartRateContext value={value}>{children}</HeartRateContext>;
}

/** The sources, where the window has them (a screen rendered on its own in a test may not). */
export function useOptionalHeartRate(): HeartRateContextValue | null {
  return useContext(HeartRateContext);
}

export function useHeartRate(): HeartRateContextValue {
  const value = useContext(HeartRateContext);
  if (!value) throw new Error('useHeartRate() needs a <HeartRateProvider> above it.');
  return value;
}
