import { useState } from 'react';
import { pickPrompt, promptById, promptOfTheDay, promptsByTheme, type JournalPrompt } from '../../../shared/content/journal-prompts.ts';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { JournalLink } from './journal-link.tsx';
import { newEntryPath } from './journal-path.ts';
import { BackToList, ProblemAlert } from './page-parts.tsx';

// The prompt library: today's prompt, "give me a prompt", favourites, and every prompt by
// theme. Favourites live in settings (journal.favouritePromptIds).

export function PromptsView({ random = Math.random, nowMs = Date.now }: { random?: () => number; nowMs?: () => number }) {
  const { state, update } = useSettings();
  const favourites = state.status === 'ready' ? state.settings.journal.favouritePromptIds : [];
  const [today] = useState(() => promptOfTheDay(civilDateOf(nowMs())));
  const [given, setGiven] = useState<JournalPrompt | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const toggleFavourite = async (id: string) => {
    const next = favourites.includes(id) ? favourites.filter((f) => f !== id) : [...favourites, id];
    const result = await update({ journal: { favouritePromptIds: next } });
    setProblem(result.ok ? null : `Your favourites were not saved: ${result.message}`);
  };

  const favouritePrompts = favourites.map((id) => promptById(id)).filter((p) => p !== null);

  const row = (prompt: JournalPrompt) => {
    const starred = favourites.includes(prompt.id);
    return (
      <li key={prompt.id} className="prompt-row">
        <p className="prompt-text">{prompt.text}</p>
        <div className="prompt-actions">
          <JournalLink className="button button-quiet button-small" to={newEntryPath({ promptId: prompt.id })}>
            Write about this
          </JournalLink>
          <button type="button" className="button button-quiet button-small" aria-pressed={starred} onClick={() => void toggleFavourite(prompt.id)}>
            <span aria-hidden="true">{starred ? '★' : '☆'}</span> Favourite
          </button>
        </div>
      </li>
    );
  };

  return (
    <div className="journal-prompts">
      <BackToList />
      <h2 className="journal-view-title">Prompts</h2>
      <section className="prompt-card" aria-labelledby="prompt-today">
        <h3 id="prompt-today" className="journal-subheading">
          Today’s prompt
        </h3>
        <p className="prompt-feature">{today.text}</p>
        <JournalLink className="button" to={newEntryPath({ promptId: today.id })}>
          Write about this
        </JournalLink>
      </section>

      <section className="prompt-card" aria-labelledby="prompt-given">
        <h3 id="prompt-given" className="journal-subheading">
          Not sure where to start?
        </h3>
        <div aria-live="polite">
          {given && (
            <>
              <p className="prompt-feature">{given.text}</p>
              <JournalLink className="button" to={newEntryPath({ promptId: given.id })}>
                Write about this
              </JournalLink>{' '}
            </>
          )}
        </div>
        <button type="button" className="button button-quiet" onClick={() => setGiven(pickPrompt({ random, excludeId: given?.id ?? today.id, favouriteIds: favourites }))}>
          {given ? 'Another prompt' : 'Give me a prompt'}
        </button>
      </section>

      <ProblemAlert problem={problem} />

      {favouritePrompts.length > 0 && (
        <section aria-labelledby="prompt-favourites">
          <h3 id="prompt-favourites" className="journal-subheading">
            Your favourites
          </h3>
          <ul className="plain-list">{favouritePrompts.map(row)}</ul>
        </section>
      )}

      {promptsByTheme().map((group) => (
        <section key={group.theme} aria-labelledby={`prompt-theme-${group.theme}`}>
          <h3 id={`prompt-theme-${group.theme}`} className="journal-subheading">
            {group.label}
          </h3>
          <ul className="plain-list">{group.prompts.map(row)}</ul>
        </section>
      ))}
    </div>
  );
}
