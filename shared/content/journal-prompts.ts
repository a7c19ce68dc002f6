// The journal's prompt library: questions to write from, grouped by theme. Four of them
// carry the ideas of the four journal prompts in the emotional-attunement article that
// Attune grew from (`source: 'article'`); the wording throughout is our own. Ids are
// stable: entries and favourites refer to them, so a prompt may be reworded but its id
// never reused for a different question.

import { type CivilDate } from '../time/civil-date.ts';
import { itemOfTheDay } from './item-of-the-day.ts';

export const PROMPT_THEMES = ['feeling-seen', 'noticing', 'regulating', 'micro-attunement', 'repair', 'gratitude'] as const;
export type PromptTheme = (typeof PROMPT_THEMES)[number];

export const PROMPT_THEME_LABELS: Record<PromptTheme, string> = {
  'feeling-seen': 'Feeling seen',
  noticing: 'Noticing cues',
  regulating: 'Settling your body',
  'micro-attunement': 'Small moments',
  repair: 'After a miss',
  gratitude: 'What is working',
};

export type JournalPrompt = {
  readonly id: string;
  readonly theme: PromptTheme;
  readonly text: string;
  /** 'article': one of the article's four prompts, in our words; 'attune': our own. */
  readonly source: 'article' | 'attune';
};

export const JOURNAL_PROMPTS: readonly JournalPrompt[] = [
  { id: 'seen-last-time', theme: 'feeling-seen', source: 'article', text: 'Think of the last time someone truly saw you. What did they do or say that let you know?' },
  { id: 'seen-partner-knows', theme: 'feeling-seen', source: 'attune', text: 'What is one thing about you that you wish your partner noticed more often?' },
  { id: 'seen-you-saw', theme: 'feeling-seen', source: 'attune', text: 'When did you last see your partner clearly, beyond the words? What told you?' },

  { id: 'notice-partner-cues', theme: 'noticing', source: 'article', text: 'How does your partner’s body tell you they are upset, pulling away or overwhelmed? Write down what you see.' },
  { id: 'notice-own-cues', theme: 'noticing', source: 'attune', text: 'Where in your body did today’s hard moment show up first?' },
  { id: 'notice-voice', theme: 'noticing', source: 'attune', text: 'Think of a recent talk. When did the voices change, yours or theirs? What happened just before?' },

  { id: 'regulate-what-helps', theme: 'regulating', source: 'article', text: 'When a disagreement stirs you up, what helps your body settle? List what has worked, even a little.' },
  { id: 'regulate-early-sign', theme: 'regulating', source: 'attune', text: 'What is the earliest sign that you are getting flooded? What could you do in that first minute?' },
  { id: 'regulate-break', theme: 'regulating', source: 'attune', text: 'How would you like to ask for a break next time, in words that feel kind to both of you?' },

  { id: 'micro-this-week', theme: 'micro-attunement', source: 'article', text: 'Pick one small moment of attunement to offer your partner this week. What will it be, and when?' },
  { id: 'micro-landed', theme: 'micro-attunement', source: 'attune', text: 'Was there a small check-in today that landed well? What made it work?' },
  { id: 'micro-feel-find-reflect', theme: 'micro-attunement', source: 'attune', text: 'Walk through a recent moment with Feel → Find → Reflect: what was in the room, what might they have felt, what could you have said?' },

  { id: 'repair-missed', theme: 'repair', source: 'attune', text: 'Where did you miss each other recently? Describe it without deciding who was right.' },
  { id: 'repair-what-needed', theme: 'repair', source: 'attune', text: 'What do you think your partner needed from you in that moment?' },
  { id: 'repair-own-part', theme: 'repair', source: 'attune', text: 'What part of the last misunderstanding can you honestly own?' },

  { id: 'good-softness', theme: 'gratitude', source: 'attune', text: 'When was there a little more softness between you lately, even in tension?' },
  { id: 'good-back-quicker', theme: 'gratitude', source: 'attune', text: 'Think of a disagreement that settled sooner than it used to. What was different?' },
  { id: 'good-appreciate', theme: 'gratitude', source: 'attune', text: 'What did your partner do this week that you appreciated but did not say out loud?' },
];

const BY_ID = new Map(JOURNAL_PROMPTS.map((prompt) => [prompt.id, prompt]));

export function promptById(id: string | null | undefined): JournalPrompt | null {
  return id ? (BY_ID.get(id) ?? null) : null;
}

export function promptsByTheme(): Array<{ theme: PromptTheme; label: string; prompts: JournalPrompt[] }> {
  return PROMPT_THEMES.map((theme) => ({
    theme,
    label: PROMPT_THEME_LABELS[theme],
    prompts: JOURNAL_PROMPTS.filter((prompt) => prompt.theme === theme),
  }));
}

/** The prompt of the day in the user's own time zone: the window and the tray show the same one. */
export function promptOfTheDay(date: CivilDate, prompts: readonly JournalPrompt[] = JOURNAL_PROMPTS): JournalPrompt {
  return itemOfTheDay(prompts, date);
}

/**
 * "Give me a prompt": a random prompt, never the one already showing. Favourites come up
 * twice as often. `random` is injected (Math.random in the app, a fixed sequence in tests).
 */
export function pickPrompt(options: {
  random: () => number;
  excludeId?: string | null;
  favouriteIds?: readonly string[];
  prompts?: readonly JournalPrompt[];
}): JournalPrompt {
  const all = options.prompts ?? JOURNAL_PROMPTS;
  const pool = all.length > 1 ? all.filter((prompt) => prompt.id !== options.excludeId) : all;
  const favourites = new Set(options.favouriteIds ?? []);
  const weighted: JournalPrompt[] = [];
  for (const prompt of pool) {
    weighted.push(prompt);
    if (favourites.has(prompt.id)) weighted.push(prompt);
  }
  const index = Math.min(weighted.length - 1, Math.floor(options.random() * weighted.length));
  const picked = weighted[index];
  if (!picked) throw new Error('pickPrompt needs at least one prompt');
  return picked;
}
