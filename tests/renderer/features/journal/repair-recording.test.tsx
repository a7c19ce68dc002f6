import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// The repair flow's body check, in the whole window with the demo heart on a manual clock:
// the heart during it is recorded as a 'repair' session, which the saved repair entry links to.

afterEach(async () => {
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };

function openApp(hash: string): Rendered {
  window.location.hash = hash;
  const scheduler = createManualScheduler(Date.now());
  const main = createInProcessApi();
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 9 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

async function advance(scheduler: ManualScheduler, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 1000) await act(async () => scheduler.advanceAsync(Math.min(1000, ms - done)));
}

async function startDemo(user: UserEvent): Promise<void> {
  await screen.findByRole('heading', { name: 'Device', level: 1 });
  await user.selectOptions(screen.getByLabelText('Demo sensor'), 'calm');
  await user.click(screen.getByRole('button', { name: 'Start the demo' }));
  await screen.findByRole('button', { name: 'Stop the demo' });
}

async function openRepair(): Promise<void> {
  act(() => {
    window.location.hash = '#/journal/repair';
  });
  await screen.findByRole('heading', { name: 'Before you repair: a moment for your body' });
}

/** Through the five steps with one sentence, then Save. */
async function writeAndSave(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: /^(Go on to step 1|Begin step 1|I’d like to go on now)$/ }));
  await user.type(screen.getByRole('textbox'), 'I missed what you needed.');
  for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Next step' }));
  await user.click(screen.getByRole('button', { name: 'Save the repair' }));
  await screen.findByRole('heading', { name: 'Your repair is saved' });
}

async function sessions(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 3600_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function repairEntries(main: InProcessApi) {
  const result = await main.api.invoke('journal.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value.filter((entry) => entry.kind === 'repair');
}

describe('the repair’s body check, recorded', () => {
  it('a minute with the demo heart: one repair session with its beats, linked to the saved entry', async () => {
    const { main, scheduler, user } = openApp('#/device');
    await startDemo(user);
    await openRepair();
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toMatch(/No strap is connected/));
    await advance(scheduler, 60_000);
    await writeAndSave(user);
    // Writing the steps is not the body check: the clock moving on adds nothing to it.
    await advance(scheduler, 30_000);

    const [entry] = await repairEntries(main);
    expect(entry).toBeTruthy();
    const stored = await sessions(main);
    expect(stored.map((s) => [s.kind, s.status])).toEqual([['repair', 'finished']]);
    const [session] = stored;
    expect(entry!.sessionIds).toEqual([session!.id]);
    expect(session!.journalEntryIds).toEqual([entry!.id]);
    expect(session!.beatCount).toBeGreaterThan(45);
    expect(session!.summary!.durationSec).toBeGreaterThan(55);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(60);
    const detail = await main.api.invoke('session.get', { sessionId: session!.id });
    expect(detail.ok && detail.value.session.markers.map((m) => `${m.phase}:${m.edge}`)).toEqual(['repair:start', 'repair:end']);

    // Trends counts it as practice.
    const timeline = await main.api.invoke('trends.timeline');
    expect(timeline.ok && timeline.value.sessions.map((s) => [s.kind, Math.round(s.durationSec ?? 0)])).toEqual([['repair', Math.round(session!.summary!.durationSec)]]);
  });

  it('without a source: nothing recorded, the entry saved without a link', async () => {
    const { main, scheduler, user } = openApp('#/journal');
    await openRepair();
    expect(screen.getByRole('status').textContent).toMatch(/No strap is connected/);
    await advance(scheduler, 60_000);
    await writeAndSave(user);
    const [entry] = await repairEntries(main);
    expect(entry!.sessionIds).toEqual([]);
    expect(await sessions(main)).toEqual([]);
  });

  it('leaving during the body check ends and keeps the recording', async () => {
    const { main, scheduler, user } = openApp('#/device');
    await startDemo(user);
    await openRepair();
    await advance(scheduler, 40_000);
    act(() => {
      window.location.hash = '#/journal';
    });
    await screen.findByRole('heading', { level: 1, name: 'Journal' });
    await waitFor(async () => expect((await sessions(main)).map((s) => [s.kind, s.status])).toEqual([['repair', 'finished']]));
    await advance(scheduler, 30_000);
    const [session] = await sessions(main);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(40);
    expect(await repairEntries(main)).toEqual([]);
  });
});
