import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeHeartRateMeasurement,
  maxRrIntervalsPerPacket,
  parseHeartRateMeasurement,
  rrMsToRaw,
} from '../../../shared/ble/heart-rate-measurement.ts';
import type { HeartRateMeasurementResult } from '../../../shared/ble/heart-rate-measurement.ts';

function parseBytes(...bytes: number[]): HeartRateMeasurementResult {
  return parseHeartRateMeasurement(new DataView(Uint8Array.from(bytes).buffer));
}

function expectOk(result: HeartRateMeasurementResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function expectError(result: HeartRateMeasurementResult, code: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

// Vectors written by hand from the Heart Rate Service specification: byte 0 flags, then the
// fields they announce, little-endian. RR 1024 raw = exactly 1000 ms; 800 raw = 781.25 ms.
describe('parseHeartRateMeasurement: spec vectors', () => {
  it('reads a uint8 heart rate with no other fields (flags 0x00)', () => {
    expect(expectOk(parseBytes(0x00, 72))).toEqual({ bpm: 72, contact: 'unsupported', rrMs: [] });
  });

  it('reads a uint16 heart rate little-endian (flags 0x01)', () => {
    expect(expectOk(parseBytes(0x01, 0x2c, 0x01)).bpm).toBe(300);
    expect(expectOk(parseBytes(0x01, 60, 0x00)).bpm).toBe(60);
  });

  it.each([
    [0b000, 'unsupported'],
    [0b010, 'unsupported'], // 0b01: contact status bit without the support bit
    [0b100, 'not-detected'], // 0b10: supported, no contact
    [0b110, 'detected'], // 0b11
  ] as const)('maps contact bits %i to %s', (bits, contact) => {
    expect(expectOk(parseBytes(bits, 70)).contact).toBe(contact);
  });

  it('reads Energy Expended after a uint8 heart rate (flags 0x08)', () => {
    expect(expectOk(parseBytes(0x08, 80, 0x34, 0x12))).toEqual({
      bpm: 80,
      contact: 'unsupported',
      energyExpendedKj: 0x1234,
      rrMs: [],
    });
  });

  it('reads Energy Expended after a uint16 heart rate (flags 0x09)', () => {
    const value = expectOk(parseBytes(0x09, 0x00, 0x01, 0xff, 0xff));
    expect(value.bpm).toBe(256);
    expect(value.energyExpendedKj).toBe(65535);
  });

  it('leaves energyExpendedKj absent when the flag is clear', () => {
    expect('energyExpendedKj' in expectOk(parseBytes(0x10, 60, 0x00, 0x04))).toBe(false);
  });

  it('converts RR from 1/1024 s to ms without rounding', () => {
    // 0x0400 = 1024 → 1000 ms; 0x0320 = 800 → 781.25 ms; 0x0001 → 0.9765625 ms
    expect(expectOk(parseBytes(0x10, 60, 0x00, 0x04, 0x20, 0x03, 0x01, 0x00)).rrMs).toEqual([1000, 781.25, 0.9765625]);
  });

  it('accepts the RR flag with zero RR values (no beat ended in that second)', () => {
    expect(expectOk(parseBytes(0x10, 60)).rrMs).toEqual([]);
  });

  it('reads Polar-style flags 0x10: no contact bits, RR present', () => {
    // Polar H10: 62 bpm, RR 1000 ms and 968.75 ms (raw 992 = 0x03e0)
    expect(expectOk(parseBytes(0x10, 62, 0x00, 0x04, 0xe0, 0x03))).toEqual({
      bpm: 62,
      contact: 'unsupported',
      rrMs: [1000, 968.75],
    });
  });

  it('reads flags 0x16: contact detected, RR present', () => {
    expect(expectOk(parseBytes(0x16, 75, 0x20, 0x03))).toEqual({ bpm: 75, contact: 'detected', rrMs: [781.25] });
  });

  it('reads every field at once (flags 0x1f: uint16, contact, energy, RR)', () => {
    expect(expectOk(parseBytes(0x1f, 0x5a, 0x00, 0x0a, 0x00, 0x00, 0x04, 0x00, 0x02))).toEqual({
      bpm: 90,
      contact: 'detected',
      energyExpendedKj: 10,
      rrMs: [1000, 500],
    });
  });

  it('reads nine RR values, the most a default-MTU packet holds', () => {
    const rr = Array.from({ length: 9 }, (_, index) => [0x00, 0x04 + index]).flat();
    const value = expectOk(parseBytes(0x10, 60, ...rr));
    expect(value.rrMs).toHaveLength(9);
    expect(value.rrMs[8]).toBe(((0x0c00) * 1000) / 1024);
  });

  it('reads a DataView that starts inside a larger buffer', () => {
    const buffer = Uint8Array.from([0xaa, 0xbb, 0x10, 61, 0x00, 0x04, 0xcc]).buffer;
    expect(expectOk(parseHeartRateMeasurement(new DataView(buffer, 2, 4)))).toEqual({
      bpm: 61,
      contact: 'unsupported',
      rrMs: [1000],
    });
  });

  it('reports bpm 0 as sent (some straps send it while not worn)', () => {
    expect(expectOk(parseBytes(0x04, 0)).bpm).toBe(0);
  });

  it('covers all 32 combinations of the defined flag bits', () => {
    for (let flags = 0; flags < 0x20; flags += 1) {
      const bytes = [flags, 0x48];
      if (flags & 0x01) bytes.push(0x00);
      if (flags & 0x08) bytes.push(0x05, 0x00);
      if (flags & 0x10) bytes.push(0x00, 0x04, 0x00, 0x02);
      const value = expectOk(parseBytes(...bytes));
      expect(value.bpm).toBe(0x48);
      expect(value.energyExpendedKj).toBe(flags & 0x08 ? 5 : undefined);
      expect(value.rrMs).toEqual(flags & 0x10 ? [1000, 500] : []);
      expect(value.contact).toBe(['unsupported', 'unsupported', 'not-detected', 'detected'][(flags >> 1) & 3]);
    }
  });
});

describe('parseHeartRateMeasurement: malformed packets', () => {
  it('rejects an empty value', () => {
    expectError(parseBytes(), 'empty');
  });

  it('rejects a flags byte with no heart rate', () => {
    expectError(parseBytes(0x00), 'truncated-heart-rate');
    expectError(parseBytes(0x10), 'truncated-heart-rate');
  });

  it('rejects a uint16 heart rate cut after one byte', () => {
    expectError(parseBytes(0x01, 60), 'truncated-heart-rate');
  });

  it('rejects Energy Expended cut short', () => {
    expectError(parseBytes(0x08, 60), 'truncated-energy');
    expectError(parseBytes(0x08, 60, 0x01), 'truncated-energy');
    expectError(parseBytes(0x19, 60, 0x00, 0x01), 'truncated-energy');
  });

  it('rejects an odd trailing RR byte', () => {
    expectError(parseBytes(0x10, 60, 0x00), 'odd-rr-bytes');
    expectError(parseBytes(0x10, 60, 0x00, 0x04, 0x20), 'odd-rr-bytes');
    expectError(parseBytes(0x18, 60, 0x01, 0x00, 0x00, 0x04, 0x20), 'odd-rr-bytes');
  });

  it('rejects bytes the flags do not announce', () => {
    expectError(parseBytes(0x00, 60, 0x00, 0x04), 'unexpected-trailing-bytes');
    expectError(parseBytes(0x08, 60, 0x01, 0x00, 0x07), 'unexpected-trailing-bytes');
  });

});

// Bits 5–7 of the flags are reserved for future use. A strap that sets one still sends the
// fields the defined bits announce, so its beats must come through like anyone else's.
describe('parseHeartRateMeasurement: reserved flag bits are ignored', () => {
  it.each([
    // [bytes as received, what the app reads]
    [[0x30, 62, 0x00, 0x04, 0xe0, 0x03], { bpm: 62, contact: 'unsupported', rrMs: [1000, 968.75] }], // Polar layout + bit 5
    [[0x56, 75, 0x20, 0x03], { bpm: 75, contact: 'detected', rrMs: [781.25] }], // contact + RR + bit 6
    [[0x94, 0, 0x00, 0x04], { bpm: 0, contact: 'not-detected', rrMs: [1000] }], // no contact + RR + bit 7
    [[0xe0, 72], { bpm: 72, contact: 'unsupported', rrMs: [] }], // all three reserved, heart rate only
    [[0xff, 0x5a, 0x00, 0x0a, 0x00, 0x00, 0x04, 0x00, 0x02], { bpm: 90, contact: 'detected', energyExpendedKj: 10, rrMs: [1000, 500] }],
  ] as const)('reads %j', (bytes, expected) => {
    expect(expectOk(parseBytes(...bytes))).toEqual(expected);
  });

  it('still rejects a packet that is malformed for other reasons', () => {
    expectError(parseBytes(0xf0, 60, 0x00), 'odd-rr-bytes');
    expectError(parseBytes(0xe1, 60), 'truncated-heart-rate');
    expectError(parseBytes(0xe0, 60, 0x00, 0x04), 'unexpected-trailing-bytes');
  });

  it('gives the same answer with or without reserved bits, for any value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 7 }), (bytes, reserved) => {
        const cleared = Uint8Array.from(bytes);
        cleared[0] = cleared[0]! & 0x1f;
        const marked = Uint8Array.from(cleared);
        marked[0] = marked[0]! | (reserved << 5);
        const withBits = parseHeartRateMeasurement(new DataView(marked.buffer));
        const without = parseHeartRateMeasurement(new DataView(cleared.buffer));
        expect(withBits.ok).toBe(without.ok);
        if (withBits.ok && without.ok) expect(withBits.value).toEqual(without.value);
        if (!withBits.ok && !without.ok) expect(withBits.error.code).toBe(without.error.code);
      }),
      { numRuns: 20_000, seed: 0xe0 },
    );
  });

  it('reads a stream where every packet sets a reserved bit without losing a beat', () => {
    const rrMs = [812, 798, 805, 830, 841];
    const read = rrMs.map((rr) => {
      const bytes = encodeHeartRateMeasurement({ bpm: 74, contact: 'detected', rrMs: [rr] });
      bytes[0] = bytes[0]! | 0x80;
      return expectOk(parseHeartRateMeasurement(new DataView(bytes.buffer))).rrMs[0];
    });
    expect(read).toEqual(rrMs.map((rr) => (rrMsToRaw(rr) * 1000) / 1024));
  });
});

