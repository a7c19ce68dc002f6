// The regulation check's own words: grounding cues, ideas for a break, the intention card.
// Written for Attune after the article's advice (regulate your body first; Feel → Find →
// Reflect; "I don't need to fix this"), in plain second person. Never a medical claim.
import type { GroundingKind } from '../check/check-flow-types.ts';
import type { RegulationState } from '../signal/regulation-rules.ts';
import { PLEASANTNESS_STEPS } from './emotions.ts';

export type GroundingCue = { readonly id: string; readonly title: string; readonly text: string };

/** Body first, one step at a time, for a stirred-up body (the check shows them in this order). */
const SETTLE_CUES: readonly GroundingCue[] = [
  {
    id: 'breath',
    title: 'Let one breath go',
    text: 'Breathe in through your nose, then let the air out slowly, a little longer than it took to come in.',
  },
  {
    id: 'shoulders',
    title: 'Let your shoulders drop',
    text: 'Notice where your shoulders are. Let them sink away from your ears, and soften your jaw while you are there.',
  },
  {
    id: 'feet',
    title: 'Feel your feet',
    text: 'Press your feet gently into the floor. Notice the ground holding you up; you do not have to hold yourself.',
  },
  {
    id: 'here',
    title: 'Say it to yourself',
    text: '"I don\'t need to fix this. I just need to be here." You can say it out loud or in your head, as often as you like.',
  },
];

/**
 * For going quiet (numb, blank, far away, wanting to leave the room): back into the room and
 * the body first, with the senses and small movements; slow breathing only comes after.
 */
const SHUTDOWN_CUES: readonly GroundingCue[] = [
  {
    id: 'room',
    title: 'Look around the room',
    text: 'Let your eyes wander slowly, as if you had just walked in. Turn your head as well. Notice the light, the colours, where the door is. You are here, and this moment is now.',
  },
  {
    id: 'five-things',
    title: 'Name five things you can see',
    text: 'One at a time, in your head or out loud: a cup, the edge of a table, a window, a colour you like. Take your time with each.',
  },
  {
    id: 'move',
    title: 'Move a little',
    text: 'Wiggle your toes, roll your shoulders, press your palms together, or stand and stretch. Small movements help a body that has gone still to wake up again.',
  },
  {
    id: 'temperature',
    title: 'Feel something warm or cool',
    text: 'Wrap your hands around a warm mug, or let cool water run over your wrists. Stay with the feeling on your skin for a few breaths.',
  },
  {
    id: 'say-where-you-are',
    title: 'Let your partner know where you are',
    text: 'Going quiet can look like leaving from the outside. A few words keep the two of you together while you come back.',
  },
];

/** The grounding cues for each kind, in order; their numbers match GROUNDING_CUE_COUNTS. */
export const GROUNDING_CUES: Readonly<Record<GroundingKind, readonly GroundingCue[]>> = { settle: SETTLE_CUES, shutdown: SHUTDOWN_CUES };

export const STATE_WORDS: Readonly<Record<RegulationState, { readonly title: string; readonly text: string }>> = {
  calm: {
    title: 'Calm',
    text: 'Your heart rate is close to your resting level. Your body seems settled.',
  },
  elevated: {
    title: 'A little stirred up',
    text: 'Your heart rate is somewhat above your resting level. That is common before a talk that matters; a few slow breaths can help.',
  },
  flooded: {
    title: 'Flooded',
    text: 'Your heart rate has stayed well above your resting level. When the body is this stirred up, listening gets hard for anyone. Settling first will help you both.',
  },
};

/** Short ideas for the break: kind to the body, away from the argument. */
export const SELF_SOOTHING_IDEAS: readonly string[] = [
  'Take a slow walk, even just around the room or the block.',
  'Hold something warm: a cup of tea, a warm towel, your own hands.',
  'Breathe with the pacer for a few minutes, long and easy on the way out.',
  'Listen to a song you love, all the way through.',
  'Splash cool water on your face and wrists.',
  'Stretch slowly: neck, shoulders, the backs of your legs.',
  'Look out of a window and name five things you can see.',
  'Try not to rehearse the argument. If it comes back, notice it and return to your breath.',
];

export type IntentionStep = { readonly name: 'Feel' | 'Find' | 'Reflect'; readonly prompt: string; readonly example: string };

/** The article's Feel → Find → Reflect, as a card to carry into the conversation. */
export const INTENTION_STEPS: readonly IntentionStep[] = [
  { name: 'Feel', prompt: 'What is the feeling in the room right now?', example: 'Tense? Tired? Hurt? Just notice it.' },
  {
    name: 'Find',
    prompt: 'Make a kind guess about what your partner might be feeling.',
    example: 'Maybe they feel unheard, or alone with this.',
  },
  { name: 'Reflect', prompt: 'Check your guess gently, as a question.', example: '"I wonder if that felt dismissive?"' },
];

export const INTENTION_REMINDER = "I don't need to fix this. I just need to be here.";

/** The debrief scale: five plain answers, stored as the journal's 1–7 pleasantness. */
/**
 * How the conversation went: the journal's own pleasantness scale (shared/content/emotions.ts),
 * word for word, so an answer given here reads the same in the entry and in Trends.
 */
export const DEBRIEF_SCALE: readonly { readonly label: string; readonly pleasantness: number }[] = PLEASANTNESS_STEPS.map((step) => ({
  label: step.label,
  pleasantness: step.value,
}));

/** At or below this on the scale ("A bit hard"), the thank-you screen offers a repair. */
export const DEBRIEF_REPAIR_AT_MOST = 3;

/** The neutral words of the flooding cue: nothing intimate on a lock screen. */
export const FLOOD_CUE = { title: 'Attune', body: 'Maybe a good moment for a short pause.' } as const;

export const NOT_A_MEDICAL_DEVICE =
  'Attune is not a medical device. Its calm and flooded lines are rules of thumb from couples research, not a diagnosis.';
