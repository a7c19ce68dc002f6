// Conformance against real exports in ../shared/data/rr/ (present beside the checkout in CI,
// never copied into the project). Every recording in original/ must be detected as its
// format and give the same beats as its plain *.rr_ms.txt counterpart; recordings that have
// no plain counterpart are checked against the beat count in the data README and against a
// deliberately naive extraction of their numbers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../../shared/formats/read-recording.ts';
import type { RecordingFormat } from '../../../shared/formats/recording-format.ts';

const dataDir = fileURLToPath(new URL('../../../../shared/data/rr/', import.meta.url));
const originalDir = `${dataDir}original/`;
const dataPresent = existsSync(originalDir);

if (!dataPresent) {
  console.warn(`[conformance] SKIPPED: real recordings not found at ${dataDir} (they are only beside the checkout in CI)`);
}

const EXPECTED_FORMAT: readonly [RegExp, RecordingFormat][] = [
  [/\.hrm$/i, 'polar-hrm'],
  [/\.kubios\.txt$/i, 'kubios'],
  [/_ibi\.csv$/i, 'ibi-csv'],
  [/\.csv$/i, 'polar-csv'],
  [/\.txt$/i, 'rr'],
];

function expectedFormatOf(fileName: string): RecordingFormat | undefined {
  return EXPECTED_FORMAT.find(([pattern]) => pattern.test(fileName))?.[1];
}

/** Originals are named `<recording>__<original name>` when a plain `<recording>.rr_ms.txt` exists. */
function plainCounterpartOf(fileName: string): string | undefined {
  const recording = fileName.split('__')[0] ?? fileName;
  const plain = `${dataDir}${recording}.rr_ms.txt`;
  return fileName.includes('__') && existsSync(plain) ? plain : undefined;
}

/** Beat counts from the README table: `| \`original/<file>\` | 423 / 5 | …`. */
function readmeBeatCount(fileName: string): number | undefined {
  const readme = readFileSync(`${dataDir}README.md`, 'utf8');
  const row = readme.split('\n').find((line) => line.includes(`original/${fileName}`));
  const match = row && /\|\s*(\d+)\s*\/\s*\d+\s*\|/.exec(row);
  return match ? Number(match[1]) : undefined;
}

/** Independent of the readers: every line that is a number (or two comma-separated ones). */
function naiveNumbers(text: string, column: number): number[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(',')[column] ?? '')
    .filter((field) => field !== '' && !Number.isNaN(Number(field)))
    .map(Number);
}

describe.skipIf(!dataPresent)('formats conformance with real recordings', () => {
  const files = dataPresent ? readdirSync(originalDir).sort() : [];

  it('finds recordings to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses to the expected beats', (fileName) => {
    const text = readFileSync(`${originalDir}${fileName}`, 'utf8');
    const result = readRecording(text);
    if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`);
    const expectedFormat = expectedFormatOf(fileName);
    if (expectedFormat) expect(result.value.format).toBe(expectedFormat);

    const plainPath = plainCounterpartOf(fileName);
    if (plainPath) {
      const plain = readRecording(readFileSync(plainPath, 'utf8'), 'rr');
      if (!plain.ok) throw new Error(`${plainPath}: ${plain.error.message}`);
      expect(result.value.rrMs).toEqual(plain.value.rrMs);
      console.info(`[conformance] ${fileName}: ${result.value.rrMs.length} beats = plain counterpart (${result.value.format})`);
      return;
    }

    const column = result.value.format === 'ibi-csv' ? 1 : 0;
    expect(result.value.rrMs).toEqual(naiveNumbers(text, column));
    const readmeCount = readmeBeatCount(fileName);
    if (readmeCount !== undefined) expect(result.value.rrMs).toHaveLength(readmeCount);
    console.info(
      `[conformance] ${fileName}: ${result.value.rrMs.length} beats, no plain counterpart; matches ${readmeCount === undefined ? 'a naive read' : 'the README count and a naive read'} (${result.value.format})`,
    );
  });

  const plainFiles = dataPresent ? readdirSync(dataDir).filter((name) => name.endsWith('.rr_ms.txt')).sort() : [];

  it.each(plainFiles)('%s is detected as plain RR and parses', (fileName) => {
    const text = readFileSync(`${dataDir}${fileName}`, 'utf8');
    const result = readRecording(text);
    if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`);
    expect(result.value.format).toBe('rr');
    expect(result.value.rrMs).toEqual(naiveNumbers(text, 0));
  });
});
