import { describe, expect, it } from 'vitest';
import { encodeHeartRateMeasurement } from '../../../shared/ble/heart-rate-measurement.ts';
import { createLiveCheck } from '../../../shared/check/live-check.ts';
import { createBeatTimeline } from '../../../shared/sensors/beat-timeline.ts';
import { createMeasurementReader, NO_RR_AFTER_PACKETS, type Measurement } from '../../../shared/sensors/measurement-reader.ts';
import { STALE_AFTER_MS } from '../../../shared/signal/streaming-analyser.ts';
import { GAP_TOLERANCE_MS } from '../../../shared/signal/gaps.ts';

const view = (bytes: Uint8Array | number[]) => new DataView(Uint8Array.from(bytes).buffer);

describe('beat timeline', () => {
  it('anchors the first packet to its arrival and then follows cumulative RR, not arrival times', () => {
    const timeline = createBeatTimeline();
    expect(timeline.place([800, 820], 10_000).beats).toEqual([
      { tMs: 9180, rrMs: 800 },
      { tMs: 10_000, rrMs: 820 },
    ]);
    // Delivered 600 ms late: the beat still ends one RR after the previous one.
    expect(timeline.place([810], 11_400).beats).toEqual([{ tMs: 10_810, rrMs: 810 }]);
    expect(timeline.place([], 12_000)).toEqual({ beats: [], gap: null });
  });

  it('reports a gap when beats were lost, and starts again from the arrival time', () => {
    const timeline = createBeatTimeline();
    timeline.place([1000], 5000);
    const { beats, gap } = timeline.place([900, 950], 20_000);
    expect(beats.at(-1)?.tMs).toBe(20_000);
    expect(gap).toEqual({ fromMs: 5000, toMs: 18_150 });
  });
});

// A strap that briefly loses skin contact can send one absurd interval: 0xFFFF (63 999 ms, the
// "no value" marker) or a stray tens of seconds. These are the bytes of such a stream, one
// packet a second on an injected clock, each with one beat of 1000 ms (raw 0x0400).
describe('beat timeline after an absurd interval', () => {
  const beatPacket = [0x16, 60, 0x00, 0x04];
  const GLITCHES = [
    ['the 0xFFFF marker (63 999 ms)', [0x16, 60, 0xff, 0xff]],
    ['a stray 40 s interval (raw 0xA000)', [0x16, 60, 0x00, 0xa0]],
    ['a stray 40 s interval between two real beats', [0x16, 60, 0x00, 0x04, 0x00, 0xa0, 0x00, 0x04]],
  ] as const;

  /** 10 s of beats, the glitch, 10 s of beats, 20 s of silence, then 5 s of beats again. */
  function stream(glitch: readonly number[]) {
    const reader = createMeasurementReader();
    const read: Measurement[] = [];
    let arrivalMs = 0;
    const send = (bytes: readonly number[]) => {
      arrivalMs += 1000;
      const outcome = reader.readBytes(view([...bytes]), arrivalMs);
      if (!outcome.ok) throw new Error(outcome.message);
      read.push(outcome.measurement);
    };
    for (let i = 0; i < 10; i++) send(beatPacket);
    send(glitch);
    for (let i = 0; i < 10; i++) send(beatPacket);
    const silentFromMs = arrivalMs;
    arrivalMs += 20_000;
    for (let i = 0; i < 5; i++) send(beatPacket);
    return { reader, read, silentFromMs };
  }

  it.each(GLITCHES)('still reports the later 20 s drop-out as a gap after %s', (_, glitch) => {
    const { reader, read, silentFromMs } = stream(glitch);
    const withGap = read.filter((measurement) => measurement.gap !== null);
    expect(withGap).toHaveLength(1);
    expect(withGap[0]!.arrivalMs).toBe(silentFromMs + 21_000);
    expect(withGap[0]!.gap!.fromMs).toBeLessThanOrEqual(silentFromMs);
    expect(reader.quality().gaps).toBe(1);
    // 20 s, give or take the second the absurd value did not account for.
    expect(Math.abs(reader.quality().lostSec - 20)).toBeLessThanOrEqual(1);
  });

  it.each(GLITCHES)('never stamps a beat later than its packet arrived, beyond the tolerance, after %s', (_, glitch) => {
    const { read } = stream(glitch);
    let previousMs = -Infinity;
    for (const measurement of read) {
      for (const beat of measurement.beats) {
        expect(beat.tMs).toBeLessThanOrEqual(measurement.arrivalMs + GAP_TOLERANCE_MS);
        expect(beat.tMs).toBeGreaterThanOrEqual(previousMs);
        previousMs = beat.tMs;
      }
    }
  });

  it.each(GLITCHES)('lets the check notice the silence within seconds after %s', (_, glitch) => {
    const { read, silentFromMs } = stream(glitch);
    let nowMs = 0;
    const live = createLiveCheck({ clock: { nowMs: () => nowMs }, baselineHrBpm: null });
    for (const measurement of read.filter((m) => m.arrivalMs <= silentFromMs)) {
      nowMs = measurement.arrivalMs;
      for (const beat of measurement.beats) live.push(beat);
    }
    expect(live.sample('yes').receiving).toBe(true);
    nowMs = silentFromMs + STALE_AFTER_MS + 1000;
    expect(live.sample('yes').receiving).toBe(false);
  });

  it('keeps the exact rhythm when nothing is wrong: no re-anchoring for a late delivery', () => {
    const timeline = createBeatTimeline();
    timeline.place([1000], 1000);
    // Delivered 1.5 s late, then the next on time: both still one RR after the previous beat.
    expect(timeline.place([1000], 3500).beats).toEqual([{ tMs: 2000, rrMs: 1000 }]);
    expect(timeline.place([1000], 3000).beats).toEqual([{ tMs: 3000, rrMs: 1000 }]);
  });
});

