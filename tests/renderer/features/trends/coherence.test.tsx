import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiContext } from '../../../../renderer/app/attune.ts';
import { SettingsProvider } from '../../../../renderer/app/settings-context.tsx';
import { TrendsScreen } from '../../../../renderer/features/trends/trends-screen.tsx';
import { newRecordId } from '../../../../main/store/records-store.ts';
import { coherenceWindows, summarizeBeats } from '../../../../shared/signal/session-summary.ts';
import { generateRrSeries } from '../../../../shared/signal/synthetic-rr.ts';
import { SESSION_SCHEMA_VERSION, type BeatColumns, type PhaseMarker, type SessionRecord } from '../../../../shared/model/session.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

// Coherence on the session page and in Trends, against the real router and records store in
// a temp folder. happy-dom draws no charts: these read the figures, the words and the tables
// (the pictures are checked in Chromium, tests/e2e/coherence.test.ts).

const DAY = 86_400_000;
const opened: Array<{ main: InProcessApi; cleanup: () => void }> = [];

afterEach(async () => {
  cleanup();
  for (const { main, cleanup: done } of opened.splice(0)) {
    await main.close();
    done();
  }
  window.location.hash = '';
});

function fresh(): InProcessApi {
  const dir = makeTempDir('attune-coherence-component-');
  const main = createInProcessApi({ dataDir: dir.path });
  opened.push({ main, cleanup: dir.cleanup });
  return main;
}

function open(main: InProcessApi, hash: string) {
  window.location.hash = hash;
  return render(
    <ApiContext value={main.api}>
      <SettingsProvider>
        <TrendsScreen focusOnMount={false} onNavigate={() => {}} />
      </SettingsProvider>
    </ApiContext>,
  );
}

function columns(rrMs: readonly number[]): BeatColumns {
  let clockMs = 0;
  return { tMs: rrMs.map((rr) => (clockMs += rr)), rrMs: [...rrMs] };
}

/** Eight minutes at the pacer's 6 breaths a minute: a heart that follows the breath. */
const PACED = columns(generateRrSeries({ seed: 11, durationSec: 480, meanHrBpm: 70, breathingHz: 0.1, rsaAmplitudeMs: 60, mayerAmplitudeMs: 0, noiseMs: 6, driftMs: 4 }));
const PACED_MARKERS: PhaseMarker[] = [
  { tMs: 0, phase: 'breathing', edge: 'start' },
  { tMs: 480_000, phase: 'breathing', edge: 'end' },
];

async function adopt(main: InProcessApi, fields: Partial<SessionRecord> & { daysAgo: number }, beats: BeatColumns, older = false): Promise<string> {
  const store = await main.services.records.store();
  const { daysAgo, ...rest } = fields;
  const markers = rest.markers ?? [];
  const summary = summarizeBeats(beats, { baselineHrBpm: 66, markers });
  if (older) {
    // As a summary from before the time in high coherence was kept.
    delete summary.coherence.highSec;
    delete summary.coherence.measuredSec;
  }
  const startedAtMs = Date.now() - daysAgo * DAY;
  const id = newRecordId();
  await store.adoptSession(
    {
      schemaVersion: SESSION_SCHEMA_VERSION, id, revision: 1, kind: 'breathing', status: 'finished', startedAtMs, endedAtMs: startedAtMs + 480_000,
      source: { kind: 'demo' }, breathingPattern: { preset: 'resonance', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 }, baselineHrBpm: 66,
      markers, beatCount: beats.rrMs.length, summary, ...rest,
    },
    beats,
  );
  return id;
}

const coherenceCard = () => screen.getByRole('region', { name: 'Coherence over the session' });

