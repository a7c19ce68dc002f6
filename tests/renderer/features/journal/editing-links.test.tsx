import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt, seedSession } from './journal-helpers.tsx';

// Editing an entry changes what was written and keeps what it is linked to: the sessions it
// is about stay linked (main's journal.update, through the real services), and the entry
// and its session still point at each other afterwards.

afterEach(resetWindow);

const HOUR = 3600_000;

describe('editing an entry linked to sessions', () => {
  it('keeps every link to its sessions after the words and the feeling change', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const first = await seedSession(main, 3 * HOUR);
    const second = await seedSession(main, 2 * HOUR, 5 * 60_000, 'breathing');
    const store = await main.services.records.store();
    const entry = await store.createJournal({ text: 'Before the edit', kind: 'debrief', sessionIds: [first] });
    await store.linkJournal(entry.id, second);
    openAt(`#/journal/entry/${entry.id}/edit`);
    renderApp(main);

    const text = await screen.findByRole('textbox', { name: /What happened/ });
    await user.clear(text);
    await user.type(text, 'After the edit');
    await user.click(screen.getByRole('radio', { name: /Good$/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const heading = await screen.findByRole('heading', { name: 'Linked sessions' });
    expect(within(heading.closest('section') as HTMLElement).getAllByRole('button', { name: 'Unlink this session' })).toHaveLength(2);
    const saved = await store.getJournal(entry.id);
    expect(saved).toMatchObject({ text: 'After the edit', pleasantness: 6, sessionIds: [first, second], revision: 3 });
    expect(store.listSessions(0, Date.now() + HOUR).map((s) => s.journalEntryIds)).toEqual([[entry.id], [entry.id]]);
  });
});
