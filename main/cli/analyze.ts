// `npm run -s analyze -- <file> [--format …] [--no-clean] [--json]`: analyse a recording from
// the command line. Plain Node (no Electron, no build step: run with `node main/cli/analyze.ts`),
// so the same shared/ code that summarises sessions in the app can be checked on any file.
// This file only wires Node's file system and streams to run-analyze.ts.

import { readFileSync } from 'node:fs';
import { analyzeRecording } from '../../shared/signal/analyze-recording.ts';
import { runAnalyze } from './run-analyze.ts';

/** UTF-8 unless the file says otherwise with a UTF-16 byte-order mark (Windows "Unicode" text). */
function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

process.exitCode = runAnalyze(
  process.argv.slice(2),
  {
    readTextFile,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
  },
  analyzeRecording,
);
