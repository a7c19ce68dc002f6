// Polar HRM: the INI-like export of Polar Precision Performance / ProTrainer. A file holds
// many sections ([Params], [Note], [IntTimes], [Summary-123], [HRZones], [HRData], ...);
// only two matter for beats. `[Params]` `Interval` is the recording interval in seconds,
// except for the special value 238, which means R-R mode: then every row of `[HRData]` is one
// RR interval in ms (first column; further tab-separated columns would be other sensors).
// Any other interval means the rows are heart-rate samples, which are not beats, so the file
// is refused instead of being misread.

import { recordingFileError } from './recording-format.ts';
import type { Recording, RecordingReadResult } from './recording-format.ts';
import { readRrField, splitLines } from './text-lines.ts';

const RR_MODE_INTERVAL = '238';

type Sections = { params?: number; hrData?: number };

export function readPolarHrm(text: string): RecordingReadResult {
  const lines = splitLines(text);
  const sections = findSections(lines);
  if (sections.params === undefined) return recordingFileError('missing-section', 'Polar HRM file has no [Params] section');
  if (sections.hrData === undefined) return recordingFileError('missing-section', 'Polar HRM file has no [HRData] section');

  const params = readParams(lines, sections.params);
  const interval = params.get('interval');
  if (interval === undefined) {
    return recordingFileError(
      'missing-section',
      `line ${sections.params + 1}: Polar HRM [Params] has no Interval, so it cannot tell whether the file holds RR intervals`,
      sections.params + 1,
    );
  }
  if (interval.value !== RR_MODE_INTERVAL) {
    return recordingFileError(
      'not-rr-mode',
      `line ${interval.line}: Interval=${interval.value} means heart-rate samples, not RR intervals (R-R recordings have Interval=238)`,
      interval.line,
    );
  }

  const rrMs: number[] = [];
  for (let index = sections.hrData + 1; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (isSectionHeader(line)) break;
    if (line === '') continue;
    const value = readRrField(line.split(/[\t ;,]+/)[0] ?? '', index);
    if (typeof value !== 'number') return { ok: false, error: value };
    rrMs.push(value);
  }
  if (rrMs.length === 0) return recordingFileError('empty', `line ${sections.hrData + 1}: Polar HRM [HRData] holds no RR values`, sections.hrData + 1);

  const startedAt = startTimeOf(params.get('date')?.value, params.get('starttime')?.value);
  const recording: Recording = startedAt === undefined ? { format: 'polar-hrm', rrMs } : { format: 'polar-hrm', rrMs, startedAt };
  return { ok: true, value: recording };
}

function isSectionHeader(line: string): boolean {
  return line.startsWith('[') && line.endsWith(']');
}

/** 0-based line index of each section header we need (first occurrence; names are case-insensitive). */
function findSections(lines: readonly string[]): Sections {
  const sections: Sections = {};
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!isSectionHeader(line)) continue;
    const name = line.slice(1, -1).trim().toLowerCase();
    if (name === 'params') sections.params ??= index;
    else if (name === 'hrdata') sections.hrData ??= index;
  }
  return sections;
}

/** `Key=Value` lines of [Params], keyed by lower-case name, with their 1-based line numbers. */
function readParams(lines: readonly string[], paramsIndex: number): Map<string, { value: string; line: number }> {
  const params = new Map<string, { value: string; line: number }>();
  for (let index = paramsIndex + 1; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (isSectionHeader(line)) break;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    params.set(line.slice(0, equals).trim().toLowerCase(), { value: line.slice(equals + 1).trim(), line: index + 1 });
  }
  return params;
}

/** `Date=20080208` + `StartTime=08:50:31.0` → '2008-02-08T08:50:31.0' (local time, as recorded). */
function startTimeOf(date: string | undefined, startTime: string | undefined): string | undefined {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  const time = /^(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(startTime ?? '');
  if (!day || !time) return undefined;
  return `${day[1]}-${day[2]}-${day[3]}T${(time[1] ?? '').padStart(2, '0')}:${time[2]}:${time[3]}`;
}
