import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNS_OF_PROGRESS, signsRatingText } from '../../../../shared/content/signs-of-progress.ts';
import { renderApp, resetWindow } from '../../support/render-app.tsx';
import { journalMain, openAt } from './journal-helpers.tsx';

// The lighter journal: a quick note on the list (a few words, one feeling, one step), the
// full form one click away with what was typed, the form's chips and cues as one Tab stop
// each moved through with the arrow keys, and weekly signs entries showing their ratings.

afterEach(resetWindow);

/** Presses Tab until `target` has focus; how many presses that took (100 means never). */
async function tabsUntil(user: UserEvent, target: HTMLElement): Promise<number> {
  for (let presses = 1; presses <= 100; presses += 1) {
    await user.tab();
    if (document.activeElement === target) return presses;
  }
  return 100;
}

async function newEntry() {
  const main = journalMain();
  openAt('#/journal/new');
  renderApp(main);
  await screen.findByRole('heading', { name: 'New entry' });
  return main;
}

async function journalList() {
  const main = journalMain();
  openAt('#/journal');
  renderApp(main);
  await screen.findByRole('heading', { name: 'A quick note' });
  return main;
}

describe('the full entry form, by keyboard', () => {
  it('starts in the words, and Save is 9 Tab presses away (it was 58 in Chromium)', async () => {
    const user = userEvent.setup();
    await newEntry();
    const text = screen.getByRole('textbox', { name: /What happened/ });
    await waitFor(() => expect(document.activeElement).toBe(text));
    // The scale, the words, the tag box, Add tag, the tags used before, the cues, More
    // details, Link a session, Save: one stop each.
    expect(await tabsUntil(user, screen.getByRole('button', { name: 'Save entry' }))).toBe(9);
  });

  it('moves through the feeling words with the arrow keys, one Tab stop in and one out', async () => {
    const user = userEvent.setup();
    const main = await newEntry();
    await user.type(screen.getByRole('textbox', { name: /What happened/ }), 'Short and tight.');
    await user.tab(); // the scale
    await user.tab(); // the words: the first one
    const words = within(screen.getByRole('group', { name: 'Words for it' }));
    expect(document.activeElement).toBe(words.getByRole('button', { name: 'angry' }));
    for (const button of words.getAllByRole('button')) expect(button.tabIndex).toBe(button.textContent === 'angry' ? 0 : -1);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(words.getByRole('button', { name: 'defensive' }));
    await user.keyboard(' ');
    expect(words.getByRole('button', { name: 'defensive' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(words.getByRole('button', { name: 'understood' }));
    await user.keyboard('{Enter}');
    expect(words.getByRole('button', { name: 'understood' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('{ArrowDown}'); // wraps to the first
    expect(document.activeElement).toBe(words.getByRole('button', { name: 'angry' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Tags' }));
    // Back into the group: where the arrows last were.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(words.getByRole('button', { name: 'angry' }));
    // Enter on a word picked it and did not send the form.
    expect((await main.services.records.store()).listJournal()).toEqual([]);

    await user.tab(); // tags
    await user.tab(); // Add tag
    await user.tab(); // the tags used before
    await user.tab(); // the cues: the first one
    const cues = within(screen.getByRole('group', { name: 'Cues you noticed' }));
    expect(document.activeElement).toBe(cues.getByRole('checkbox', { name: 'A tight jaw' }));
    await user.keyboard('{ArrowDown}{Enter}{End} ');
    expect(cues.getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked).map((box) => box.closest('label')?.textContent)).toEqual([
      'A furrowed brow',
      'My mind going blank',
    ]);
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await screen.findByRole('heading', { level: 2, name: 'Short and tight.' });
    const store = await main.services.records.store();
    expect(await store.getJournal(store.listJournal()[0]!.id)).toMatchObject({
      emotions: ['defensive', 'understood'],
      cues: ['partner-furrowed-brow', 'self-going-blank'],
    });
  });

  it('opens More details by itself when the moment needs fixing', async () => {
    const user = userEvent.setup();
    await newEntry();
    await user.type(screen.getByRole('textbox', { name: /What happened/ }), 'Later.');
    await user.click(screen.getByRole('button', { name: 'More details' }));
    const when = screen.getByLabelText('When it happened');
    await user.clear(when);
    await user.click(screen.getByRole('button', { name: 'Fewer details' }));
    expect(screen.queryByLabelText('When it happened')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByText('Give a date and time, for example today at 21:30.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('When it happened'));
  });
});

describe('the quick note on the journal list', () => {
  it('saves a few words and one feeling in one step, by keyboard, and lists it', async () => {
    const user = userEvent.setup();
    const main = await journalList();
    const text = screen.getByRole('textbox', { name: 'A few words about now' });
    await user.click(text);
    await user.type(text, 'Dinner was easy tonight.');
    expect(await tabsUntil(user, screen.getByRole('button', { name: 'Save note' }))).toBe(2);

    await user.tab({ shift: true }); // back to the feelings
    const feelings = within(screen.getByRole('radiogroup', { name: /One feeling/ }));
    expect(document.activeElement).toBe(feelings.getByRole('radio', { name: 'tense' }));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight} ');
    expect(feelings.getByRole('radio', { name: 'connected' }).getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{ArrowLeft} ');
    // One feeling: picking another lets the first go.
    expect(feelings.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true').map((r) => r.textContent)).toEqual(['hopeful']);
    await user.tab();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Saved “Dinner was easy tonight.” in your journal.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Dinner was easy tonight\./ })).toBeTruthy();
    expect((text as HTMLTextAreaElement).value).toBe('');
    const store = await main.services.records.store();
    const [item] = store.listJournal();
    expect(await store.getJournal(item!.id)).toMatchObject({ text: 'Dinner was easy tonight.', emotions: ['hopeful'], kind: 'reflection' });
  });

  it('will not save an empty note, and says why', async () => {
    const user = userEvent.setup();
    const main = await journalList();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write a few words, or pick how it felt, before saving.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'A few words about now' }));
    expect((await main.services.records.store()).listJournal()).toEqual([]);
  });

  it('“Add more” opens the full form with the words and the feeling kept', async () => {
    const user = userEvent.setup();
    const main = await journalList();
    await user.type(screen.getByRole('textbox', { name: 'A few words about now' }), 'The kids were loud and I snapped.');
    await user.click(screen.getByRole('radio', { name: 'drained' }));
    await user.click(screen.getByRole('button', { name: 'Add more' }));

    await screen.findByRole('heading', { name: 'New entry' });
    expect((screen.getByRole('textbox', { name: /What happened/ }) as HTMLTextAreaElement).value).toBe('The kids were loud and I snapped.');
    expect(screen.getByRole('button', { name: 'drained' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('checkbox', { name: 'My voice getting louder' }));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await screen.findByRole('heading', { level: 2, name: 'The kids were loud and I snapped.' });
    const store = await main.services.records.store();
    expect(await store.getJournal(store.listJournal()[0]!.id)).toMatchObject({ emotions: ['drained'], cues: ['self-raised-voice'] });

    // Taken once: the next new entry starts empty.
    await user.click(screen.getByRole('link', { name: '← All entries' }));
    await user.click(await screen.findByRole('link', { name: 'Write an entry' }));
    expect((screen.getByRole('textbox', { name: /What happened/ }) as HTMLTextAreaElement).value).toBe('');
  });
});

describe('weekly signs entries', () => {
  const rating = [4, 2, 5, 3, 1];

  it('show their five ratings on the entry, once, and in the list', async () => {
    const main = journalMain();
    const store = await main.services.records.store();
    // As the Trends form writes it (its text says the ratings too) and with no text at all.
    const written = await store.createJournal({ kind: 'weekly-signs', title: 'Signs of progress', text: signsRatingText(rating), signsRating: rating, createdAtMs: Date.now() - 60_000 });
    await store.createJournal({ kind: 'weekly-signs', title: 'Signs, last week', text: '', signsRating: [1, 1, 2, 2, 3], createdAtMs: Date.now() - 7 * 86_400_000 });

    openAt('#/journal');
    renderApp(main);
    const row = (await screen.findByRole('link', { name: /^Signs of progress/ })).closest('li') as HTMLElement;
    expect(row.querySelector('.journal-row-signs')?.textContent).toBe(
      'De-escalate quicker 4/5 of 5 · Partner opens up 2/5 of 5 · More confident 5/5 of 5 · More softness 3/5 of 5 · Trust the way back 1/5 of 5',
    );
    const older = (await screen.findByRole('link', { name: /^Signs, last week/ })).closest('li') as HTMLElement;
    expect(older.querySelector('.journal-row-signs')?.textContent).toMatch(/^De-escalate quicker 1\/5/);

    await userEvent.setup().click(within(row).getByRole('link'));
    const section = (await screen.findByRole('heading', { name: 'Signs of progress, as you rated them' })).closest('section') as HTMLElement;
    const facts = within(section).getAllByRole('term').map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual([
      'De-escalate quicker: 4 of 5, mostly',
      'Partner opens up: 2 of 5, a little',
      'More confident: 5 of 5, very much',
      'More softness: 3 of 5, somewhat',
      'Trust the way back: 1 of 5, not at all',
    ]);
    expect(SIGNS_OF_PROGRESS).toHaveLength(5);
    // The text that only repeats the ratings is not shown a second time.
    expect(screen.queryByText(/De-escalate quicker: 4 of 5/, { selector: '.formatted-text *' })).toBeNull();
    expect(written.signsRating).toEqual(rating);
  });
});