describe('measurement reader', () => {
  it('reads bytes into a packet with timed beats', () => {
    const reader = createMeasurementReader();
    const outcome = reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 72, contact: 'detected', rrMs: [833] })), 1000);
    expect(outcome.ok && outcome.measurement.packet.bpm).toBe(72);
    expect(outcome.ok && outcome.measurement.beats).toEqual([{ tMs: 1000, rrMs: (853 * 1000) / 1024 }]);
    expect(reader.quality()).toMatchObject({ packets: 1, malformed: 0, rrIntervals: 1, rrSupport: 'yes' });
  });

  it('counts malformed packets by kind and carries on with the next good one', () => {
    const reader = createMeasurementReader();
    expect(reader.readBytes(view([]), 1000)).toMatchObject({ ok: false, code: 'empty' });
    expect(reader.readBytes(view([0x10, 60, 0x00]), 2000)).toMatchObject({ ok: false, code: 'odd-rr-bytes' });
    expect(reader.readBytes(view([0x10, 60, 0x00]), 3000)).toMatchObject({ ok: false, code: 'odd-rr-bytes' });
    expect(reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 60, rrMs: [1000] })), 4000).ok).toBe(true);
    expect(reader.quality()).toMatchObject({ packets: 4, malformed: 3, malformedByCode: { empty: 1, 'odd-rr-bytes': 2 }, rrIntervals: 1 });
  });

  it('says a sensor sends no RR only after several packets with a heart rate and none', () => {
    const reader = createMeasurementReader();
    for (let i = 1; i < NO_RR_AFTER_PACKETS; i++) reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 70 })), i * 1000);
    expect(reader.quality().rrSupport).toBe('unknown');
    reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 70 })), 9000);
    expect(reader.quality().rrSupport).toBe('none');
    reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 70, rrMs: [850] })), 10_000);
    expect(reader.quality().rrSupport).toBe('yes');
  });

  it('follows the skin contact the strap reports, packet by packet', () => {
    const reader = createMeasurementReader();
    expect(reader.quality().contact).toBe('unknown');
    // 0x16: contact supported and detected; 0x14: supported, no contact (bpm 0, no RR); 0x16 again.
    reader.readBytes(view([0x16, 72, 0x00, 0x04]), 1000);
    expect(reader.quality().contact).toBe('yes');
    reader.readBytes(view([0x14, 0]), 2000);
    expect(reader.quality().contact).toBe('no');
    // A broken packet (RR cut in half) says nothing, whatever its contact bits claim.
    expect(reader.readBytes(view([0x16, 72, 0x00]), 3000)).toMatchObject({ ok: false, code: 'odd-rr-bytes' });
    expect(reader.quality().contact).toBe('no');
    reader.readBytes(view([0x16, 71, 0x00, 0x04]), 4000);
    expect(reader.quality().contact).toBe('yes');
  });

  it('knows nothing about contact from a strap without the feature (Polar 0x10, or 0b01 bits)', () => {
    const reader = createMeasurementReader();
    for (const flags of [0x10, 0x12]) {
      reader.readBytes(view([flags, 60, 0x00, 0x04]), 1000);
      expect(reader.quality().contact).toBe('unknown');
    }
  });

  it('does not call a chest strap off the skin a heart-rate-only sensor', () => {
    const reader = createMeasurementReader();
    const loose = encodeHeartRateMeasurement({ bpm: 0, contact: 'not-detected' });
    for (let i = 0; i < 3 * NO_RR_AFTER_PACKETS; i++) reader.readBytes(view(loose), 1000 * (i + 1));
    expect(reader.quality()).toMatchObject({ rrSupport: 'unknown', contact: 'no' });
    // Put on: beats with RR come, and it is a strap with RR after all.
    reader.readBytes(view(encodeHeartRateMeasurement({ bpm: 66, contact: 'detected', rrMs: [905] })), 60_000);
    expect(reader.quality()).toMatchObject({ rrSupport: 'yes', contact: 'yes' });
  });

  it('records the seconds lost in a gap', () => {
    const reader = createMeasurementReader();
    reader.readPacket({ bpm: 60, contact: 'unsupported', rrMs: [1000] }, 1000);
    const later = reader.readPacket({ bpm: 60, contact: 'unsupported', rrMs: [1000] }, 11_000);
    expect(later.gap).toEqual({ fromMs: 1000, toMs: 10_000 });
    expect(reader.quality()).toMatchObject({ gaps: 1, lostSec: 9 });
  });
});
