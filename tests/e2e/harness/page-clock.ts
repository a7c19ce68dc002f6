import type { Page } from 'puppeteer-core';

// A clock the test moves, for the page's heart-rate sources (renderer/app/test-sensors.ts
// picks it up): the demo heart and the whole check run as fast as the test advances time.
// Installed before the app loads; `advancePageClock` moves it in steps so the app renders
// and talks to main along the way, as it would in real time.

export type PageClockOptions = { startMs: number; demoSeed: number };

/** Runs in the page (serialised by puppeteer): keep it self-contained. */
function installPageClock(options: PageClockOptions): void {
  let now = options.startMs;
  let nextId = 1;
  const timers = new Map<number, { dueMs: number; callback: () => void }>();
  const nextDue = (untilMs: number) => {
    let best: [number, { dueMs: number; callback: () => void }] | null = null;
    for (const entry of timers) {
      if (entry[1].dueMs <= untilMs && (best === null || entry[1].dueMs < best[1].dueMs)) best = entry;
    }
    return best;
  };
  const scheduler = {
    nowMs: () => now,
    setTimeout(callback: () => void, delayMs: number) {
      const id = nextId++;
      timers.set(id, { dueMs: now + Math.max(0, delayMs), callback });
      return { id };
    },
    clearTimeout(handle: { id: number }) {
      timers.delete(handle.id);
    },
    advance(ms: number) {
      const until = now + ms;
      for (let due = nextDue(until); due !== null; due = nextDue(until)) {
        timers.delete(due[0]);
        now = due[1].dueMs;
        due[1].callback();
      }
      now = until;
    },
  };
  const target = window as unknown as Record<string, unknown>;
  target['__attuneTestScheduler'] = scheduler;
  target['__attuneTestDemoSeed'] = options.demoSeed;
}

export async function usePageClock(page: Page, options: PageClockOptions = { startMs: Date.now(), demoSeed: 11 }): Promise<void> {
  await page.evaluateOnNewDocument(installPageClock, options);
}

/** Moves the page's clock forward by `ms`, `stepMs` at a time, letting the page work in between. */
export async function advancePageClock(page: Page, ms: number, stepMs = 2_000): Promise<void> {
  for (let done = 0; done < ms; done += stepMs) {
    const step = Math.min(stepMs, ms - done);
    await page.evaluate((s) => (window as unknown as { __attuneTestScheduler: { advance(ms: number): void } }).__attuneTestScheduler.advance(s), step);
  }
}
