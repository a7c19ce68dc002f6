import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './temp-dir.ts';

// A copy of this project in a temp folder, as a fresh clone after `npm install` would be,
// for tests of the start path: sources copied, node_modules linked to this checkout's
// packages, except Electron (copied without any downloaded binary, so the copy starts
// where a new user does) and electron-vite (copied, because it finds Electron from its own
// folder). Nothing the test does there can touch this checkout's out/ or its Electron.

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOT_COPIED = new Set(['node_modules', 'out', 'dist', '.git', 'test-artifacts', 'coverage', 'tests', 'docs', 'build']);
const COPIED_PACKAGES = new Set(['electron', 'electron-vite']);
/** What Electron's installer leaves in node_modules/electron: never part of a fresh copy. */
const ELECTRON_DOWNLOAD = new Set(['dist', 'path.txt']);

export type TempProject = { root: string; electronDir: string; cleanup: () => void };

export function makeTempProject(prefix = 'attune-project-'): TempProject {
  const temp = makeTempDir(prefix);
  const root = temp.path;
  for (const entry of readdirSync(PROJECT_ROOT)) {
    if (NOT_COPIED.has(entry)) continue;
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  const sourceModules = join(PROJECT_ROOT, 'node_modules');
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(sourceModules)) {
    if (entry === '.bin') continue;
    if (COPIED_PACKAGES.has(entry)) {
      cpSync(join(sourceModules, entry), join(modules, entry), {
        recursive: true,
        filter: (source) => !(entry === 'electron' && ELECTRON_DOWNLOAD.has(source.slice(join(sourceModules, 'electron').length + 1).split(/[\\/]/)[0] ?? '')),
      });
    } else {
      symlinkSync(join(sourceModules, entry), join(modules, entry), 'junction');
    }
  }
  return { root, electronDir: join(modules, 'electron'), cleanup: temp.cleanup };
}

/**
 * A stand-in for Electron's executable: a shell script that writes what it was started with
 * (arguments, folder, the environment electron-vite sets, whether the build it should run is
 * there) to $ATTUNE_STAND_IN_REPORT, then exits with $ATTUNE_STAND_IN_EXIT (0 by default).
 */
export const STAND_IN_EXECUTABLE = [
  '#!/bin/sh',
  '{',
  '  echo "cwd=$(pwd)"',
  '  for arg in "$@"; do echo "arg=$arg"; done',
  '  echo "renderer_url=${ELECTRON_RENDERER_URL:-}"',
  '  echo "run_as_node=${ELECTRON_RUN_AS_NODE:-}"',
  '  for built in out/main/index.js out/preload/index.cjs out/renderer/index.html; do',
  '    if [ -f "$built" ]; then echo "built=$built"; fi',
  '  done',
  '} > "$ATTUNE_STAND_IN_REPORT"',
  'exit "${ATTUNE_STAND_IN_EXIT:-0}"',
  '',
].join('\n');

export type StandInReport = { cwd: string; args: string[]; rendererUrl: string; runAsNode: string; built: string[] };

export function parseStandInReport(text: string): StandInReport {
  const report: StandInReport = { cwd: '', args: [], rendererUrl: '', runAsNode: '', built: [] };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.split('=');
    const value = rest.join('=');
    if (key === 'cwd') report.cwd = value;
    else if (key === 'arg') report.args.push(value);
    else if (key === 'renderer_url') report.rendererUrl = value;
    else if (key === 'run_as_node') report.runAsNode = value;
    else if (key === 'built') report.built.push(value);
  }
  return report;
}
