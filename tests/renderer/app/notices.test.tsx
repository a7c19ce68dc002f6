import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInProcessApi } from '../../support/in-process-api.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { renderApp, resetWindow, settled } from '../support/render-app.tsx';

const folders: { cleanup: () => void }[] = [];
afterEach(async () => {
  await resetWindow();
  for (const folder of folders.splice(0)) folder.cleanup();
});

function apiWithBrokenSettingsFile() {
  const folder = makeTempDir('attune-notice-');
  folders.push(folder);
  writeFileSync(join(folder.path, 'settings.json'), '{ this is not json');
  return createInProcessApi({ dataDir: folder.path });
}

describe('notices', () => {
  it('tells the user once that their settings file was reset, in a banner they can dismiss', async () => {
    const user = userEvent.setup();
    const main = apiWithBrokenSettingsFile();
    renderApp(main);

    const banner = await screen.findByRole('status');
    expect(banner.textContent).toMatch(/settings file could not be used/);
    expect(banner.textContent).toMatch(/unreadable/); // names the backup copy
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText(/settings file could not be used/)).toBeNull();

    // Opening the window again (a reload; main keeps running) does not repeat it.
    cleanup();
    renderApp(main);
    await screen.findByRole('heading', { level: 1, name: 'Check' });
    await settled(main);
    expect(screen.queryByText(/settings file could not be used/)).toBeNull();
  });

  it('shows no banner when there is nothing to say', async () => {
    const { main } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Check' });
    await settled(main);
    expect(screen.queryByRole('button', { name: 'Dismiss notice' })).toBeNull();
  });

});
