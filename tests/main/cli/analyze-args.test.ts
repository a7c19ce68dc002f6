import { describe, expect, it } from 'vitest';
import { ANALYZE_USAGE, parseAnalyzeArgs } from '../../../main/cli/analyze-args.ts';
import type { AnalyzeOptions } from '../../../main/cli/analyze-args.ts';

function options(argv: string[]) {
  const result = parseAnalyzeArgs(argv);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function analyzeOptions(argv: string[]): AnalyzeOptions {
  const value = options(argv);
  if (value.command !== 'analyze') throw new Error('expected the analyze command');
  return value;
}

function refusal(argv: string[]): string {
  const result = parseAnalyzeArgs(argv);
  if (result.ok) throw new Error(`expected a refusal for ${argv.join(' ')}`);
  return result.error.message;
}

describe('parseAnalyzeArgs', () => {
  it('defaults to auto format, cleaning on, readable report', () => {
    expect(options(['beats.txt'])).toEqual({ command: 'analyze', file: 'beats.txt', format: 'auto', clean: true, json: false });
  });

  it('reads --format, --no-clean and --json in any order', () => {
    expect(options(['--json', 'rec.hrm', '--format', 'polar-hrm', '--no-clean'])).toEqual({
      command: 'analyze',
      file: 'rec.hrm',
      format: 'polar-hrm',
      clean: false,
      json: true,
    });
    expect(analyzeOptions(['--format=ibi-csv', 'a.csv']).format).toBe('ibi-csv');
    expect(analyzeOptions(['-f', 'kubios', 'a.txt']).format).toBe('kubios');
    expect(analyzeOptions(['--format', 'auto', 'a.txt']).format).toBe('auto');
  });

  it('takes a file name after -- even when it looks like an option', () => {
    expect(analyzeOptions(['--json', '--', '--odd-name.txt']).file).toBe('--odd-name.txt');
  });

  it('asks for help with --help or -h', () => {
    expect(options(['--help'])).toEqual({ command: 'help' });
    expect(options(['-h', 'file.txt'])).toEqual({ command: 'help' });
    expect(ANALYZE_USAGE).toMatch(/--format auto\|rr\|kubios\|polar-hrm\|polar-csv\|ibi-csv/);
  });

  it('refuses an unknown format, naming the choices', () => {
    expect(refusal(['a.txt', '--format', 'edf'])).toMatch(/unknown format "edf".*polar-hrm/);
  });

  it('refuses a missing, empty or second file', () => {
    expect(refusal([])).toMatch(/no recording file/);
    expect(refusal(['--json'])).toMatch(/no recording file/);
    expect(refusal([''])).toMatch(/empty/);
    expect(refusal(['a.txt', 'b.txt'])).toMatch(/one recording file/);
  });

  it('refuses unknown options and --format without a value', () => {
    expect(refusal(['a.txt', '--verbose'])).toMatch(/verbose/);
    expect(refusal(['a.txt', '--format'])).toMatch(/format/);
  });
});
