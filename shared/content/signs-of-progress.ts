// The article's five signs that attunement is growing, as the weekly self-rating asks them.
// Order matters: a journal entry's `signsRating` holds one 1–5 value per sign, in this order.

export const SIGNS_OF_PROGRESS = [
  { id: 'de-escalate', short: 'De-escalate quicker', question: 'Hard moments settled more quickly this week.' },
  { id: 'opens-up', short: 'Partner opens up', question: 'My partner opened up to me more easily.' },
  { id: 'confidence', short: 'More confident', question: 'I felt more confident finding my way through emotional moments.' },
  { id: 'softness', short: 'More softness', question: 'There was more softness between us, even in tension.' },
  { id: 'way-back', short: 'Trust the way back', question: 'We both trusted that we would find our way back to each other.' },
] as const;

export const SIGNS_SCALE_WORDS = ['Not at all', 'A little', 'Somewhat', 'Mostly', 'Very much'] as const;

/** The words a weekly rating is saved with as its entry's text: one "sign: n of 5" line per sign. */
export function signsRatingText(rating: readonly number[]): string {
  return SIGNS_OF_PROGRESS.map((sign, i) => `${sign.short}: ${rating[i]} of 5`).join('\n');
}
