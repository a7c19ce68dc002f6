// Heart Rate Measurement (0x2A37) parser and encoder.
//
// Every beat Attune sees passes through parseHeartRateMeasurement, about once a second per
// strap, and the replay and demo sources push whole recordings through it at once, so it is
// written to be exact and cheap: one pass over a DataView, no exceptions, no intermediate
// objects besides the result. A malformed packet yields a typed error instead of a throw so
// the live stream simply skips it and carries on (signal.md, "Malformed input happens").
// Reserved flag bits are not malformed: the specification asks readers to ignore them, and a
// strap (or a later revision of the service) that sets one still lays out the fields the
// defined bits announce, so dropping its packets would only throw good beats away.
//
// Layout (little-endian, Bluetooth SIG Heart Rate Service 1.0):
//   byte 0 flags: bit0 HR is uint16; bits1–2 sensor contact; bit3 Energy Expended present;
//                 bit4 RR intervals present; bits5–7 reserved for future use.
//   HR (uint8 or uint16) · Energy Expended (uint16 kJ, if bit3) · RR (uint16 each, 1/1024 s,
//   oldest first, if bit4: as many as the remaining bytes hold, possibly none).

export type SensorContact = 'detected' | 'not-detected' | 'unsupported';

export type HeartRateMeasurement = {
  /** Heart rate as the strap reports it: smoothed by the strap, not 60000 / RR. */
  bpm: number;
  contact: SensorContact;
  /** Present only when the packet carries the Energy Expended field. */
  energyExpendedKj?: number;
  /** RR intervals in ms, oldest first, unrounded (raw × 1000 / 1024). Empty when none. */
  rrMs: number[];
};

export type HeartRateMeasurementErrorCode =
  /** Zero-length value. */
  | 'empty'
  /** Shorter than the heart-rate field its flags announce (uint8 or uint16). */
  | 'truncated-heart-rate'
  /** Flags announce Energy Expended but fewer than two bytes follow the heart rate. */
  | 'truncated-energy'
  /** RR flag set but an odd number of bytes remain: the last RR is cut in half. */
  | 'odd-rr-bytes'
  /** Bytes left over although the flags announce no RR intervals. */
  | 'unexpected-trailing-bytes';

export type HeartRateMeasurementError = {
  code: HeartRateMeasurementErrorCode;
  message: string;
};

export type HeartRateMeasurementResult =
  | { ok: true; value: HeartRateMeasurement }
  | { ok: false; error: HeartRateMeasurementError };

const FLAG_HEART_RATE_UINT16 = 0x01;
const FLAG_CONTACT_SHIFT = 1;
const FLAG_CONTACT_MASK = 0x03;
const FLAG_ENERGY_EXPENDED = 0x08;
const FLAG_RR_INTERVALS = 0x10;

/** RR intervals travel in units of 1/1024 s. */
const RR_RAW_UNITS_PER_SECOND = 1024;

// Indexed by the two contact bits: 0b00 and 0b01 both mean "not supported".
const CONTACT_BY_BITS: readonly SensorContact[] = ['unsupported', 'unsupported', 'not-detected', 'detected'];

function failure(code: HeartRateMeasurementErrorCode, message: string): HeartRateMeasurementResult {
  return { ok: false, error: { code, message } };
}

/** Parses one Heart Rate Measurement value. Never throws. */
export function parseHeartRateMeasurement(data: DataView): HeartRateMeasurementResult {
  const length = data.byteLength;
  if (length === 0) return failure('empty', 'Heart Rate Measurement value is empty');

  // Bits 5–7 are never looked at, so a value with them set reads like the same value without.
  const flags = data.getUint8(0);

  let offset: number;
  let bpm: number;
  if ((flags & FLAG_HEART_RATE_UINT16) !== 0) {
    if (length < 3) {
      return failure('truncated-heart-rate', `flags 0x${hexByte(flags)} announce a uint16 heart rate but the value has ${length} byte(s)`);
    }
    bpm = data.getUint16(1, true);
    offset = 3;
  } else {
    if (length < 2) {
      return failure('truncated-heart-rate', `flags 0x${hexByte(flags)} announce a uint8 heart rate but the value has ${length} byte(s)`);
    }
    bpm = data.getUint8(1);
    offset = 2;
  }

  let energyExpendedKj: number | undefined;
  if ((flags & FLAG_ENERGY_EXPENDED) !== 0) {
    if (length < offset + 2) {
      return failure('truncated-energy', `flags announce Energy Expended but only ${length - offset} byte(s) follow the heart rate`);
    }
    energyExpendedKj = data.getUint16(offset, true);
    offset += 2;
  }

  const remainingBytes = length - offset;
  const rrMs: number[] = [];
  if ((flags & FLAG_RR_INTERVALS) !== 0) {
    if ((remainingBytes & 1) !== 0) {
      return failure('odd-rr-bytes', `${remainingBytes} byte(s) of RR intervals is not a whole number of uint16 values`);
    }
    for (; offset < length; offset += 2) {
      rrMs.push((data.getUint16(offset, true) * 1000) / RR_RAW_UNITS_PER_SECOND);
    }
  } else if (remainingBytes !== 0) {
    return failure('unexpected-trailing-bytes', `${remainingBytes} byte(s) follow the announced fields`);
  }

  const contact = CONTACT_BY_BITS[(flags >> FLAG_CONTACT_SHIFT) & FLAG_CONTACT_MASK] ?? 'unsupported';
  const value: HeartRateMeasurement =
    energyExpendedKj === undefined ? { bpm, contact, rrMs } : { bpm, contact, energyExpendedKj, rrMs };
  return { ok: true, value };
}

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------
// Encoder: the demo sensor, the Bluetooth emulation tests and the parser tests build real
// packets with it, so the bytes that reach the app are the bytes a strap would send.

