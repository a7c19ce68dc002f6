import type { Beat, BeatColumns, BeatsLoss } from '../../shared/model/session.ts';
import { writeAll, writeFileAtomic } from './atomic-write.ts';
import { decryptGcm, encryptGcm, IV_BYTES, KEY_ID_BYTES, TAG_BYTES, UnsealError, type DataKey } from './crypto.ts';
import type { StoreFs } from './fs-layer.ts';

// A session's beats, appended while it records. The file is a short header (magic and key
// id) followed by frames, one per batch the renderer sends:
//   u32 little-endian ciphertext length | iv | ciphertext | GCM tag
// Each frame is sealed on its own, with its index in the additional data, so frames cannot
// be reordered, and a crash in the middle of an append damages only that last, never
// acknowledged frame. Plaintext is [tMs, rrMs] pairs as little-endian float64, which keeps
// the strap's fractional RR values exactly.
//
// Damage stays local: a frame that does not open costs that frame only. The reader finds
// the next frame by trying the boundaries a frame could end at (every frame is 32 bytes of
// framing plus 16 bytes a beat, so boundaries sit 16 bytes apart) and accepting the first
// one whose frame authenticates with a following index; a frame whose length field alone
// was damaged then opens with the length the boundary implies, so nothing is lost.

const BEATS_MAGIC = Buffer.from('ATB1', 'latin1');
export const BEATS_HEADER_BYTES = BEATS_MAGIC.length + KEY_ID_BYTES;
const LENGTH_BYTES = 4;
const FRAME_OVERHEAD_BYTES = LENGTH_BYTES + IV_BYTES + TAG_BYTES;
const BYTES_PER_BEAT = 16;
/** What one trial decryption counts against the resynchronising budget, at the least. */
const MIN_TRIAL_COST_BYTES = 4096;
/** The smallest frame on disk: framing plus one beat (an empty batch is never written). */
const MIN_FRAME_BYTES = FRAME_OVERHEAD_BYTES + BYTES_PER_BEAT;
/** No batch is this large; a bigger length field means damage, not data. */
const MAX_FRAME_CIPHERTEXT_BYTES = 1 << 24;

function frameAad(sessionId: string, frameIndex: number): string {
  return `beats/${sessionId}/${frameIndex}`;
}

export async function createBeatsFile(fs: StoreFs, path: string, dataKey: DataKey): Promise<number> {
  await writeFileAtomic(fs, path, beatsHeader(dataKey));
  return BEATS_HEADER_BYTES;
}

function beatsHeader(dataKey: DataKey): Buffer {
  return Buffer.concat([BEATS_MAGIC, dataKey.keyId]);
}

/** Beats per frame when a whole file is written at once (a repaired one). */
const BEATS_PER_WHOLE_FILE_FRAME = 1024;

/** A whole beats file holding these beats, sealed afresh. */
export function encodeBeatsFile(dataKey: DataKey, sessionId: string, beats: BeatColumns): Buffer {
  const beatsPerFrame = BEATS_PER_WHOLE_FILE_FRAME;
  const parts = [beatsHeader(dataKey)];
  for (let start = 0, frameIndex = 0; start < beats.rrMs.length; start += beatsPerFrame, frameIndex += 1) {
    const batch: Beat[] = [];
    for (let i = start; i < Math.min(start + beatsPerFrame, beats.rrMs.length); i += 1) batch.push({ tMs: beats.tMs[i] ?? 0, rrMs: beats.rrMs[i] ?? 0 });
    parts.push(encodeBeatsFrame(dataKey, sessionId, frameIndex, batch));
  }
  return Buffer.concat(parts);
}

export function encodeBeatsFrame(dataKey: DataKey, sessionId: string, frameIndex: number, beats: readonly Beat[]): Buffer {
  const plain = Buffer.alloc(beats.length * BYTES_PER_BEAT);
  beats.forEach((beat, i) => {
    plain.writeDoubleLE(beat.tMs, i * BYTES_PER_BEAT);
    plain.writeDoubleLE(beat.rrMs, i * BYTES_PER_BEAT + 8);
  });
  const { iv, ciphertext, tag } = encryptGcm(dataKey.key, plain, frameAad(sessionId, frameIndex));
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(ciphertext.length, 0);
  return Buffer.concat([length, iv, ciphertext, tag]);
}

/**
 * Writes one frame at `positionBytes` (the end of the last good frame) and flushes it. On
 * failure the file is cut back to `positionBytes`, so a half-written frame (a full disk)
 * never sits in front of the next one.
 */
