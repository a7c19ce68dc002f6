import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { settingsHash, SETTINGS_SECTION_IDS, type SettingsSectionId } from '../../../../renderer/app/routes.ts';
import { READ_ONLY_WORDS } from '../../../../shared/content/store-messages.ts';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../../support/tmpfs.ts';
import { renderApp, resetWindow, settled } from '../../support/render-app.tsx';

// Settings in sections, against the real main-side services: the side list, each section's
// address (a reload keeps it, an unknown one opens the first), moving by keyboard, arriving
// from another screen, and nothing the one-page Settings offered left behind.

const mounts: Tmpfs[] = [];
afterEach(async () => {
  try {
    await resetWindow();
  } finally {
    for (const mount of mounts.splice(0)) mount.remove();
  }
});

/** The side list's order and words: also each section's heading. */
const SECTIONS: Array<[SettingsSectionId, string]> = [
  ['heart-rate', 'Heart rate'],
  ['reminders', 'Reminders'],
  ['breathing', 'Breathing'],
  ['appearance', 'Appearance'],
  ['shortcuts', 'Keyboard shortcuts'],
  ['data', 'Your data'],
  ['about', 'About Attune'],
];

function sectionList() {
  return within(screen.getByRole('navigation', { name: 'Settings sections' }));
}

function openSection() {
  return screen.getByRole('heading', { level: 2 });
}

async function open(hash: string, screenTitle = 'Settings') {
  window.location.hash = hash;
  const rendered = renderApp();
  await screen.findByRole('heading', { level: 1, name: screenTitle });
  return rendered;
}

