import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// A small rotating log file for errors from main and the window. Hand-written rather than
// electron-log because it must run in plain Node tests, reach the sandboxed window only
// through our IPC contract, and never hold heart data or journal text: callers pass
// messages they composed, and every line is cut to a safe length on one line.

export type LogLevel = 'info' | 'warn' | 'error';

export type Log = {
  readonly path: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

export type RotatingLogOptions = {
  path: string;
  maxBytes?: number;
  keepFiles?: number;
  now: () => Date;
};

export const MAX_LINE_CHARS = 4000;

/**
 * Owner read and write only: the log names strap models, times of use and error details,
 * nothing another account on the computer needs to read. (Windows ignores the mode; the
 * file sits in the user's own profile there.)
 */
export const LOG_FILE_MODE = 0o600;

export function createRotatingLog({ path, maxBytes = 1_000_000, keepFiles = 3, now }: RotatingLogOptions): Log {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    // A full or read-only disk: Attune starts all the same, and each line is tried (and dropped).
  }
  // A log written by an older Attune may be readable by everyone: close it now.
  for (let n = 0; n <= keepFiles; n += 1) {
    try {
      chmodSync(n === 0 ? path : `${path}.${n}`, LOG_FILE_MODE);
    } catch {
      // Not there (or not ours to change): nothing to close.
    }
  }

  function rotateIfFull(): void {
    if (!existsSync(path) || statSync(path).size < maxBytes) return;
    rmSync(`${path}.${keepFiles}`, { force: true });
    for (let n = keepFiles - 1; n >= 1; n -= 1) {
      if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    }
    renameSync(path, `${path}.1`);
  }

  function write(level: LogLevel, message: string): void {
    const line = `${now().toISOString()} ${level.toUpperCase()} ${oneLine(message)}\n`;
    try {
      rotateIfFull();
      appendFileSync(path, line, { encoding: 'utf8', mode: LOG_FILE_MODE });
    } catch {
      // A full disk must not take the app down with it; the log is best effort, stderr the fallback.
      try {
        process.stderr.write(line);
      } catch {
        // Nowhere left to say it.
      }
    }
  }

  return {
    path,
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

function oneLine(message: string): string {
  const flat = message.replace(/\r?\n\s*/g, ' | ');
  return flat.length > MAX_LINE_CHARS ? `${flat.slice(0, MAX_LINE_CHARS)}…` : flat;
}
