import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { BEATS_DAMAGE_WORDS, QUARANTINE_WORDS, READ_ONLY_WORDS } from '../../shared/content/store-messages.ts';
import type { Beat } from '../../shared/model/session.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness, type HarnessOptions } from './harness/app-harness.ts';

// The three views issue 17 added, in Chromium over the real main-side services, each reached
// the way a user reaches it and under the real condition behind it: the read-only banner on a
// tmpfs remounted read-only, the quarantine list after a journal record's byte was flipped on
// disk, and the partial-session note after a middle beats frame was damaged. Light and dark,
// axe on each, a screenshot of each; "Try again" and the export button by Tab and Enter.

const SCHEMES = ['light', 'dark'] as const;

// Beats file layout (main/store/beats-file.ts): 'ATB1' + 8-byte key id, then per frame a
// length, a 12-byte IV, 16 bytes per beat of ciphertext and a 16-byte tag.
const BEATS_HEADER_BYTES = 12;
const FRAMES = 10;
const BEATS_PER_FRAME = 20;
const FRAME_BYTES = 4 + 12 + BEATS_PER_FRAME * 16 + 16;
const DAMAGED_FRAME = 6;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harnessFor(options: HarnessOptions): Promise<AppHarness> {
  const harness = await startAppHarness(options);
  cleanups.push(() => harness.close());
  return harness;
}

function tempFolder(prefix: string): string {
  const dir = makeTempDir(prefix);
  cleanups.push(() => dir.cleanup());
  return dir.path;
}

/** Writes through a first run of the app's own services, then quits it, as a user's earlier session would. */
async function seed<T>(dataDir: string, write: (harness: AppHarness) => Promise<T>): Promise<T> {
  const harness = await startAppHarness({ dataDir });
  try {
    return await write(harness);
  } finally {
    await harness.close();
  }
}

function flipByte(path: string, at: number): Buffer {
  const bytes = readFileSync(path);
  const position = at < 0 ? bytes.length + at : at;
  bytes[position] = (bytes[position] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
  return bytes;
}

async function visibleText(harness: AppHarness, selector: string): Promise<string> {
  const element = await harness.page.waitForSelector(selector, { visible: true, timeout: 60_000 });
  return element!.evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
}

/** Presses Tab until the focused element is a button with this text (as a keyboard user would), or fails. */
async function tabToButton(harness: AppHarness, label: string): Promise<ElementHandle<Element>> {
  await harness.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses < 120; presses += 1) {
    await harness.page.keyboard.press('Tab');
    const focused = await harness.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.tagName === 'BUTTON' ? el.innerText.trim() : null;
    });
    if (focused === label) return (await harness.page.evaluateHandle(() => document.activeElement!)) as ElementHandle<Element>;
  }
  throw new Error(`"${label}" was not reached by Tab`);
}

async function expectAccessible(harness: AppHarness, screenshot: string): Promise<void> {
  await harness.screenshot(screenshot);
  expect(await seriousAxeFindings(harness.page)).toEqual([]);
  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.pageErrors).toEqual([]);
}

/**
 * A check whose heart rate peaks at 120 bpm for 20 s and settles at about 65, so Trends has a
 * calm-down time for it: one continuous series, cut into frames as the strap's batches arrive.
 */
function checkFrames(): Beat[][] {
  const frames: Beat[][] = [];
  let tMs = 0;
  for (let frame = 0; frame < FRAMES; frame += 1) {
    const beats: Beat[] = [];
    for (let i = 0; i < BEATS_PER_FRAME; i += 1) {
      const rrMs = frame < 2 ? 500 : (Math.round((0.92 + 0.04 * Math.sin((frame * BEATS_PER_FRAME + i) / 3)) * 1024) * 1000) / 1024;
      tMs += rrMs;
      beats.push({ tMs, rrMs });
    }
    frames.push(beats);
  }
  return frames;
}

