import { describe, expect, it } from 'vitest';
import { BODY_CUES } from '../../../shared/content/body-cues.ts';
import { EMOTION_WORDS, emotionGrid, PLEASANTNESS_STEPS } from '../../../shared/content/emotions.ts';
import { JOURNAL_PROMPTS, pickPrompt, promptById, promptOfTheDay, promptsByTheme } from '../../../shared/content/journal-prompts.ts';
import { REPAIR_STEPS } from '../../../shared/content/repair-steps.ts';

describe('prompt library', () => {
  it('holds the article’s four prompts among our own, every prompt in a theme, ids unique', () => {
    expect(JOURNAL_PROMPTS.filter((p) => p.source === 'article')).toHaveLength(4);
    expect(JOURNAL_PROMPTS.length).toBeGreaterThan(12);
    expect(new Set(JOURNAL_PROMPTS.map((p) => p.id)).size).toBe(JOURNAL_PROMPTS.length);
    expect(promptsByTheme().flatMap((group) => group.prompts)).toHaveLength(JOURNAL_PROMPTS.length);
    expect(promptsByTheme().every((group) => group.prompts.length > 0)).toBe(true);
    expect(promptById('micro-this-week')?.theme).toBe('micro-attunement');
    expect(promptById('gone')).toBeNull();
  });

  it('gives one prompt per calendar day, the same every time, never the same two days running', () => {
    const first = promptOfTheDay({ year: 2025, month: 3, day: 14 });
    expect(promptOfTheDay({ year: 2025, month: 3, day: 14 })).toBe(first);
    let previous = promptOfTheDay({ year: 2024, month: 12, day: 31 });
    const seen = new Set<string>();
    for (let day = 0; day < 400; day += 1) {
      const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
      const prompt = promptOfTheDay({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      expect(prompt.id).not.toBe(previous.id);
      seen.add(prompt.id);
      previous = prompt;
    }
    expect(seen.size).toBe(JOURNAL_PROMPTS.length);
  });

  it('"give me a prompt" never repeats the one showing, and favours favourites', () => {
    let i = 0;
    const sequence = () => ((i += 0.137) % 1);
    const counts = new Map<string, number>();
    for (let n = 0; n < 2000; n += 1) {
      const picked = pickPrompt({ random: sequence, excludeId: 'seen-last-time', favouriteIds: ['micro-this-week'] });
      expect(picked.id).not.toBe('seen-last-time');
      counts.set(picked.id, (counts.get(picked.id) ?? 0) + 1);
    }
    const favourite = counts.get('micro-this-week') ?? 0;
    const other = counts.get('micro-landed') ?? 0;
    expect(favourite).toBeGreaterThan(other * 1.5);
  });
});

describe('emotion grid, pleasantness, body cues and repair steps', () => {
  it('lays every word out in one of four quadrants, each with a one-line definition', () => {
    const grid = emotionGrid();
    expect(grid.map((q) => `${q.energy}-${q.feel}`)).toEqual(['high-unpleasant', 'high-pleasant', 'low-unpleasant', 'low-pleasant']);
    expect(grid.flatMap((q) => q.words)).toHaveLength(EMOTION_WORDS.length);
    for (const word of EMOTION_WORDS) {
      expect(word.definition.length).toBeGreaterThan(10);
      expect(word.definition).not.toMatch(/\n/);
    }
    expect(new Set(EMOTION_WORDS.map((w) => w.id)).size).toBe(EMOTION_WORDS.length);
  });

  it('has a seven-step pleasantness scale, body cues for both people, and the five repair steps in order', () => {
    expect(PLEASANTNESS_STEPS.map((s) => s.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(BODY_CUES.some((c) => c.whose === 'partner') && BODY_CUES.some((c) => c.whose === 'self')).toBe(true);
    expect(BODY_CUES.every((c) => c.id.length <= 60)).toBe(true);
    expect(REPAIR_STEPS.map((s) => s.name)).toEqual(['Take ownership', 'Empathise without defending', 'Get curious', 'Re-attune', 'Ask for next time']);
  });
});
