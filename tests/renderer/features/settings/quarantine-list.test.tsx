import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { dataSectionHarness } from './data-section-harness.tsx';

// Settings → Your data → Files set aside, against the real records store in a temp folder:
// the list is read from the quarantine folder, and the export copies its files byte for byte.

const BEATS_NAME = '2025-03-04T10-20-30-000Z-a1b2c3-AAAAAAAAAAAAAAAA.beats';
const RECORD_NAME = '2024-11-02T08-15-30-250Z-d4e5f6-BBBBBBBBBBBBBBBB.rec';

describe('Files set aside', () => {
  const section = dataSectionHarness();
  const setup = (options: Parameters<typeof section.render>[0] = {}, quarantined = false) =>
    section.render(options, async (harness) => {
      // Opens the store (and its folder) before files are put in its quarantine.
      await harness.api.invoke('journal.create', { text: 'An ordinary evening.' });
      if (!quarantined) return;
      const folder = join(harness.dataDir, 'records', 'quarantine');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, BEATS_NAME), Buffer.alloc(3000, 9));
      writeFileSync(
        join(folder, `${BEATS_NAME}.about.json`),
        JSON.stringify({ what: 'beats', reason: '1 damaged stretch between readable frames', atMs: Date.UTC(2025, 2, 4, 10, 20, 30), kept: 'copied' }),
      );
      writeFileSync(join(folder, RECORD_NAME), Buffer.alloc(200, 3));
    });

  it('says no damaged files have been found, and offers no export, when the quarantine is empty', async () => {
    await setup();
    const group = await screen.findByRole('group', { name: 'Files set aside' });
    expect(within(group).getByText('No damaged files have been found.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Export quarantined files/ })).toBeNull();
  });

  it('lists each file with what it was, when, how big and why, and says they stay encrypted', async () => {
    await setup({}, true);
    const group = await screen.findByRole('group', { name: 'Files set aside' });
    expect(within(group).getByText(/2 files could not be read as they were/)).toBeTruthy();
    const items = within(group).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toHaveLength(2);
    // Oldest first: the record an older Attune set aside without a note, then the beats copy.
    expect(items[0]).toMatch(/^A record, .*2024.*, 200 bytes\. No reason was noted\.$/);
    expect(items[1]).toMatch(/^Heart beats of a session \(a copy; the readable part is still in place\), .*2025.*, 3 KB\. 1 damaged stretch/);
    expect(within(group).getByText(/stay encrypted, exactly as they were found/)).toBeTruthy();
  });

  it('copies the files to the folder chosen in main, byte for byte, and says where', async () => {
    const target = makeTempDir('attune-quarantine-export-');
    section.keep(target);
    const harness = await setup({ chooseFolder: async () => target.path }, true);
    await userEvent.click(await screen.findByRole('button', { name: /Export quarantined files/ }));
    expect(await screen.findByText(/Copied 2 files to .*attune-quarantine-/)).toBeTruthy();
    const [folder] = readdirSync(target.path);
    const source = join(harness.dataDir, 'records', 'quarantine');
    for (const name of [BEATS_NAME, RECORD_NAME]) {
      expect(readFileSync(join(target.path, folder!, name)).equals(readFileSync(join(source, name)))).toBe(true);
    }
  });

  it('empties the list when everything is deleted', async () => {
    await setup({}, true);
    await screen.findByText(/2 files could not be read/);
    await userEvent.click(screen.getByRole('button', { name: /Delete everything…/ }));
    await userEvent.type(screen.getByLabelText(/Type “delete everything”/), 'delete everything');
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('No damaged files have been found.')).toBeTruthy();
  });
});
