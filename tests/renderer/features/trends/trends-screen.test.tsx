import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiContext } from '../../../../renderer/app/attune.ts';
import { SettingsProvider } from '../../../../renderer/app/settings-context.tsx';
import { TrendsScreen } from '../../../../renderer/features/trends/trends-screen.tsx';
import { newRecordId } from '../../../../main/store/records-store.ts';
import { summarizeBeats } from '../../../../shared/signal/session-summary.ts';
import { SESSION_SCHEMA_VERSION } from '../../../../shared/model/session.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { beatsFor, lcg, writeTrendsData } from '../../../support/trends-data.ts';

// The Trends screen against the real router and records store in a temp folder. happy-dom
// has no layout, so recharts draws nothing here: these tests read what every chart also
// offers in words (headline, summaries, tables). The pictures are checked in Chromium
// (tests/e2e/trends.test.ts).

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

function open(main: InProcessApi, hash = '#/trends') {
  window.location.hash = hash;
  return render(
    <ApiContext value={main.api}>
      <SettingsProvider>
        <TrendsScreen focusOnMount={false} onNavigate={() => {}} />
      </SettingsProvider>
    </ApiContext>,
  );
}

function fresh(): InProcessApi {
  const dir = makeTempDir('attune-trends-component-');
  const main = createInProcessApi({ dataDir: dir.path });
  opened.push({ main, cleanup: dir.cleanup });
  return main;
}

/** Checks with chosen calm-down times, straight into the real store. */
async function addChecks(main: InProcessApi, checks: Array<{ daysAgo: number; calmDownSec: number | null }>): Promise<void> {
  const store = await main.services.records.store();
  const beats = beatsFor(120, 850, lcg(3));
  const base = summarizeBeats(beats, { baselineHrBpm: 64 });
  for (const check of checks) {
    const startedAtMs = Date.now() - check.daysAgo * DAY;
    await store.adoptSession(
      {
        schemaVersion: SESSION_SCHEMA_VERSION, id: newRecordId(), revision: 1, kind: 'check', status: 'finished',
        startedAtMs, endedAtMs: startedAtMs + 120_000, source: { kind: 'demo' }, breathingPattern: null, baselineHrBpm: 64,
        markers: [], beatCount: beats.rrMs.length, summary: { ...base, calmDownSec: check.calmDownSec },
      },
      beats,
    );
  }
}

const card = (name: RegExp) => screen.getByRole('region', { name });
const tableRows = (name: RegExp) => within(card(name)).getByText(/Show the data as a table/).textContent;