describe('settings in sections', () => {
  it('lists the sections in order, opens the first at #/settings, and shows one section at a time', async () => {
    await open('#/settings');
    const links = sectionList().getAllByRole('link');
    expect(links.map((link) => [link.getAttribute('href'), link.textContent])).toEqual(
      SECTIONS.map(([id, title]) => [`#/settings/${id}`, title]),
    );
    expect(links.filter((link) => link.getAttribute('aria-current') === 'page').map((link) => link.textContent)).toEqual(['Heart rate']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Heart rate']);
    expect(await screen.findByLabelText('Flooded at or above (bpm)')).toBeTruthy();
    expect(screen.queryByLabelText('Theme')).toBeNull();
    expect(screen.queryByRole('button', { name: /Export everything/ })).toBeNull();
  });

  it('gives every section a heading that matches its name in the list, and a region named by it', async () => {
    const user = userEvent.setup();
    const { main } = await open('#/settings');
    for (const [, title] of SECTIONS) {
      await user.click(sectionList().getByRole('link', { name: title }));
      expect(openSection().textContent).toBe(title);
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
      expect(sectionList().getByRole('link', { name: title }).getAttribute('aria-current')).toBe('page');
    }
    await settled(main);
  });

  it('opens the section named in the address, and a reload keeps it', async () => {
    const first = await open('#/settings/data');
    expect(openSection().textContent).toBe('Your data');
    expect(screen.getByRole('button', { name: /Export everything/ })).toBeTruthy();
    expect(sectionList().getByRole('link', { name: 'Your data' }).getAttribute('aria-current')).toBe('page');
    await settled(first.main);

    // A reload: the window is drawn afresh from the same address.
    first.unmount();
    const again = renderApp();
    expect(await screen.findByRole('heading', { level: 2, name: 'Your data' })).toBeTruthy();
    expect(window.location.hash).toBe('#/settings/data');
    await settled(again.main);
  });

  it('says "saved" in the section where the change was made, and not in the next one', async () => {
    const user = userEvent.setup();
    const { main } = await open('#/settings/appearance');
    await user.selectOptions(await screen.findByLabelText('Theme'), 'dark');
    const status = () => document.querySelector('.save-status')?.textContent;
    await waitFor(() => expect(status()).toBe('Theme: saved'));
    await user.click(sectionList().getByRole('link', { name: 'Breathing' }));
    expect(status()).toBe('');
    expect(main.services.settings.get().appearance.theme).toBe('dark');
  });

  it('opens the first section when the address names one Attune does not know', async () => {
    await open('#/settings/telemetry');
    expect(openSection().textContent).toBe('Heart rate');
    expect(sectionList().getByRole('link', { name: 'Heart rate' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByLabelText('Flooded at or above (bpm)')).toBeTruthy();
  });

  it('moves between sections by keyboard: Tab to a section, Enter opens it, focus goes to its heading', async () => {
    const user = userEvent.setup();
    await open('#/settings');
    await screen.findByLabelText('Flooded at or above (bpm)');
    const reminders = sectionList().getByRole('link', { name: 'Reminders' });
    // From the top of the page, as a keyboard user starts.
    (document.activeElement as HTMLElement | null)?.blur();
    let presses = 0;
    while (document.activeElement !== reminders && presses < 40) {
      await user.tab();
      presses += 1;
    }
    expect(document.activeElement).toBe(reminders);

    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Reminders' });
    expect(document.activeElement).toBe(heading);
    expect(window.location.hash).toBe('#/settings/reminders');
    expect(await screen.findByLabelText('Check-ins')).toBeTruthy();
    expect(screen.queryByLabelText('Flooded at or above (bpm)')).toBeNull();

    // The next Tab goes on into the section just opened.
    await user.tab();
    expect(heading.closest('section')?.contains(document.activeElement)).toBe(true);

    // Enter on the open section's own link goes to its heading too.
    sectionList().getByRole('link', { name: 'Reminders' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(heading);
  });

  it('opens a section linked from another screen, with focus on that section', async () => {
    const { main } = await open('#/check', 'Check');
    act(() => {
      window.location.hash = settingsHash('reminders');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Reminders' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    await settled(main);
  });

  it('keeps the page heading as the focus when Settings is opened from the main navigation', async () => {
    const user = userEvent.setup();
    await open('#/check', 'Check');
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Settings' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Settings' }));
    expect(openSection().textContent).toBe('Heart rate');
  });
});

describe.skipIf(tmpfsUnavailable !== null)('links into Settings from other screens', () => {
  it('the read-only banner links to Your data, where export still works', async () => {
    const user = userEvent.setup();
    const mount = mountTmpfs(512);
    mounts.push(mount);
    mount.readOnly();
    const main = createInProcessApi({ dataDir: mount.path });
    window.location.hash = '#/journal';
    renderApp(main);
    const banner = await screen.findByRole('region', { name: READ_ONLY_WORDS.bannerTitle });
    const link = within(banner).getByRole('link', { name: READ_ONLY_WORDS.exportLink });
    expect(link.getAttribute('href')).toBe('#/settings/data');

    await user.click(link);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Your data' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(window.location.hash).toBe('#/settings/data');
    expect(screen.getByRole('button', { name: /Export everything/ })).toBeTruthy();
    await settled(main);
  });
});

// Every control the one-page Settings offered (with the default settings: check-ins, the
// journal prompt and the weekly look back on, quiet hours on), read from that page before it
// was split. Fields are found by their label, buttons by their name.
const ONE_PAGE_FIELDS = [
  'Theme',
  'Motion',
  'Text size',
  'Flooded at or above (bpm)',
  'Flooded above your resting rate (%)',
  'Calm within (bpm above resting)',
  'Lasting at least (seconds)',
  'Most corrected beats for a verdict (%)',
  'Breathing rhythm',
  'Sound cues',
  'A soft sound with the cue',
  'Check-ins',
  'Check-ins a day',
  'Check-in phrases',
  'Daily journal prompt',
  'Journal prompt at',
  'Weekly look back at the signs of progress',
  'On',
  'At',
  'Tell me when a break is over',
  'Bring back repair agreements on their date',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'From',
  'Until',
  'Quiet hours',
  'Quiet from',
  'Quiet until',
  "Respect the system's do-not-disturb",
  'Start Attune with my computer',
];
const ONE_PAGE_BUTTONS = [
  'Hear the sound',
  'Pause for 1 hour',
  'Pause until tomorrow morning',
  'Add more hours',
  'Export everything…',
  'Import an export…',
  'Import a recording…',
  'Delete everything…',
  'Show log file',
];
// And what it told the user, beyond its controls.
const ONE_PAGE_TEXTS = [
  /rules of thumb, not diagnostic thresholds/,
  /Attune sends a quiet notification with neutral words/,
  /Small nudges from the tray/,
  /^Next: |^No reminders are coming up/,
  /^In the last seven days:/,
  /^Files set aside$/,
  /^Attune holds 0 sessions/,
  /Exports are plain files/,
  /^Open Settings$/,
  /not a medical device/,
  /^Your data is stored in$/,
  /^Log file$/,
];

describe('nothing from the one-page Settings is lost', () => {
  it('finds every control and every piece of information in exactly one section', async () => {
    const user = userEvent.setup();
    const { main } = await open('#/settings');
    const foundIn = new Map<string, SettingsSectionId[]>();
    const note = (what: string, section: SettingsSectionId) => foundIn.set(what, [...(foundIn.get(what) ?? []), section]);

    for (const id of SETTINGS_SECTION_IDS) {
      await user.click(sectionList().getByRole('link', { name: SECTIONS.find(([section]) => section === id)![1] }));
      // What arrives last from main in each section that asks for more than the settings.
      if (id === 'reminders') await screen.findByText(/^In the last seven days:/);
      if (id === 'data') await screen.findByText('Files set aside');
      if (id === 'about') await screen.findByText('Log file');
      await settled(main);
      const region = within(openSection().closest('section')!);
      for (const label of ONE_PAGE_FIELDS) if (region.queryAllByLabelText(label).length > 0) note(`field ${label}`, id);
      for (const name of ONE_PAGE_BUTTONS) if (region.queryAllByRole('button', { name }).length > 0) note(`button ${name}`, id);
      for (const text of ONE_PAGE_TEXTS) {
        if (region.queryAllByText((_, element) => text.test(element?.textContent ?? '') && element?.children.length === 0).length > 0)
          note(`text ${text.source}`, id);
      }
    }

    const expected = [
      ...ONE_PAGE_FIELDS.map((label) => `field ${label}`),
      ...ONE_PAGE_BUTTONS.map((name) => `button ${name}`),
      ...ONE_PAGE_TEXTS.map((text) => `text ${text.source}`),
    ];
    expect(expected.filter((what) => !foundIn.has(what))).toEqual([]);
    expect([...foundIn].filter(([, sections]) => sections.length > 1)).toEqual([]);
    // And each where a person would look for it.
    expect(foundIn.get('field Theme')).toEqual(['appearance']);
    expect(foundIn.get('field A soft sound with the cue')).toEqual(['heart-rate']);
    expect(foundIn.get('field Start Attune with my computer')).toEqual(['reminders']);
    expect(foundIn.get('button Delete everything…')).toEqual(['data']);
  });
});
