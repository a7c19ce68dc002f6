import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { dataSectionHarness } from './data-section-harness.tsx';

// The "Your data" section against the real records store in a temp folder.
describe('Your data', () => {
  const section = dataSectionHarness();
  const setup = (options: Parameters<typeof section.render>[0] = {}, entries: string[] = []) =>
    section.render(options, async (harness) => {
      for (const text of entries) await harness.api.invoke('journal.create', { text });
    });

  it('says plainly that the key is not protected when no system key store is available', async () => {
    await setup();
    expect(await screen.findByText(/no system key store is available/)).toBeTruthy();
    expect(await screen.findByText(/0 sessions, 0 journal entries and 0 agreements/)).toBeTruthy();
  });

  it('exports everything to the folder chosen in main and reports what was written', async () => {
    const exportDir = makeTempDir('attune-export-');
    section.keep(exportDir);
    await setup({ chooseFolder: async () => exportDir.path }, ['We talked about the holidays and it went better than I feared.']);
    await userEvent.click(await screen.findByRole('button', { name: /Export everything/ }));
    expect(await screen.findByText(/Exported 0 sessions, 1 journal entry and 0 agreements/)).toBeTruthy();
    expect(readdirSync(exportDir.path).length).toBeGreaterThan(0);
  });

  it('imports a recording and says how many values it left out as not heartbeat intervals', async () => {
    const folder = makeTempDir('attune-recording-');
    section.keep(folder);
    const file = join(folder.path, 'morning.txt');
    // Five minutes at rest, with two values a strap or a file glitch could leave behind.
    const rrMs = Array.from({ length: 375 }, (_, i) => 800 + 30 * Math.sin(i / 4));
    rrMs.splice(100, 0, 65_535);
    rrMs.splice(200, 0, 40);
    writeFileSync(file, `${rrMs.map((rr) => rr.toFixed(1)).join('\n')}\n`);
    const harness = await setup({ chooseRecordingFile: async () => file });
    await userEvent.click(await screen.findByRole('button', { name: /Import a recording/ }));
    expect(
      await screen.findByText('The recording was added as a session. 2 values were left out because they are not heartbeat intervals (under 100 or over 5,000 ms).'),
    ).toBeTruthy();
    const [session] = (await harness.services.records.store()).listSessions(0, Number.MAX_SAFE_INTEGER);
    expect(session?.beatCount).toBe(375);
  });

  it('imports an export and names the files it left out and why, the first five of them', async () => {
    const folder = makeTempDir('attune-export-');
    section.keep(folder);
    mkdirSync(join(folder.path, 'journal'));
    writeFileSync(join(folder.path, 'manifest.json'), JSON.stringify({ format: 'attune-export', formatVersion: 1 }));
    for (let i = 1; i <= 7; i += 1) writeFileSync(join(folder.path, 'journal', `broken-${i}.json`), '{ not json');
    await setup({ chooseFolder: async () => folder.path });
    await userEvent.click(await screen.findByRole('button', { name: /Import an export/ }));
    const status = await screen.findByText(/7 files were left out/);
    expect(status.textContent).toMatch(/journal\/broken-1\.json \([^)]+\); journal\/broken-2\.json/);
    expect(status.textContent).toMatch(/journal\/broken-5\.json \([^)]+\); and 2 more\.$/);
    expect(status.textContent).not.toMatch(/broken-6/);
  });

  it('does nothing and says nothing when the folder picker is cancelled', async () => {
    await setup({ chooseFolder: async () => null });
    await userEvent.click(await screen.findByRole('button', { name: /Export everything/ }));
    await waitFor(() => expect((screen.getByRole('button', { name: /Export everything/ }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('deletes everything only after the confirmation is typed', async () => {
    const harness = await setup({}, ['Private words.']);
    await screen.findByText(/1 journal entry/);
    await userEvent.click(screen.getByRole('button', { name: /Delete everything…/ }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Type “delete everything”/), 'delete every');
    expect(confirm.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Type “delete everything”/), 'thing');
    expect(confirm.disabled).toBe(false);
    await userEvent.click(confirm);
    expect(await screen.findByText(/has been deleted from this computer/)).toBeTruthy();
    expect(await screen.findByText(/0 sessions, 0 journal entries/)).toBeTruthy();
    const list = await harness.api.invoke('journal.list', {});
    expect(list.ok && list.value).toEqual([]);
  });

  it('keeps the data when the user steps back from deleting', async () => {
    const harness = await setup({}, ['Keep me.']);
    await screen.findByText(/1 journal entry/);
    await userEvent.click(screen.getByRole('button', { name: /Delete everything…/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep my data' }));
    expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull();
    expect(existsSync(join(harness.dataDir, 'records'))).toBe(true);
    expect(screen.getByText(/1 journal entry/)).toBeTruthy();
  });
});
