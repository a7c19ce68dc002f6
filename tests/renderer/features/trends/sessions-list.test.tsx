import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { newRecordId } from '../../../../main/store/records-store.ts';
import { SESSION_SCHEMA_VERSION, type SessionRecord } from '../../../../shared/model/session.ts';
import { summarizeBeats } from '../../../../shared/signal/session-summary.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { beatsFor, lcg } from '../../../support/trends-data.ts';
import { renderApp, resetWindow, settled } from '../../support/render-app.tsx';

// The sessions list in Trends over the real main services: rows for every kind, filters
// kept in the address, open, and delete with undo checked against the store on disk.

afterEach(resetWindow);

const DAY = 86_400_000;

async function addSession(main: InProcessApi, kind: SessionRecord['kind'], daysAgo: number, extra: Partial<SessionRecord> = {}): Promise<string> {
  const store = await main.services.records.store();
  const beats = beatsFor(120, 850, lcg(daysAgo + 1));
  const startedAtMs = Date.now() - daysAgo * DAY;
  const id = newRecordId();
  await store.adoptSession(
    {
      schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 1, kind, status: 'finished', startedAtMs, endedAtMs: startedAtMs + 120_000,
      source: { kind: 'demo' }, breathingPattern: null, baselineHrBpm: 64, markers: [], beatCount: beats.rrMs.length,
      summary: { ...summarizeBeats(beats, { baselineHrBpm: 64 }), calmDownSec: 75 }, ...extra,
    },
    beats,
  );
  return id;
}

const rows = () => within(screen.getByRole('list', { name: /sessions?, newest first|No sessions/ })).queryAllByRole('listitem');

describe('the sessions list', () => {
  it('lists every session newest first and narrows by kind and range, in the address', async () => {
    const main = createInProcessApi();
    await addSession(main, 'check', 1, {
      markers: [
        { tMs: 1000, phase: 'conversation', edge: 'point', label: 'flooding cue' },
        { tMs: 2000, phase: 'conversation', edge: 'point', label: 'flooding cue' },
        { tMs: 3000, phase: 'verdict', edge: 'point', verdict: 'take-a-break' },
      ],
    });
    await addSession(main, 'breathing', 3);
    await addSession(main, 'recording', 200);
    window.location.hash = '#/trends/sessions';
    renderApp(main);
    const user = userEvent.setup();

    expect(await screen.findByText('3 sessions, newest first.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sessions' }).getAttribute('aria-current')).toBe('page');
    const [newest, , oldest] = rows();
    expect(newest!.textContent).toContain('Regulation check');
    expect(newest!.textContent).toContain('Took a break · 2 flooding cues · calm again in 1 min 15 s');
    expect(oldest!.textContent).toContain('Imported recording');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Breathing');
    expect(await screen.findByText('1 session, newest first.')).toBeTruthy();
    expect(window.location.hash).toBe('#/trends/sessions?kind=breathing');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'All kinds');
    await user.click(screen.getByRole('button', { name: '3 months' }));
    expect(await screen.findByText('2 sessions, newest first.')).toBeTruthy();
    expect(window.location.hash).toBe('#/trends/sessions?range=3m');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Calibration reading');
    expect(await screen.findByText(/No sessions of the kind “Calibration reading” in the last 3 months\. Choose another kind/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show every session' }));
    expect(await screen.findByText('3 sessions, newest first.')).toBeTruthy();
    await settled(main);
  });

  it('an address it cannot read falls back to every session, in every kind and range', async () => {
    const main = createInProcessApi();
    await addSession(main, 'check', 1);
    await addSession(main, 'breathing', 2);
    window.location.hash = '#/trends/sessions?kind=nap&range=7y';
    renderApp(main);
    expect(await screen.findByText('2 sessions, newest first.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
    await settled(main);
  });

  it('opens a session from its row', async () => {
    const main = createInProcessApi();
    const id = await addSession(main, 'calibration', 1);
    window.location.hash = '#/trends/sessions';
    renderApp(main);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: /Calibration reading/ }));
    await waitFor(() => expect(window.location.hash).toBe(`#/trends/session/${id}`));
    expect(await screen.findByRole('heading', { name: 'Session' })).toBeTruthy();
    await settled(main);
  });

  it('deletes to the trash and brings the session back with Undo, on disk too', async () => {
    const main = createInProcessApi();
    const keep = await addSession(main, 'check', 1);
    const gone = await addSession(main, 'breathing', 2);
    const store = await main.services.records.store();
    const records = join(main.dataDir, 'records');
    window.location.hash = '#/trends/sessions';
    renderApp(main);
    const user = userEvent.setup();

    const del = await screen.findByRole('button', { name: /^Delete Breathing/ });
    await user.click(del);
    expect(await screen.findByText(/was moved to the trash\. You can bring it back for 30 days\./)).toBeTruthy();
    expect(screen.getByText('1 session, newest first.')).toBeTruthy();
    expect(store.listSessions(0, 8e12).map((s) => s.id)).toEqual([keep]);
    expect(existsSync(join(records, 'sessions', `${gone}.rec`))).toBe(false);
    expect(readdirSync(join(records, 'trash')).some((name) => name.includes(gone))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('2 sessions, newest first.')).toBeTruthy();
    expect(screen.queryByText(/was moved to the trash/)).toBeNull();
    expect(store.listSessions(0, 8e12).map((s) => s.id).sort()).toEqual([keep, gone].sort());
    expect(existsSync(join(records, 'sessions', `${gone}.rec`))).toBe(true);
    expect((await store.getSession(gone)).beats.rrMs.length).toBeGreaterThan(100);

    // The overview, read again on the way back, counts what the list shows.
    await user.click(screen.getByRole('button', { name: /^Delete Regulation check/ }));
    await screen.findByText('1 session, newest first.');
    await user.click(screen.getByRole('link', { name: 'Overview' }));
    await waitFor(() => expect(window.location.hash).toBe('#/trends'));
    await settled(main);
    expect(store.status().sessionCount).toBe(1);
  });
});
