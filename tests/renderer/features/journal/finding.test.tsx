import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt, seedSession } from './journal-helpers.tsx';

afterEach(resetWindow);

const DAY = 24 * 3600 * 1000;

function rowTitles(): string[] {
  const list = screen.queryByRole('list', { name: /entr/ });
  if (!list) return [];
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.journal-row-title')?.textContent ?? '');
}

async function seeded() {
  const main = journalMain();
  const sessionId = await seedSession(main, 2 * DAY);
  const store = await main.services.records.store();
  const now = Date.now();
  await store.createJournal({ title: 'Money talk', text: 'We argued about the budget again.', tags: ['partner', 'money'], kind: 'reflection', createdAtMs: now - 3 * DAY });
  await store.createJournal({ title: 'After the check', text: 'My jaw was tight the whole time.', tags: ['partner'], kind: 'debrief', sessionIds: [sessionId], createdAtMs: now - 2 * DAY });
  await store.createJournal({ title: 'Saying sorry', text: 'I owned my part about the budget.', tags: [], kind: 'repair', createdAtMs: now - DAY });
  await store.createJournal({ title: 'Seen', text: 'My sister listened without fixing.', tags: ['family'], kind: 'prompt', promptId: 'seen-last-time', createdAtMs: now - 4 * DAY });
  openAt('#/journal');
  renderApp(main);
  await screen.findByText('4 entries, newest first.');
  return main;
}

describe('finding entries', () => {
  it('lists newest first, each row saying when, what kind, and whether it is linked', async () => {
    await seeded();
    expect(rowTitles()).toEqual(['Saying sorry', 'After the check', 'Money talk', 'Seen']);
    const list = screen.getByRole('list', { name: /entries/ });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[1]!.textContent).toMatch(/After a session · linked to a session · partner/);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('4');
  });

  it('filters by tag, kind and linked, together, and clears', async () => {
    const user = userEvent.setup();
    await seeded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'partner');
    expect(rowTitles()).toEqual(['After the check', 'Money talk']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Session' }), 'unlinked');
    expect(rowTitles()).toEqual(['Money talk']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'repair');
    expect(rowTitles()).toEqual([]);
    expect(screen.getByText('No entries match these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'prompt');
    expect(rowTitles()).toEqual(['Seen']);
    expect(screen.getByRole('combobox', { name: 'Tag' }).textContent).toMatch(/^Any tagpartner/); // "partner" offered first
  });

  it('searches the full text as you type, with filters applied to the results', async () => {
    const user = userEvent.setup();
    await seeded();
    const search = screen.getByRole('searchbox', { name: 'Search your journal' });
    await user.type(search, 'budget');
    await waitFor(() => expect(rowTitles().sort()).toEqual(['Money talk', 'Saying sorry']));
    expect(screen.getByText('2 entries found for “budget”.')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'repair');
    expect(rowTitles()).toEqual(['Saying sorry']);
    await user.clear(search);
    await user.type(search, 'zebra');
    await screen.findByText('Nothing found for “zebra”.');
    await user.clear(search);
    await waitFor(() => expect(rowTitles()).toEqual(['Saying sorry']));
  });

  it('brings back entries written on this day in earlier months and years', async () => {
    const main = journalMain();
    const store = await main.services.records.store();
    const yearAgo = new Date();
    yearAgo.setFullYear(yearAgo.getFullYear() - 1);
    yearAgo.setHours(12, 0, 0, 0);
    const other = new Date();
    other.setDate(other.getDate() - 3);
    await store.createJournal({ title: 'A year back', text: 'We were learning to pause.', createdAtMs: yearAgo.getTime() });
    await store.createJournal({ title: 'This week', text: 'Not a memory yet.', createdAtMs: other.getTime() });
    openAt('#/journal');
    renderApp(main);
    const heading = await screen.findByRole('heading', { name: 'On this day' });
    const section = heading.closest('section') as HTMLElement;
    expect(within(section).getAllByRole('link').map((a) => a.textContent)).toEqual(['a year ago A year back']);
  });

  it('says plainly when the journal is empty', async () => {
    openAt('#/journal');
    renderApp(journalMain());
    expect(await screen.findByText(/Nothing here yet\. Whatever you write stays on this computer\./)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'On this day' })).toBeNull();
  });
});
