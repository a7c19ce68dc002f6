import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { PartnerCard } from '../../../../renderer/features/check/partner-card.tsx';
import { COUNSELLOR_WORDS } from '../../../../shared/content/counsellor-words.ts';
import { CURIOUS_PHRASES } from '../../../../shared/content/partner-noticing.ts';
import type { Beat } from '../../../../shared/model/session.ts';
import { renderApp, resetWindow, settled } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// Noticing the partner: the conversation's card (closed until asked for, nothing recorded)
// and the debrief's question, whose answer reaches the journal entry through the real router
// and records store, and shows on the entry's page.

afterEach(async () => {
  window.sessionStorage.clear();
  await resetWindow();
});

describe('the "Noticing your partner" card', () => {
  it('starts closed, opens from the keyboard with the cues and curious phrases, and stays open for this window', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<PartnerCard />);
    const toggle = screen.getByRole('button', { name: 'Noticing your partner' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/landed hard/)).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '')!;
    expect(body.hidden).toBe(false);
    const [cues, phrases] = within(body).getAllByRole('list');
    expect(within(cues!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'A tight jaw',
      'Raised or tight shoulders',
      'A quiet or flat voice',
      'Going quiet all of a sudden',
      'Looking away',
      'Talking faster and faster',
    ]);
    expect(within(phrases!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CURIOUS_PHRASES.map((p) => `“${p}”`));
    expect(within(body).getByText(/Nothing on this card is recorded/)).toBeTruthy();

    // Back from a break, the card is as the user left it.
    unmount();
    render(<PartnerCard />);
    expect(screen.getByRole('button', { name: 'Noticing your partner' }).getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Noticing your partner' }));
    expect(screen.getByRole('button', { name: 'Noticing your partner' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/landed hard/)).toBeNull();
  });
});

const stepTitle = () => screen.getByTestId('check-step-title').textContent;
const advance = (scheduler: ManualScheduler, ms: number) => act(async () => scheduler.advanceAsync(ms));

