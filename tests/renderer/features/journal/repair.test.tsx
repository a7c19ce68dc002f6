import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../../../renderer/app/attune.ts';
import { JournalDataProvider } from '../../../../renderer/features/journal/journal-data.tsx';
import { RepairFlow, type BodyReading } from '../../../../renderer/features/journal/repair-flow.tsx';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt } from './journal-helpers.tsx';

afterEach(resetWindow);

function flow(body: BodyReading, options: { calmLineBpm?: number | null } = {}) {
  const main = journalMain();
  const clock = { ms: 1_000_000 };
  const ui = (reading: BodyReading) => (
    <ApiContext value={main.api}>
      <JournalDataProvider>
        <RepairFlow body={reading} calmLineBpm={options.calmLineBpm === undefined ? 70 : options.calmLineBpm} sustainMs={30_000} nowMs={() => clock.ms} />
      </JournalDataProvider>
    </ApiContext>
  );
  const result = render(ui(body));
  return {
    main,
    /** A new heart-rate reading `afterMs` after the previous one. */
    beat(bpm: number, afterMs: number) {
      clock.ms += afterMs;
      result.rerender(ui({ connected: true, bpm }));
    },
    unplug() {
      result.rerender(ui({ connected: false, bpm: null }));
    },
  };
}

describe('the repair flow’s body check', () => {
  it('does not read a strap that says it is off the skin: no bpm, and it says how to fix it', () => {
    flow({ connected: true, bpm: 58, offSkin: true });
    expect(screen.getByRole('status').textContent).toMatch(/not touching your skin/);
    expect(screen.queryByText('58 bpm')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Begin step 1' })).toBeNull();
  });

  it('keeps step 1 closed while the heart is fast, and opens it once it has stayed calm long enough', async () => {
    const check = flow({ connected: true, bpm: 92 });
    expect(screen.getByRole('status').textContent).toMatch(/still running a little fast.*70 bpm or less for 30 s/);
    expect(screen.queryByRole('button', { name: 'Begin step 1' })).toBeNull();
    expect(screen.getByRole('button', { name: 'I’d like to go on now' })).toBeTruthy();

    check.beat(68, 1_000);
    expect(screen.getByRole('status').textContent).toMatch(/Settling/);
    expect(screen.queryByRole('button', { name: 'Begin step 1' })).toBeNull();
    check.beat(74, 10_000); // up again: the 30 s start over
    check.beat(67, 1_000);
    check.beat(66, 20_000);
    expect(screen.queryByRole('button', { name: 'Begin step 1' })).toBeNull();
    check.beat(65, 10_000);
    expect(screen.getByRole('status').textContent).toMatch(/has settled. Step 1 is open/);
    await userEvent.click(screen.getByRole('button', { name: 'Begin step 1' }));
    expect(screen.getByRole('heading', { name: 'Take ownership' })).toBeTruthy();
  });

  it('lets the user choose to go on before calm, then saves the repair with heart rate before and after and the agreement', async () => {
    const user = userEvent.setup();
    const check = flow({ connected: true, bpm: 96 });
    await user.click(screen.getByRole('button', { name: 'I’d like to go on now' }));
    expect(screen.getByText('Step 1 of 5')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Take ownership' }));

    const answers = ['I missed what you needed. I’m sorry.', 'That sounds lonely.', 'What was it like for you?', 'So it felt like I brushed you off?', 'Say “pause” when I start fixing.'];
    const names = ['Take ownership', 'Empathise without defending', 'Get curious', 'Re-attune', 'Ask for next time'];
    for (const [i, answer] of answers.entries()) {
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(names[i]);
      await user.type(screen.getByRole('textbox'), answer);
      if (i < 4) await user.click(screen.getByRole('button', { name: 'Next step' }));
    }
    // Back keeps what was written.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(answers[3]);
    await user.click(screen.getByRole('button', { name: 'Next step' }));

    const followUp = new Date();
    followUp.setDate(followUp.getDate() + 7);
    const day = `${followUp.getFullYear()}-${String(followUp.getMonth() + 1).padStart(2, '0')}-${String(followUp.getDate()).padStart(2, '0')}`;
    await user.type(screen.getByLabelText(/Come back to this agreement on/), day);
    check.beat(74, 240_000);
    await user.click(screen.getByRole('button', { name: 'Save the repair' }));
    expect(await screen.findByRole('heading', { name: 'Your repair is saved' })).toBeTruthy();
    expect(screen.getByText(/Your agreement for next time: “Say “pause” when I start fixing.”/)).toBeTruthy();

    const store = await check.main.services.records.store();
    const [item] = store.listJournal();
    const entry = await store.getJournal(item!.id);
    const [agreement] = store.listAgreements();
    expect(entry.kind).toBe('repair');
    expect(entry.tags).toEqual(['partner']);
    expect(entry.repair).toMatchObject({ hrBeforeBpm: 96, hrAfterBpm: 74, wentOnBeforeCalm: true, agreementId: agreement!.id });
    expect(entry.repair?.steps.map((s) => s.text)).toEqual(answers);
    expect(entry.text).toContain('**Take ownership**\nI missed what you needed.');
    expect(agreement).toMatchObject({ text: answers[4], journalEntryId: entry.id, status: 'active' });
    expect(new Date(agreement!.remindAtMs!).getDate()).toBe(followUp.getDate());

    // The saved entry shows the steps, the heart rate and a way to the agreement.
    await user.click(screen.getByRole('link', { name: 'Open the entry' }));
    expect(window.location.hash).toBe(`#/journal/entry/${entry.id}`);
  });

  it('without a strap, the user decides when to go on, and nothing is measured', async () => {
    const user = userEvent.setup();
    const check = flow({ connected: false, bpm: null });
    expect(screen.getByRole('status').textContent).toMatch(/No strap is connected/);
    await user.click(screen.getByRole('button', { name: 'Go on to step 1' }));
    await user.type(screen.getByRole('textbox'), 'I’m sorry I snapped.');
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: 'Next step' }));
    await user.click(screen.getByRole('button', { name: 'Save the repair' }));
    await screen.findByRole('heading', { name: 'Your repair is saved' });
    const store = await check.main.services.records.store();
    const entry = await store.getJournal(store.listJournal()[0]!.id);
    expect(entry.repair).toMatchObject({ hrBeforeBpm: null, hrAfterBpm: null, wentOnBeforeCalm: false, agreementId: null });
    expect(store.listAgreements()).toEqual([]);
  });

  it('says when the resting heart rate is unknown, and will not save an empty repair', async () => {
    const user = userEvent.setup();
    flow({ connected: true, bpm: 80 }, { calmLineBpm: null });
    expect(screen.getByRole('status').textContent).toMatch(/doesn’t know your resting heart rate yet/);
    await user.click(screen.getByRole('button', { name: 'Go on to step 1' }));
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: 'Next step' }));
    await user.click(screen.getByRole('button', { name: 'Save the repair' }));
    expect(screen.getByRole('alert').textContent).toBe('Write at least one thing you want to say before saving.');
  });

  it('opens from the journal with the app’s heart-rate source (no strap here)', async () => {
    const main = journalMain();
    openAt('#/journal');
    renderApp(main);
    await userEvent.click(await screen.findByRole('link', { name: 'Repair after a miss' }));
    expect(await screen.findByRole('heading', { name: /Before you repair/ })).toBeTruthy();
    expect(screen.getByText(/No strap is connected/)).toBeTruthy();
  });
});

describe('a saved repair entry', () => {
  it('shows each step, the heart rate before and after, and its agreement', async () => {
    const main = journalMain();
    const store = await main.services.records.store();
    const agreement = await store.saveAgreement({ text: 'Pause before fixing.' });
    const entry = await store.createJournal({
      kind: 'repair',
      title: 'Repair after a miss',
      text: '**Take ownership**\nI missed you.',
      repair: { steps: [{ stepId: 'ownership', text: 'I missed you.' }, { stepId: 'curious', text: '' }], hrBeforeBpm: 96.4, hrAfterBpm: 71, wentOnBeforeCalm: true, agreementId: agreement.id },
    });
    openAt(`#/journal/entry/${entry.id}`);
    renderApp(main);
    expect(await screen.findByRole('heading', { level: 3, name: 'Take ownership' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 3, name: 'Get curious' })).toBeNull(); // nothing written there
    expect(screen.getByText(/96 bpm before, 71 bpm after \(you chose to go on before it settled\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the agreement' }).getAttribute('href')).toBe(`#/journal/agreements?id=${agreement.id}`);
  });
});
