// Words for how you feel, laid out on two axes: energy (how stirred up your body is) and
// pleasantness (how good or bad it feels). The grid is our own vocabulary; each word has
// one plain line saying what it means, so picking one is easier than finding one.

export type EnergyLevel = 'high' | 'low';
export type Pleasantness = 'pleasant' | 'unpleasant';

export type EmotionWord = {
  readonly id: string;
  readonly word: string;
  readonly energy: EnergyLevel;
  readonly feel: Pleasantness;
  readonly definition: string;
};

export type EmotionQuadrant = {
  readonly energy: EnergyLevel;
  readonly feel: Pleasantness;
  readonly label: string;
  readonly words: readonly EmotionWord[];
};

const word = (energy: EnergyLevel, feel: Pleasantness, id: string, definition: string): EmotionWord => ({
  id,
  word: id.replace(/-/g, ' '),
  energy,
  feel,
  definition,
});

export const EMOTION_WORDS: readonly EmotionWord[] = [
  word('high', 'unpleasant', 'angry', 'Something felt unfair and your body got ready to push back.'),
  word('high', 'unpleasant', 'anxious', 'Your mind ran ahead to what might go wrong.'),
  word('high', 'unpleasant', 'defensive', 'You felt blamed and rushed to protect yourself.'),
  word('high', 'unpleasant', 'frustrated', 'You kept trying and it kept not working.'),
  word('high', 'unpleasant', 'overwhelmed', 'Too much at once; hard to think or take anything in.'),
  word('high', 'unpleasant', 'tense', 'Braced, tight, waiting for the next thing.'),
  word('high', 'unpleasant', 'hurt', 'Something landed on a tender spot.'),

  word('high', 'pleasant', 'hopeful', 'You could see a way forward.'),
  word('high', 'pleasant', 'excited', 'Lively energy about something you want.'),
  word('high', 'pleasant', 'playful', 'Light enough to joke and be silly together.'),
  word('high', 'pleasant', 'proud', 'You did something that matters to you and you know it.'),
  word('high', 'pleasant', 'relieved', 'A weight lifted once the hard part passed.'),
  word('high', 'pleasant', 'connected', 'You felt with your partner, on the same side.'),

  word('low', 'unpleasant', 'sad', 'A heavy, quiet ache about something lost or missed.'),
  word('low', 'unpleasant', 'lonely', 'Even close by, you felt on your own.'),
  word('low', 'unpleasant', 'numb', 'Switched off; hard to feel much at all.'),
  word('low', 'unpleasant', 'drained', 'Your energy ran out before the day did.'),
  word('low', 'unpleasant', 'dismissed', 'What you said seemed not to count.'),
  word('low', 'unpleasant', 'ashamed', 'A sinking sense of being not good enough.'),
  word('low', 'unpleasant', 'withdrawn', 'You pulled back inside yourself to get some distance.'),

  word('low', 'pleasant', 'calm', 'Steady and unhurried; your body is at ease.'),
  word('low', 'pleasant', 'content', 'Things are enough as they are right now.'),
  word('low', 'pleasant', 'safe', 'You can let your guard down here.'),
  word('low', 'pleasant', 'grateful', 'Warmth for something or someone in your life.'),
  word('low', 'pleasant', 'tender', 'Soft and open towards your partner.'),
  word('low', 'pleasant', 'understood', 'Your partner got what you meant, and how it felt.'),
];

const QUADRANT_LABELS: Record<`${EnergyLevel}-${Pleasantness}`, string> = {
  'high-unpleasant': 'Stirred up and uneasy',
  'high-pleasant': 'Lively and good',
  'low-unpleasant': 'Low and heavy',
  'low-pleasant': 'Quiet and good',
};

/** The grid in reading order: high energy on top, unpleasant on the left. */
export function emotionGrid(): EmotionQuadrant[] {
  const order: Array<[EnergyLevel, Pleasantness]> = [
    ['high', 'unpleasant'],
    ['high', 'pleasant'],
    ['low', 'unpleasant'],
    ['low', 'pleasant'],
  ];
  return order.map(([energy, feel]) => ({
    energy,
    feel,
    label: QUADRANT_LABELS[`${energy}-${feel}`],
    words: EMOTION_WORDS.filter((w) => w.energy === energy && w.feel === feel),
  }));
}

const BY_ID = new Map(EMOTION_WORDS.map((w) => [w.id, w]));

export function emotionById(id: string): EmotionWord | null {
  return BY_ID.get(id) ?? null;
}

/** The seven steps of the pleasantness scale, 1 = very unpleasant … 7 = very pleasant. */
export const PLEASANTNESS_STEPS = [
  { value: 1, label: 'Very hard' },
  { value: 2, label: 'Hard' },
  { value: 3, label: 'A bit hard' },
  { value: 4, label: 'Neither' },
  { value: 5, label: 'A bit good' },
  { value: 6, label: 'Good' },
  { value: 7, label: 'Very good' },
] as const;

export function pleasantnessLabel(value: number | null | undefined): string | null {
  return PLEASANTNESS_STEPS.find((step) => step.value === value)?.label ?? null;
}