export async function appendBeatsFrame(fs: StoreFs, path: string, frame: Buffer, positionBytes: number): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await writeAll(handle, frame, positionBytes);
    await handle.sync();
  } catch (error) {
    await handle.truncate(positionBytes).catch(() => undefined);
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Frames that did not open between two that did: `beats` is exact, the boundaries around them authenticated. */
export type BeatsGap = {
  /** Where in the beats read the gap sits: the index of the first beat after it. */
  atBeat: number;
  frames: number;
  beats: number;
};

export type BeatsReadout = {
  beats: BeatColumns;
  /** Frames that opened. */
  frameCount: number;
  /** Bytes up to the end of the last frame that opened. */
  goodBytes: number;
  /**
   * What follows the last frame that opened: nothing; 'short', a frame cut off before its
   * stated end (what a crash during an append leaves); or 'unreadable', bytes of full length
   * that do not open (damage: a crash leaves no such thing).
   */
  tail: 'none' | 'short' | 'unreadable';
  tailBytes: number;
  /** Damaged frames between frames that opened. */
  gaps: BeatsGap[];
  /**
   * The file is not as written even where nothing was lost (a damaged header or length
   * field, a gap), so it should be set aside and written afresh.
   */
  damaged: boolean;
};

type OpenedFrame = { plain: Buffer; endBytes: number };

/**
 * Reads every frame that opens. Throws UnsealError only when the file is not a beats file
 * of this key at all: no header, or a header that does not match and no frame opening with
 * this key either.
 */
export function decodeBeatsFile(dataKey: DataKey, sessionId: string, file: Buffer): BeatsReadout {
  if (file.length < BEATS_HEADER_BYTES) throw new UnsealError('truncated', 'The beats file is shorter than its header.');
  const magicOk = file.subarray(0, BEATS_MAGIC.length).equals(BEATS_MAGIC);
  const keyIdOk = file.subarray(BEATS_MAGIC.length, BEATS_HEADER_BYTES).equals(dataKey.keyId);
  // Resynchronising may try a frame more than once; this caps that work at about twice the
  // file's size, each try counted as at least 4 KiB (setting up a decryption that fails costs
  // more than the bytes), so a hostile file cannot make reading it slow.
  let trialBytesLeft = 2 * file.length + (1 << 18);
  const tMs: number[] = [];
  const rrMs: number[] = [];
  const gaps: BeatsGap[] = [];
  let damaged = !magicOk || !keyIdOk;
  let offset = BEATS_HEADER_BYTES;
  let frameIndex = 0;
  let frameCount = 0;
  let tail: BeatsReadout['tail'] = 'none';

  while (offset < file.length) {
    const stated = plausibleLength(offset);
    const frame = stated === null ? null : openFrame(offset, stated, frameIndex);
    if (frame) {
      take(frame);
      continue;
    }
    const next = findNextFrame(offset, frameIndex);
    if (next) {
      damaged = true;
      const spanBytes = next.position - offset;
      // One frame between: maybe only its length field was hit; the boundary says its length.
      const repaired = next.index === frameIndex + 1 ? openFrame(offset, spanBytes - FRAME_OVERHEAD_BYTES, frameIndex) : null;
      if (repaired) take(repaired);
      else {
        const frames = next.index - frameIndex;
        gaps.push({ atBeat: rrMs.length, frames, beats: (spanBytes - frames * FRAME_OVERHEAD_BYTES) / BYTES_PER_BEAT });
        offset = next.position;
        frameIndex = next.index;
      }
      continue;
    }
    // Nothing opens after here: a last frame whose length field alone was hit still opens
    // with the length the end of the file implies.
    const implied = openFrame(offset, file.length - offset - FRAME_OVERHEAD_BYTES, frameIndex);
    if (implied) {
      damaged = true;
      take(implied);
      continue;
    }
    tail = isCutShort(offset, stated) ? 'short' : 'unreadable';
    if (tail === 'unreadable') damaged = true;
    break;
  }
  if (!keyIdOk && frameCount === 0 && file.length > BEATS_HEADER_BYTES) {
    // Nothing opens with this key: the file is another key's (or not a beats file at all).
    throw magicOk
      ? new UnsealError('other-key', 'The beats file was sealed with a different data key.')
      : new UnsealError('not-sealed', 'The beats file header is missing or damaged.');
  }
  return { beats: { tMs, rrMs }, frameCount, goodBytes: offset, tail, tailBytes: file.length - offset, gaps, damaged };

  function take(frame: OpenedFrame): void {
    for (let at = 0; at < frame.plain.length; at += BYTES_PER_BEAT) {
      tMs.push(frame.plain.readDoubleLE(at));
      rrMs.push(frame.plain.readDoubleLE(at + 8));
    }
    offset = frame.endBytes;
    frameIndex += 1;
    frameCount += 1;
  }

  /** The length field at `position` when it could be a frame's that fits in the file; else null. */
  function plausibleLength(position: number): number | null {
    if (position + LENGTH_BYTES > file.length) return null;
    const ciphertextBytes = file.readUInt32LE(position);
    if (ciphertextBytes === 0 || ciphertextBytes > MAX_FRAME_CIPHERTEXT_BYTES || ciphertextBytes % BYTES_PER_BEAT !== 0) return null;
    return ciphertextBytes;
  }

  /** What an append cut off by a crash leaves: too few bytes for a length field, or fewer than it states. */
  function isCutShort(position: number, statedBytes: number | null): boolean {
    if (file.length - position < LENGTH_BYTES) return true;
    return statedBytes !== null && position + FRAME_OVERHEAD_BYTES + statedBytes > file.length;
  }

  function openFrame(position: number, ciphertextBytes: number, index: number): OpenedFrame | null {
    if (ciphertextBytes <= 0 || ciphertextBytes % BYTES_PER_BEAT !== 0) return null;
    const endBytes = position + FRAME_OVERHEAD_BYTES + ciphertextBytes;
    if (endBytes > file.length) return null;
    const ivStart = position + LENGTH_BYTES;
    const bodyStart = ivStart + IV_BYTES;
    const tagStart = bodyStart + ciphertextBytes;
    try {
      const plain = decryptGcm(dataKey.key, file.subarray(ivStart, bodyStart), file.subarray(bodyStart, tagStart), file.subarray(tagStart, endBytes), frameAad(sessionId, index));
      return { plain, endBytes };
    } catch (error) {
      if (error instanceof UnsealError) return null;
      throw error;
    }
  }

  /**
   * The first frame after `from` that opens as a frame after `index`. Candidates are the
   * boundaries 16 bytes apart, in order, whose length field is plausible and whose frame ends
   * at the end of the file or at another plausible length field; only those are tried, so
   * random bytes almost never cost a decryption. The earliest frame that opens is the next
   * real one (a frame opens only with its own index), so the scan stops there and the next
   * one starts after it: reading stays linear in the file's length.
   */
  function findNextFrame(from: number, index: number): { position: number; index: number } | null {
    for (let position = from + MIN_FRAME_BYTES; position + MIN_FRAME_BYTES <= file.length; position += BYTES_PER_BEAT) {
      const ciphertextBytes = plausibleLength(position);
      if (ciphertextBytes === null) continue;
      const end = position + FRAME_OVERHEAD_BYTES + ciphertextBytes;
      if (end > file.length) continue;
      if (end !== file.length && file.length - end >= LENGTH_BYTES && plausibleLength(end) === null) continue;
      const mostFramesBetween = Math.floor((position - from) / MIN_FRAME_BYTES);
      for (let skipped = 1; skipped <= mostFramesBetween; skipped += 1) {
        if (trialBytesLeft <= 0) return null;
        trialBytesLeft -= Math.max(MIN_TRIAL_COST_BYTES, ciphertextBytes + FRAME_OVERHEAD_BYTES);
        if (openFrame(position, ciphertextBytes, index + skipped)) return { position, index: index + skipped };
      }
    }
    return null;
  }
}

/**
 * What damage cost, from a readout. With `acknowledgedBeats` known (a finished session's
 * record, a live session's count) the loss is what is missing from it; after a crash it is
 * not known, and the loss is the gaps plus a last frame that is there in full but does not
 * open (a frame a crash cut short was never acknowledged and is no loss). null: none lost.
 */
export function beatsLoss(readout: BeatsReadout, acknowledgedBeats: number | null): BeatsLoss | null {
  const { tMs, rrMs } = readout.beats;
  let gapFrames = 0;
  let gapBeats = 0;
  let gapMs = 0;
  for (const gap of readout.gaps) {
    gapFrames += gap.frames;
    gapBeats += gap.beats;
    const lostFromMs = gap.atBeat > 0 ? (tMs[gap.atBeat - 1] ?? 0) : 0;
    const lostToMs = (tMs[gap.atBeat] ?? lostFromMs) - (rrMs[gap.atBeat] ?? 0);
    gapMs += Math.max(0, lostToMs - lostFromMs);
  }
  const unreadableTailBeats = readout.tail === 'unreadable' ? Math.max(1, Math.floor((readout.tailBytes - FRAME_OVERHEAD_BYTES) / BYTES_PER_BEAT)) : 0;
  const beats = acknowledgedBeats === null ? gapBeats + unreadableTailBeats : Math.max(0, acknowledgedBeats - rrMs.length);
  if (beats === 0) return null;
  const tailCounts = acknowledgedBeats === null ? readout.tail === 'unreadable' : readout.tail !== 'none';
  const meanRrMs = rrMs.length > 0 ? rrMs.reduce((sum, rr) => sum + rr, 0) / rrMs.length : 1000;
  const otherMs = Math.max(0, beats - gapBeats) * meanRrMs;
  return { frames: gapFrames + (tailCounts ? 1 : 0), beats, seconds: Math.round((gapMs + otherMs) / 100) / 10 };
}
