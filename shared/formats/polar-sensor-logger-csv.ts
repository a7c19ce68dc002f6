// Polar Sensor Logger (Android app) RR file: `;`-separated with a header row,
// `Phone timestamp;RR-interval [ms]`. The phone timestamp is when the notification arrived
// on the phone, not when the beat happened (several RR share one timestamp), so only the RR
// column becomes beats; beat times come from cumulative RR downstream. The RR column is found
// by name so extra columns in other app versions do not shift it.

import { recordingFileError } from './recording-format.ts';
import type { Recording, RecordingReadResult } from './recording-format.ts';
import { firstNonBlankLineIndex, readRrField, shorten, splitLines } from './text-lines.ts';

const SEPARATOR = ';';

/** True when a header row names an RR-interval column (used by format detection too). */
export function isPolarSensorLoggerHeader(line: string): boolean {
  return line.includes(SEPARATOR) && rrColumnIndex(line.split(SEPARATOR)) >= 0;
}

function columnName(field: string): string {
  return field.trim().replace(/^"|"$/g, '').trim().toLowerCase();
}

function rrColumnIndex(headerFields: readonly string[]): number {
  return headerFields.findIndex((field) => columnName(field).startsWith('rr-interval'));
}

export function readPolarSensorLoggerCsv(text: string): RecordingReadResult {
  const lines = splitLines(text);
  const headerIndex = firstNonBlankLineIndex(lines);
  if (headerIndex < 0) return recordingFileError('empty', 'the file is empty');
  const header = (lines[headerIndex] ?? '').split(SEPARATOR);
  const rrColumn = rrColumnIndex(header);
  if (rrColumn < 0) {
    return recordingFileError(
      'bad-header',
      `line ${headerIndex + 1}: expected a header like "Phone timestamp;RR-interval [ms]", found "${shorten((lines[headerIndex] ?? '').trim())}"`,
      headerIndex + 1,
    );
  }
  const timestampColumn = header.findIndex((field) => columnName(field) === 'phone timestamp');

  const rrMs: number[] = [];
  let startedAt: string | undefined;
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const fields = line.split(SEPARATOR);
    const rrField = fields[rrColumn];
    if (rrField === undefined || rrField.trim() === '') {
      return recordingFileError('missing-column', `line ${index + 1}: no value in the RR-interval column`, index + 1);
    }
    const value = readRrField(rrField, index);
    if (typeof value !== 'number') return { ok: false, error: value };
    rrMs.push(value);
    if (startedAt === undefined && timestampColumn >= 0) startedAt = fields[timestampColumn]?.trim() || undefined;
  }
  if (rrMs.length === 0) return recordingFileError('empty', 'the file holds a header but no RR values');
  const recording: Recording = startedAt === undefined ? { format: 'polar-csv', rrMs } : { format: 'polar-csv', rrMs, startedAt };
  return { ok: true, value: recording };
}
