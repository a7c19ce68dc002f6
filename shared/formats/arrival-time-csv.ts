// Arrival-time CSV (`seconds,ibi_ms`), as written by BLE logging scripts such as
// dont-hold-your-breath: each row is one RR interval with the time its notification
// arrived. Rows with equal times came in one notification. Arrival times are not beat times
// (signal.md), so they are checked to be numbers and otherwise dropped; beats come from the
// RR column. The format has no header, but a single all-text first row (like Attune's own
// `tMs,rrMs` export) is accepted as one so our CSV reads back.

import { recordingFileError } from './recording-format.ts';
import type { RecordingReadResult } from './recording-format.ts';
import { firstNonBlankLineIndex, parseDecimal, readRrField, shorten, splitLines } from './text-lines.ts';

const SEPARATOR = ',';

/** A header row: every field is text, none a number. */
export function isTextHeaderRow(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() !== '' && parseDecimal(field) === undefined);
}

export function readArrivalTimeCsv(text: string): RecordingReadResult {
  const lines = splitLines(text);
  const firstIndex = firstNonBlankLineIndex(lines);
  if (firstIndex < 0) return recordingFileError('empty', 'the file is empty');
  const dataStart = isTextHeaderRow((lines[firstIndex] ?? '').split(SEPARATOR)) ? firstIndex + 1 : firstIndex;

  const rrMs: number[] = [];
  for (let index = dataStart; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const fields = line.split(SEPARATOR);
    const [timeField, rrField] = fields;
    if (rrField === undefined || rrField.trim() === '') {
      return recordingFileError('missing-column', `line ${index + 1}: expected "seconds,ibi_ms", found "${shorten(line)}"`, index + 1);
    }
    if (parseDecimal(timeField ?? '') === undefined) {
      return recordingFileError('non-numeric', `line ${index + 1}: arrival time "${shorten((timeField ?? '').trim())}" is not a number of seconds`, index + 1);
    }
    const value = readRrField(rrField, index);
    if (typeof value !== 'number') return { ok: false, error: value };
    rrMs.push(value);
  }
  if (rrMs.length === 0) return recordingFileError('empty', 'the file holds no RR values');
  return { ok: true, value: { format: 'ibi-csv', rrMs } };
}
