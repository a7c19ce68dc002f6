// The one path every heart-rate source feeds: bytes (or an already parsed packet, for
// replays) in, a measurement with timed beats out, and the counts behind "signal quality".
// A malformed packet is counted by kind and skipped; it never stops the stream.

import {
  parseHeartRateMeasurement,
  type HeartRateMeasurement,
  type HeartRateMeasurementErrorCode,
} from '../ble/heart-rate-measurement.ts';
import { createBeatTimeline, type BeatGap, type TimedBeat } from './beat-timeline.ts';

export type Measurement = {
  /** When the packet arrived, on the source's clock. */
  readonly arrivalMs: number;
  readonly packet: HeartRateMeasurement;
  /** Its RR intervals with the time each beat ended, oldest first. */
  readonly beats: readonly TimedBeat[];
  /** Set when beats were lost before this packet (a disconnect, a radio drop-out). */
  readonly gap: BeatGap | null;
};

/**
 * 'yes' once any RR interval has arrived; 'none' when several packets in a row carried a
 * heart rate but no RR at all (optical sensors do this); 'unknown' before that.
 */
export type RrSupport = 'unknown' | 'yes' | 'none';

/**
 * Skin contact as the newest valid packet reports it: 'yes' or 'no' from a strap that
 * supports the Sensor Contact feature, 'unknown' from one that does not (Polar straps, most
 * optical sensors) and before the first packet. Only 'no' is a statement: the strap itself
 * says its electrodes are not touching the skin, so the heart rate it sends is not the
 * wearer's. Per packet, because straps report contact coming and going within seconds.
 */
export type SkinContact = 'unknown' | 'yes' | 'no';

export type SourceQuality = {
  readonly packets: number;
  readonly malformed: number;
  readonly malformedByCode: Readonly<Partial<Record<HeartRateMeasurementErrorCode, number>>>;
  readonly rrIntervals: number;
  readonly rrSupport: RrSupport;
  readonly contact: SkinContact;
  readonly gaps: number;
  readonly lostSec: number;
  readonly lastPacketMs: number | null;
};

export type ReadOutcome =
  | { ok: true; measurement: Measurement }
  | { ok: false; code: HeartRateMeasurementErrorCode; message: string };

export type MeasurementReader = {
  readBytes(data: DataView, arrivalMs: number): ReadOutcome;
  readPacket(packet: HeartRateMeasurement, arrivalMs: number): Measurement;
  quality(): SourceQuality;
};

/**
 * Valid packets without a single RR before we say the sensor does not send them. Packets from
 * a strap that says it has no skin contact do not count: a chest strap lying on the table
 * sends heart rate without RR too, and calling it a heart-rate-only sensor would send the
 * user looking for another strap instead of tightening this one.
 */
export const NO_RR_AFTER_PACKETS = 5;

const CONTACT_OF: Readonly<Record<HeartRateMeasurement['contact'], SkinContact>> = {
  detected: 'yes',
  'not-detected': 'no',
  unsupported: 'unknown',
};

export function emptyQuality(): SourceQuality {
  return {
    packets: 0,
    malformed: 0,
    malformedByCode: {},
    rrIntervals: 0,
    rrSupport: 'unknown',
    contact: 'unknown',
    gaps: 0,
    lostSec: 0,
    lastPacketMs: null,
  };
}

export function createMeasurementReader(): MeasurementReader {
  const timeline = createBeatTimeline();
  let validPackets = 0;
  let packetsInContact = 0;
  let contact: SkinContact = 'unknown';
  let malformed = 0;
  const malformedByCode: Partial<Record<HeartRateMeasurementErrorCode, number>> = {};
  let rrIntervals = 0;
  let gaps = 0;
  let lostMs = 0;
  let lastPacketMs: number | null = null;

  const readPacket = (packet: HeartRateMeasurement, arrivalMs: number): Measurement => {
    validPackets += 1;
    contact = CONTACT_OF[packet.contact];
    if (contact !== 'no') packetsInContact += 1;
    lastPacketMs = arrivalMs;
    rrIntervals += packet.rrMs.length;
    const { beats, gap } = timeline.place(packet.rrMs, arrivalMs);
    if (gap !== null) {
      gaps += 1;
      lostMs += gap.toMs - gap.fromMs;
    }
    return { arrivalMs, packet, beats, gap };
  };

  return {
    readBytes(data, arrivalMs) {
      const parsed = parseHeartRateMeasurement(data);
      if (!parsed.ok) {
        malformed += 1;
        malformedByCode[parsed.error.code] = (malformedByCode[parsed.error.code] ?? 0) + 1;
        lastPacketMs = arrivalMs;
        return { ok: false, code: parsed.error.code, message: parsed.error.message };
      }
      return { ok: true, measurement: readPacket(parsed.value, arrivalMs) };
    },
    readPacket,
    quality: () => ({
      packets: validPackets + malformed,
      malformed,
      malformedByCode: { ...malformedByCode },
      rrIntervals,
      rrSupport: rrIntervals > 0 ? 'yes' : packetsInContact >= NO_RR_AFTER_PACKETS ? 'none' : 'unknown',
      contact,
      gaps,
      lostSec: lostMs / 1000,
      lastPacketMs,
    }),
  };
}
