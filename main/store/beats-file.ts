import type { Beat, BeatColumns } from '../../shared/model/session.ts';
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

const BEATS_MAGIC = Buffer.from('ATB1', 'latin1');
export const BEATS_HEADER_BYTES = BEATS_MAGIC.length + KEY_ID_BYTES;
const LENGTH_BYTES = 4;
const FRAME_OVERHEAD_BYTES = LENGTH_BYTES + IV_BYTES + TAG_BYTES;
const BYTES_PER_BEAT = 16;
/** No batch is this large; a bigger length field means damage, not data. */
const MAX_FRAME_CIPHERTEXT_BYTES = 1 << 24;

function frameAad(sessionId: string, frameIndex: number): string {
  return `beats/${sessionId}/${frameIndex}`;
}

export async function createBeatsFile(fs: StoreFs, path: string, dataKey: DataKey): Promise<number> {
  await writeFileAtomic(fs, path, Buffer.concat([BEATS_MAGIC, dataKey.keyId]));
  return BEATS_HEADER_BYTES;
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

export type BeatsReadout = {
  beats: BeatColumns;
  frameCount: number;
  /** Bytes up to the end of the last frame that decrypted. */
  goodBytes: number;
  /**
   * What follows the good frames: nothing, a frame cut short, or a last frame that does not
   * decrypt. Both are what a crash during an append leaves; whether that is acceptable is
   * the caller's call (it is not for a finished session whose beat count is known).
   */
  tail: 'none' | 'short' | 'unreadable';
  tailBytes: number;
};

/** Reads every frame. Throws UnsealError when the header or a frame before the last is bad. */
export function decodeBeatsFile(dataKey: DataKey, sessionId: string, file: Buffer): BeatsReadout {
  if (file.length < BEATS_HEADER_BYTES || !file.subarray(0, BEATS_MAGIC.length).equals(BEATS_MAGIC)) {
    throw new UnsealError(file.length < BEATS_HEADER_BYTES ? 'truncated' : 'not-sealed', 'The beats file header is missing or damaged.');
  }
  if (!file.subarray(BEATS_MAGIC.length, BEATS_HEADER_BYTES).equals(dataKey.keyId)) {
    throw new UnsealError('other-key', 'The beats file was sealed with a different data key.');
  }
  const tMs: number[] = [];
  const rrMs: number[] = [];
  let offset = BEATS_HEADER_BYTES;
  let frameCount = 0;
  while (offset < file.length) {
    const remaining = file.length - offset;
    if (remaining < FRAME_OVERHEAD_BYTES) return readout('short');
    const ciphertextBytes = file.readUInt32LE(offset);
    const frameBytes = FRAME_OVERHEAD_BYTES + ciphertextBytes;
    if (ciphertextBytes > MAX_FRAME_CIPHERTEXT_BYTES || ciphertextBytes % BYTES_PER_BEAT !== 0) {
      if (frameBytes >= remaining) return readout('unreadable');
      throw new UnsealError('tampered', 'A beats frame has an impossible length.');
    }
    if (frameBytes > remaining) return readout('short');
    const ivStart = offset + LENGTH_BYTES;
    const bodyStart = ivStart + IV_BYTES;
    const tagStart = bodyStart + ciphertextBytes;
    let plain: Buffer;
    try {
      plain = decryptGcm(dataKey.key, file.subarray(ivStart, bodyStart), file.subarray(bodyStart, tagStart), file.subarray(tagStart, tagStart + TAG_BYTES), frameAad(sessionId, frameCount));
    } catch (error) {
      if (offset + frameBytes === file.length) return readout('unreadable');
      throw error;
    }
    for (let at = 0; at < plain.length; at += BYTES_PER_BEAT) {
      tMs.push(plain.readDoubleLE(at));
      rrMs.push(plain.readDoubleLE(at + 8));
    }
    offset += frameBytes;
    frameCount += 1;
  }
  return readout('none');

  function readout(tail: BeatsReadout['tail']): BeatsReadout {
    return { beats: { tMs, rrMs }, frameCount, goodBytes: offset, tail, tailBytes: file.length - offset };
  }
}
