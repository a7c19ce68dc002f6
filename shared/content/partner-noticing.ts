import { BODY_CUES, type BodyCue } from './body-cues.ts';

// Noticing your partner during a hard conversation, as the emotional-attunement article asks:
// watch their body with curiosity (a jaw, shoulders, a voice, going quiet, looking away,
// speeding up), then check in gently rather than interpret. Our own words. Nothing here
// records anything about the partner while the conversation runs; afterwards the debrief may
// keep what *you* noticed, in your own journal, if you choose to write it down.

/**
 * The few cues the conversation card shows and the debrief offers to tick: a short, calm list
 * taken from the journal's cue vocabulary (body-cues.ts), so an entry's ticks read the same
 * wherever they were made.
 */
const PARTNER_CUE_IDS = [
  'partner-tight-jaw',
  'partner-tight-shoulders',
  'partner-quiet-voice',
  'partner-went-quiet',
  'partner-looking-away',
  'partner-speeding-up',
] as const;

export const PARTNER_CUES: readonly BodyCue[] = PARTNER_CUE_IDS.map((id) => {
  const cue = BODY_CUES.find((c) => c.id === id);
  if (!cue) throw new Error(`No body cue "${id}"`);
  return cue;
});

/** Gentle ways to check in when something shifts: curious questions, never a verdict on them. */
export const CURIOUS_PHRASES: readonly string[] = [
  'You have gone a bit quiet. I am here, no rush.',
  'I think something I said landed hard. Can we slow down for a moment?',
  'You look tense. What is happening for you right now?',
  'Would it help if I just listened for a while?',
  'I am not sure I understood. Can you tell me more?',
];

export const PARTNER_CARD_WORDS = {
  toggle: 'Noticing your partner',
  lead: 'Only if you have room for it. Your own body comes first. Nothing on this card is recorded.',
  cuesHeading: 'What their body may show',
  phrasesHeading: 'If you notice something, you could ask',
} as const;

export const PARTNER_DEBRIEF_WORDS = {
  cuesLegend: 'What did you notice in your partner? (optional)',
  noteLabel: 'Anything else you noticed in them? (optional)',
  /** Leads the partner note inside the entry's text, so the journal keeps it in your words. */
  notePrefix: 'What I noticed in my partner:',
} as const;

/** The longest partner note the debrief takes: a line, not an essay. */
export const PARTNER_NOTE_MAX_CHARS = 500;

/**
 * The debrief entry's text: the user's own note, then what they noticed in their partner as a
 * paragraph of its own (so it reads back, searches and edits like the rest of the entry).
 */
export function debriefEntryText(note: string, partnerNote: string): string {
  const partner = partnerNote.trim();
  if (!partner) return note;
  const line = `${PARTNER_DEBRIEF_WORDS.notePrefix} ${partner}`;
  return note.trim() ? `${note.trimEnd()}\n\n${line}` : line;
}