describe('coherence on the session page', () => {
  it('shows the mean and the time in high coherence of a breathing session, explains them, and tables every window', async () => {
    const main = fresh();
    const id = await adopt(main, { daysAgo: 1, markers: PACED_MARKERS }, PACED);
    const stored = (await (await main.services.records.store()).getSession(id)).session.summary!.coherence;
    open(main, `#/trends/session/${id}`);
    expect(await screen.findByText('Coherence over the session')).toBeTruthy();
    const card = coherenceCard();
    const figures = within(card).getByTestId('session-coherence-figures');
    expect(figures.textContent).toContain(`${Math.round(stored.meanNormalized! * 100)} % on average, high`);
    expect(stored.highSec!).toBeGreaterThan(0);
    expect(within(figures).getByText(/in high coherence, of 7 min( \d+ s)? it could be read$/).textContent).toMatch(/^\d+ min( \d+ s)? in high coherence/);
    expect(within(card).getByText(/it is not a health measure or a score to chase/)).toBeTruthy();
    expect(within(card).getByText(/From 50 % on, that one wave carries as much as everything else together/)).toBeTruthy();
    expect(within(card).queryByText(/saved before Attune kept/)).toBeNull();
    expect(within(card).queryByText(/The chart is drawn for sessions with paced breathing/)).toBeNull();

    // The windows are worked out once the page is drawn: the table fills then.
    await userEvent.setup().click(await within(card).findByText(/Show the data as a table \([1-9]\d* rows\)/));
    const rows = within(within(card).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(coherenceWindows(PACED).length + 1);
    expect(stored.measuredSec).toBe(coherenceWindows(PACED).length * 5);
  });

  it('works out an older session\'s time in high coherence from its beats, and says so', async () => {
    const main = fresh();
    const current = summarizeBeats(PACED, { baselineHrBpm: 66, markers: PACED_MARKERS }).coherence;
    const id = await adopt(main, { daysAgo: 1, markers: PACED_MARKERS }, PACED, true);
    open(main, `#/trends/session/${id}`);
    expect(await screen.findByText('Coherence over the session')).toBeTruthy();
    const card = coherenceCard();
    const minutes = Math.floor(current.highSec! / 60);
    const seconds = current.highSec! % 60;
    expect(await within(card).findByText(/saved before Attune kept its time in high coherence, so it was worked out from its beats just now/)).toBeTruthy();
    expect(within(card).getByTestId('session-coherence-figures').textContent).toContain(`${minutes} min${seconds ? ` ${seconds} s` : ''} in high coherence`);
  });

  it('draws no chart for a session without breathing, and says why', async () => {
    const main = fresh();
    const id = await adopt(main, { daysAgo: 1, kind: 'check', breathingPattern: null, markers: [] }, PACED);
    open(main, `#/trends/session/${id}`);
    expect(await screen.findByText('Coherence over the session')).toBeTruthy();
    expect(await within(coherenceCard()).findByText('The chart is drawn for sessions with paced breathing, where coherence is practised.')).toBeTruthy();
    expect(within(coherenceCard()).getByTestId('session-coherence-figures').textContent).toMatch(/% on average/);
  });
});

describe('coherence in Trends', () => {
  it('shows the weekly median minutes in high coherence per breathing session, leaving out sessions from before it was kept', async () => {
    const main = fresh();
    await adopt(main, { daysAgo: 1, markers: PACED_MARKERS }, PACED);
    await adopt(main, { daysAgo: 1, markers: PACED_MARKERS }, PACED, true);
    const highSec = summarizeBeats(PACED, { baselineHrBpm: 66, markers: PACED_MARKERS }).coherence.highSec!;
    open(main, '#/trends');
    const card = await screen.findByRole('region', { name: 'Time in high coherence per breathing session' });
    expect(within(card).getByText(/with practice at the pacer it often grows/)).toBeTruthy();
    expect(within(card).getByText(new RegExp(`^${Math.round((highSec / 60) * 10) / 10} min in the week of \\d{4}-\\d{2}-\\d{2}\\.$`))).toBeTruthy();
    await userEvent.setup().click(within(card).getByText(/Show the data as a table \(1 row\)/));
    const cells = within(within(card).getByRole('table')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(1)).toEqual([String(Math.round((highSec / 60) * 10) / 10), '1']);
  });

  it('says what to do when no breathing session has its coherence yet', async () => {
    const main = fresh();
    await adopt(main, { daysAgo: 1, kind: 'check', breathingPattern: null, markers: [] }, PACED);
    open(main, '#/trends');
    const card = await screen.findByRole('region', { name: 'Time in high coherence per breathing session' });
    expect(within(card).getByText(/No breathing session in this range has its coherence yet/)).toBeTruthy();
  });
});
