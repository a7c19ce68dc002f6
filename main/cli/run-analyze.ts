// The `analyze` command without its process: arguments in, exit code out, with the file
// system, the output streams and the analysis passed in. analyze.ts wires it to Node; tests
// can drive it directly. Contract: on success stdout gets exactly one report (or one JSON
// object) and the exit code is 0; on any failure stdout stays empty, stderr gets one clear
// sentence and the exit code is 1, so scripts can trust `analyze --json > out.json`.

import { readRecording } from '../../shared/formats/read-recording.ts';
import type { ReportedAnalysis } from './analysis-report.ts';
import { formatAnalysisReport } from './analysis-report.ts';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './analyze-args.ts';

export type AnalyzeIo = {
  /** Returns the file's text; throws (with a Node error code) when it cannot be read. */
  readTextFile: (path: string) => string;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
};

/** shared/signal's analyzeRecording; typed by the fields the report and the JSON contract need. */
export type RecordingAnalyzer = (rrMs: readonly number[], options: { clean: boolean }) => ReportedAnalysis;

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;

export function runAnalyze(argv: readonly string[], io: AnalyzeIo, analyze: RecordingAnalyzer): number {
  const fail = (message: string): number => {
    io.writeStderr(`analyze: ${message}\n`);
    return EXIT_FAILURE;
  };

  const args = parseAnalyzeArgs(argv);
  if (!args.ok) return fail(`${args.error.message}\n\n${ANALYZE_USAGE}`);
  if (args.value.command === 'help') {
    io.writeStdout(ANALYZE_USAGE);
    return EXIT_OK;
  }
  const { file, format, clean, json } = args.value;

  let text: string;
  try {
    text = io.readTextFile(file);
  } catch (error) {
    return fail(`cannot read ${file}: ${describeReadError(error)}`);
  }

  const recording = readRecording(text, format);
  if (!recording.ok) return fail(`${file}: ${recording.error.message}`);

  let analysis: ReportedAnalysis;
  try {
    analysis = analyze(recording.value.rrMs, { clean });
  } catch (error) {
    // The analysis refuses data it cannot work with (too few beats, say) by throwing.
    const beats = recording.value.rrMs.length;
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`${file}: cannot analyse ${beats} ${beats === 1 ? 'beat' : 'beats'}: ${reason}`);
  }

  if (json) {
    io.writeStdout(`${JSON.stringify({ file, format: recording.value.format, ...analysis }, null, 2)}\n`);
  } else {
    io.writeStdout(formatAnalysisReport(file, recording.value.format, analysis));
  }
  return EXIT_OK;
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
