import { describe, expect, it } from 'vitest';
import { encodeHeartRateMeasurement } from '../../../shared/ble/heart-rate-measurement.ts';
import { createBeatTimeline } from '../../../shared/sensors/beat-timeline.ts';
import { createMeasurementReader, NO_RR_AFTER_PACKETS } from '../../../shared/sensors/measurement-reader.ts';

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

  it('records the seconds lost in a gap', () => {
    const reader = createMeasurementReader();
    reader.readPacket({ bpm: 60, contact: 'unsupported', rrMs: [1000] }, 1000);
    const later = reader.readPacket({ bpm: 60, contact: 'unsupported', rrMs: [1000] }, 11_000);
    expect(later.gap).toEqual({ fromMs: 1000, toMs: 10_000 });
    expect(reader.quality()).toMatchObject({ gaps: 1, lostSec: 9 });
  });
});