describe('encodeHeartRateMeasurement', () => {
  it('produces the Polar 0x10 layout by default when RR are given', () => {
    expect([...encodeHeartRateMeasurement({ bpm: 62, rrMs: [1000, 968.75] })]).toEqual([0x10, 62, 0x00, 0x04, 0xe0, 0x03]);
  });

  it('produces flags 0x16 for contact detected with RR', () => {
    expect(encodeHeartRateMeasurement({ bpm: 75, contact: 'detected', rrMs: [781.25] })[0]).toBe(0x16);
  });

  it('switches to a uint16 heart rate when bpm does not fit a byte, or when asked', () => {
    expect([...encodeHeartRateMeasurement({ bpm: 300 })]).toEqual([0x01, 0x2c, 0x01]);
    expect([...encodeHeartRateMeasurement({ bpm: 60, heartRateFormat: 'uint16' })]).toEqual([0x01, 60, 0x00]);
  });

  it('round-trips through the parser with RR rounded to 1/1024 s', () => {
    const bytes = encodeHeartRateMeasurement({
      bpm: 88,
      contact: 'not-detected',
      energyExpendedKj: 321,
      rrMs: [812, 650.4],
      heartRateFormat: 'uint16',
    });
    const value = expectOk(parseHeartRateMeasurement(new DataView(bytes.buffer)));
    expect(value.bpm).toBe(88);
    expect(value.contact).toBe('not-detected');
    expect(value.energyExpendedKj).toBe(321);
    expect(value.rrMs).toEqual([(rrMsToRaw(812) * 1000) / 1024, (rrMsToRaw(650.4) * 1000) / 1024]);
    for (const [index, rr] of [812, 650.4].entries()) {
      expect(Math.abs((value.rrMs[index] ?? 0) - rr)).toBeLessThanOrEqual(1000 / 1024 / 2);
    }
  });

  it('throws RangeError for values that do not fit their field', () => {
    expect(() => encodeHeartRateMeasurement({ bpm: -1 })).toThrow(RangeError);
    expect(() => encodeHeartRateMeasurement({ bpm: 300, heartRateFormat: 'uint8' })).toThrow(RangeError);
    expect(() => encodeHeartRateMeasurement({ bpm: 60, rrMs: [70_000] })).toThrow(RangeError);
    expect(() => encodeHeartRateMeasurement({ bpm: 60, energyExpendedKj: 1.5 })).toThrow(RangeError);
  });
});

