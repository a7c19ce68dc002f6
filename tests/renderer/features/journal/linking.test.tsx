import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt, openDetails, seedSession } from './journal-helpers.tsx';

afterEach(resetWindow);

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('pairing entries with sessions', () => {
  it('links a new entry to the session that just ended, and the entry shows its physiology', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const sessionId = await seedSession(main, 16 * MIN, 6 * MIN); // ended 10 minutes ago
    openAt('#/journal/new');
    renderApp(main);
    expect(await screen.findByText(/Linked to the session you just finished/)).toBeTruthy();
    expect(screen.getByText(/· After a session$/, { selector: '.journal-details-summary' })).toBeTruthy();
    await openDetails(user);
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('debrief');
    await user.type(screen.getByRole('textbox', { name: /What happened/ }), 'Calmer than I expected.');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    const linked = await screen.findByRole('heading', { name: 'Linked session' });
    const section = linked.closest('section') as HTMLElement;
    expect(await within(section).findByRole('img', { name: /Heart rate over the session, from about 100 to 63/ })).toBeTruthy();
    const { session } = await (await main.services.records.store()).getSession(sessionId);
    expect(within(section).getByText('Peak').nextElementSibling?.textContent).toBe(`${Math.round(session.summary!.peakHrBpm!)} bpm`);
    expect(within(section).getByText('Calming down took').nextElementSibling?.textContent).toMatch(/^\d+ (s|min)/);
    expect(within(section).getByText(/Long exhale: in 4 s, out 6 s/)).toBeTruthy();
    const store = await main.services.records.store();
    expect(store.listJournal()[0]?.sessionIds).toEqual([sessionId]);
  });

  it('does not auto-link when the last session ended long ago', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    await seedSession(main, 3 * HOUR);
    openAt('#/journal/new');
    renderApp(main);
    expect(await screen.findByText('Not linked to a session.')).toBeTruthy();
    await openDetails(user);
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('reflection');
  });

  it('lets the user undo the automatic link before saving', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    await seedSession(main, 20 * MIN, 10 * MIN);
    openAt('#/journal/new');
    renderApp(main);
    await screen.findByText(/Linked to the session you just finished/);
    await user.click(screen.getByRole('button', { name: 'Unlink' }));
    expect(screen.getByText('Not linked to a session.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /What happened/ }), 'Not about that session.');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await screen.findByRole('heading', { name: 'Session' });
    expect((await main.services.records.store()).listJournal()[0]?.sessionIds).toEqual([]);
  });

  it('suggests sessions within six hours of the entry’s moment, nearest first, and links the one picked', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    const far = await seedSession(main, 9 * HOUR, 5 * MIN);
    const near = await seedSession(main, 2 * HOUR, 5 * MIN, 'breathing');
    const nearer = await seedSession(main, 75 * MIN, 5 * MIN);
    const store = await main.services.records.store();
    const entry = await store.createJournal({ text: 'Thinking about this morning' });
    openAt(`#/journal/entry/${entry.id}`);
    renderApp(main);
    await user.click(await screen.findByRole('button', { name: 'Link a session' }));
    const picker = (await screen.findByRole('heading', { name: 'Sessions near this moment' })).closest('section') as HTMLElement;
    const rows = await within(picker).findAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Regulation check, .*\(1\.2 h before\)Link$/),
      expect.stringMatching(/^Breathing, .*\(1\.9 h before\)Link$/),
    ]);
    await user.click(within(rows[1]!).getByRole('button', { name: 'Link' }));
    await screen.findByRole('heading', { name: 'Linked session' });
    expect((await store.getJournal(entry.id)).sessionIds).toEqual([near]);
    expect([far, nearer]).not.toContain(near);
  });

  it('a session shows the entries written about it', async () => {
    const main = journalMain();
    const sessionId = await seedSession(main, HOUR);
    const store = await main.services.records.store();
    await store.createJournal({ text: 'First thoughts', title: 'Right after', sessionIds: [sessionId] });
    await store.createJournal({ text: 'Next morning', title: 'Sleeping on it', sessionIds: [sessionId] });
    await store.createJournal({ text: 'Unrelated', title: 'Other day' });
    openAt(`#/journal/session/${sessionId}`);
    renderApp(main);
    const heading = await screen.findByRole('heading', { name: 'Entries about this session' });
    const section = heading.closest('section') as HTMLElement;
    const links = await within(section).findAllByRole('link', { name: /Right after|Sleeping on it/ });
    expect(links).toHaveLength(2);
    expect(within(section).queryByText('Other day')).toBeNull();
    expect(within(section).getByRole('link', { name: 'Write about this session' }).getAttribute('href')).toBe(`#/journal/new?session=${sessionId}&kind=debrief`);
  });
});
