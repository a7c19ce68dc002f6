import { chromiumPath } from './chromium.ts';

// Runs once before the browser tier. Without Chromium the tier is skipped locally with this one
// message; in CI (CI=true) it is mandatory, so the run stops here with one sentence instead.
export default function browserTierSetup(): void {
  if (chromiumPath() !== null) return;
  const missing = "no Chromium at /usr/bin/chromium or CHROME_PATH (install Debian's chromium)";
  if (process.env['CI'] === 'true') throw new Error(`The browser tier is mandatory in CI, and there is ${missing}.`);
  console.warn(`Browser tests SKIPPED: ${missing}.`);
}
