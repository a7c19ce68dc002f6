// One entry point for recordings: name the format or let the first meaningful line decide.
// Detection looks only at the shape of the start of the file, never at file names, because
// exports get renamed and the content is what the reader has to understand.
//
//   `[Params]`-style section header (with [Params] or [HRData] somewhere) → polar-hrm
//   `#` comment line                                                       → kubios
//   `;`-separated header naming an RR-interval column                      → polar-csv
//   two comma-separated numbers (optionally under a text header)           → ibi-csv
//   a single number                                                        → rr

import { readArrivalTimeCsv, isTextHeaderRow } from './arrival-time-csv.ts';
import { readKubiosRr, readPlainRr } from './one-value-per-line.ts';
import { readPolarHrm } from './polar-hrm.ts';
import { isPolarSensorLoggerHeader, readPolarSensorLoggerCsv } from './polar-sensor-logger-csv.ts';
import { RECORDING_FORMATS } from './recording-format.ts';
import type { RecordingFileError, RecordingFormat, RecordingReadResult } from './recording-format.ts';
import { firstNonBlankLineIndex, parseDecimal, shorten, splitLines } from './text-lines.ts';

const READERS: Record<RecordingFormat, (text: string) => RecordingReadResult> = {
  rr: readPlainRr,
  kubios: readKubiosRr,
  'polar-hrm': readPolarHrm,
  'polar-csv': readPolarSensorLoggerCsv,
  'ibi-csv': readArrivalTimeCsv,
};

export type FormatDetection = { ok: true; format: RecordingFormat } | { ok: false; error: RecordingFileError };

/** Reads a recording's text in the named format, or detects it first (`'auto'`, the default). */
export function readRecording(text: string, format: RecordingFormat | 'auto' = 'auto'): RecordingReadResult {
  if (format !== 'auto') return READERS[format](text);
  const detection = detectRecordingFormat(text);
  return detection.ok ? READERS[detection.format](text) : detection;
}

export function detectRecordingFormat(text: string): FormatDetection {
  const lines = splitLines(text);
  const firstIndex = firstNonBlankLineIndex(lines);
  if (firstIndex < 0) return { ok: false, error: { code: 'empty', message: 'the file is empty' } };
  const first = (lines[firstIndex] ?? '').trim();

  if (first.startsWith('[') && first.endsWith(']')) {
    if (lines.some((line) => /^\[(params|hrdata)\]$/i.test(line.trim()))) return { ok: true, format: 'polar-hrm' };
  } else if (first.startsWith('#')) {
    return { ok: true, format: 'kubios' };
  } else if (isPolarSensorLoggerHeader(first)) {
    return { ok: true, format: 'polar-csv' };
  } else if (isTwoNumberRow(first)) {
    return { ok: true, format: 'ibi-csv' };
  } else if (first.includes(',') && isTextHeaderRow(first.split(','))) {
    const nextIndex = firstNonBlankLineIndex(lines, firstIndex + 1);
    if (nextIndex >= 0 && isTwoNumberRow((lines[nextIndex] ?? '').trim())) return { ok: true, format: 'ibi-csv' };
  } else if (parseDecimal(first) !== undefined) {
    return { ok: true, format: 'rr' };
  }

  const line = firstIndex + 1;
  return {
    ok: false,
    error: {
      code: 'unknown-format',
      message: `line ${line}: "${shorten(first)}" does not start any known recording format (${RECORDING_FORMATS.join(', ')})`,
      line,
    },
  };
}

function isTwoNumberRow(line: string): boolean {
  const fields = line.split(',');
  return fields.length === 2 && fields.every((field) => parseDecimal(field) !== undefined);
}
