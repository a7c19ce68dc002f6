// Command-line arguments of `analyze`, parsed by a pure function so every accepted and
// refused form is unit-tested without starting a process.

import { parseArgs } from 'node:util';
import { RECORDING_FORMATS, isRecordingFormat } from '../../shared/formats/recording-format.ts';
import type { RecordingFormat } from '../../shared/formats/recording-format.ts';

export type AnalyzeOptions = {
  command: 'analyze';
  file: string;
  format: RecordingFormat | 'auto';
  /** false with --no-clean: analyse the beats exactly as recorded. */
  clean: boolean;
  json: boolean;
};

export type AnalyzeCommand = AnalyzeOptions | { command: 'help' };

export type AnalyzeArgsResult = { ok: true; value: AnalyzeCommand } | { ok: false; error: { message: string } };

export const ANALYZE_USAGE = `Usage: npm run -s analyze -- <file> [--format auto|${RECORDING_FORMATS.join('|')}] [--no-clean] [--json]

Analyses a recording of RR intervals (heart beat to heart beat, in ms) and reports heart rate
variability: artefact correction, time domain, frequency domain, Poincaré and coherence.

  --format <name>  file format; default auto (detected from the content)
                     rr         one RR in ms per line (Elite HRV and others)
                     kubios     Kubios RR text (# header lines)
                     polar-hrm  Polar HRM recorded in R-R mode
                     polar-csv  Polar Sensor Logger (Phone timestamp;RR-interval [ms])
                     ibi-csv    arrival-time CSV (seconds,ibi_ms)
  --no-clean       skip artefact correction and analyse the beats as recorded
  --json           print one JSON object instead of the readable report
  -h, --help       show this help
`;

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgsResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'no-clean': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its sentence.
    return refuse(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { ok: true, value: { command: 'help' } };

  const format = values.format ?? 'auto';
  if (format !== 'auto' && !isRecordingFormat(format)) {
    return refuse(`unknown format "${format}": use auto, ${RECORDING_FORMATS.join(', ')}`);
  }
  if (positionals.length === 0) return refuse('no recording file given');
  if (positionals.length > 1) return refuse(`expected one recording file, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0] ?? '';
  if (file === '') return refuse('the recording file name is empty');

  return {
    ok: true,
    value: { command: 'analyze', file, format, clean: values['no-clean'] !== true, json: values.json === true },
  };
}

function refuse(message: string): AnalyzeArgsResult {
  return { ok: false, error: { message } };
}