/** First run on the calm demo heart (welcome, resting reading), then a calm check into the conversation. */
async function intoConversation(main: InProcessApi = createInProcessApi()): Promise<{ main: InProcessApi; scheduler: ManualScheduler; user: UserEvent }> {
  window.location.hash = '#/check';
  const scheduler = createManualScheduler(Date.now());
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 11 }} />);
  const user = userEvent.setup();
  await screen.findByText('Welcome to Attune');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
  await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
  await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(await screen.findByRole('button', { name: 'Start the check' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
  await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('button', { name: 'Start conversation' }));
  expect(stepTitle()).toBe('In conversation');
  return { main, scheduler, user };
}

describe('noticing the partner through a check', () => {
  it('the card sits closed under the conversation; what the debrief says was noticed goes into the entry and shows on its page', async () => {
    const { main, scheduler, user } = await intoConversation();
    const toggle = screen.getByRole('button', { name: 'Noticing your partner' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByText(/You have gone a bit quiet/)).toBeTruthy();
    // The way to a pause stays where it was, before the card.
    const needBreak = screen.getByRole('button', { name: 'I need a break' });
    expect(needBreak.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await advance(scheduler, 30_000);
    await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
    expect(stepTitle()).toBe('How did it go?');
    const noticed = screen.getByRole('group', { name: 'What did you notice in your partner? (optional)' });
    await user.click(within(noticed).getByRole('checkbox', { name: 'Raised or tight shoulders' }));
    await user.click(within(noticed).getByRole('checkbox', { name: 'Looking away' }));
    await user.click(within(noticed).getByRole('checkbox', { name: 'Raised or tight shoulders' })); // changed my mind
    await user.click(within(noticed).getByRole('checkbox', { name: 'A tight jaw' }));
    await user.click(screen.getByLabelText('A bit hard'));
    await user.type(screen.getByLabelText(/Anything you want to remember/), 'We got there.');
    await user.type(screen.getByLabelText('Anything else you noticed in them? (optional)'), 'Their hands were shaking.');
    await user.click(screen.getByRole('button', { name: 'Save to my journal' }));
    await waitFor(() => expect(stepTitle()).toBe('Thank you'));

    const entryLink = screen.getByRole('link', { name: 'Read or add to your notes from this conversation' });
    const entryId = /entry\/(.+)$/.exec(entryLink.getAttribute('href') ?? '')![1]!;
    const saved = await main.api.invoke('journal.get', { id: entryId });
    expect(saved.ok && saved.value).toMatchObject({
      kind: 'debrief',
      // In the order the debrief lists them, not the order they were ticked.
      cues: ['partner-tight-jaw', 'partner-looking-away'],
      text: 'We got there.\n\nWhat I noticed in my partner: Their hands were shaking.',
    });

    await user.click(entryLink);
    const heading = await screen.findByRole('heading', { level: 2, name: 'After the conversation: a bit hard' });
    const article = heading.closest('article') as HTMLElement;
    const partnerRow = within(article).getByText('What you saw in your partner').closest('div')!;
    expect(within(partnerRow).getByRole('definition').textContent).toBe('A tight jaw, Looking away');
    expect(within(article).getByText('What I noticed in my partner: Their hands were shaking.')).toBeTruthy();
  });

  it('skipping the partner question leaves the entry as before: no cues, the note alone', async () => {
    const { main, scheduler, user } = await intoConversation();
    await advance(scheduler, 30_000);
    await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
    await user.type(screen.getByLabelText(/Anything you want to remember/), 'Short and kind.');
    await settled(main);
    await user.click(screen.getByRole('button', { name: 'Save to my journal' }));
    // No flooded checks before this one: no word about a counsellor.
    expect(screen.queryByTestId('counsellor-line')).toBeNull();
    await waitFor(() => expect(stepTitle()).toBe('Thank you'));
    const href = screen.getByRole('link', { name: 'Read or add to your notes from this conversation' }).getAttribute('href') ?? '';
    const saved = await main.api.invoke('journal.get', { id: /entry\/(.+)$/.exec(href)![1]! });
    expect(saved.ok && saved.value).toMatchObject({ cues: [], text: 'Short and kind.' });
  });
});

/** Two minutes at 120 bpm (over the flooding line for a resting rate of 60), then five calm ones. */
function floodedBeats(): Beat[] {
  const beats: Beat[] = [];
  for (let tMs = 0; tMs < 7 * 60_000; ) {
    const rrMs = tMs < 2 * 60_000 ? 500 : 1000;
    tMs += rrMs;
    beats.push({ tMs, rrMs });
  }
  return beats;
}

describe('a couples counsellor, mentioned calmly', () => {
  it('after three flooded checks in the last two weeks, the debrief says a counsellor can help, under its buttons', async () => {
    const clock = { ms: null as number | null };
    const main = createInProcessApi({ now: () => new Date(clock.ms ?? Date.now()) });
    const store = await main.services.records.store();
    for (const daysAgo of [2, 6, 11]) {
      const startMs = Date.now() - daysAgo * 86_400_000;
      clock.ms = startMs;
      const session = await store.startSession({ kind: 'check', source: { kind: 'strap', deviceName: 'Test strap' }, baselineHrBpm: 60 });
      await store.appendBeats(session.id, floodedBeats());
      clock.ms = startMs + 7 * 60_000;
      await store.finishSession(session.id);
    }
    clock.ms = null;

    const { scheduler, user } = await intoConversation(main);
    await advance(scheduler, 30_000);
    await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
    const line = await screen.findByTestId('counsellor-line');
    expect(line.textContent).toBe(COUNSELLOR_WORDS.afterRepeatedFlooding);
    expect(line.textContent).toMatch(/couples counsellor can help/);
    expect(within(line).queryByRole('link')).toBeNull();
    const skip = screen.getByRole('button', { name: 'Skip' });
    expect(skip.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('About says when a couples counsellor can help, with no link', async () => {
    window.location.hash = '#/settings/about';
    const { main } = renderApp();
    const line = await screen.findByTestId('counsellor-about');
    expect(line.textContent).toBe(COUNSELLOR_WORDS.about);
    expect(line.textContent).toMatch(/a couples counsellor can help you both/);
    expect(within(line).queryByRole('link')).toBeNull();
    await settled(main);
  });
});
