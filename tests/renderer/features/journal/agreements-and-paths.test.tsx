import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { journalHash, parseJournalPath, type JournalPath } from '../../../../renderer/features/journal/journal-path.ts';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt } from './journal-helpers.tsx';

afterEach(resetWindow);

describe('places in the journal', () => {
  it('reads and writes every place, and the hashes the tray’s reminders open', () => {
    const places: JournalPath[] = [
      { view: 'list' },
      { view: 'new', promptId: 'micro-this-week', sessionId: 'SESSION123', kind: 'debrief' },
      { view: 'entry', id: 'ENTRY12345' },
      { view: 'edit', id: 'ENTRY12345' },
      { view: 'repair' },
      { view: 'prompts' },
      { view: 'session', id: 'SESSION123' },
      { view: 'agreements', id: null },
      { view: 'agreements', id: 'AGREE12345' },
    ];
    for (const place of places) expect(parseJournalPath(journalHash(place))).toEqual(place);
    expect(parseJournalPath('#/journal?new')).toEqual({ view: 'new', promptId: null, sessionId: null, kind: null });
    expect(parseJournalPath('#/journal?agreements')).toEqual({ view: 'agreements', id: null });
    expect(parseJournalPath('#/journal?agreement=AGREE12345')).toEqual({ view: 'agreements', id: 'AGREE12345' });
    expect(parseJournalPath('#/journal/entry/..%2F..%2Fetc')).toEqual({ view: 'list' });
    expect(parseJournalPath('#/journal/nowhere')).toEqual({ view: 'list' });
  });
});

describe('agreements', () => {
  it('opens the one a reminder points at, and keeps, revives or puts away agreements', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const store = await main.services.records.store();
    const entry = await store.createJournal({ text: 'Repair', kind: 'repair' });
    const first = await store.saveAgreement({ text: 'Say “pause” when I start fixing.', journalEntryId: entry.id, remindAtMs: Date.now() + 86_400_000 });
    await store.saveAgreement({ text: 'Ask before giving advice.' });
    openAt(`#/journal?agreement=${first.id}`);
    renderApp(main);
    const heading = await screen.findByRole('heading', { name: 'Agreements for next time' });
    const item = (await screen.findByText('“Say “pause” when I start fixing.”')).closest('li') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(item));
    expect(within(item).getByText(/come back to it on/)).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'Open the repair' }).getAttribute('href')).toBe(`#/journal/entry/${entry.id}`);

    await user.click(within(item).getByRole('button', { name: 'We kept it' }));
    await waitFor(() => expect(within(item).getByText(/You kept this/)).toBeTruthy());
    expect((store.listAgreements().find((a) => a.id === first.id))?.status).toBe('kept');

    const other = screen.getByText('“Ask before giving advice.”').closest('li') as HTMLElement;
    await user.click(within(other).getByRole('button', { name: 'Put away' }));
    await waitFor(() => expect(screen.queryByText('“Ask before giving advice.”')).toBeNull());
    expect(heading).toBeTruthy();
  });

  it('a journal reminder opens a new entry', async () => {
    openAt('#/journal?new');
    renderApp(journalMain());
    expect(await screen.findByRole('heading', { name: 'New entry' })).toBeTruthy();
  });
});
