import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt, openDetails } from './journal-helpers.tsx';

afterEach(resetWindow);

const pad = (n: number) => String(n).padStart(2, '0');
function localInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function newEntry() {
  openAt('#/journal/new');
  const main = journalMain();
  renderApp(main);
  await screen.findByRole('heading', { name: 'New entry' });
  return main;
}

describe('writing an entry', () => {
  it('will not save an empty entry or one dated in the future, and says why', async () => {
    const user = userEvent.setup();
    const main = await newEntry();
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    const text = screen.getByRole('textbox', { name: /What happened/ });
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Write a few words, or pick how it felt, before saving.')).toBeTruthy();
    expect(document.activeElement).toBe(text);

    await user.type(text, 'We talked about the holidays.');
    await openDetails(user);
    const when = screen.getByLabelText('When it happened');
    await user.clear(when);
    await user.type(when, localInput(new Date(Date.now() + 3 * 24 * 3600_000)));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByText(/That moment is still to come/)).toBeTruthy();
    expect(document.activeElement).toBe(when);
    expect((await main.services.records.store()).listJournal()).toEqual([]);
  });

  it('saves only a feeling, without words', async () => {
    const user = userEvent.setup();
    const main = await newEntry();
    await user.click(screen.getByRole('radio', { name: /Hard$/ }));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await screen.findByText(/Hard \(2 of 7\)/);
    const [saved] = (await main.services.records.store()).listJournal();
    expect(saved?.kind).toBe('reflection');
  });

  it('saves words with structure, back-dated, and shows them on the entry', async () => {
    const user = userEvent.setup();
    const main = await newEntry();
    await user.type(screen.getByRole('textbox', { name: /What happened/ }), 'The talk about *money* went sideways.\n\n- I interrupted\n- she went quiet');
    await openDetails(user);
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Money talk');
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    yesterday.setHours(21, 30, 0, 0);
    const when = screen.getByLabelText('When it happened');
    await user.clear(when);
    await user.type(when, localInput(yesterday));
    await user.click(screen.getByRole('radio', { name: /A bit hard/ }));
    const tense = screen.getByRole('button', { name: 'tense' });
    expect(tense.getAttribute('aria-pressed')).toBe('false');
    await user.click(tense);
    expect(tense.getAttribute('aria-pressed')).toBe('true');
    // Its one-line meaning: read as the button's description, and shown beside the grid.
    expect(document.getElementById(tense.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Braced, tight, waiting for the next thing.');
    expect(screen.getByText('Braced, tight, waiting for the next thing.', { selector: '.emotion-definition' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '+ partner' }));
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'money{Enter}');
    await user.click(screen.getByRole('checkbox', { name: 'Going quiet all of a sudden' }));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'Money talk' });
    const article = heading.closest('article') as HTMLElement;
    expect(within(article).getByText('money', { selector: 'em' })).toBeTruthy();
    expect(within(article).getAllByRole('listitem').map((li) => li.textContent)).toContain('I interrupted');
    expect(within(article).getByText(/A bit hard \(3 of 7\)/)).toBeTruthy();
    expect(within(article).getByText('Going quiet all of a sudden')).toBeTruthy();

    const store = await main.services.records.store();
    const [item] = store.listJournal();
    const entry = await store.getJournal(item!.id);
    expect(entry).toMatchObject({ title: 'Money talk', tags: ['partner', 'money'], pleasantness: 3, emotions: ['tense'], cues: ['partner-went-quiet'], createdAtMs: yesterday.getTime() });
  });

  it('edits an entry, keeping what was not changed', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const store = await main.services.records.store();
    const entry = await store.createJournal({ text: 'First draft', tags: ['partner'], kind: 'reflection', pleasantness: 5 });
    openAt(`#/journal/entry/${entry.id}`);
    renderApp(main);
    await user.click(await screen.findByRole('link', { name: 'Edit' }));
    const text = await screen.findByRole('textbox', { name: /What happened/ });
    await user.clear(text);
    await user.type(text, 'Second thoughts');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Second thoughts', { selector: '.formatted-text p' });
    expect(await store.getJournal(entry.id)).toMatchObject({ text: 'Second thoughts', tags: ['partner'], pleasantness: 5, revision: 2 });
  });

  it('deletes to the trash with an undo that brings the entry back', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const store = await main.services.records.store();
    const keep = await store.createJournal({ text: 'Keep this one', title: 'Keeper' });
    const gone = await store.createJournal({ text: 'Maybe not', title: 'Second thoughts' });
    openAt(`#/journal/entry/${gone.id}`);
    renderApp(main);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByText(/“Second thoughts” was moved to the trash/);
    await waitFor(() => expect(screen.queryByRole('link', { name: /Second thoughts/ })).toBeNull());
    expect(screen.getByRole('link', { name: /Keeper/ })).toBeTruthy();
    expect(store.listJournal({ trashed: true }).map((e) => e.id)).toEqual([gone.id]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('link', { name: /Second thoughts/ });
    expect(store.listJournal().map((e) => e.id).sort()).toEqual([keep.id, gone.id].sort());
  });

  it('shows HTML and script typed into an entry as plain text', async () => {
    const main = journalMain();
    const store = await main.services.records.store();
    const entry = await store.createJournal({ text: '<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2"> **<b>really</b>**' });
    openAt(`#/journal/entry/${entry.id}`);
    renderApp(main);
    const shown = await screen.findByText(/<script>window.__pwned = 1<\/script>/);
    const article = shown.closest('article') as HTMLElement;
    expect(article.querySelector('script, img, b')).toBeNull();
    expect(within(article).getByText('<b>really</b>', { selector: 'strong' })).toBeTruthy();
    await act(async () => {});
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
