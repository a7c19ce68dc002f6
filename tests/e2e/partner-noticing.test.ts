import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../shared/model/agreement.ts';
import type { JournalEntry } from '../../shared/model/journal.ts';
import type { Beat, SessionListItem } from '../../shared/model/session.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import type { AppHarness } from './harness/app-harness.ts';
import { click, completeFirstRun, waitForStep } from './harness/check-driver.ts';
import { advancePageClock } from './harness/page-clock.ts';
import { harnessOnPageClock } from './harness/page-clock-harness.ts';

// Noticing the partner and sharing with them, in Chromium against the real main-side services:
// the "Noticing your partner" card opened from the keyboard during a conversation, the debrief
// that asks what was noticed (and, after flooded checks, says a couples counsellor can help),
// the entry that shows it, and an agreement copied and printed.
// Every new view gets axe (no serious or critical findings) and screenshots in light and dark.

type Findings = Record<string, string[]>;

/** Screenshots and axe of the page as it is, in light and then dark; back to light after. */
async function lookInBothSchemes(harness: AppHarness, name: string, found: Findings): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await harness.page.waitForFunction(() =>
      document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
    );
    await harness.screenshot(`partner-${name}-${scheme}`);
    const violations = await seriousAxeFindings(harness.page);
    if (violations.length > 0) found[`${name} (${scheme})`] = violations;
  }
  await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

