import { describe, expect, it } from 'vitest';
import { BREAK_MIN_MS } from '../../../shared/check/break-bounds.ts';
import { READING_SEC, SIGNAL_CHECK_CLEAN_SEC } from '../../../shared/check/check-flow-types.ts';
import { DEBRIEF_SCALE } from '../../../shared/content/check-copy.ts';
import * as copy from '../../../shared/content/check-steps-copy.ts';
import {
  BREAK_WORDS,
  CONVERSATION_WORDS,
  DEBRIEF_WORDS,
  GROUNDING_WORDS,
  READING_WORDS,
  RETURN_CHECK_WORDS,
  RETURN_TIME_WORDS,
  SIGNAL_CHECK_WORDS,
  SIGNAL_PROBLEM_WORDS,
} from '../../../shared/content/check-steps-copy.ts';

/** Every plain string in the module, with where it sits. */
function allStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => allStrings(inner, `${path}.${key}`));
}

describe('the check steps’ words', () => {
  it('are single tidy lines: no stray spaces or line breaks left over from JSX', () => {
    const strings = allStrings(copy, 'copy');
    expect(strings.length).toBeGreaterThan(60);
    for (const [path, text] of strings) {
      expect(text, path).toBe(text.trim());
      expect(text, path).not.toMatch(/\n| {2}/);
      expect(text.length, path).toBeGreaterThan(0);
    }
  });

  it('put the figures into the sentences that carry them', () => {
    expect(SIGNAL_CHECK_WORDS.lead(SIGNAL_CHECK_CLEAN_SEC)).toBe(
      `Sit comfortably and breathe as you usually do. Attune needs about ${SIGNAL_CHECK_CLEAN_SEC} seconds of steady heartbeats.`,
    );
    expect(READING_WORDS.secondsLeft(42)).toBe('42 seconds left');
    expect(GROUNDING_WORDS.stepOf(2, 4)).toBe('Step 2 of 4');
    expect(BREAK_WORDS.comeBackAt('9:40 PM', 13)).toBe('Come back at 9:40 PM, in 13 minutes.');
    expect(BREAK_WORDS.comeBackAt('21:40', 1)).toBe('Come back at 21:40, in a minute.');
    expect(CONVERSATION_WORDS.breaksSoFar(1)).toBe('You took one break so far.');
    expect(CONVERSATION_WORDS.breaksSoFar(2)).toBe('You took 2 breaks so far.');
    expect(CONVERSATION_WORDS.timeTogether('3:05')).toBe('Time together: 3:05');
  });

  it('title a debrief with the chosen answer, or plainly without one', () => {
    expect(DEBRIEF_WORDS.entryTitle(null)).toBe('After the conversation');
    expect(DEBRIEF_WORDS.entryTitle(DEBRIEF_SCALE[5]!.label)).toBe('After the conversation: good');
    expect(DEBRIEF_SCALE.map((step) => step.pleasantness)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('explain every signal problem and every answer to "Ready to return?"', () => {
    expect(Object.keys(SIGNAL_PROBLEM_WORDS).sort()).toEqual(['no-beats', 'no-contact', 'noisy']);
    expect(Object.keys(RETURN_CHECK_WORDS).sort()).toEqual(['no-reading', 'not-calm-yet', 'too-soon']);
  });

  it('name the same durations as the check itself', () => {
    // These sentences say the figures in words; if the flow's constants change, so must they.
    const breakMinutes = `${BREAK_MIN_MS / 60_000} minutes`;
    expect(BREAK_WORDS.lead).toContain(breakMinutes);
    expect(RETURN_TIME_WORDS.hint).toContain(breakMinutes);
    expect(RETURN_CHECK_WORDS['too-soon']).toContain(breakMinutes);
    expect(BREAK_WORDS.minimumPassed('21:40')).toMatch(/^Twenty minutes/);
    expect(BREAK_WORDS.conversation.lead).toContain(breakMinutes);
    expect(BREAK_MIN_MS).toBe(20 * 60_000);
    expect(READING_WORDS.lead).toContain('one minute');
    expect(READING_SEC).toBe(60);
  });
});
