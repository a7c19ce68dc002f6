// The analyze command as users run it: a Node child process on real files, no build step.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBeatsCsv, writePlainRr } from '../../../shared/formats/write-recording.ts';
import type { RecordingFormat } from '../../../shared/formats/recording-format.ts';

const analyzeScript = fileURLToPath(new URL('../../../main/cli/analyze.ts', import.meta.url));

const JSON_KEYS = ['file', 'format', 'beats', 'durationSec', 'cleaning', 'time', 'frequency', 'poincare', 'coherence'];

// 240 beats (about 3 min 20 s) breathing-locked at 0.1 Hz: long enough for every block.
const BEAT_COUNT = 240;
const rrMs: number[] = [];
for (let index = 0, tSec = 0; index < BEAT_COUNT; index += 1) {
  const rr = Math.round(830 + 60 * Math.sin(2 * Math.PI * 0.1 * tSec) + 7 * Math.sin(index * 1.7));
  rrMs.push(rr);
  tSec += rr / 1000;
}

function polarHrm(values: readonly number[]): string {
  return ['[Params]', 'Version=106', 'Monitor=13', 'Date=20240305', 'StartTime=07:05:09.0', 'Interval=238', '', '[HRData]', ...values.map(String), '']
    .join('\r\n');
}

function polarCsv(values: readonly number[]): string {
  return ['Phone timestamp;RR-interval [ms]', ...values.map((rr, index) => `2024-03-05T07:05:${String(10 + (index % 50)).padStart(2, '0')}.000;${rr}`), ''].join('\n');
}

function arrivalCsv(values: readonly number[]): string {
  let tSec = 0;
  return values.map((rr) => `${(tSec += rr / 1000).toFixed(6)},${rr}`).join('\n');
}

const FILES: Record<RecordingFormat, [name: string, text: string]> = {
  rr: ['plain.txt', `\uFEFF${writePlainRr(rrMs).replaceAll('\n', '\r\n')}\r\n`],
  kubios: ['kubios.txt', `# SIGNAL/SERIES EXPORT - KUBIOS\n# Comment:\ttest\n${rrMs.map((rr) => rr.toFixed(3)).join('\n')}\n`],
  'polar-hrm': ['session.hrm', polarHrm(rrMs)],
  'polar-csv': ['polar.csv', polarCsv(rrMs)],
  'ibi-csv': ['ibi.csv', arrivalCsv(rrMs)],
};

let dir = '';
const pathOf = (name: string): string => join(dir, name);

