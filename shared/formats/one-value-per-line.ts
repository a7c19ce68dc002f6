// Plain RR (Elite HRV and many others) and Kubios RR text are the same shape: one RR in ms
// per line. Kubios adds `#` comment lines (its export header); plain RR has none, so a `#`
// line in a file read as plain RR is reported rather than skipped: it usually means the file
// is not what the user said it was.

import { recordingFileError } from './recording-format.ts';
import type { RecordingReadResult } from './recording-format.ts';
import { readRrField, splitLines } from './text-lines.ts';

/** Plain RR: one interval in ms per line; blank lines are ignored. */
export function readPlainRr(text: string): RecordingReadResult {
  return readOneValuePerLine(text, 'rr', false);
}

/** Kubios RR text: `#` comment lines (anywhere), then one interval in ms per line. */
export function readKubiosRr(text: string): RecordingReadResult {
  return readOneValuePerLine(text, 'kubios', true);
}

function readOneValuePerLine(text: string, format: 'rr' | 'kubios', skipHashComments: boolean): RecordingReadResult {
  const lines = splitLines(text);
  const rrMs: number[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || (skipHashComments && line.startsWith('#'))) continue;
    const value = readRrField(line, index);
    if (typeof value !== 'number') return { ok: false, error: value };
    rrMs.push(value);
  }
  if (rrMs.length === 0) {
    return recordingFileError('empty', format === 'kubios' ? 'the file holds no RR values after its # header' : 'the file holds no RR values');
  }
  return { ok: true, value: { format, rrMs } };
}
