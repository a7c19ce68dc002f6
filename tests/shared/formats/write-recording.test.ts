import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeBeatsCsv, writePlainRr } from '../../../shared/formats/write-recording.ts';
import { readRecording } from '../../../shared/formats/read-recording.ts';

describe('writePlainRr', () => {
  it('writes one value per line with a final newline', () => {
    expect(writePlainRr([812, 781.25])).toBe('812\n781.25\n');
  });

  it('refuses values that could not be read back as RR', () => {
    expect(() => writePlainRr([812, Number.NaN])).toThrow(RangeError);
    expect(() => writePlainRr([0])).toThrow(RangeError);
  });
});

describe('writeBeatsCsv', () => {
  it('writes tMs (cumulative RR) and rrMs under a header', () => {
    expect(writeBeatsCsv([800, 781.25, 1000])).toBe('tMs,rrMs\n800,800\n1581.25,781.25\n2581.25,1000\n');
  });

  it('writes just the header for no beats', () => {
    expect(writeBeatsCsv([])).toBe('tMs,rrMs\n');
  });
});

describe('round trip', () => {
  const rrArbitrary = fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: 65535 }).map((raw) => (raw * 1000) / 1024), // strap values
      fc.double({ min: 200, max: 3000, noNaN: true }), // cleaned, interpolated values
    ),
    { minLength: 1, maxLength: 50 },
  );

  it('reads back exactly what it wrote, in both formats', () => {
    fc.assert(
      fc.property(rrArbitrary, (rrMs) => {
        const plain = readRecording(writePlainRr(rrMs));
        expect(plain.ok && plain.value).toEqual({ format: 'rr', rrMs });
        const csv = readRecording(writeBeatsCsv(rrMs));
        expect(csv.ok && csv.value).toEqual({ format: 'ibi-csv', rrMs });
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