describe.skipIf(!browserTierAvailable)('damaged data and a read-only disk, in Chromium over the real services', () => {
  for (const colorScheme of SCHEMES) {
    it.skipIf(tmpfsUnavailable !== null)(`shows the read-only banner on a read-only disk, and "Try again" clears it once the disk takes writes (${colorScheme})`, async () => {
      const mount: Tmpfs = mountTmpfs(2048);
      cleanups.push(() => mount.remove());
      const dataDir = join(mount.path, 'data');
      mkdirSync(dataDir);
      await seed(dataDir, async (harness) => (await harness.services.records.store()).createJournal({ text: 'Written before the disk went read-only.' }));
      mount.readOnly();

      const harness = await harnessFor({ dataDir, colorScheme });
      await harness.open('#/journal');
      const banner = await visibleText(harness, '.storage-banner');
      for (const words of [READ_ONLY_WORDS.bannerTitle, READ_ONLY_WORDS.notWritable, READ_ONLY_WORDS.whatToDoNotWritable, READ_ONLY_WORDS.exportStillWorks]) expect(banner).toContain(words);
      // What was saved before is still there to read.
      await harness.page.waitForSelector('::-p-text(Written before the disk went read-only.)', { timeout: 60_000 });
      await expectAccessible(harness, `damaged-storage-banner-${colorScheme}`);

      // Still read-only: the banner stays and says so.
      const tryAgain = await tabToButton(harness, READ_ONLY_WORDS.tryAgain);
      const retries = harness.callsAnswered('app.retryStorage');
      await harness.page.keyboard.press('Enter');
      await harness.page.waitForSelector(`.storage-banner-result ::-p-text(${READ_ONLY_WORDS.stillReadOnly})`, { timeout: 60_000 });
      expect(harness.callsAnswered('app.retryStorage')).toBe(retries + 1);
      expect(await tryAgain.evaluate((el) => el === document.activeElement)).toBe(true);

      mount.writable();
      await harness.page.keyboard.press('Enter');
      await harness.page.waitForFunction(() => document.querySelector('.storage-banner') === null, { timeout: 60_000 });
      // Saving works again: the app says it can write, and a new entry reaches the disk.
      expect((await harness.services.router.dispatch({ url: `${harness.origin}/index.html`, isMainFrame: true }, { channel: 'app.info', payload: undefined })) as unknown).toMatchObject({
        ok: true,
        value: { storage: { state: 'writable' } },
      });
      await (await harness.services.records.store()).createJournal({ text: 'Saved after Try again.' });
    });

    it(`lists a damaged journal record in Settings → Your data and exports it by keyboard (${colorScheme})`, async () => {
      const dataDir = tempFolder('attune-e2e-quarantine-');
      const exportParent = tempFolder('attune-e2e-quarantine-export-');
      const entries = await seed(dataDir, async (harness) => {
        const store = await harness.services.records.store();
        const written = [];
        for (const text of ['A calm morning.', 'We argued about the dishes.', 'Made up over tea.']) written.push(await store.createJournal({ text }));
        return written;
      });
      const damagedBytes = flipByte(join(dataDir, 'records', 'journal', `${entries[1]!.id}.rec`), -20);

      const picks: string[] = [];
      const harness = await harnessFor({
        dataDir,
        colorScheme,
        chooseFolder: async (purpose) => {
          picks.push(purpose);
          return exportParent;
        },
      });
      await harness.open('#/check');
      await (await harness.page.waitForSelector('::-p-aria([name="Settings"][role="link"])', { timeout: 60_000 }))!.click();
      await (await harness.page.waitForSelector('::-p-aria([name="Your data"][role="link"])', { timeout: 60_000 }))!.click();
      await harness.page.waitForSelector(`::-p-text(${QUARANTINE_WORDS.heading})`, { timeout: 60_000 });
      const list = await visibleText(harness, '.quarantine');
      expect(list).toContain(QUARANTINE_WORDS.intro(1));
      expect(list).toContain(QUARANTINE_WORDS.kind.journal);
      expect(list).toContain(QUARANTINE_WORDS.exportExplain);
      expect(await harness.page.$eval('.quarantine-list', (el) => el.querySelectorAll('li').length)).toBe(1);
      await (await harness.page.$('.quarantine'))!.scrollIntoView();
      await expectAccessible(harness, `damaged-quarantine-list-${colorScheme}`);

      await tabToButton(harness, QUARANTINE_WORDS.exportButton);
      await harness.page.keyboard.press('Enter');
      const said = await harness.page.waitForSelector('::-p-text(Copied 1 file to)', { timeout: 60_000 });
      const sentence = await said!.evaluate((el) => el.textContent ?? '');
      expect(picks).toEqual(['export']);
      const folder = readdirSync(exportParent).map((name) => join(exportParent, name));
      expect(folder).toHaveLength(1);
      expect(sentence).toContain(QUARANTINE_WORDS.exported(1, folder[0]!));
      // The damaged file, exactly as it was found on disk.
      const copies = readdirSync(folder[0]!).filter((name) => !name.endsWith('.about.json'));
      expect(copies).toHaveLength(1);
      expect(readFileSync(join(folder[0]!, copies[0]!)).equals(damagedBytes)).toBe(true);
      // The other two entries open as usual.
      await (await harness.page.waitForSelector('::-p-aria([name="Journal"][role="link"])'))!.click();
      await harness.page.waitForSelector('::-p-text(Made up over tea.)', { timeout: 60_000 });
      await harness.page.waitForSelector('::-p-text(A calm morning.)', { timeout: 60_000 });
    });

    it(`says on a session's page that part of its heart data was damaged (${colorScheme})`, async () => {
      const dataDir = tempFolder('attune-e2e-partial-');
      const sessionId = await seed(dataDir, async (harness) => {
        const store = await harness.services.records.store();
        const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
        for (const beats of checkFrames()) await store.appendBeats(session.id, beats);
        await store.finishSession(session.id, { baselineHrBpm: 64 });
        return session.id;
      });
      // A byte in the middle of a middle frame's ciphertext: that frame's beats cannot be read.
      flipByte(join(dataDir, 'records', 'beats', `${sessionId}.beats`), BEATS_HEADER_BYTES + DAMAGED_FRAME * FRAME_BYTES + 100);

      const harness = await harnessFor({ dataDir, colorScheme });
      await harness.open('#/trends?range=4w');
      await harness.page.waitForFunction(() => performance.getEntriesByName('attune-trends-painted').length > 0, { timeout: 60_000 });
      // From the calm-down table, the session's "Open" link.
      const table = await harness.page.waitForSelector('[data-chart="calm-down"] details.trend-table summary', { timeout: 60_000 });
      await table!.click();
      await (await harness.page.waitForSelector(`[data-chart="calm-down"] a[href="#/trends/session/${sessionId}"]`, { visible: true, timeout: 60_000 }))!.click();
      await harness.page.waitForFunction(() => performance.getEntriesByName('attune-session-painted').length > 0, { timeout: 60_000 });
      const text = await visibleText(harness, 'main');
      // The lost frame is 20 beats of about 0.9 s: the note says how long, in whole seconds.
      const lostSeconds = checkFrames()[DAMAGED_FRAME]!.reduce((sum, beat) => sum + beat.rrMs, 0) / 1000;
      const said = /beats recorded\. Part of this session's heart data was damaged: about (\d+) seconds/.exec(text);
      expect(Math.abs(Number(said?.[1]) - lostSeconds)).toBeLessThanOrEqual(1);
      expect(text).toContain(`${(FRAMES - 1) * BEATS_PER_FRAME} beats recorded. ${BEATS_DAMAGE_WORDS.sessionNote({ beats: BEATS_PER_FRAME, seconds: Number(said?.[1]) })}`);
      await expectAccessible(harness, `damaged-session-partial-${colorScheme}`);
    });
  }
});
