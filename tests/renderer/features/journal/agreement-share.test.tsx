import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agreementAsText } from '../../../../shared/content/agreement-share.ts';
import { formatDate } from '../../../../renderer/features/journal/journal-data.tsx';
import { renderApp, resetWindow, settled } from '../../support/render-app.tsx';
import { journalMain, openAt } from './journal-helpers.tsx';

// Sharing an agreement with a partner: copied as plain text (the clipboard is the browser's
// edge; user-event's stand-in holds what was written) or printed on one light page.

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await resetWindow();
});

const DAY = 86_400_000;

async function agreementsWith(text: string, remindInDays: number | null) {
  const main = journalMain();
  const store = await main.services.records.store();
  const agreement = await store.saveAgreement({ text, remindAtMs: remindInDays === null ? null : Date.now() + remindInDays * DAY });
  openAt('#/journal?agreements');
  renderApp(main);
  const item = (await screen.findByText(`“${text}”`)).closest('li') as HTMLElement;
  return { main, agreement, item };
}

describe('an agreement as plain text', () => {
  it('holds the heading, the words in quotes and the dates, nothing else', () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const made = Date.parse('2026-03-02T20:00:00Z');
    expect(agreementAsText({ text: '  Ask before giving advice. ', createdAtMs: made, remindAtMs: made + 7 * DAY }, day)).toBe(
      'What we agreed to try next time:\n\n“Ask before giving advice.”\n\nMade on 2026-03-02; we will come back to it on 2026-03-09.',
    );
    expect(agreementAsText({ text: 'Pause at ten.', createdAtMs: made, remindAtMs: null }, day)).toBe('What we agreed to try next time:\n\n“Pause at ten.”\n\nMade on 2026-03-02.');
  });
});

describe('sharing an agreement', () => {
  it('"Copy as text" puts the agreement on the clipboard and says so', async () => {
    const user = userEvent.setup();
    const { main, agreement, item } = await agreementsWith('Say “pause” when I start fixing.', 7);
    await user.click(within(item).getByRole('button', { name: 'Copy as text' }));
    expect(await within(item).findByText(/^Copied\. You can paste it/)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(agreementAsText(agreement, formatDate));
    expect(await navigator.clipboard.readText()).toContain('“Say “pause” when I start fixing.”');
    await settled(main);
  });

  it('says plainly when copying did not work, and how to copy by hand', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    const { main, item } = await agreementsWith('Ask before giving advice.', null);
    await user.click(within(item).getByRole('button', { name: 'Copy as text' }));
    const status = await within(item).findByText(/^Copying did not work this time/);
    expect(status.textContent).toMatch(/select the words above and copy them yourself/);
    expect(status.getAttribute('role')).toBe('status');
    expect(within(item).queryByText(/^Copied/)).toBeNull();
    await settled(main);
  });

  it('"Print…" opens the page that prints, with the agreement and its dates, hands it to the system and closes', async () => {
    const user = userEvent.setup();
    // The system's print window is the edge: jsdom has none, so a stand-in counts the calls.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { main, agreement, item } = await agreementsWith('Ask before giving advice.', 7);
    await user.click(within(item).getByRole('button', { name: 'Print…' }));
    const preview = await screen.findByRole('dialog', { name: 'Your agreement, ready to print' });
    const page = within(preview).getByRole('article', { name: 'The page that prints' });
    expect(page.className).toBe('print-page agreement-page');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('What we agreed to try next time');
    expect(within(page).getByText('“Ask before giving advice.”')).toBeTruthy();
    expect(within(page).getByText(`Made on ${formatDate(agreement.createdAtMs)}; we will come back to it on ${formatDate(agreement.remindAtMs!)}.`)).toBeTruthy();

    await user.click(within(preview).getByRole('button', { name: 'Print…' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(within(preview).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Your agreement, ready to print' })).toBeNull());
    await settled(main);
  });
});