describe('Trends: empty, sparse and full', () => {
  it('says what is missing when nothing is recorded, and still offers the weekly rating', async () => {
    open(fresh());
    expect(await screen.findByText(/There are no sessions yet/)).toBeTruthy();
    expect(screen.getByText(/at least 10 sessions with a calm-down time/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rate this week' })).toBeTruthy();
  });

  it('with a few sessions, says where the user starts and what each chart lacks', async () => {
    const main = fresh();
    await addChecks(main, [
      { daysAgo: 3, calmDownSec: 150 },
      { daysAgo: 2, calmDownSec: null },
      { daysAgo: 1, calmDownSec: 90 },
    ]);
    open(main);
    // A new user's first days: where they start, never a zero the chart contradicts.
    expect(await screen.findByText('Here is where you start: 2 sessions with a calm-down time over 3 days, typically 2 min.')).toBeTruthy();
    expect(screen.getByText(/So far 0 are older and 2 within them\./)).toBeTruthy();
    // A few days of data: the range fits it, and the address still names none.
    expect(screen.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.location.hash).toBe('#/trends');
    const calm = card(/Calm-down time per session/);
    expect(within(calm).getByText(/2 sessions with a calm-down time, median 2 min/)).toBeTruthy();
    expect(within(calm).getByText(/1 session did not settle to calm/)).toBeTruthy();
    expect(within(calm).getByText(/too few to read a trend/)).toBeTruthy();
    // Start and end heart rate come from the stored beats (the summary's phase metrics).
    expect(within(card(/start of a check/)).getByText(/^Median \d+ bpm at the start and \d+ bpm after regulating, over 3 checks\./)).toBeTruthy();
    expect(within(card(/Signs of progress/)).getByText(/No weekly rating in this range yet/)).toBeTruthy();

    // The table holds every session with a calm-down time, and links to its detail.
    const user = userEvent.setup();
    await user.click(within(calm).getByText(/Show the data as a table \(2 rows\)/));
    const table = within(calm).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getAllByRole('link', { name: 'Open' })[0]!.getAttribute('href')).toMatch(/^#\/trends\/session\//);
  });

  it('with years of data, states the trend and follows the range and the tag filter', async () => {
    const dir = makeTempDir('attune-trends-component-full-');
    await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 400 });
    const main = createInProcessApi({ dataDir: dir.path });
    opened.push({ main, cleanup: dir.cleanup });
    open(main);
    expect(await screen.findByText(/^Your median calm-down time is \d+ % shorter than in your first month\.$/)).toBeTruthy();
    // More than a year of data: 12 months unless the user picks another.
    expect(screen.getByRole('button', { name: '12 months' }).getAttribute('aria-pressed')).toBe('true');
    const year = tableRows(/Calm-down time per session/);
    expect(year).toMatch(/\((3[3-6]\d) rows\)/);
    // A year of daily sessions is drawn as weekly medians; each session is one click away.
    const calm = card(/Calm-down time per session/);
    expect(within(calm).getByText(/Drawn as the median per week over a band holding the middle half/)).toBeTruthy();
    expect((within(calm).getByRole('checkbox', { name: 'Show each session' }) as HTMLInputElement).checked).toBe(false);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '3 months' }));
    await waitFor(() => expect(window.location.hash).toBe('#/trends?range=3m'));
    const threeMonths = tableRows(/Calm-down time per session/);
    expect(threeMonths).not.toBe(year);

    await user.click(screen.getByRole('button', { name: '4 weeks' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('true'));
    expect(window.location.hash).toBe('#/trends?range=4w');
    const fourWeeks = tableRows(/Calm-down time per session/);
    expect(fourWeeks).not.toBe(threeMonths);
    expect(screen.getByRole('heading', { name: 'Flooding episodes per week' })).toBeTruthy();
    expect(within(card(/Practice minutes/)).getByText(/minutes of practice in this range, about \d+ minutes? a week/)).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: /Only sessions linked to entries tagged/ }), 'partner');
    await waitFor(() => expect(window.location.hash).toBe('#/trends?range=4w&tag=partner'));
    expect(screen.getByText(/sessions linked to entries tagged “partner”/)).toBeTruthy();
    expect(tableRows(/Calm-down time per session/)).not.toBe(fourWeeks);
    // Every marker left is a partner entry.
    const markers = within(screen.getByRole('group', { name: /Journal entries on this timeline tagged “partner”/ })).getAllByRole('link');
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) expect(marker.getAttribute('href')).toMatch(/^#\/journal\/entry\//);
  });
});