export type HeartRateMeasurementInput = {
  bpm: number;
  /** Default 'unsupported' (contact bits 0b00, as Polar straps send). */
  contact?: SensorContact;
  energyExpendedKj?: number;
  /** When present (even empty) the RR flag is set. Rounded to the nearest 1/1024 s. */
  rrMs?: readonly number[];
  /** Default: uint8 when bpm fits in a byte, otherwise uint16. */
  heartRateFormat?: 'uint8' | 'uint16';
};

const CONTACT_BITS: Record<SensorContact, number> = { unsupported: 0b00, 'not-detected': 0b10, detected: 0b11 };

/** Converts RR in ms to the on-air 1/1024 s units (rounded; the inverse of the parser's conversion). */
export function rrMsToRaw(rrMs: number): number {
  return Math.round((rrMs * RR_RAW_UNITS_PER_SECOND) / 1000);
}

/**
 * Encodes one Heart Rate Measurement value. Throws RangeError for values that do not fit
 * their field: this is for code that builds packets, where a bad value is a programming error.
 */
export function encodeHeartRateMeasurement(input: HeartRateMeasurementInput): Uint8Array {
  const format = input.heartRateFormat ?? (input.bpm <= 0xff ? 'uint8' : 'uint16');
  checkUint('bpm', input.bpm, format === 'uint8' ? 0xff : 0xffff);
  const rawRr = (input.rrMs ?? []).map((rrMs) => {
    const raw = rrMsToRaw(rrMs);
    checkUint('RR (1/1024 s)', raw, 0xffff);
    return raw;
  });
  if (input.energyExpendedKj !== undefined) checkUint('energyExpendedKj', input.energyExpendedKj, 0xffff);

  let flags = CONTACT_BITS[input.contact ?? 'unsupported'] << FLAG_CONTACT_SHIFT;
  if (format === 'uint16') flags |= FLAG_HEART_RATE_UINT16;
  if (input.energyExpendedKj !== undefined) flags |= FLAG_ENERGY_EXPENDED;
  if (input.rrMs !== undefined) flags |= FLAG_RR_INTERVALS;

  const length = 1 + (format === 'uint16' ? 2 : 1) + (input.energyExpendedKj !== undefined ? 2 : 0) + 2 * rawRr.length;
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, flags);
  let offset = 1;
  if (format === 'uint16') {
    view.setUint16(offset, input.bpm, true);
    offset += 2;
  } else {
    view.setUint8(offset, input.bpm);
    offset += 1;
  }
  if (input.energyExpendedKj !== undefined) {
    view.setUint16(offset, input.energyExpendedKj, true);
    offset += 2;
  }
  for (const raw of rawRr) {
    view.setUint16(offset, raw, true);
    offset += 2;
  }
  return bytes;
}

function checkUint(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  }
}

/**
 * How many RR intervals fit in one notification. The ATT payload is MTU − 3 bytes; with the
 * default MTU of 23 that is 9 RR after a uint8 heart rate, 8 with Energy Expended.
 */
export function maxRrIntervalsPerPacket(options: { heartRateFormat?: 'uint8' | 'uint16'; energyExpended?: boolean; attMtu?: number } = {}): number {
  const payloadBytes = (options.attMtu ?? 23) - 3;
  const headerBytes = 1 + (options.heartRateFormat === 'uint16' ? 2 : 1) + (options.energyExpended === true ? 2 : 0);
  return Math.max(0, Math.floor((payloadBytes - headerBytes) / 2));
}
