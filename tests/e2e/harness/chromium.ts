import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

// Debian's Chromium (or CHROME_PATH), never a downloaded browser. In CI the browser tier
// is mandatory: a missing Chromium fails the run instead of skipping it.

export function chromiumPath(): string | null {
  const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path)) ?? null;
}

/** False only off CI without a Chromium: browser-tier-setup.ts then says so once for the tier. */
export const browserTierAvailable = chromiumPath() !== null || process.env['CI'] === 'true';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--enable-blink-features=WebBluetooth',
];

export type LaunchedBrowser = { browser: Browser; close: () => Promise<void> };

/**
 * Always over CDP (puppeteer's default). The Bluetooth tests drive Chromium's emulation with
 * raw CDP too, not WebDriver BiDi: see harness/emulated-strap.ts and docs/testing.md.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (executablePath === null) {
    throw new Error('No Chromium found: install Debian\'s chromium (/usr/bin/chromium) or set CHROME_PATH.');
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'attune-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    args: CHROMIUM_FLAGS,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
