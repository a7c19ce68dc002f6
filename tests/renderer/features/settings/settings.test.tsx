import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { settingsHash, type SettingsSectionId } from '../../../../renderer/app/routes.ts';
import { readSettingsFile, renderApp, resetWindow } from '../../support/render-app.tsx';

afterEach(resetWindow);

/** Opens one section of Settings from its address, once `ready` shows (settings have arrived from main). */
async function openSettings(section: SettingsSectionId, ready: string) {
  window.location.hash = settingsHash(section);
  const rendered = renderApp();
  await screen.findByText(ready);
  return rendered;
}

function status() {
  return screen.getByText((_, element) => element?.classList.contains('save-status') ?? false);
}

describe('settings screen', () => {
  it('shows the values main holds', async () => {
    const user = userEvent.setup();
    await openSettings('heart-rate', 'Flooded at or above (bpm)');
    expect((screen.getByLabelText('Flooded at or above (bpm)') as HTMLInputElement).value).toBe('100');
    expect(screen.getByText(/rules of thumb, not diagnostic thresholds/)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Breathing' }));
    expect((screen.getByLabelText('Sound cues') as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Appearance' }));
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('system');
  });

  it('saves the theme as soon as it is chosen, to the store and the file, and the window follows', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('appearance', 'Theme');
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');

    await waitFor(() => expect(status().textContent).toBe('Theme: saved'));
    expect(main.services.settings.get().appearance.theme).toBe('dark');
    expect(readSettingsFile(main)['appearance']?.['theme']).toBe('dark');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'));

    await user.selectOptions(screen.getByLabelText('Theme'), 'light');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('light'));
  });

  it('applies reduced motion and large text to the window', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('appearance', 'Theme');
    await user.selectOptions(screen.getByLabelText('Motion'), 'reduce');
    await user.selectOptions(screen.getByLabelText('Text size'), 'large');
    await waitFor(() => expect(document.documentElement.dataset['textSize']).toBe('large'));
    expect(document.documentElement.dataset['motion']).toBe('reduce');
    expect(main.services.settings.get().appearance).toEqual({ theme: 'system', motion: 'reduce', textSize: 'large' });
  });

  it('saves a threshold when the user leaves the field, not while typing', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('heart-rate', 'Flooded at or above (bpm)');
    const field = screen.getByLabelText('Flooded at or above (bpm)') as HTMLInputElement;
    await user.clear(field);
    await user.type(field, '120');
    expect(main.services.settings.get().physiology.floodedMinBpm).toBe(100); // nothing sent yet
    await user.tab();

    await waitFor(() => expect(main.services.settings.get().physiology.floodedMinBpm).toBe(120));
    expect(readSettingsFile(main)['physiology']?.['floodedMinBpm']).toBe(120);
    expect(field.value).toBe('120');
    expect(status().textContent).toBe('Flooded at or above (bpm): saved');
  });

  it('saves a threshold on Enter', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('heart-rate', 'Flooded at or above (bpm)');
    const field = screen.getByLabelText('Lasting at least (seconds)');
    await user.clear(field);
    await user.type(field, '45{Enter}');
    await waitFor(() => expect(main.services.settings.get().physiology.sustainSec).toBe(45));
  });

  it('shows why main refused a value and puts the control back', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('heart-rate', 'Flooded at or above (bpm)');
    const field = screen.getByLabelText('Flooded at or above (bpm)') as HTMLInputElement;
    await user.clear(field);
    await user.type(field, '250');
    await user.tab();

    await waitFor(() => expect(field.value).toBe('100'));
    const error = await screen.findByText(/Not saved, so it is back to what it was/);
    expect(error.textContent).toMatch(/floodedMinBpm/);
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(status().textContent).toMatch(/^Flooded at or above \(bpm\): not saved/);
    expect(main.services.settings.get().physiology.floodedMinBpm).toBe(100);
    // Nothing was accepted yet, so nothing was written (settings are written only on a change).
    expect(existsSync(main.services.settings.path)).toBe(false);

    // A good value afterwards clears the message and is saved.
    await user.clear(field);
    await user.type(field, '110{Enter}');
    await waitFor(() => expect(main.services.settings.get().physiology.floodedMinBpm).toBe(110));
    expect(screen.queryByText(/Not saved, so it is back to what it was/)).toBeNull();
    expect(readSettingsFile(main)['physiology']?.['floodedMinBpm']).toBe(110);
  });

  it('offers each threshold with its range from the schema', async () => {
    await openSettings('heart-rate', 'Flooded at or above (bpm)');
    const expected: [string, string, string][] = [
      ['Flooded at or above (bpm)', '70', '200'],
      ['Flooded above your resting rate (%)', '0', '50'],
      ['Calm within (bpm above resting)', '0', '30'],
      ['Lasting at least (seconds)', '10', '120'],
      ['Most corrected beats for a verdict (%)', '1', '20'],
    ];
    for (const [label, min, max] of expected) {
      const input = screen.getByLabelText(label);
      expect([input.getAttribute('min'), input.getAttribute('max')]).toEqual([min, max]);
      const hintId = input.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
      expect(document.getElementById(hintId)?.textContent).toContain(`From ${min} to ${max}.`);
    }
  });

  it('saves the breathing rhythm and sound cues', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('breathing', 'Breathing rhythm');
    await user.selectOptions(screen.getByLabelText('Breathing rhythm'), 'box-4-4-4-4');
    await user.click(screen.getByLabelText('Sound cues'));
    await waitFor(() => expect(main.services.settings.get().breathing).toEqual({ preset: 'box-4-4-4-4', soundCues: true }));
    expect((screen.getByLabelText('Sound cues') as HTMLInputElement).checked).toBe(true);
    expect(readSettingsFile(main)['breathing']).toEqual({ preset: 'box-4-4-4-4', soundCues: true });
  });

  it('the flooding cue\'s soft sound is off until chosen, and saved when it is', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('heart-rate', 'Flooded at or above (bpm)');
    const toggle = screen.getByLabelText('A soft sound with the cue') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await user.click(toggle);
    await waitFor(() => expect(main.services.settings.get().conversation).toEqual({ floodCueSound: true }));
    expect(readSettingsFile(main)['conversation']).toEqual({ floodCueSound: true });
  });

  it('shows a change made elsewhere (settings.changed)', async () => {
    const { main } = await openSettings('appearance', 'Theme');
    await act(async () => {
      await main.api.invoke('settings.update', { appearance: { theme: 'dark' } });
    });
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('dark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
  });

  it('keeps the theme chosen earlier when the app opens on another screen', async () => {
    const folder = makeTempDir('attune-theme-');
    try {
      const first = createInProcessApi({ dataDir: folder.path });
      await first.api.invoke('settings.update', { appearance: { theme: 'light', motion: 'system', textSize: 'standard' } });
      window.location.hash = '#/journal';
      renderApp(createInProcessApi({ dataDir: folder.path }));
      await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('light'));
    } finally {
      await resetWindow();
      folder.cleanup();
    }
  });
});

describe('about Attune', () => {
  it('says where data and the log live, and that Attune is not a medical device', async () => {
    const { main } = await openSettings('about', 'Show log file');
    const about = within(screen.getByRole('region', { name: 'About Attune' }));
    expect(await about.findByText(main.dataDir)).toBeTruthy();
    expect(about.getByText(main.services.log.path)).toBeTruthy();
    expect(about.getByText('0.0.0-test')).toBeTruthy();
    expect(about.getByText(/not a medical device/)).toBeTruthy();
    expect(about.getByText(/stays on this computer/)).toBeTruthy();
  });

  it('reveals the log file in the file manager', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings('about', 'Show log file');
    await user.click(screen.getByRole('button', { name: 'Show log file' }));
    await waitFor(() => expect(main.revealed).toEqual([main.services.log.path]));
  });
});
