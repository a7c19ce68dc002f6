import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecordId } from '../../main/store/records-store.ts';
import { SESSION_SCHEMA_VERSION, type BeatColumns, type PhaseMarker } from '../../shared/model/session.ts';
import { summarizeBeats } from '../../shared/signal/session-summary.ts';
import { generateRrSeries } from '../../shared/signal/synthetic-rr.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { repoRoot, startAppHarness, type AppHarness } from './harness/app-harness.ts';

// Coherence over time in Chromium: a breathing session's page with its coherence figures and
// chart (the level where high starts, round ticks from 0 to 100 %, a hover readout), and
// Trends' weekly median minutes in high coherence rising over eight weeks of practice with
// the pacer; axe and screenshots in light and dark.

const DAY = 86_400_000;
const WEEKS = 8;

function columns(rrMs: readonly number[]): BeatColumns {
  let clockMs = 0;
  return { tMs: rrMs.map((rr) => (clockMs += rr)), rrMs: [...rrMs] };
}

/** Eight minutes at 6 breaths a minute. */
const PACED = columns(generateRrSeries({ seed: 5, durationSec: 480, meanHrBpm: 70, breathingHz: 0.1, rsaAmplitudeMs: 45, mayerAmplitudeMs: 6, noiseMs: 10, driftMs: 10 }));
const MARKERS: PhaseMarker[] = [
  { tMs: 0, phase: 'breathing', edge: 'start' },
  { tMs: 480_000, phase: 'breathing', edge: 'end' },
];

type Written = { latestId: string; gapId: string; firstWeekMin: number; lastWeekMin: number };

/**
 * Two breathing sessions a week for seven weeks, their time in high coherence growing by half
 * a minute a week (set here, as the Trends data sets do, so the test knows the answer), and
 * today two summarised from their beats as the app would, one with a dropout.
 */
async function writePractice(harness: AppHarness, nowMs: number): Promise<Written> {
  const store = await harness.services.records.store();
  const summary = summarizeBeats(PACED, { baselineHrBpm: 66, markers: MARKERS });
  const adopt = async (startedAtMs: number, highSec: number | null, beats = PACED) => {
    const id = newRecordId();
    await store.adoptSession(
      {
        schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 1, kind: 'breathing', status: 'finished', startedAtMs, endedAtMs: startedAtMs + 480_000,
        source: { kind: 'strap', deviceName: 'Polar H10' }, breathingPattern: { preset: 'resonance', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 },
        baselineHrBpm: 66, markers: MARKERS, beatCount: PACED.rrMs.length,
        summary: highSec === null ? summarizeBeats(beats, { baselineHrBpm: 66, markers: MARKERS }) : { ...summary, coherence: { ...summary.coherence, highSec } },
      },
      beats,
    );
    return id;
  };
  for (let week = 0; week < WEEKS - 1; week += 1) {
    const daysAgo = (WEEKS - 1 - week) * 7;
    await adopt(nowMs - daysAgo * DAY, 60 + week * 30);
    await adopt(nowMs - daysAgo * DAY + DAY / 3, 60 + week * 30);
  }
  // The strap lost the skin from 3:20 to 5:00 in an earlier session of today.
  const kept = PACED.tMs.flatMap((tMs, i) => (tMs > 200_000 && tMs <= 300_000 ? [] : [{ tMs, rrMs: PACED.rrMs[i]! }]));
  const gapId = await adopt(nowMs - 3_600_000, null, { tMs: kept.map((b) => b.tMs), rrMs: kept.map((b) => b.rrMs) });
  const latestId = await adopt(nowMs - 60_000, null);
  // This week holds both: its median is their mean.
  const gapHighSec = summarizeBeats({ tMs: kept.map((b) => b.tMs), rrMs: kept.map((b) => b.rrMs) }, { baselineHrBpm: 66, markers: MARKERS }).coherence.highSec!;
  return { latestId, gapId, firstWeekMin: 1, lastWeekMin: (summary.coherence.highSec! + gapHighSec) / 2 / 60 };
}

async function openAndWait(harness: AppHarness, hash: string, mark: string): Promise<void> {
  await harness.page.goto('about:blank');
  await harness.open(hash);
  await harness.page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { timeout: 60_000 }, mark);
}

/** The page at its own height with every chart drawn, under test-artifacts/screenshots. */
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

const sessionCard = '[data-chart="session-coherence"]';
const trendsCard = '[data-chart="coherence"]';

