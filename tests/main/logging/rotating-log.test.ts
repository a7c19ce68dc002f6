import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../main/logging/rotating-log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('rotating log file', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());
  const now = () => new Date('2026-11-25T12:00:00.000Z');

  it('writes one timestamped line per message, creating its folder', () => {
    const log = createRotatingLog({ path: join(dir.path, 'logs', 'attune.log'), now });
    log.error('window: TypeError: x is undefined\n    at render (app.js:1:2)');
    log.info('started');
    const lines = readFileSync(log.path, 'utf8').trim().split('\n');
    expect(lines).toEqual([
      '2026-11-25T12:00:00.000Z ERROR window: TypeError: x is undefined | at render (app.js:1:2)',
      '2026-11-25T12:00:00.000Z INFO started',
    ]);
  });

  it('is readable by its owner only, and closes a log an older version left open to everyone', () => {
    const path = join(dir.path, 'attune.log');
    writeFileSync(path, 'old line\n', { mode: 0o644 });
    writeFileSync(`${path}.1`, 'older line\n', { mode: 0o644 });
    const log = createRotatingLog({ path, now });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.1`).mode & 0o777).toBe(0o600);
    const fresh = createRotatingLog({ path: join(dir.path, 'new', 'attune.log'), now });
    fresh.info('started');
    expect(statSync(fresh.path).mode & 0o777).toBe(0o600);
    log.info('still writes');
    expect(readFileSync(path, 'utf8')).toMatch(/old line\n.*INFO still writes/s);
  });

  it('rotates when full and keeps a bounded number of old files', () => {
    const log = createRotatingLog({ path: join(dir.path, 'attune.log'), maxBytes: 200, keepFiles: 2, now });
    for (let i = 0; i < 40; i += 1) log.warn(`message number ${i} padded to make the file grow quickly`);
    expect(existsSync(join(dir.path, 'attune.log.1'))).toBe(true);
    expect(existsSync(join(dir.path, 'attune.log.2'))).toBe(true);
    expect(existsSync(join(dir.path, 'attune.log.3'))).toBe(false);
    expect(readFileSync(log.path, 'utf8')).toContain('message number 39');
  });

  it('cuts very long messages so a runaway error cannot fill the disk', () => {
    const log = createRotatingLog({ path: join(dir.path, 'attune.log'), now });
    log.error('x'.repeat(50_000));
    expect(readFileSync(log.path, 'utf8').length).toBeLessThan(4200);
  });

  it('keeps going when the file cannot be written', () => {
    const log = createRotatingLog({ path: join(dir.path, 'attune.log'), now });
    dir.cleanup();
    expect(() => log.error('after the folder vanished')).not.toThrow();
  });
});
