// Cues a body gives when a conversation gets hard, to tick in a reflection. The first
// group follows the cues the emotional-attunement article asks you to watch for in your
// partner (tight jaw, furrowed brow, flat voice, leaning back, crossed arms, sighing,
// holding breath), with a few more the conversation's partner card names (shoulders,
// looking away, speeding up); the second is what you may notice in yourself. Our own words; no
// diagnosis and no labels, only what could be seen or felt.

export type BodyCue = {
  readonly id: string;
  readonly label: string;
  /** Whose body: 'partner' (what you saw) or 'self' (what you felt). */
  readonly whose: 'partner' | 'self';
};

export const BODY_CUES: readonly BodyCue[] = [
  { id: 'partner-tight-jaw', whose: 'partner', label: 'A tight jaw' },
  { id: 'partner-furrowed-brow', whose: 'partner', label: 'A furrowed brow' },
  { id: 'partner-quiet-voice', whose: 'partner', label: 'A quiet or flat voice' },
  { id: 'partner-leaning-back', whose: 'partner', label: 'Leaning back, moving away' },
  { id: 'partner-crossed-arms', whose: 'partner', label: 'Crossed arms' },
  { id: 'partner-sighing', whose: 'partner', label: 'Sighing' },
  { id: 'partner-holding-breath', whose: 'partner', label: 'Holding their breath' },
  { id: 'partner-went-quiet', whose: 'partner', label: 'Going quiet all of a sudden' },
  { id: 'partner-tight-shoulders', whose: 'partner', label: 'Raised or tight shoulders' },
  { id: 'partner-looking-away', whose: 'partner', label: 'Looking away' },
  { id: 'partner-speeding-up', whose: 'partner', label: 'Talking faster and faster' },

  { id: 'self-racing-heart', whose: 'self', label: 'My heart racing' },
  { id: 'self-tight-chest', whose: 'self', label: 'A tight chest' },
  { id: 'self-shallow-breath', whose: 'self', label: 'Short, shallow breaths' },
  { id: 'self-hot-face', whose: 'self', label: 'A hot face or neck' },
  { id: 'self-clenched-hands', whose: 'self', label: 'Clenched hands or jaw' },
  { id: 'self-raised-voice', whose: 'self', label: 'My voice getting louder' },
  { id: 'self-wanting-out', whose: 'self', label: 'Wanting to leave the room' },
  { id: 'self-going-blank', whose: 'self', label: 'My mind going blank' },
];

export const BODY_CUE_GROUPS = [
  { whose: 'partner' as const, label: 'What you saw in your partner' },
  { whose: 'self' as const, label: 'What you felt in yourself' },
];

const BY_ID = new Map(BODY_CUES.map((cue) => [cue.id, cue]));

export function bodyCueLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id;
}
