// `npm run bench`: runs every tests/bench/*.bench.ts module and prints ONE JSON object of
// named figures on stdout (progress goes to stderr). Each module exports
// `run(): Promise<Record<string, number | string | null>>`; a module that fails contributes
// `<file>Error` with its message instead of crashing the whole run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

// Benchmarks run in plain Node: map `electron` (imported by electron-store) to the stand-in
// so nothing tries to load or download the real binary.
import '../mocks/register-electron-stand-in.ts';

type BenchModule = { run: () => Promise<Record<string, number | string | null>> };

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

const figures: Record<string, number | string | null> = {};
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  try {
    const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as BenchModule;
    Object.assign(figures, await mod.run());
  } catch (error) {
    figures[`${file.replace('.bench.ts', '')}Error`] = error instanceof Error ? error.message : String(error);
  }
}
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
