// Shell figures: time from navigation start to the shell's first render in Chromium
// (median of 5 fresh page loads), and the gzip size of the JavaScript the window loads first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rendererBundle, startAppHarness } from '../e2e/harness/app-harness.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Scripts index.html loads at start: the entry module and its modulepreload links. */
export function initialScriptPaths(indexHtml: string): string[] {
  const paths = new Set<string>();
  for (const match of indexHtml.matchAll(/<script[^>]+src="([^"]+)"/g)) paths.add(match[1]!);
  for (const match of indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) paths.add(match[1]!);
  return [...paths];
}

export async function run(): Promise<Record<string, number>> {
  const indexHtml = readFileSync(join(rendererBundle, 'index.html'), 'utf8');
  const gzipBytes = initialScriptPaths(indexHtml)
    .map((src) => gzipSync(readFileSync(join(rendererBundle, src.replace(/^\.?\//, '')))).length)
    .reduce((sum, size) => sum + size, 0);

  const timesMs: number[] = [];
  const harness = await startAppHarness();
  try {
    await harness.open(); // warm the browser and the static server once
    for (let i = 0; i < 5; i += 1) {
      await harness.page.goto(`${harness.origin}/index.html#/check`, { waitUntil: 'load' });
      await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0);
      timesMs.push(await harness.page.evaluate(() => performance.getEntriesByName('attune-shell-rendered')[0]!.startTime));
    }
  } finally {
    await harness.close();
  }
  return {
    shellFirstRenderMs: Math.round(median(timesMs) * 10) / 10,
    rendererBundleGzipKb: Math.round((gzipBytes / 1024) * 10) / 10,
  };
}
