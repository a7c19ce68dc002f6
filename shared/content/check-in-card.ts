import type { CheckFeeling } from '../check/feeling.ts';
import { INTENTION_STEPS } from './check-copy.ts';

// The words of the tray's half-minute check-in, the article's Feel → Find → Reflect as the
// intention card before a conversation has it (INTENTION_STEPS, the one home for Find and
// Reflect): Feel starts with your own body, with the check's one-tap answers (FEELING_WORDS in
// check-steps-copy.ts) and one small steadying thing that suits the answer (the article's
// "regulate your own body first"; for going numb or blank, back into the room before any
// breathing); Find is one kind guess about what your partner may be feeling; Reflect is how
// to check that guess gently, then the day's phrase. Every step can be skipped; nothing here
// claims to measure anything.

export const STEADYING_FOR: Record<CheckFeeling, string> = {
  racing: 'Breathe out slowly, a little longer than you breathed in. Once is enough.',
  stirred: 'Let your shoulders drop, unclench your jaw and take one slow breath out.',
  numb: 'Press your feet into the floor and look around: name three things you can see.',
  fine: 'Notice what is helping right now, so you can find it again later.',
};

const [, FIND, REFLECT] = INTENTION_STEPS;

export const CHECK_IN_STEPS = {
  feel: { title: 'Feel', question: 'What is the feeling in you right now?', hint: 'Start with your own body; the room comes after.' },
  find: { title: 'Find', question: FIND!.prompt, hint: FIND!.example },
  reflect: { title: 'Reflect', question: REFLECT!.prompt, example: `For example: ${REFLECT!.example}`, hint: 'And today’s phrase, to try when the moment comes:' },
} as const;
