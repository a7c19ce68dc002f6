import { join } from 'node:path';
import { z } from 'zod';
import { KEY_PROBLEM_WORDS } from '../../shared/content/store-messages.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { newDataKey, seal, unseal, UnsealError, type DataKey } from './crypto.ts';
import { errorCode, isNotFound, type StoreFs } from './fs-layer.ts';

// The data key is random (no password, nothing to derive) and lives beside the data in
// key.json, wrapped by the operating system's key store through a KeyProtector (Electron's
// safeStorage in the app). Where the OS offers no real protection (safeStorage
// unavailable, or Linux's 'basic_text' backend, which is obfuscation with a fixed key) the
// key is stored unwrapped and the store says so, so Settings can tell the user plainly.
// A key file that is missing, unreadable or belongs to other data stops the store with a
// clear error and is never replaced: a new key would make every existing record unreadable.

export const KEY_FILE_NAME = 'key.json';
const KEY_CHECK_PLAINTEXT = Buffer.from('attune data key check', 'utf8');
const KEY_CHECK_AAD = 'key-check';

export type KeyProtector = {
  isAvailable(): boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; e.g. 'keychain' or 'dpapi' elsewhere. */
  backend(): string;
  encrypt(plaintext: Buffer): Buffer;
  decrypt(ciphertext: Buffer): Buffer;
};

/** No OS key store: the records store keeps its key unwrapped and reports that plainly. */
export const NO_KEY_PROTECTOR: KeyProtector = {
  isAvailable: () => false,
  backend: () => 'none',
  encrypt: () => {
    throw new Error('no key protector');
  },
  decrypt: () => {
    throw new Error('no key protector');
  },
};

export type KeyProtection = {
  /** 'os' when the OS key store wraps the data key; 'none' when it is stored as is. */
  wrappedBy: 'os' | 'none';
  backend: string;
  /** Why the key is not wrapped, when it is not. */
  reason: 'protected' | 'os-store-unavailable' | 'linux-basic-text';
};

export type KeyErrorReason = 'key-missing' | 'key-unreadable' | 'key-locked' | 'wrong-key';

/** Opening the store cannot go on without risking the user's data; nothing was written. */
export class StoreKeyError extends Error {
  readonly reason: KeyErrorReason;
  constructor(reason: KeyErrorReason, message: string) {
    super(message);
    this.name = 'StoreKeyError';
    this.reason = reason;
  }
}

/** Records (or the index) sealed with another key than key.json's: the key does not belong to this data. */
export function recordsFromOtherKey(): StoreKeyError {
  return new StoreKeyError('wrong-key', KEY_PROBLEM_WORDS.recordsFromOtherKey);
}

const KeyFileSchema = z.object({
  format: z.literal('attune-data-key'),
  formatVersion: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  wrappedBy: z.enum(['os', 'none']),
  backend: z.string(),
  key: z.string(),
  check: z.string(),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

export function describeProtector(protector: KeyProtector): KeyProtection {
  if (!protector.isAvailable()) return { wrappedBy: 'none', backend: 'none', reason: 'os-store-unavailable' };
  const backend = protector.backend();
  if (backend === 'basic_text') return { wrappedBy: 'none', backend, reason: 'linux-basic-text' };
  return { wrappedBy: 'os', backend, reason: 'protected' };
}

export type LoadedKey = { dataKey: DataKey; protection: KeyProtection };

/**
 * Reads the data key, or creates one when the folder holds no data yet. `hasExistingData`
 * says whether any record, beats file or index is already there.
 */
export async function loadOrCreateKey(fs: StoreFs, directory: string, protector: KeyProtector, hasExistingData: boolean): Promise<LoadedKey> {
  const path = join(directory, KEY_FILE_NAME);
  let raw: Buffer | null = null;
  try {
    raw = await fs.readFile(path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (raw === null) {
    if (hasExistingData) {
      throw new StoreKeyError('key-missing', KEY_PROBLEM_WORDS.missing);
    }
    return createKey(fs, path, protector);
  }
  const file = parseKeyFile(raw);
  const dataKey = unwrapKey(file, protector);
  const protection = describeProtector(protector);
  if (file.wrappedBy === 'none' && protection.wrappedBy === 'os') {
    // The OS key store has become available since the key was made: wrap it now. A disk that
    // takes no writes leaves the file as it is (still readable); the next start tries again.
    try {
      await writeKeyFile(fs, path, dataKey, protector, protection);
      return { dataKey, protection };
    } catch (error) {
      if (errorCode(error) === undefined) throw error;
      return { dataKey, protection: { wrappedBy: 'none', backend: file.backend, reason: 'os-store-unavailable' } };
    }
  }
  return {
    dataKey,
    protection: file.wrappedBy === 'os' ? { wrappedBy: 'os', backend: file.backend, reason: 'protected' } : protection,
  };
}

/**
 * A key held in memory only, for an empty store whose folder takes no writes yet: nothing is
 * sealed with it (the store refuses writes until the real key file is written).
 */
export function unsavedKey(protector: KeyProtector): LoadedKey {
  return { dataKey: newDataKey(), protection: describeProtector(protector) };
}

async function createKey(fs: StoreFs, path: string, protector: KeyProtector): Promise<LoadedKey> {
  const dataKey = newDataKey();
  const protection = describeProtector(protector);
  await writeKeyFile(fs, path, dataKey, protector, protection);
  return { dataKey, protection };
}

async function writeKeyFile(fs: StoreFs, path: string, dataKey: DataKey, protector: KeyProtector, protection: KeyProtection): Promise<void> {
  let stored = dataKey.key;
  if (protection.wrappedBy === 'os') {
    stored = protector.encrypt(dataKey.key);
    // Never trust a wrapped key we have not unwrapped once: losing it loses everything.
    if (!protector.decrypt(stored).equals(dataKey.key)) throw new Error('The OS key store did not give the data key back unchanged.');
  }
  const file: KeyFile = {
    format: 'attune-data-key',
    formatVersion: 1,
    keyId: dataKey.keyId.toString('hex'),
    wrappedBy: protection.wrappedBy,
    backend: protection.backend,
    key: stored.toString('base64'),
    check: seal(dataKey, KEY_CHECK_PLAINTEXT, KEY_CHECK_AAD).toString('base64'),
  };
  await writeFileAtomic(fs, path, Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'));
}

function parseKeyFile(raw: Buffer): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new StoreKeyError('key-unreadable', KEY_PROBLEM_WORDS.damaged);
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new StoreKeyError('key-unreadable', KEY_PROBLEM_WORDS.damagedOrNewer);
  }
  return parsed.data;
}

function unwrapKey(file: KeyFile, protector: KeyProtector): DataKey {
  let key: Buffer = Buffer.from(file.key, 'base64');
  if (file.wrappedBy === 'os') {
    if (!protector.isAvailable()) {
      throw new StoreKeyError('key-locked', KEY_PROBLEM_WORDS.keyStoreLocked);
    }
    try {
      key = protector.decrypt(key);
    } catch {
      throw new StoreKeyError('wrong-key', KEY_PROBLEM_WORDS.keyStoreRefused);
    }
  }
  const dataKey: DataKey = { key, keyId: Buffer.from(file.keyId, 'hex') };
  try {
    if (key.length !== 32) throw new UnsealError('tampered', 'bad key length');
    unseal(dataKey, Buffer.from(file.check, 'base64'), KEY_CHECK_AAD);
  } catch {
    throw new StoreKeyError('wrong-key', KEY_PROBLEM_WORDS.keyDoesNotFit);
  }
  return dataKey;
}
