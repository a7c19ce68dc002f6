import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ApiContext } from '../../../../renderer/app/attune.ts';
import { SettingsProvider } from '../../../../renderer/app/settings-context.tsx';
import { WeeklyMoments } from '../../../../renderer/features/moments/weekly-moments.tsx';
import { TrendsScreen } from '../../../../renderer/features/trends/trends-screen.tsx';
import type { TrendEntry } from '../../../../shared/trends/timeline.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';

// The weekly count of small moments beside the signs of progress: in Trends against the real
// router and store (temp folder), and on its own with dates either side of a week's start.

const opened: InProcessApi[] = [];
afterEach(async () => {
  cleanup();
  for (const main of opened.splice(0)) await main.close();
  window.location.hash = '';
});

const entry = (createdAtMs: number, kind: TrendEntry['kind'] = 'moment'): TrendEntry => ({ id: `e${createdAtMs}`, createdAtMs, kind, firstLine: '', tags: [], sessionIds: [] });

describe('small moments this week', () => {
  it('Trends shows the moments noted this week, and the way to note another', async () => {
    const main = createInProcessApi();
    opened.push(main);
    await main.api.invoke('moment.note', { kind: 'thanked' });
    await main.api.invoke('moment.note', { kind: 'laughed', words: 'The cat and the curtain' });
    await main.api.invoke('journal.create', { text: 'Not a moment', kind: 'reflection' });
    window.location.hash = '#/trends';
    render(
      <ApiContext value={main.api}>
        <SettingsProvider>
          <TrendsScreen focusOnMount={false} onNavigate={() => {}} />
        </SettingsProvider>
      </ApiContext>,
    );
    const section = (await screen.findByRole('heading', { name: 'Small moments' })).closest('section')!;
    expect(within(section).getByTestId('weekly-moments-count').textContent).toBe('2 small moments this week');
    expect(within(section).getByRole('link', { name: 'Note a small moment' }).getAttribute('href')).toBe('#/check?moment');
  });

  it('counts from Monday in local time: last week’s moments and other entries do not count', () => {
    // Local Monday 00:00 of the week holding a Wednesday noon (the test's own time zone).
    const wednesday = new Date(2025, 0, 15, 12, 0).getTime();
    const monday = new Date(2025, 0, 13, 0, 0).getTime();
    const entries = [entry(monday - 60_000), entry(monday), entry(wednesday - 3_600_000), entry(wednesday, 'reflection')];
    render(<WeeklyMoments entries={entries} nowMs={wednesday} />);
    expect(screen.getByTestId('weekly-moments-count').textContent).toBe('2 small moments this week');
    cleanup();
    render(<WeeklyMoments entries={[entry(monday - 60_000)]} nowMs={wednesday} />);
    expect(screen.getByTestId('weekly-moments-count').textContent).toBe('No small moments noted this week yet');
  });
});
