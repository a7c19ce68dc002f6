// Electron 45 no longer fetches its binary during `npm install`, and electron-vite stops with
// "Electron uninstall" when the binary is missing, so `npm start` and `npm run dev` make sure
// it is here first, with Electron's own installer (`install-electron`, the package's
// install.js): the same download, checksum and cache a user would get by running it by hand.
// A failure becomes one sentence; the installer's stack trace helps nobody at this point.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type EnsureElectronResult =
  | { ok: true; downloaded: boolean; version: string }
  | { ok: false; message: string };

type ElectronPackage = { dir: string; version: string };

export function electronPackage(projectRoot: string): ElectronPackage | null {
  try {
    const packageJson = createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json');
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    return { dir: dirname(packageJson), version };
  } catch {
    return null;
  }
}

/** What electron-vite will look for: path.txt naming an executable that exists under dist/. */
export function electronBinaryPresent(electronDir: string): boolean {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

export async function ensureElectron(projectRoot: string, command: string, say: (line: string) => void): Promise<EnsureElectronResult> {
  // An explicit executable wins in electron-vite too (a system Electron, a packaging setup).
  const explicit = process.env['ELECTRON_EXEC_PATH'];
  if (explicit) {
    return existsSync(explicit)
      ? { ok: true, downloaded: false, version: 'from ELECTRON_EXEC_PATH' }
      : { ok: false, message: `ELECTRON_EXEC_PATH points at ${explicit}, which does not exist.` };
  }
  const electron = electronPackage(projectRoot);
  if (electron === null) return { ok: false, message: 'Electron is not installed in node_modules: run npm install first.' };
  if (electronBinaryPresent(electron.dir)) return { ok: true, downloaded: false, version: electron.version };

  say(`Downloading Electron ${electron.version} for this computer (about 100 MB, once)…`);
  const run = await runInstaller(join(electron.dir, 'install.js'));
  if (run.code === 0 && electronBinaryPresent(electron.dir)) {
    say(`Electron ${electron.version} is ready.`);
    return { ok: true, downloaded: true, version: electron.version };
  }
  return { ok: false, message: downloadFailure(command, electron.version, run.output) };
}

function runInstaller(installScript: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installScript], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      // Enough to explain a failure; a progress bar could otherwise grow without bound.
      if (output.length < 64_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: null, output: error.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** One sentence from the installer's output (Node's fetch hides the network cause, so match broadly). */
export function downloadFailure(command: string, version: string, output: string): string {
  const need = `${command} needs to download Electron ${version} once (about 100 MB, from GitHub or the mirror in ELECTRON_MIRROR)`;
  const http = /Response code (\d{3})/.exec(output);
  if (http) return `${need}, and the server answered ${http[1]}. Check ELECTRON_MIRROR if you set one, then run ${command} again.`;
  if (/checksum/i.test(output)) return `${need}, and the download did not match Electron's published checksum. Run ${command} again; if it keeps failing, the network may be altering downloads.`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket|network|proxy/i.test(output)) {
    return `${need}, and could not reach it. Connect to the internet (or set ELECTRON_MIRROR to a mirror you can reach) and run ${command} again.`;
  }
  if (/EACCES|EPERM|EROFS|ENOSPC/.test(output)) {
    return `${need}, and could not write it into node_modules/electron (${/EACCES|EPERM|EROFS|ENOSPC/.exec(output)?.[0]}). Free some space or fix the folder's permissions, then run ${command} again.`;
  }
  const firstLine = output.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? 'the installer stopped without saying why';
  return `${need}, and the download failed: ${firstLine.slice(0, 200)}`;
}
