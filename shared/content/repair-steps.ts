// The five repair steps from the emotional-attunement article (take ownership, empathise
// without defending, get curious, re-attune, ask for next time), explained in our own
// words. The flow shows one at a time, with room to write what you want to say.

export type RepairStepId = 'ownership' | 'empathise' | 'curious' | 'reattune' | 'next-time';

export type RepairStep = {
  readonly id: RepairStepId;
  readonly name: string;
  readonly explanation: string;
  /** The question above the writing box. */
  readonly ask: string;
  /** A gentle example of the kind of thing one might say, never a script to recite. */
  readonly example: string;
};

export const REPAIR_STEPS: readonly RepairStep[] = [
  {
    id: 'ownership',
    name: 'Take ownership',
    explanation: 'Start with your part, plainly. No “but”, no explaining yet: just that you see you missed them.',
    ask: 'What will you say to own your part?',
    example: 'I think I wasn’t there for you the way you needed just now, and I’m sorry.',
  },
  {
    id: 'empathise',
    name: 'Empathise without defending',
    explanation: 'Let their feeling make sense before you tell your side. You can understand it without agreeing with every word.',
    ask: 'How might it have felt for them?',
    example: 'That must have been really frustrating. I think I’d have felt the same.',
  },
  {
    id: 'curious',
    name: 'Get curious',
    explanation: 'Ask, and then listen. You are trying to learn what the moment was like for them, not to win it.',
    ask: 'What question will you ask them?',
    example: 'Would you tell me what it was like for you right then?',
  },
  {
    id: 'reattune',
    name: 'Re-attune',
    explanation: 'Say back what you heard in your own words and check you got it. Let them correct you.',
    ask: 'How will you check you understood?',
    example: 'So it felt like I brushed you off. Is that right?',
  },
  {
    id: 'next-time',
    name: 'Ask for next time',
    explanation: 'Ask what would help you not miss this again, and agree on something small you can both remember.',
    ask: 'What will you try next time? This becomes an agreement Attune can remind you of.',
    example: 'What would help me catch this sooner next time?',
  },
];
