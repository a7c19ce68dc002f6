import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeSessionStory, type SessionStory } from '../support/session-story-data.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { repoRoot, startAppHarness, type AppHarness } from './harness/app-harness.ts';

// The session page in Chromium: a 60-minute check (smoothed heart rate in a min–max band,
// the break hatched, flooding cues and verdicts marked) and a 5-minute one (every beat), in
// light and dark, with axe and screenshots.

async function openSession(harness: AppHarness, id: string): Promise<void> {
  await harness.page.goto('about:blank');
  await harness.open(`#/trends/session/${id}`);
  await harness.page.waitForFunction(() => performance.getEntriesByName('attune-session-painted').length > 0, { timeout: 60_000 });
}

/** The whole page at its own height, both charts drawn, saved under test-artifacts/screenshots. */
async function screenshot(harness: AppHarness, name: string): Promise<void> {
  const height = await harness.page.evaluate(() => document.documentElement.scrollHeight);
  await harness.page.setViewport({ width: 1080, height });
  await harness.page.waitForFunction(() => [...document.querySelectorAll('.trend-chart')].every((chart) => chart.querySelector('.recharts-wrapper > svg.recharts-surface')), { timeout: 60_000 });
  await harness.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 400)))));
  const dir = join(repoRoot, 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await harness.page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png` });
  await harness.page.setViewport({ width: 1080, height: 760 });
}

const heartRate = '[data-chart="session-heart-rate"]';

describe.skipIf(!browserTierAvailable)('the session page in Chromium', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let story: SessionStory;
  const harnesses: AppHarness[] = [];

  beforeAll(async () => {
    dir = makeTempDir('attune-e2e-session-');
    const light = await startAppHarness({ dataDir: dir.path });
    harnesses.push(light);
    story = await writeSessionStory(await light.services.records.store(), Date.now());
  }, 120_000);
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    dir?.cleanup();
  });

  it('draws a 60-minute heart rate as a smoothed line in a min–max band, with the break, cues and verdicts marked', async () => {
    const harness = harnesses[0]!;
    await openSession(harness, story.longId);
    const chart = await harness.page.$eval(`${heartRate} .trend-chart`, (el) => ({
      band: el.querySelector('path.session-envelope')?.getAttribute('d')?.length ?? 0,
      // The line: one point per pixel slice, not one per beat (4,400).
      linePoints: (el.querySelector('path.session-line')?.getAttribute('d')?.match(/[ML]/g) ?? []).length,
      cues: el.querySelectorAll('[data-moment="flood-cue"]').length,
      verdicts: el.querySelectorAll('[data-moment="verdict"]').length,
      hatched: [...el.querySelectorAll('.session-phase-bands rect')].some((r) => r.getAttribute('fill')?.startsWith('url(#session-break-hatch')),
      // The Y axis' labels are the ones anchored at their end (the X axis' are centred).
      yTicks: [...el.querySelectorAll('.recharts-cartesian-axis-tick-value')].filter((t) => t.getAttribute('text-anchor') === 'end').map((t) => Number(t.textContent)),
    }));
    expect(chart.band).toBeGreaterThan(1000);
    expect(chart.linePoints).toBeGreaterThan(200);
    expect(chart.linePoints).toBeLessThan(1100);
    expect(chart.cues).toBe(2);
    expect(chart.verdicts).toBe(2);
    expect(chart.hatched).toBe(true);
    // Round values on the heart-rate axis.
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(3);
    const step = chart.yTicks[1]! - chart.yTicks[0]!;
    expect([1, 2, 2.5, 5, 10, 20, 25, 50]).toContain(step);
    expect(await harness.page.$eval('.session-verdict', (el) => el.textContent)).toContain('You seem ready');
    expect(await harness.page.$$eval('.session-moments li', (els) => els.map((el) => el.textContent))).toContain('Flooding cue at 45:00');
    await harness.page.waitForSelector('.session-entries ::-p-text(We found our way back)');
    // Under the pointer, the moment and the smoothed heart rate there.
    const plot = (await harness.page.$(`${heartRate} .session-hover > rect`))!;
    await plot.hover();
    const readout = await harness.page.waitForSelector(`${heartRate} .session-hover text`);
    expect(await readout!.evaluate((el) => el.textContent)).toMatch(/^Heart rate \d+:\d\d · \d+ bpm$/);
    await harness.page.mouse.move(0, 0);
    await screenshot(harness, 'session-detail-long-light');
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
  });

  it('keeps a 5-minute session beat by beat', async () => {
    const harness = harnesses[0]!;
    await openSession(harness, story.shortId);
    const drawn = await harness.page.$eval(`${heartRate} .trend-chart`, (el) => ({
      band: el.querySelector('path.session-envelope') !== null,
      linePoints: (el.querySelector('path.session-line')?.getAttribute('d')?.match(/[ML]/g) ?? []).length,
    }));
    const beats = await harness.page.$eval(`${heartRate} .trend-table summary`, (el) => Number(/\((\d+) rows\)/.exec(el.textContent ?? '')?.[1]));
    expect(drawn.band).toBe(false);
    expect(beats).toBeGreaterThan(300);
    expect(drawn.linePoints).toBe(beats);
    expect(await harness.page.$eval('.session-verdict', (el) => el.textContent)).toContain('The signal was too noisy');
    await screenshot(harness, 'session-detail-short-light');
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
  });

  it('reads well in the dark too (axe), both sessions, with no page errors or policy violations', async () => {
    await harnesses[0]!.close();
    harnesses.length = 0;
    const dark = await startAppHarness({ dataDir: dir.path, colorScheme: 'dark' });
    harnesses.push(dark);
    for (const [id, name] of [[story.longId, 'long'], [story.shortId, 'short']] as const) {
      await openSession(dark, id);
      await dark.page.waitForSelector('.session-entries ::-p-text(Write about this session)');
      await screenshot(dark, `session-detail-${name}-dark`);
      expect(await seriousAxeFindings(dark.page)).toEqual([]);
    }
    expect(dark.pageErrors).toEqual([]);
    expect(await dark.cspViolations()).toEqual([]);
  });
});
