// The words of the tray's half-minute check-in: Feel (notice the body), Find (one small
// steadying thing that suits what the body said), Reflect (one short question, then the
// day's phrase). Every step can be skipped; nothing here claims to measure anything.

export const BODY_NOTICES = [
  { id: 'buzzing', label: 'Tight or buzzing', steadying: 'Breathe out slowly, a little longer than you breathed in. Once is enough.' },
  { id: 'heavy', label: 'Heavy or far away', steadying: 'Press your feet into the floor and look around: name three things you can see.' },
  { id: 'mixed', label: 'Somewhere in between', steadying: 'Let your shoulders drop and unclench your jaw.' },
  { id: 'settled', label: 'Settled', steadying: 'Notice what is helping right now, so you can find it again later.' },
] as const;

export type BodyNotice = (typeof BODY_NOTICES)[number]['id'];

/** What Find offers when Feel was skipped. */
export const STEADYING_WITHOUT_NOTICE = 'Feel your feet on the floor and take one slow breath out.';

export const CHECK_IN_STEPS = {
  feel: { title: 'Feel', question: 'How is your body right now?' },
  find: { title: 'Find', question: 'One small steadying thing' },
  reflect: { title: 'Reflect', question: 'Who around you might be carrying something today?' },
} as const;
