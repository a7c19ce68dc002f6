import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'puppeteer-core';
import { createAppServices, type AppServices } from '../../../main/services.ts';
import type { SenderFrame } from '../../../main/ipc/router.ts';
import { isTrustedSenderFrame } from '../../../main/security/policy.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

// Tier 3: the built renderer in Debian's Chromium, with `window.attune` bound to the real
// main-side services (router, validation, settings store in a temp folder) in this process.

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererBundle = join(repoRoot, 'out', 'renderer');
export const artifactsDir = join(repoRoot, 'test-artifacts');

let bindingScript: Promise<string> | null = null;

/** The page-side binding, bundled once per process from binding-entry.ts. */
export function pageBindingScript(): Promise<string> {
  bindingScript ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./binding-entry.ts', import.meta.url)), formats: ['iife'], name: 'AttuneBinding' },
      },
    });
    const result = Array.isArray(output) ? output[0] : output;
    const chunk = (result as { output: Array<{ type: string; code?: string }> }).output.find((item) => item.type === 'chunk');
    if (!chunk?.code) throw new Error('could not bundle the page binding');
    return chunk.code;
  })();
  return bindingScript;
}

/** Records CSP violations from the very first script so a test can assert there were none. */
const CSP_WATCH = `window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '')));`;

export type AppHarness = {
  page: Page;
  services: AppServices;
  dataDir: string;
  origin: string;
  offOriginRequests: string[];
  pageErrors: string[];
  /** Calls from the page that main has not answered yet. */
  pendingCalls(): number;
  /** How many calls on a channel main has answered so far. */
  callsAnswered(channel: string): number;
  open(hash?: string): Promise<void>;
  pushEvent(event: string, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
};

export type HarnessOptions = {
  colorScheme?: 'light' | 'dark';
  dataDir?: string;
  reducedMotion?: boolean;
  /** Stands in for the system folder picker (main's dialog); without it every pick is cancelled. */
  chooseFolder?: (purpose: 'export' | 'import') => Promise<string | null>;
};

type SharedBrowser = { chromium: LaunchedBrowser; server: StaticServer; users: number };
let sharedBrowser: SharedBrowser | null = null;

/** One Chromium and one static server per test file, shared by the harnesses it starts. */
async function acquireBrowser(): Promise<SharedBrowser> {
  if (sharedBrowser === null) {
    const [chromium, server] = await Promise.all([launchChromium(), serveDirectory(rendererBundle)]);
    sharedBrowser = { chromium, server, users: 0 };
  }
  sharedBrowser.users += 1;
  return sharedBrowser;
}

async function releaseBrowser(): Promise<void> {
  const shared = sharedBrowser;
  if (shared === null) return;
  shared.users -= 1;
  if (shared.users === 0) {
    sharedBrowser = null;
    await Promise.all([shared.chromium.close(), shared.server.close()]);
  }
}

export async function startAppHarness(options: HarnessOptions = {}): Promise<AppHarness> {
  const { chromium, server } = await acquireBrowser();
  const temp = options.dataDir ? null : makeTempDir('attune-e2e-');
  const dataDir = options.dataDir ?? temp!.path;
  const context = await chromium.browser.createBrowserContext();
  const page = await context.newPage();
  // A wait ends when its condition holds; this only says when to give up (a hang, not a slow machine).
  page.setDefaultTimeout(60_000);
  await page.setViewport({ width: 1080, height: 760 });
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: options.colorScheme ?? 'light' },
    { name: 'prefers-reduced-motion', value: options.reducedMotion ? 'reduce' : 'no-preference' },
  ]);

  const services = createAppServices({
    userDataDir: dataDir,
    appVersion: '0.0.0-e2e',
    platform: 'linux',
    now: () => new Date(),
    // The page reports its own frame here (Electron reads it from the IPC event instead), and
    // production's check allows the page's origin the way `npm run dev` allows its server's.
    isTrustedSender: (sender: SenderFrame) => isTrustedSenderFrame(sender, server.origin),
    revealFile: () => {},
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    sendEvent: (event, payload) => {
      void page
        .evaluate((e, p) => (window as unknown as { __attuneDispatchEvent?: (e: string, p: unknown) => void }).__attuneDispatchEvent?.(e, p), event, payload as never)
        .catch(() => {});
    },
  });

  // Calls in flight, so close() can let them finish before the store closes and its folder goes.
  const inFlight = new Set<Promise<unknown>>();
  const answered = new Map<string, number>();
  await page.exposeFunction('__attuneInvoke', async (request: string) => {
    const { sender, message } = JSON.parse(request) as { sender: SenderFrame; message: unknown };
    const call = services.router.dispatch(sender, message);
    inFlight.add(call);
    try {
      return JSON.stringify(await call);
    } finally {
      inFlight.delete(call);
      const channel = String((message as { channel?: unknown } | null)?.channel);
      answered.set(channel, (answered.get(channel) ?? 0) + 1);
    }
  });
  await page.evaluateOnNewDocument(CSP_WATCH);
  await page.evaluateOnNewDocument(await pageBindingScript());

  const offOriginRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) offOriginRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));

  return {
    page,
    services,
    dataDir,
    origin: server.origin,
    offOriginRequests,
    pageErrors,
    pendingCalls: () => inFlight.size,
    callsAnswered: (channel) => answered.get(channel) ?? 0,
    async open(hash = '') {
      await page.goto(`${server.origin}/index.html${hash}`, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0, { timeout: 60_000 });
    },
    async pushEvent(event, payload) {
      await page.evaluate((e, p) => (window as unknown as { __attuneDispatchEvent: (e: string, p: unknown) => void }).__attuneDispatchEvent(e, p), event, payload as never);
    },
    async screenshot(name) {
      const dir = join(artifactsDir, 'screenshots');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
      return path;
    },
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    async close() {
      // The page first (no new calls), then the calls it made, then the store, then the folder.
      await context.close();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      try {
        await services.close();
      } finally {
        temp?.cleanup();
        await releaseBrowser();
      }
    },
  };
}
