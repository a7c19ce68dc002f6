import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';

const AREAS = ['Check', 'Breathe', 'Journal', 'Trends', 'Settings', 'Device'] as const;

async function byRoleAndName(harness: AppHarness, role: string, name: string): Promise<ElementHandle<Element>> {
  const handle = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 60_000 });
  if (handle === null) throw new Error(`no ${role} named ${name}`);
  return handle;
}

async function heading(harness: AppHarness): Promise<string> {
  // Areas may load lazily: wait for the screen's heading rather than reading it at once.
  const h1 = await harness.page.waitForSelector('main h1', { timeout: 60_000 });
  return h1!.evaluate((element) => element.textContent ?? '');
}

describe.skipIf(!browserTierAvailable)('app shell in Chromium, bound to the real main-side services', () => {
  let harness: AppHarness;
  beforeAll(async () => {
    harness = await startAppHarness({ colorScheme: 'light' });
    await harness.open();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the shell with navigation to every area', async () => {
    const names = await harness.page.$$eval('nav[aria-label="Main"] a', (links) => links.map((a) => a.textContent?.trim()));
    expect(names).toEqual([...AREAS]);
  });

  it('moves between areas by click and marks the current one', async () => {
    for (const area of AREAS) {
      await (await byRoleAndName(harness, 'link', area)).click();
      await harness.page.waitForFunction(
        (name) => document.querySelector('nav[aria-label="Main"] a[aria-current="page"]')?.textContent?.trim() === name,
        {},
        area,
      );
      expect(await heading(harness)).not.toBe('');
    }
    expect(await harness.page.evaluate(() => location.hash)).toBe('#/device');
  });

  it('is reachable by keyboard: the skip link and Ctrl+number shortcuts', async () => {
    await harness.page.keyboard.down('Control');
    await harness.page.keyboard.press('3');
    await harness.page.keyboard.up('Control');
    await harness.page.waitForFunction(() => location.hash === '#/journal');
    // The skip link is the first stop on a freshly opened page.
    await harness.page.reload();
    await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0);
    await harness.page.keyboard.press('Tab');
    const focused = await harness.page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim() ?? '',
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
    expect(focused.text).toMatch(/skip/i);
    expect(focused.outline).not.toBe('none');
  });

  it('saves a setting changed in the window to the settings file on disk', async () => {
    await harness.open('#/settings/appearance');
    const theme = await byRoleAndName(harness, 'combobox', 'Theme');
    await (theme as ElementHandle<HTMLSelectElement>).select('dark');
    const file = join(harness.dataDir, 'settings.json');
    await expect
      .poll(() => (JSON.parse(readFileSync(file, 'utf8')) as { appearance: { theme: string } }).appearance.theme, { timeout: 60_000 })
      .toBe('dark');
    expect(harness.services.settings.get().appearance.theme).toBe('dark');
    await harness.page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
    await harness.page.reload();
    await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0);
    const reloaded = await byRoleAndName(harness, 'combobox', 'Theme');
    expect(await reloaded.evaluate((el) => (el as HTMLSelectElement).value)).toBe('dark');
    await (reloaded as ElementHandle<HTMLSelectElement>).select('system');
  });

  it('gets a typed error in the page for a malformed payload, and the file is untouched', async () => {
    const before = readFileSync(join(harness.dataDir, 'settings.json'), 'utf8');
    const results = await harness.page.evaluate(async () => {
      const api = (window as unknown as { attune: { invoke: (c: string, p?: unknown) => Promise<unknown> } }).attune;
      return {
        wrongType: await api.invoke('settings.update', { physiology: { floodedMinBpm: 'very fast' } }),
        unknownKey: await api.invoke('settings.update', { telemetry: true }),
        unknownChannel: await api.invoke('shell.openExternal', 'https://example.com'),
      };
    });
    expect(results.wrongType).toEqual({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('physiology.floodedMinBpm') } });
    expect(results.unknownKey).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-payload' }) });
    expect(results.unknownChannel).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown-channel' }) });
    expect(readFileSync(join(harness.dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('runs under the strict CSP with no violations, no page errors and no requests leaving the machine', async () => {
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.offOriginRequests).toEqual([]);
  });
});

describe.skipIf(!browserTierAvailable)('shell screenshots and a corrupt settings file', () => {
  it.each(['light', 'dark'] as const)('renders every area in %s and saves screenshots', async (colorScheme) => {
    const harness = await startAppHarness({ colorScheme });
    try {
      await harness.open('#/check');
      const background = await harness.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const channels = background.match(/\d+/g)!.slice(0, 3).map(Number);
      const brightness = channels.reduce((a, b) => a + b, 0) / 3;
      if (colorScheme === 'dark') expect(brightness).toBeLessThan(80);
      else expect(brightness).toBeGreaterThan(200);
      for (const area of AREAS) {
        await harness.open(`#/${area.toLowerCase()}`);
        await harness.screenshot(`shell-${area.toLowerCase()}-${colorScheme}`);
      }
    } finally {
      await harness.close();
    }
  });

  it('tells the user once when the settings file was unreadable, and keeps a copy', async () => {
    const { makeTempDir } = await import('../support/temp-dir.ts');
    const dir = makeTempDir('attune-e2e-corrupt-');
    const { writeFileSync, readdirSync } = await import('node:fs');
    writeFileSync(join(dir.path, 'settings.json'), '{ "appearance": ');
    const harness = await startAppHarness({ dataDir: dir.path });
    try {
      await harness.open();
      const notice = await harness.page.waitForSelector('::-p-text(default settings)', { timeout: 60_000 });
      expect(notice).not.toBeNull();
      expect(readdirSync(dir.path).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
      const noticesAsked = harness.callsAnswered('app.takeNotices');
      await harness.page.reload();
      await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0);
      // The reloaded page has asked main for its notices and had its answer: nothing to repeat.
      await vi.waitUntil(() => harness.callsAnswered('app.takeNotices') > noticesAsked, { timeout: 60_000, interval: 20 });
      await harness.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await harness.page.$('::-p-text(default settings)')).toBeNull();
    } finally {
      await harness.close();
      dir.cleanup();
    }
  });
});
