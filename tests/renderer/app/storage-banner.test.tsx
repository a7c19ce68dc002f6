import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInProcessApi } from '../../support/in-process-api.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../support/tmpfs.ts';
import { renderApp, resetWindow, settled } from '../support/render-app.tsx';

// The read-only banner against the real main-side services on a real disk that refuses
// writes (a small tmpfs remounted read-only, or filled to the last byte).

const mounts: Tmpfs[] = [];
afterEach(async () => {
  try {
    await resetWindow();
  } finally {
    for (const mount of mounts.splice(0)) mount.remove();
  }
});

function disk(): Tmpfs {
  const mount = mountTmpfs(512);
  mounts.push(mount);
  return mount;
}

describe.skipIf(tmpfsUnavailable !== null)('the read-only banner', () => {
  it('says the data folder cannot be written, what to do and that export works; Try again clears it once the disk is writable', async () => {
    const user = userEvent.setup();
    const mount = disk();
    mount.readOnly();
    const main = createInProcessApi({ dataDir: mount.path });
    renderApp(main);

    const banner = await screen.findByRole('region', { name: 'Attune can only read your data right now' });
    expect(banner.textContent).toMatch(/data folder cannot be written to/);
    expect(banner.textContent).toMatch(/Check the disk and the permissions of the data folder, then press Try again/);
    expect(banner.textContent).toMatch(/Export still works/);
    expect(banner.textContent).toMatch(/Everything saved before is safe/);

    // Still read-only: the banner stays and says so.
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(await within(banner).findByText('Attune still cannot save. Nothing was lost.')).toBeTruthy();

    mount.writable();
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Attune can only read your data right now' })).toBeNull());
    await settled(main);
  });

  it('names a full disk and asks for space', async () => {
    const mount = disk();
    mount.fill();
    const main = createInProcessApi({ dataDir: mount.path });
    renderApp(main);
    const banner = await screen.findByRole('region', { name: 'Attune can only read your data right now' });
    expect(banner.textContent).toMatch(/The disk is full/);
    expect(banner.textContent).toMatch(/Free some space on the disk, then press Try again/);
    await settled(main);
  });

  it('comes as soon as a save is refused because the disk filled while Attune ran, and goes once there is space again', async () => {
    const user = userEvent.setup();
    const mount = disk();
    const main = createInProcessApi({ dataDir: mount.path });
    renderApp(main);
    await screen.findByRole('heading', { level: 1, name: 'Check' });
    expect(await main.api.invoke('journal.create', { text: 'Before the disk filled.' })).toMatchObject({ ok: true });
    expect(screen.queryByRole('region', { name: 'Attune can only read your data right now' })).toBeNull();

    mount.fill();
    expect(await main.api.invoke('journal.create', { text: 'After it filled.' })).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    const banner = await screen.findByRole('region', { name: 'Attune can only read your data right now' });
    expect(banner.textContent).toMatch(/The disk is full/);

    mount.free();
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Attune can only read your data right now' })).toBeNull());
    expect(await main.api.invoke('journal.create', { text: 'After space was freed.' })).toMatchObject({ ok: true });
    await settled(main);
  });

  it('is not there when Attune can save', async () => {
    const { main } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Check' });
    await settled(main);
    expect(screen.queryByRole('region', { name: 'Attune can only read your data right now' })).toBeNull();
  });
});