describe('maxRrIntervalsPerPacket', () => {
  it('gives 9 RR with the default MTU, 8 with Energy Expended', () => {
    expect(maxRrIntervalsPerPacket()).toBe(9);
    expect(maxRrIntervalsPerPacket({ energyExpended: true })).toBe(8);
    expect(maxRrIntervalsPerPacket({ heartRateFormat: 'uint16', energyExpended: true })).toBe(7);
  });
});

// The property the live stream depends on: whatever bytes arrive, the parser returns, and an
// ok result accounts for every byte exactly as the flags describe.
describe('parseHeartRateMeasurement: property over random bytes', () => {
  it('never throws and is consistent with the flags on 100,000+ random values', () => {
    let okCount = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 0, maxLength: 24 }),
          // Bias half the cases toward valid flags so the ok branch is exercised as hard.
          fc.tuple(fc.integer({ min: 0, max: 0x1f }), fc.uint8Array({ minLength: 0, maxLength: 22 })).map(
            ([flags, rest]) => Uint8Array.from([flags, ...rest]),
          ),
        ),
        fc.integer({ min: 0, max: 3 }),
        (bytes, padding) => {
          // Place the value at an offset inside a larger buffer, as a real stack may.
          const buffer = new Uint8Array(bytes.length + padding * 2).fill(0xee);
          buffer.set(bytes, padding);
          const result = parseHeartRateMeasurement(new DataView(buffer.buffer, padding, bytes.length));
          if (!result.ok) {
            expect(typeof result.error.code).toBe('string');
            return;
          }
          okCount += 1;
          const flags = bytes[0] ?? 0;
          const headerBytes = 1 + (flags & 0x01 ? 2 : 1) + (flags & 0x08 ? 2 : 0);
          const value = result.value;
          expect(value.rrMs.length).toBe(flags & 0x10 ? (bytes.length - headerBytes) / 2 : 0);
          expect(bytes.length).toBe(headerBytes + value.rrMs.length * 2);
          expect(value.bpm).toBe(flags & 0x01 ? (bytes[1] ?? 0) | ((bytes[2] ?? 0) << 8) : bytes[1]);
          expect(value.energyExpendedKj !== undefined).toBe((flags & 0x08) !== 0);
          for (const [index, rr] of value.rrMs.entries()) {
            const at = headerBytes + index * 2;
            expect(rr).toBe((((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)) * 1000) / 1024);
          }
        },
      ),
      { numRuns: 120_000, seed: 0x2a37 },
    );
    expect(okCount).toBeGreaterThan(1000);
  });

  it('round-trips any encodable measurement', () => {
    fc.assert(
      fc.property(
        fc.record({
          bpm: fc.integer({ min: 0, max: 0xffff }),
          contact: fc.constantFrom('detected', 'not-detected', 'unsupported'),
          energyExpendedKj: fc.option(fc.integer({ min: 0, max: 0xffff }), { nil: undefined }),
          rawRr: fc.option(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 9 }), { nil: undefined }),
        }),
        ({ bpm, contact, energyExpendedKj, rawRr }) => {
          const rrMs = rawRr?.map((raw) => (raw * 1000) / 1024);
          const bytes = encodeHeartRateMeasurement({
            bpm,
            contact,
            ...(energyExpendedKj === undefined ? {} : { energyExpendedKj }),
            ...(rrMs === undefined ? {} : { rrMs }),
          });
          const value = expectOk(parseHeartRateMeasurement(new DataView(bytes.buffer)));
          expect(value).toEqual({
            bpm,
            contact,
            ...(energyExpendedKj === undefined ? {} : { energyExpendedKj }),
            rrMs: rrMs ?? [],
          });
        },
      ),
      { numRuns: 5_000, seed: 7 },
    );
  });
});
