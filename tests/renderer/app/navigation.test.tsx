import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, resetWindow } from '../support/render-app.tsx';

afterEach(resetWindow);

const AREAS = ['Check', 'Breathe', 'Journal', 'Trends', 'Settings', 'Device'] as const;

function nav() {
  return within(screen.getByRole('navigation', { name: 'Main' }));
}

describe('navigation', () => {
  it('offers the six areas by name and opens on Check', async () => {
    renderApp();
    const links = nav().getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([...AREAS]);
    expect(screen.getByRole('heading', { level: 1, name: 'Check' })).toBeTruthy();
    expect(nav().getByRole('link', { name: 'Check' }).getAttribute('aria-current')).toBe('page');
    expect(nav().getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page')).toHaveLength(1);
  });

  it('moves to an area on click, marks it current, keeps it in the address and focuses its heading', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(nav().getByRole('link', { name: 'Settings' }));

    const heading = screen.getByRole('heading', { level: 1, name: 'Settings' });
    expect(document.activeElement).toBe(heading);
    expect(window.location.hash).toBe('#/settings');
    expect(nav().getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(nav().getByRole('link', { name: 'Check' }).getAttribute('aria-current')).toBeNull();
  });

  it('opens each area with Ctrl+1 … Ctrl+6 and says so in the tooltip', async () => {
    const user = userEvent.setup();
    renderApp();
    for (const [index, area] of AREAS.entries()) {
      await user.keyboard(`{Control>}${index + 1}{/Control}`);
      // Trends loads lazily (it carries the chart library): wait for it.
      expect(await screen.findByRole('heading', { level: 1, name: area }, { timeout: 10_000 })).toBeTruthy();
      const link = nav().getByRole('link', { name: area });
      expect(link.getAttribute('aria-current')).toBe('page');
      expect(link.getAttribute('title')).toMatch(new RegExp(`${area} \\((Ctrl\\+|⌘)${index + 1}\\)`));
    }
  });

  it('opens the breathing guide with Ctrl+Shift+B and the Check screen with Ctrl+Shift+S; Settings lists every shortcut', async () => {
    const user = userEvent.setup();
    renderApp();
    window.location.hash = '#/journal';
    await screen.findByRole('heading', { level: 1, name: 'Journal' });
    await user.keyboard('{Control>}{Shift>}B{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Breathe' })).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Check' })).toBeTruthy();
    // No resting rate yet: the start waits for setup, and the hint leaves the address.
    await screen.findByText('Welcome to Attune');
    await waitFor(() => expect(window.location.hash).toBe('#/check'));

    await user.keyboard('{Control>}5{/Control}');
    await user.click(await screen.findByRole('link', { name: 'Keyboard shortcuts' }));
    const list = await screen.findByTestId('shortcut-list');
    const rows = within(list)
      .getAllByRole('term')
      .map((term) => `${term.textContent} = ${term.nextElementSibling?.textContent}`);
    expect(rows).toEqual([
      'Start a check = Ctrl+Shift+S',
      'Breathe with the guide = Ctrl+Shift+B',
      'I need a break (during a conversation) = Ctrl+B',
      ...AREAS.map((area, index) => `Open ${area} = Ctrl+${index + 1}`),
    ]);
  });

  it('reopens where the user was after a reload', () => {
    window.location.hash = '#/journal';
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Journal' })).toBeTruthy();
    expect(nav().getByRole('link', { name: 'Journal' }).getAttribute('aria-current')).toBe('page');
  });

  it('follows the address when it changes from outside (back and forward)', async () => {
    renderApp();
    await act(async () => {
      window.location.hash = '#/device';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Device' })).toBeTruthy();
  });

  it('falls back to Check for an address it does not know', () => {
    window.location.hash = '#/nowhere';
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Check' })).toBeTruthy();
  });

  it('can be used from the keyboard alone: Tab reaches the areas, Enter opens one', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Skip to main content' }));
    await user.tab();
    expect(document.activeElement).toBe(nav().getByRole('link', { name: 'Check' }));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(nav().getByRole('link', { name: 'Journal' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Journal' })).toBeTruthy();
  });

  it('has a skip link that moves focus to the main content', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(window.location.hash).toBe('');
  });

  it('marks the first render of the shell for the start-up benchmark, once', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(nav().getByRole('link', { name: 'Trends' }));
    expect(performance.getEntriesByName('attune-shell-rendered', 'mark')).toHaveLength(1);
  });
});

// The empty-state test that stood here retired once every area had content; each area's own
// tests (tests/renderer/check/, journal/, trends/, device.test.tsx) cover what it shows when empty.
