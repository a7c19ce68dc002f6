// Small moments: the article's tiny daily deposits of attunement (a warm look, a thank you,
// turning toward a bid). The one list of what a person can note, with the words the note
// card, the journal and Trends use for them, and the weekly line Trends and the weekly
// reminder share.

export const SMALL_MOMENT_KINDS = [
  { id: 'turned-toward', label: 'Turned toward them', hint: 'They reached for you, and you answered: a look, a question, a story heard.' },
  { id: 'thanked', label: 'Said thank you', hint: 'A thank you for something small, said out loud.' },
  { id: 'checked-in', label: 'Checked in', hint: '“You went quiet. Just checking in.”' },
  { id: 'warmth', label: 'A warm look or touch', hint: 'A hand on a shoulder, a smile across the room.' },
  { id: 'mended', label: 'Mended a small thing', hint: 'A quick sorry, a second try, a softer word.' },
  { id: 'laughed', label: 'Shared a laugh', hint: 'Something funny you both enjoyed.' },
] as const;

export type SmallMomentKind = (typeof SMALL_MOMENT_KINDS)[number]['id'];

export const SMALL_MOMENT_KIND_IDS = SMALL_MOMENT_KINDS.map((kind) => kind.id) as [SmallMomentKind, ...SmallMomentKind[]];

/** How many words a moment may carry: a line, not an entry. */
export const SMALL_MOMENT_WORDS_MAX_CHARS = 500;

export function smallMomentLabel(kind: string): string {
  return SMALL_MOMENT_KINDS.find((known) => known.id === kind)?.label ?? 'A small moment';
}

/** "3 small moments this week", the same words in Trends and in the weekly reminder. */
export function smallMomentsThisWeekText(count: number): string {
  if (count === 0) return 'No small moments noted this week yet';
  return `${count} small ${count === 1 ? 'moment' : 'moments'} this week`;
}

export const SMALL_MOMENTS_WHY =
  'Small moments of turning toward each other add up over time, and they help when things get hard. Noting one takes two taps; nobody else sees it.';