describe('the range, the headline and the markers for each amount of data', () => {
  it('the first month: every session in the last 30 days counts, and the range fits three weeks', async () => {
    const main = fresh();
    await addChecks(main, Array.from({ length: 18 }, (_, i) => ({ daysAgo: 20 - i, calmDownSec: 100 + i })));
    open(main);
    expect(await screen.findByText(/^Here is where you start: 18 sessions with a calm-down time over 20 days, typically 1 min 49 s\.$/)).toBeTruthy();
    expect(screen.queryByText(/hold 0 sessions/)).toBeNull();
    expect(screen.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(card(/Calm-down time per session/)).getByText(/In this range: 18 sessions with a calm-down time, median 1 min 49 s\./)).toBeTruthy();
  });

  it('the choice in the address wins over the fitted range', async () => {
    const main = fresh();
    await addChecks(main, [{ daysAgo: 2, calmDownSec: 80 }]);
    open(main, '#/trends?range=12m');
    await waitFor(() => expect(screen.getByRole('button', { name: '12 months' }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('five years: journal markers gather with a count, each group a control that lists its entries, reached by the keyboard', async () => {
    const dir = makeTempDir('attune-trends-component-5y-');
    const data = await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 1825 });
    const main = createInProcessApi({ dataDir: dir.path });
    opened.push({ main, cleanup: dir.cleanup });
    open(main, '#/trends?range=all');
    const strip = await screen.findByRole('group', { name: /Journal entries on this timeline/ });
    const groups = within(strip).getAllByRole('button', { name: /^\d+ journal entries, / });
    // Not a barcode: about one marker per 28 px of the (unmeasured, 900 px) strip, each with its count.
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.length).toBeLessThanOrEqual(33);
    const counts = groups.map((g) => Number(g.textContent));
    expect(counts.reduce((a, b) => a + b, 0) + within(strip).queryAllByRole('link').length).toBe(data.entryCount - data.signsCount);
    // One tab stop; the arrows move; Enter opens the list of the group's entries, Escape closes it.
    const user = userEvent.setup();
    groups[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(groups[1]);
    expect(groups.filter((g) => g.tabIndex === 0)).toEqual([groups[1]]);
    await user.keyboard('{Enter}');
    expect(groups[1]!.getAttribute('aria-expanded')).toBe('true');
    const list = within(strip).getByRole('group', { name: `${counts[1]} journal entries` });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(counts[1]!);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^#\/journal\/entry\//);
    await user.keyboard('{Escape}');
    expect(groups[1]!.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(groups[1]);
  }, 120_000);
});

describe('the weekly signs rating', () => {
  it('asks for all five, then saves a weekly-signs journal entry', async () => {
    const main = fresh();
    await addChecks(main, [{ daysAgo: 1, calmDownSec: 60 }]);
    open(main);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rate this week' }));
    const groups = screen.getAllByRole('group').filter((g) => g.tagName === 'FIELDSET');
    expect(groups).toHaveLength(5);
    await user.click(within(groups[0]!).getByRole('radio', { name: /4 Mostly/ }));
    await user.click(screen.getByRole('button', { name: "Save this week's rating" }));
    expect(screen.getByRole('alert').textContent).toBe('Rate all five signs, then save.');
    for (const [i, group] of groups.entries()) await user.click(within(group).getAllByRole('radio')[i]!);
    await user.click(screen.getByRole('button', { name: "Save this week's rating" }));
    await waitFor(() => expect(screen.getByText(/You rated this week on/)).toBeTruthy());
    const store = await main.services.records.store();
    const [entry] = store.listJournal({}).filter((e) => e.kind === 'weekly-signs');
    expect((await store.getJournal(entry!.id)).signsRating).toEqual([1, 2, 3, 4, 5]);
    expect(within(card(/Signs of progress/)).getByText(/One rating in this range, averaging 3 of 5/)).toBeTruthy();
  });
});

describe('the weekly reminder', () => {
  it('opens Trends with the rating form already open', async () => {
    const main = fresh();
    await addChecks(main, [{ daysAgo: 1, calmDownSec: 60 }]);
    open(main, '#/trends?progress');
    expect(await screen.findByRole('button', { name: "Save this week's rating" })).toBeTruthy();
    expect(screen.getAllByRole('group').filter((g) => g.tagName === 'FIELDSET')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Rate this week' })).toBeNull();
  });
});

describe('session detail', () => {
  it('explains every number, including how many beats were corrected', async () => {
    const main = fresh();
    await addChecks(main, [{ daysAgo: 1, calmDownSec: 75 }]);
    const store = await main.services.records.store();
    const [session] = store.listSessions(0, Date.now() + DAY);
    open(main, `#/trends/session/${session!.id}`);
    expect(await screen.findByText('The numbers, and what they mean')).toBeTruthy();
    expect(screen.getByText('1 min 15 s')).toBeTruthy();
    expect(screen.getByText(/root mean square of successive differences/)).toBeTruthy();
    expect(screen.getByText(/^\d+ of \d+ \(\d+(\.\d)? %\)$/)).toBeTruthy();
    expect(screen.getByText(/extra beats merged with the next, missed beats split in two/)).toBeTruthy();
    expect(screen.getByText(/No breathing pattern was recorded/)).toBeTruthy();
  });

  it('says plainly when a session cannot be found', async () => {
    open(fresh(), '#/trends/session/doesNotExist1');
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be opened/);
  });
});
