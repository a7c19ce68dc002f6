import type { CheckFeeling } from '../check/feeling.ts';

// The words of the tray's half-minute check-in: Feel (notice the body, with the check's own
// one-tap answers, FEELING_WORDS in check-steps-copy.ts), Find (one small steadying thing that
// suits the answer: for going numb or blank, back into the room before any breathing), Reflect
// (one short question, then the day's phrase). Every step can be skipped; nothing here claims
// to measure anything.

export const STEADYING_FOR: Record<CheckFeeling, string> = {
  racing: 'Breathe out slowly, a little longer than you breathed in. Once is enough.',
  stirred: 'Let your shoulders drop, unclench your jaw and take one slow breath out.',
  numb: 'Press your feet into the floor and look around: name three things you can see.',
  fine: 'Notice what is helping right now, so you can find it again later.',
};

/** What Find offers when Feel was skipped. */
export const STEADYING_WITHOUT_ANSWER = 'Feel your feet on the floor and take one slow breath out.';

export const CHECK_IN_STEPS = {
  feel: { title: 'Feel', question: 'How is your body right now?' },
  find: { title: 'Find', question: 'One small steadying thing' },
  reflect: { title: 'Reflect', question: 'Who around you might be carrying something today?' },
} as const;
