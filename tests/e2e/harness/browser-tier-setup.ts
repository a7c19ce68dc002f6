import { chromiumPath } from './chromium.ts';

// Runs once before the browser tier. Without Chromium the tier is skipped locally with this one
// message; in CI (CI=true) it is mandatory, so the run stops here with one sentence (no stack
// trace: there is nothing in the code to look at, only a package to install).
export default function browserTierSetup(): void {
  if (chromiumPath() !== null) return;
  const missing = "no Chromium at /usr/bin/chromium or CHROME_PATH (install Debian's chromium)";
  if (process.env['CI'] === 'true') {
    process.stderr.write(`The browser tier is mandatory in CI, and there is ${missing}.\n`);
    process.exit(1);
  }
  console.warn(`Browser tests SKIPPED: ${missing}.`);
}
