import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorageKeyProtector, type SafeStorageLike } from '../../../main/store/safe-storage-protector.ts';
import { openStore, tempDir } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** Behaves like safeStorage: strings in, opaque buffers out, a backend name on Linux. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`v11${Buffer.from(text).reverse().toString('latin1')}`, 'latin1'),
    decryptString: (buf) => Buffer.from(buf.subarray(3).toString('latin1'), 'latin1').reverse().toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage as the key protector', () => {
  it('wraps the data key with a real Linux backend and unwraps it on the next start', async () => {
    const protector = safeStorageKeyProtector(fakeSafeStorage('gnome_libsecret'), 'linux');
    const store = await openStore(dir.path, { keyProtector: protector });
    expect(store.status().encryption).toEqual({ wrappedBy: 'os', backend: 'gnome_libsecret', reason: 'protected' });
    const entry = await store.createJournal({ text: 'kept under the keyring' });
    await store.close();
    expect(readFileSync(join(dir.path, 'key.json'), 'utf8')).toMatch(/"wrappedBy": "os"/);
    const again = await openStore(dir.path, { keyProtector: protector });
    expect((await again.getJournal(entry.id)).text).toBe('kept under the keyring');
    await again.close();
  });

  it("names the backend on each platform and treats Linux 'basic_text' as no protection", async () => {
    expect(safeStorageKeyProtector(fakeSafeStorage('x'), 'darwin').backend()).toBe('keychain');
    expect(safeStorageKeyProtector(fakeSafeStorage('x'), 'win32').backend()).toBe('dpapi');
    const store = await openStore(dir.path, { keyProtector: safeStorageKeyProtector(fakeSafeStorage('basic_text'), 'linux') });
    expect(store.status().encryption).toEqual({ wrappedBy: 'none', backend: 'basic_text', reason: 'linux-basic-text' });
    await store.close();
  });
});
