import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyProtector } from '../../../main/store/key-file.ts';
import { RecordsStore, type RecordsStoreOptions } from '../../../main/store/records-store.ts';
import type { Beat } from '../../../shared/model/session.ts';

// Shared pieces for the records-store tests: a temp folder per test, a clock the test
// moves, key protectors standing in for Electron's safeStorage, and plausible beats.

export function tempDir(prefix = 'attune-store-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function fakeClock(startMs = Date.UTC(2025, 0, 6, 9, 0, 0)): { nowMs: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let now = startMs;
  return { nowMs: () => now, advance: (ms) => (now += ms), set: (ms) => (now = ms) };
}

/** A keychain-like protector: wraps by XOR with a per-"user" pad, so another user cannot unwrap. */
export function osProtector(userSecret = 7, backend = 'gnome_libsecret'): KeyProtector & { calls: number } {
  const mix = (buf: Buffer) => Buffer.from(buf.map((byte, i) => byte ^ ((userSecret * 31 + i * 17) & 0xff)));
  const protector = {
    calls: 0,
    isAvailable: () => true,
    backend: () => backend,
    encrypt(plain: Buffer) {
      protector.calls += 1;
      return Buffer.concat([Buffer.from('OSK'), mix(plain)]);
    },
    decrypt(wrapped: Buffer) {
      if (!wrapped.subarray(0, 3).equals(Buffer.from('OSK'))) throw new Error('not ours');
      return mix(wrapped.subarray(3));
    },
  };
  return protector;
}

export const basicTextProtector: KeyProtector = {
  isAvailable: () => true,
  backend: () => 'basic_text',
  encrypt: (b) => Buffer.from(b),
  decrypt: (b) => Buffer.from(b),
};

export const unavailableProtector: KeyProtector = {
  isAvailable: () => false,
  backend: () => 'unknown',
  encrypt: () => {
    throw new Error('unavailable');
  },
  decrypt: () => {
    throw new Error('unavailable');
  },
};

/** Beats of a calm-ish heart: ~65 bpm with breathing-locked swings, fractional like a strap's. */
export function makeBeats(count: number, startTMs = 0, seed = 1): Beat[] {
  const beats: Beat[] = [];
  let tMs = startTMs;
  for (let i = 0; i < count; i += 1) {
    const raw = Math.round((0.92 + 0.06 * Math.sin((i + seed) / 3)) * 1024);
    const rrMs = (raw * 1000) / 1024;
    tMs += rrMs;
    beats.push({ tMs, rrMs });
  }
  return beats;
}

export async function openStore(dir: string, overrides: Partial<RecordsStoreOptions> = {}): Promise<RecordsStore> {
  return RecordsStore.open({ directory: dir, keyProtector: osProtector(), indexSaveDelayMs: 60_000, ...overrides });
}
