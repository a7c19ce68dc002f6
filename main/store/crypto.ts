import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM for everything at rest. Each sealed blob carries the id of the key that
// sealed it, so "this file belongs to another key" (a wrong or replaced key file) is told
// apart from "this file was damaged" (GCM's tag check fails): the first must stop the
// store without touching anything, the second quarantines one file. The additional
// authenticated data names what the blob is (e.g. "journal/<id>"), so a valid file copied
// over another record's file is detected too.

export const KEY_BYTES = 32;
export const KEY_ID_BYTES = 8;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const RECORD_MAGIC = Buffer.from('ATR1', 'latin1');
/** magic + key id + iv before the ciphertext; tag after it. */
export const RECORD_OVERHEAD_BYTES = RECORD_MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export type DataKey = { key: Buffer; keyId: Buffer };

export type UnsealFailure = 'not-sealed' | 'truncated' | 'other-key' | 'tampered';

export class UnsealError extends Error {
  readonly reason: UnsealFailure;
  constructor(reason: UnsealFailure, message: string) {
    super(message);
    this.name = 'UnsealError';
    this.reason = reason;
  }
}

export function newDataKey(): DataKey {
  return { key: randomBytes(KEY_BYTES), keyId: randomBytes(KEY_ID_BYTES) };
}

export function encryptGcm(key: Buffer, plaintext: Uint8Array, aad: string): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

export function decryptGcm(key: Buffer, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new UnsealError('tampered', 'The data failed its integrity check (changed, damaged or sealed for something else).');
  }
}

/** A whole file's worth: magic, key id, iv, ciphertext, tag. */
export function seal(dataKey: DataKey, plaintext: Uint8Array, aad: string): Buffer {
  const { iv, ciphertext, tag } = encryptGcm(dataKey.key, plaintext, aad);
  return Buffer.concat([RECORD_MAGIC, dataKey.keyId, iv, ciphertext, tag]);
}

export function unseal(dataKey: DataKey, sealed: Buffer, aad: string): Buffer {
  if (sealed.length >= RECORD_MAGIC.length && !sealed.subarray(0, RECORD_MAGIC.length).equals(RECORD_MAGIC)) {
    throw new UnsealError('not-sealed', 'The file does not start like an Attune record.');
  }
  if (sealed.length < RECORD_OVERHEAD_BYTES) throw new UnsealError('truncated', 'The file is shorter than any record.');
  const keyIdStart = RECORD_MAGIC.length;
  const ivStart = keyIdStart + KEY_ID_BYTES;
  const bodyStart = ivStart + IV_BYTES;
  const tagStart = sealed.length - TAG_BYTES;
  if (!sealed.subarray(keyIdStart, ivStart).equals(dataKey.keyId)) {
    throw new UnsealError('other-key', 'The file was sealed with a different data key.');
  }
  return decryptGcm(dataKey.key, sealed.subarray(ivStart, bodyStart), sealed.subarray(bodyStart, tagStart), sealed.subarray(tagStart), aad);
}
