// Conformance against real exports kept in tests/fixtures/rr/ (provenance and licences there).
// Missing data is a failure, never a skip. Every recording in original/ must be detected as its
// format and give the same beats as its plain *.rr_ms.txt counterpart; recordings that have
// no plain counterpart are checked against the beat count in the data README and against a
// deliberately naive extraction of their numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../../shared/formats/read-recording.ts';
import type { RecordingFormat } from '../../../shared/formats/recording-format.ts';

const dataDir = fileURLToPath(new URL('../../fixtures/rr/', import.meta.url));
const originalDir = `${dataDir}original/`;

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
  // Named as a counterpart: the plain file must be there (reading it fails the test otherwise).
  return fileName.includes('__') ? `${dataDir}${recording}.rr_ms.txt` : undefined;
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

describe('formats conformance with real recordings', () => {
  const files = readdirSync(originalDir).sort();
  const plainFiles = readdirSync(dataDir).filter((name) => name.endsWith('.rr_ms.txt')).sort();

  it('finds every recording format to check, and plain files beside them', () => {
    expect(files.map(expectedFormatOf).sort()).toEqual(['ibi-csv', 'kubios', 'polar-hrm', 'polar-hrm']);
    expect(plainFiles.length).toBeGreaterThanOrEqual(7);
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

  it.each(plainFiles)('%s is detected as plain RR and parses', (fileName) => {
    const text = readFileSync(`${dataDir}${fileName}`, 'utf8');
    const result = readRecording(text);
    if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`);
    expect(result.value.format).toBe('rr');
    expect(result.value.rrMs).toEqual(naiveNumbers(text, 0));
  });
});
