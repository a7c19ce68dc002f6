import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from '../../support/stored-zip.ts';
import { makeTempProject, parseStandInReport, STAND_IN_EXECUTABLE, type TempProject } from '../../support/temp-project.ts';

// The real start path of a fresh clone, up to launching Electron: `npm start` and `npm run dev`
// run the Node preflight, Electron's own installer, electron-vite's build and its launch, in a
// copy of the project. Electron's release is served from a local mirror (ELECTRON_MIRROR, as
// users behind a mirror set it) holding a zip whose "electron" is a stand-in executable that
// reports what it was started with. Nothing here needs the network or the real binary.

const ELECTRON_VERSION = (JSON.parse(readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = { linux: 'electron', darwin: 'Electron.app/Contents/MacOS/Electron' };
const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const SLOW_MS = 180_000;

type Mirror = { url: string; requests: string[]; close: () => Promise<void> };

/** Serves the stand-in release under /v<version>/, with its SHASUMS256.txt (or a wrong one). */
async function startMirror(options: { wrongChecksum?: boolean } = {}): Promise<Mirror> {
  const executable = PLATFORM_EXECUTABLE[process.platform];
  if (executable === undefined) throw new Error(`The start-path test has no stand-in Electron layout for ${process.platform}.`);
  const zip = storedZip([
    { name: executable, data: Buffer.from(STAND_IN_EXECUTABLE), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${ELECTRON_VERSION}`) },
  ]);
  const hash = options.wrongChecksum ? '0'.repeat(64) : createHash('sha256').update(zip).digest('hex');
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    if (path === `/v${ELECTRON_VERSION}/SHASUMS256.txt`) {
      response.end(`${hash} *${ZIP_NAME}\n`);
    } else if (path === `/v${ELECTRON_VERSION}/${ZIP_NAME}`) {
      response.setHeader('content-length', zip.length);
      response.end(zip);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: the way a machine without network fails, at once. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

type Run = { code: number | null; stdout: string; stderr: string };

function runNpm(project: TempProject, script: 'start' | 'dev', env: Record<string, string>): Promise<Run> {
  // Only what a user's shell would have, plus the mirror: no npm_* or electron settings leak
  // in from the npm run that started these tests.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_|electron|^VITEST|^NODE_OPTIONS$/i.test(key)),
  ) as Record<string, string>;
  const child = spawn('npm', script === 'start' ? ['start'] : ['run', 'dev'], {
    cwd: project.root,
    env: { ...base, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, electron_config_cache: join(project.root, '.electron-cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const buildsIn = (output: string) => output.match(/building \w+ environment for production/g)?.length ?? 0;

describe('npm start and npm run dev from a fresh clone (stand-in Electron, local mirror)', () => {
  let project: TempProject;
  let mirror: Mirror;
  const reportPath = () => join(project.root, 'launch-report.txt');
  const launched = () => parseStandInReport(readFileSync(reportPath(), 'utf8'));

  beforeAll(async () => {
    project = makeTempProject('attune-start-');
    mirror = await startMirror();
  });
  afterAll(async () => {
    await mirror?.close();
    project?.cleanup();
  });

  it('fetches Electron with its own installer, builds once and launches Electron on the built app', { timeout: SLOW_MS }, async () => {
    const run = await runNpm(project, 'start', {
      ELECTRON_MIRROR: mirror.url,
      electron_use_remote_checksums: '1',
      ATTUNE_STAND_IN_REPORT: reportPath(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Downloading Electron ${ELECTRON_VERSION} for this computer`);
    expect(run.stdout).toContain(`Electron ${ELECTRON_VERSION} is ready.`);
    expect(mirror.requests.sort()).toEqual([`/v${ELECTRON_VERSION}/SHASUMS256.txt`, `/v${ELECTRON_VERSION}/${ZIP_NAME}`].sort());
    // Main, preload and renderer, each once: `start` no longer builds and then builds again.
    expect(buildsIn(run.stdout + run.stderr)).toBe(3);
    const report = launched();
    expect(report.args).toEqual(['.']);
    expect(report.cwd).toBe(project.root);
    expect(report.built).toEqual(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']);
    expect(report.rendererUrl).toBe('');
    expect(report.runAsNode).toBe('');
  });

  it('starts again without downloading, and hands back Electron’s exit status', { timeout: SLOW_MS }, async () => {
    rmSync(reportPath(), { force: true });
    const requestsBefore = mirror.requests.length;
    const run = await runNpm(project, 'start', { ELECTRON_MIRROR: mirror.url, ATTUNE_STAND_IN_REPORT: reportPath(), ATTUNE_STAND_IN_EXIT: '3' });
    expect(run.code).toBe(3);
    expect(mirror.requests).toHaveLength(requestsBefore);
    expect(run.stdout).not.toContain('Downloading Electron');
    expect(launched().args).toEqual(['.']);
  });

  it('npm run dev launches Electron against the renderer dev server', { timeout: SLOW_MS }, async () => {
    rmSync(reportPath(), { force: true });
    const run = await runNpm(project, 'dev', { ELECTRON_MIRROR: mirror.url, ATTUNE_STAND_IN_REPORT: reportPath() });
    expect(run.code, run.stderr).toBe(0);
    const report = launched();
    expect(report.args).toEqual(['.']);
    expect(report.rendererUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/?$/);
    expect(report.built).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs']));
  });
});

describe('npm start when Electron cannot be fetched', () => {
  let project: TempProject;
  beforeAll(() => {
    project = makeTempProject('attune-start-offline-');
  });
  afterAll(() => project?.cleanup());

  const expectOneSentence = (run: Run) => {
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    // It stopped before building: there is nothing half-made to confuse the next start.
    expect(existsSync(join(project.root, 'out'))).toBe(false);
    expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
    return lines[0]!;
  };

  it('says in one sentence that it needs the internet once, without a stack trace', { timeout: SLOW_MS }, async () => {
    const run = await runNpm(project, 'start', { ELECTRON_MIRROR: await closedPortUrl() });
    const sentence = expectOneSentence(run);
    expect(sentence).toBe(
      `npm start needs to download Electron ${ELECTRON_VERSION} once (about 100 MB, from GitHub or the mirror in ELECTRON_MIRROR), and could not reach it. Connect to the internet (or set ELECTRON_MIRROR to a mirror you can reach) and run npm start again.`,
    );
  });

  it('refuses a download that does not match its checksum, in one sentence', { timeout: SLOW_MS }, async () => {
    const mirror = await startMirror({ wrongChecksum: true });
    try {
      const run = await runNpm(project, 'start', { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
      expect(expectOneSentence(run)).toMatch(/did not match Electron's published checksum/);
    } finally {
      await mirror.close();
    }
  });
});