async function call<T>(harness: AppHarness, channel: string, payload?: unknown): Promise<T> {
  const result = await harness.services.router.dispatch({ url: `${harness.origin}/index.html`, isMainFrame: true }, { channel, payload });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Two minutes at 120 bpm (flooded for a resting rate of 60), then five calm ones. */
function floodedBeats(): Beat[] {
  const beats: Beat[] = [];
  for (let tMs = 0; tMs < 7 * 60_000; ) {
    const rrMs = tMs < 2 * 60_000 ? 500 : 1000;
    tMs += rrMs;
    beats.push({ tMs, rrMs });
  }
  return beats;
}

const expanded = (harness: AppHarness) =>
  harness.page.$eval('::-p-aria([name="Noticing your partner"][role="button"])', (el) => el.getAttribute('aria-expanded'));

describe.skipIf(!browserTierAvailable)('noticing the partner during a check, in Chromium', () => {
  const current = harnessOnPageClock();
  const found: Findings = {};

  it('opens the card by keyboard in the conversation, and the debrief’s answer shows on the entry', async () => {
    const harness = current();
    // Three checks that flooded earlier today: the debrief will say a couples counsellor can help.
    const store = await harness.services.records.store();
    for (let i = 0; i < 3; i += 1) {
      const session = await store.startSession({ kind: 'check', source: { kind: 'strap', deviceName: 'Test strap' }, baselineHrBpm: 60 });
      await store.appendBeats(session.id, floodedBeats());
      await store.finishSession(session.id);
    }
    await harness.open('#/check');
    await completeFirstRun(harness);
    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    await click(harness, 'See if I am ready');
    await waitForStep(harness, 'You seem ready');
    await click(harness, 'Continue');
    await click(harness, 'Start conversation');
    await waitForStep(harness, 'In conversation');

    // Closed at first: the conversation screen is about your own body.
    expect(await expanded(harness)).toBe('false');
    expect(await harness.page.$('::-p-aria([name="What their body may show"][role="heading"])')).toBeNull();
    await lookInBothSchemes(harness, 'conversation-card-closed', found);

    // From the keyboard: Tab from "The conversation is over" reaches the card next; Enter opens it.
    await harness.page.focus('::-p-aria([name="The conversation is over"][role="button"])');
    await harness.page.keyboard.press('Tab');
    expect(await harness.page.evaluate(() => document.activeElement?.textContent)).toBe('Noticing your partner');
    await harness.page.keyboard.press('Enter');
    expect(await expanded(harness)).toBe('true');
    const card = await harness.page.$eval('.partner-card-body', (el) => el.textContent ?? '');
    expect(card).toMatch(/A tight jaw.*Raised or tight shoulders.*Looking away.*Talking faster/);
    expect(card).toContain('You have gone a bit quiet. I am here, no rush.');
    await lookInBothSchemes(harness, 'conversation-card-open', found);

    await advancePageClock(harness.page, 30_000);
    await click(harness, 'The conversation is over');
    await waitForStep(harness, 'How did it go?');
    await click(harness, 'A bit hard', 'radio');
    await click(harness, 'Going quiet all of a sudden', 'checkbox');
    await click(harness, 'Looking away', 'checkbox');
    await harness.page.type('::-p-aria([name="Anything else you noticed in them? (optional)"][role="textbox"])', 'They rubbed their neck.');
    expect(await harness.page.$eval('[data-testid="counsellor-line"]', (el) => el.textContent ?? '')).toMatch(/a couples counsellor can help\.$/);
    await lookInBothSchemes(harness, 'debrief', found);
    await click(harness, 'Save to my journal');
    await waitForStep(harness, 'Thank you');

    await click(harness, 'Read or add to your notes from this conversation', 'link');
    await harness.page.waitForFunction(() => /What you saw in your partner/.test(document.querySelector('article')?.textContent ?? ''), { timeout: 60_000 });
    const shown = await harness.page.$$eval('.journal-structure dt', (dts) => dts.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`));
    expect(shown).toContain('What you saw in your partner: Going quiet all of a sudden, Looking away');
    expect(await harness.page.$eval('article', (el) => el.textContent ?? '')).toContain('What I noticed in my partner: They rubbed their neck.');
    await lookInBothSchemes(harness, 'entry', found);

    const sessions = await call<SessionListItem[]>(harness, 'session.list', { fromMs: 0, toMs: Date.now() + 24 * 3600_000 });
    const check = sessions.find((s) => s.kind === 'check' && s.journalEntryIds.length === 1)!;
    const entry = await call<JournalEntry>(harness, 'journal.get', { id: check.journalEntryIds[0] });
    expect(entry).toMatchObject({ kind: 'debrief', cues: ['partner-went-quiet', 'partner-looking-away'], sessionIds: [check.id] });
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

describe.skipIf(!browserTierAvailable)('sharing an agreement, in Chromium', () => {
  const current = harnessOnPageClock();
  const found: Findings = {};

  it('copies it as text, and prints it alone on one light page', async () => {
    const harness = current();
    const agreement = await call<Agreement>(harness, 'agreement.save', { text: 'When one of us says “pause”, we stop for twenty minutes and come back.' });
    // The app grants itself the clipboard write in Electron (main/security/policy.ts); this browser is told the same.
    await harness.page.browserContext().overridePermissions(harness.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await harness.open('#/journal?agreements');
    await click(harness, 'Copy as text');
    await harness.page.waitForFunction(() => /^Copied\./.test(document.querySelector('.agreement-share-status')?.textContent ?? ''), { timeout: 60_000 });
    const copied = await harness.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`“${agreement.text}”`);
    expect(copied.startsWith('What we agreed to try next time:')).toBe(true);
    await lookInBothSchemes(harness, 'agreement-copied', found);

    await click(harness, 'Print…');
    await harness.page.waitForSelector('dialog.agreement-print[open] .agreement-page');
    await lookInBothSchemes(harness, 'agreement-print-preview', found);

    // On paper: only the page, light whatever the theme, on one A4 page.
    await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await harness.page.emulateMediaType('print');
    const onPaper = await harness.page.evaluate(() => ({
      app: [...document.body.children].filter((el) => el.tagName !== 'DIALOG' && getComputedStyle(el).display !== 'none').map((el) => el.tagName),
      buttons: getComputedStyle(document.querySelector('dialog.agreement-print .print-preview-actions')!).display,
      pageBackground: getComputedStyle(document.querySelector('.agreement-page')!).backgroundColor,
      pageText: getComputedStyle(document.querySelector('.agreement-page')!).color,
    }));
    expect(onPaper).toEqual({ app: [], buttons: 'none', pageBackground: 'rgb(255, 255, 255)', pageText: 'rgb(42, 38, 34)' });
    const pdf = await harness.page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0).toBe(1);
    await harness.page.emulateMediaType('screen');
    await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

    await harness.page.keyboard.press('Escape');
    await harness.page.waitForFunction(() => document.querySelector('dialog.agreement-print') === null, { timeout: 10_000 });
    expect(await harness.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Print…');
    expect(harness.offOriginRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});