describe.skipIf(!browserTierAvailable)('coherence over time in Chromium', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let written: Written;
  const harnesses: AppHarness[] = [];

  beforeAll(async () => {
    dir = makeTempDir('attune-e2e-coherence-');
    const light = await startAppHarness({ dataDir: dir.path });
    harnesses.push(light);
    written = await writePractice(light, Date.now());
  }, 120_000);
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    dir?.cleanup();
  });

  it("shows a breathing session's coherence: figures, words and a chart every 5 s with the level where high starts", async () => {
    const harness = harnesses[0]!;
    await openAndWait(harness, `#/trends/session/${written.latestId}`, 'attune-session-painted');
    const card = await harness.page.waitForSelector(sessionCard);
    await card!.scrollIntoView();
    // The windows are worked out in the first idle moment after the page is drawn.
    await harness.page.waitForFunction((card) => (document.querySelector(`${card} path.session-line`)?.getAttribute('d') ?? '').length > 0, { timeout: 60_000 }, sessionCard);
    const drawn = await harness.page.$eval(sessionCard, (el) => ({
      figures: el.querySelector('[data-testid="session-coherence-figures"]')?.textContent ?? '',
      linePoints: (el.querySelector('path.session-line')?.getAttribute('d')?.match(/[ML]/g) ?? []).length,
      level: el.querySelector('line.session-level') !== null,
      yTicks: [...el.querySelectorAll('.recharts-cartesian-axis-tick-value')].filter((t) => t.getAttribute('text-anchor') === 'end').map((t) => Number(t.textContent)),
      rows: Number(/\((\d+) rows\)/.exec(el.querySelector('.trend-table summary')?.textContent ?? '')?.[1]),
      key: el.querySelector('.chart-key, ul')?.textContent ?? '',
    }));
    expect(drawn.figures).toMatch(/\d+ % on average, (high|medium|low)/);
    expect(drawn.figures).toMatch(/in high coherence, of 7 min( \d+ s)? it could be read/);
    // One window every 5 s after the first 64 s: about 83 in eight minutes, each drawn.
    expect(drawn.rows).toBeGreaterThan(80);
    expect(drawn.linePoints).toBe(drawn.rows);
    expect(drawn.level).toBe(true);
    expect(drawn.yTicks[0]).toBe(0);
    expect(drawn.yTicks.at(-1)).toBe(100);
    expect(await harness.page.$eval(sessionCard, (el) => el.textContent)).toContain('High coherence from here');
    // Under the pointer: the moment and the coherence there.
    const plot = (await harness.page.$(`${sessionCard} .session-hover > rect`))!;
    await plot.hover();
    const readout = await harness.page.waitForSelector(`${sessionCard} .session-hover text`);
    expect(await readout!.evaluate((el) => el.textContent)).toMatch(/^Coherence \d+:\d\d · \d+ %$/);
    await harness.page.mouse.move(0, 0);
    await screenshot(harness, 'coherence-session-light');
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
  });

  it('breaks the line where beats were lost instead of drawing across the gap', async () => {
    const harness = harnesses[0]!;
    await openAndWait(harness, `#/trends/session/${written.gapId}`, 'attune-session-painted');
    await (await harness.page.waitForSelector(sessionCard))!.scrollIntoView();
    await harness.page.waitForFunction((card) => (document.querySelector(`${card} path.session-line`)?.getAttribute('d') ?? '').length > 0, { timeout: 60_000 }, sessionCard);
    const runs = await harness.page.$eval(`${sessionCard} path.session-line`, (el) => (el.getAttribute('d') ?? '').match(/M/g)?.length ?? 0);
    expect(runs).toBe(2);
  });

  it('shows practice with the pacer in Trends: the weekly median minutes in high coherence rising', async () => {
    const harness = harnesses[0]!;
    await openAndWait(harness, '#/trends', 'attune-trends-painted');
    const card = await harness.page.waitForSelector(trendsCard);
    await card!.scrollIntoView();
    await harness.page.waitForSelector(`${trendsCard} .recharts-line-curve`);
    const shown = await harness.page.$eval(trendsCard, (el) => ({
      summary: el.querySelector('.trend-summary')?.textContent ?? '',
      dots: el.querySelectorAll('.recharts-line-dot').length,
    }));
    const latest = Math.round(written.lastWeekMin * 10) / 10;
    expect(shown.summary).toMatch(new RegExp(`1 min in the first week with data \\(\\d{4}-\\d{2}-\\d{2}\\), ${latest} min in the latest`));
    expect(shown.dots).toBe(WEEKS);
    // Its picture can be taken away like every chart's.
    expect(await harness.page.$eval(trendsCard, (el) => [...el.querySelectorAll('button')].map((b) => b.textContent))).toContain('Save as PNG of Time in high coherence per breathing session');
    await screenshot(harness, 'coherence-trends-light');
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
  });

  it('reads well in the dark too (axe), with no page errors or policy violations', async () => {
    await harnesses[0]!.close();
    harnesses.length = 0;
    const dark = await startAppHarness({ dataDir: dir.path, colorScheme: 'dark' });
    harnesses.push(dark);
    await openAndWait(dark, `#/trends/session/${written.latestId}`, 'attune-session-painted');
    await (await dark.page.waitForSelector(sessionCard))!.scrollIntoView();
    await dark.page.waitForFunction((card) => (document.querySelector(`${card} path.session-line`)?.getAttribute('d') ?? '').length > 0, { timeout: 60_000 }, sessionCard);
    await screenshot(dark, 'coherence-session-dark');
    expect(await seriousAxeFindings(dark.page)).toEqual([]);
    await openAndWait(dark, '#/trends', 'attune-trends-painted');
    await dark.page.waitForSelector(trendsCard);
    await screenshot(dark, 'coherence-trends-dark');
    expect(await seriousAxeFindings(dark.page)).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
    expect(await dark.cspViolations()).toEqual([]);
  });
});
