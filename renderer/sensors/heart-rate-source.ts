// Where beats come from, behind one interface: a Bluetooth strap, the demo sensor or the replay
// of a recording. Everything downstream (the live analyser, the regulation check, the Device
// screen) talks to a HeartRateSource and never asks which one it is.
//
// Every source feeds the same path (shared/sensors/measurement-reader.ts): Heart Rate
// Measurement bytes, or an already parsed packet for replays, become a Measurement with the
// parsed packet and beats stamped with the time they ended, and the counts behind signal
// quality.

import type { BodySensorLocation } from '../../shared/ble/body-sensor-location.ts';
import type { HeartRateMeasurementErrorCode } from '../../shared/ble/heart-rate-measurement.ts';
import type { BreathingCue } from '../../shared/sensors/demo-physiology.ts';
import type { Measurement, SourceQuality } from '../../shared/sensors/measurement-reader.ts';
import type { Clock } from '../../shared/time/clock.ts';
import type { Unsubscribe } from './emitter.ts';

export type { Measurement, SourceQuality } from '../../shared/sensors/measurement-reader.ts';
export type { BreathingCue } from '../../shared/sensors/demo-physiology.ts';

export type SourceKind = 'bluetooth' | 'demo' | 'replay';

/** Why connecting did not work, in categories the Device screen has help for. */
export type ConnectProblem =
  /** This window has no Web Bluetooth at all. */
  | 'no-web-bluetooth'
  /** The adapter is off, missing or blocked (in Electron also a cancel before any chooser opened). */
  | 'bluetooth-off'
  /** The system refused Attune's request to scan (macOS privacy settings). */
  | 'permission-denied'
  /** Web Bluetooth refused for another reason (not from a click, a blocked origin). */
  | 'not-allowed'
  | 'cancelled'
  | 'no-heart-rate-service'
  /** The system no longer knows the strap (out of range, or forgotten): scan again. */
  | 'out-of-range'
  /** The strap wants to be paired in the system's settings first. */
  | 'pairing-needed'
  /** The strap took too long to answer. */
  | 'no-answer'
  | 'connect-failed'
  | 'notifications-failed'
  | 'unreadable-recording';

export type SourceStatus =
  | { readonly phase: 'idle' }
  /** Waiting for the user to pick a strap in the chooser. */
  | { readonly phase: 'scanning' }
  | { readonly phase: 'connecting' }
  | { readonly phase: 'connected' }
  /**
   * reason 'silent': the link stayed up but delivered nothing, so Attune dropped and remade it;
   * 'wake': the computer slept, and a link from before does not survive that.
   */
  | { readonly phase: 'reconnecting'; readonly attempt: number; readonly maxAttempts: number; readonly reason?: 'silent' | 'wake' }
  /** Reconnecting gave up: say so and offer a Reconnect button. */
  | { readonly phase: 'lost'; readonly message: string }
  | { readonly phase: 'failed'; readonly problem: ConnectProblem; readonly message: string }
  /** A replay reached the end of its recording. */
  | { readonly phase: 'finished' };

export type SourceEvents = {
  status: SourceStatus;
  measurement: Measurement;
  battery: number;
  malformed: { readonly code: HeartRateMeasurementErrorCode; readonly message: string; readonly arrivalMs: number };
};

export type HeartRateSource = {
  readonly kind: SourceKind;
  /** What the user sees: the strap's name, "Demo sensor", "Replay of …". */
  readonly label: string;
  /** The timeline the beats are stamped on (a replay faster than real time runs its own). */
  readonly clock: Clock;
  status(): SourceStatus;
  quality(): SourceQuality;
  /** Percent, or null when the source has no battery or never said. */
  batteryPercent(): number | null;
  sensorLocation(): BodySensorLocation | null;
  /** Starts the source. A Bluetooth source opens the chooser, so call it from a click. */
  connect(): Promise<void>;
  /** After 'lost' (or a failure): try the same device again without the chooser. */
  reconnect(): Promise<void>;
  /** Stops for good: no reconnecting, every listener on the device removed. */
  disconnect(): Promise<void>;
  /** The breathing pacer's rhythm; only the demo sensor's heart follows it. */
  followBreathing(cue: BreathingCue | null): void;
  /** The computer woke from sleep: a live link is remade (a strap's link does not survive sleep). */
  wake(): void;
  on<E extends keyof SourceEvents>(event: E, listener: (payload: SourceEvents[E]) => void): Unsubscribe;
};

export function isActive(status: SourceStatus): boolean {
  return status.phase === 'scanning' || status.phase === 'connecting' || status.phase === 'connected' || status.phase === 'reconnecting';
}

/** The status in words, as the Device screen and the other screens show it. */
export function describeStatus(status: SourceStatus, quality: SourceQuality): string {
  switch (status.phase) {
    case 'idle':
      return 'Not connected';
    case 'scanning':
      return 'Looking for your strap…';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      // The strap's own word that it is off the skin comes first: whatever heart rate it still
      // sends is not the wearer's, and the fix is on the body, not in the app.
      if (quality.contact === 'no') {
        return 'Connected, but the strap is not touching your skin. Moisten its electrodes and tighten it a little until it sits snugly.';
      }
      if (quality.rrSupport === 'none') return 'Connected, but this sensor sends heart rate only, no beat-to-beat intervals';
      if (quality.packets === 0) return 'Connected, waiting for the first heartbeat…';
      return 'Connected';
    case 'reconnecting': {
      const why =
        status.reason === 'silent'
          ? 'The strap stopped sending, so Attune is connecting to it afresh.'
          : status.reason === 'wake'
            ? 'Your computer was asleep, so Attune is connecting to the strap afresh.'
            : 'The connection dropped.';
      return `${why} Reconnecting (try ${status.attempt} of ${status.maxAttempts})…`;
    }
    case 'lost':
      return status.message;
    case 'failed':
      return status.message;
    case 'finished':
      return 'The recording has played to the end';
  }
}
