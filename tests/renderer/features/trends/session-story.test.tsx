import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { writeSessionStory, type SessionStory } from '../../../support/session-story-data.ts';
import { resetWindow } from '../../support/render-app.tsx';

// The session page tells what happened: the verdict the check ended on and why, each
// flooding cue, break and verdict marked on the charts (listed in words under them), and the
// journal entries written about the session, each a link to the entry.
afterEach(resetWindow);

async function openSession(pick: (story: SessionStory) => string): Promise<{ main: InProcessApi; story: SessionStory }> {
  const main = createInProcessApi();
  const story = await writeSessionStory(await main.services.records.store(), Date.now());
  window.location.hash = `#/trends/session/${pick(story)}`;
  render(<App api={main.api} report={createErrorReporter(main.api)} />);
  await screen.findByRole('heading', { name: /^Regulation check, / });
  return { main, story };
}

describe('the session page', () => {
  it('states the verdict the check ended on, with its reason, and the one before it', async () => {
    const { main } = await openSession((s) => s.longId);
    try {
      const verdict = screen.getByRole('region', { name: 'What the check said' });
      expect(within(verdict).getByText('You seem ready')).toBeTruthy();
      expect(verdict.textContent).toContain('at 42:30');
      expect(verdict.textContent).toContain('Your heart rate has stayed close to your resting level.');
      expect(verdict.textContent).toContain('Before that: time for a break at 22:30.');
    } finally {
      await main.close();
    }
  });

  it('lists each flooding cue, the break and each verdict in words under the heart-rate chart', async () => {
    const { main } = await openSession((s) => s.longId);
    try {
      const list = screen.getByRole('list', { name: 'Marked on the charts' });
      const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
      expect(items).toEqual([
        'Verdict at 22:30: time for a break',
        'Break from 22:30 to 42:30 (20 min)',
        'Verdict at 42:30: you seem ready',
        'Flooding cue at 45:00',
        'Flooding cue at 50:00',
      ]);
      // The chart's key names the shapes the chart draws them with.
      const heartRate = document.querySelector('[data-chart="session-heart-rate"]')!;
      expect(within(heartRate as HTMLElement).getByText('Flooding cue')).toBeTruthy();
      expect(within(heartRate as HTMLElement).getByText('Verdict')).toBeTruthy();
      expect(heartRate.querySelector('.trend-summary')!.textContent).toContain('the line is the median over 30 seconds');
    } finally {
      await main.close();
    }
  });

  it('links every journal entry written about the session, by title or first words, with its date', async () => {
    const { main, story } = await openSession((s) => s.longId);
    try {
      const entries = screen.getByRole('region', { name: 'What you wrote about it' });
      const titled = await within(entries).findByRole('link', { name: 'We found our way back' });
      expect(titled.getAttribute('href')).toBe(`#/journal/entry/${story.entries[0]!.id}`);
      expect(entries.textContent).toContain('After the break we could listen to each other again.');
      const untitled = within(entries).getByRole('link', { name: /^Still thinking about the talk/ });
      expect(untitled.getAttribute('href')).toBe(`#/journal/entry/${story.entries[1]!.id}`);
      expect(within(entries).getByRole('link', { name: 'Write about this session' }).getAttribute('href')).toBe(`#/journal/new?session=${story.longId}&kind=debrief`);
    } finally {
      await main.close();
    }
  });

  it('keeps a short session in every beat\'s detail, says the signal was too noisy and that nothing was written yet', async () => {
    const { main } = await openSession((s) => s.shortId);
    try {
      const verdict = screen.getByRole('region', { name: 'What the check said' });
      expect(within(verdict).getByText('The signal was too noisy')).toBeTruthy();
      expect(verdict.textContent).toContain('Too few clean beats reached Attune');
      expect(document.querySelector('[data-chart="session-heart-rate"] .trend-summary')!.textContent).not.toContain('median');
      expect(screen.getByRole('list', { name: 'Marked on the charts' }).textContent).toBe('Verdict at 1:15: the signal was too noisy');
      expect(await screen.findByText('Nothing written about this session yet.')).toBeTruthy();
    } finally {
      await main.close();
    }
  });
});
