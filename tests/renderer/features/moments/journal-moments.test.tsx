import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt } from '../journal/journal-helpers.tsx';

// From the journal: "Note a small moment" opens the note card, one tap notes it, and the
// journal lists it as a small moment titled with what it was.

afterEach(resetWindow);

describe('small moments from the journal', () => {
  it('notes a moment from the journal and lists it there', async () => {
    const user = userEvent.setup();
    const main = journalMain();
    openAt('#/journal');
    renderApp(main);
    await screen.findByRole('heading', { name: 'A quick note' });
    await user.click(screen.getByRole('link', { name: 'Note a small moment' }));
    await screen.findByRole('heading', { name: 'Note a small moment' });
    await user.click(screen.getByRole('button', { name: 'A warm look or touch' }));
    await screen.findByText('Noted: A warm look or touch. It is in your journal now.');

    openAt('#/journal');
    const row = (await screen.findByText('A warm look or touch')).closest('li')!;
    expect(within(row).getByText(/Small moment/)).toBeTruthy();
  });
});