function analyze(...args: string[]) {
  const run = spawnSync(process.execPath, [analyzeScript, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-analyze-'));
  for (const [name, text] of Object.values(FILES)) writeFileSync(pathOf(name), text);
  writeFileSync(pathOf('letters.txt'), '812\n790\nabc\n');
  writeFileSync(pathOf('negative.txt'), '812\n-790\n845\n');
  writeFileSync(pathOf('empty.txt'), '');
  writeFileSync(pathOf('unknown.dat'), 'hello;world\n');
  writeFileSync(pathOf('two.txt'), '812\n790\n');
  writeFileSync(pathOf('hr-samples.hrm'), polarHrm(rrMs).replace('Interval=238', 'Interval=1'));
  writeFileSync(pathOf('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(writePlainRr(rrMs), 'utf16le')]));
  writeFileSync(pathOf('exported.csv'), writeBeatsCsv(rrMs));
  mkdirSync(pathOf('folder'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('analyze --json on each format', () => {
  it.each(Object.entries(FILES))('%s: one JSON object with the contract keys and every beat', (format, [name]) => {
    const { status, stdout, stderr } = analyze(pathOf(name), '--json');
    expect(stderr).not.toMatch(/analyze:/);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown> & { cleaning: Record<string, unknown>; time: Record<string, unknown> };
    expect(Object.keys(result)).toEqual(JSON_KEYS);
    expect(result.file).toBe(pathOf(name));
    expect(result.format).toBe(format);
    expect(result.beats).toBe(BEAT_COUNT);
    expect(result.durationSec).toBeCloseTo(rrMs.reduce((sum, rr) => sum + rr, 0) / 1000, 6);
    expect(result.cleaning.method).toBe('lipponen-tarvainen-2019');
    expect(Object.keys(result.cleaning)).toEqual(['method', 'corrected', 'correctedPercent', 'byClass', 'outOfRange']);
    expect(Object.keys(result.time)).toEqual(['meanNnMs', 'sdnnMs', 'rmssdMs', 'nn50', 'pnn50', 'meanHrBpm', 'minHrBpm', 'maxHrBpm']);
    expect(result.frequency).not.toBeNull();
    expect(Object.keys(result.poincare as object)).toEqual(['sd1Ms', 'sd2Ms']);
    expect(result.coherence).not.toBeNull();
  });

  it('honours --format and reads UTF-16 text and our own CSV export', () => {
    expect(JSON.parse(analyze(pathOf('plain.txt'), '--format', 'rr', '--json').stdout).format).toBe('rr');
    expect(JSON.parse(analyze(pathOf('utf16.txt'), '--json').stdout).beats).toBe(BEAT_COUNT);
    expect(JSON.parse(analyze(pathOf('exported.csv'), '--json').stdout).beats).toBe(BEAT_COUNT);
  });

  it('--no-clean reports the method as none with nothing corrected', () => {
    const result = JSON.parse(analyze(pathOf('session.hrm'), '--no-clean', '--json').stdout);
    expect(result.cleaning).toMatchObject({ method: 'none', corrected: 0, correctedPercent: 0 });
    expect(result.beats).toBe(BEAT_COUNT);
  });
});

describe('analyze readable report', () => {
  it('names the cleaning method and how many beats were corrected', () => {
    const { status, stdout } = analyze(pathOf('session.hrm'));
    expect(status).toBe(0);
    expect(stdout).toContain('(Polar HRM)');
    expect(stdout).toContain(`${BEAT_COUNT} beats over`);
    expect(stdout).toMatch(/Lipponen & Tarvainen \(2019\) artefact correction corrected \d+ beats?/);
    expect(stdout).toMatch(/RMSSD +\d+\.\d ms/);
  });

  it('says when cleaning is off', () => {
    expect(analyze(pathOf('plain.txt'), '--no-clean').stdout).toContain('Cleaning: none');
  });

  it('prints usage with --help and exits 0', () => {
    const { status, stdout } = analyze('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run -s analyze/);
  });
});

describe('analyze failures: exit 1, a message on stderr, nothing on stdout', () => {
  it.each([
    ['a missing file', ['missing.txt'], /cannot read .*missing\.txt: no such file/],
    ['a folder', ['folder'], /it is a folder/],
    ['a non-numeric value', ['letters.txt'], /letters\.txt: line 3: "abc" is not an RR interval/],
    ['a negative value', ['negative.txt'], /negative\.txt: line 2: RR interval -790 ms is negative/],
    ['an empty file', ['empty.txt'], /empty\.txt: the file is empty/],
    ['an unknown format', ['unknown.dat'], /unknown\.dat: line 1: .*does not start any known recording format/],
    ['a heart-rate sample HRM', ['hr-samples.hrm'], /Interval=1 means heart-rate samples/],
    ['too few beats', ['two.txt'], /cannot analyse 2 beats: /],
    ['a wrong named format', ['session.hrm', '--format', 'polar-csv'], /line 1: expected a header like "Phone timestamp;RR-interval \[ms\]"/],
  ])('%s', (_case, args, message) => {
    const { status, stdout, stderr } = analyze(...args.map((arg, index) => (index === 0 ? pathOf(arg) : arg)), '--json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it.each([
    ['no file', [], /no recording file given/],
    ['an unknown option', ['x.txt', '--loud'], /loud/],
    ['an unknown format name', ['x.txt', '--format', 'edf'], /unknown format "edf"/],
  ])('bad arguments: %s', (_case, args, message) => {
    const { status, stdout, stderr } = analyze(...args);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage:');
  });
});
