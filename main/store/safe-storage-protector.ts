import type { KeyProtector } from './key-file.ts';

// Electron's safeStorage as a KeyProtector. It is passed in (main/index.ts hands over
// `safeStorage` from 'electron') so the store never imports Electron and runs in plain Node.
// safeStorage works on strings, so the key travels as base64. Call isAvailable() only after
// the app's 'ready' event: before it, safeStorage reports unavailable on Linux.

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or 'unknown'. */
  getSelectedStorageBackend?(): string;
};

export function safeStorageKeyProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyProtector {
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backend() {
      if (platform === 'darwin') return 'keychain';
      if (platform === 'win32') return 'dpapi';
      return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    },
    encrypt: (plaintext) => safeStorage.encryptString(plaintext.toString('base64')),
    decrypt: (ciphertext) => Buffer.from(safeStorage.decryptString(ciphertext), 'base64'),
  };
}
