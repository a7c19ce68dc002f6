// The words on each screen of the regulation check (renderer/features/check/steps/): one group
// per step, in the order the check shows them. The cues, the break ideas, the intention card and
// the body-state words live in check-copy.ts. A sentence with a number or a time in it is a small
// function here, so the component only supplies the figure. Plain second person, one clear next
// step on every screen; never a medical claim.
import type { SignalProblem, Step } from '../check/check-flow-types.ts';
import type { CheckFeeling, CheckRoute } from '../check/feeling.ts';

/** The quiet way out that most steps offer. */
export const CANCEL_WORDS = {
  stop: 'Stop the check',
  endHere: 'End here',
  endBreak: 'End the break',
} as const;

export const SIGNAL_CHECK_WORDS = {
  heading: 'Checking the signal',
  lead: (cleanSec: number) =>
    `Sit comfortably and breathe as you usually do. Attune needs about ${cleanSec} seconds of steady heartbeats.`,
  progress: 'Steady beats so far',
  openDevice: 'Open Device',
} as const;

/** Why the signal check is not moving on yet, and what to do about it. */
export const SIGNAL_PROBLEM_WORDS: Readonly<Record<SignalProblem, string>> = {
  'no-contact':
    'Your strap says it is not touching your skin, so the reading waits for it. Moisten its electrodes with a little water and tighten it until it sits snugly just below your chest.',
  'no-beats':
    'No heartbeats are coming in. Check that the strap sits snugly below your chest, that its electrodes are a little moist, and that it shows as connected in Device.',
  noisy: 'The signal is jumpy, which usually means the strap is loose or dry. Moisten the electrodes and tighten it a little.',
};

export const READING_WORDS = {
  heading: 'Listening to your heart',
  lead: 'Stay still and breathe normally. This takes one minute; there is nothing you need to do.',
  secondsLeft: (left: number) => `${left} seconds left`,
  /** Followed by the heart rate. */
  heartRateNow: 'Heart rate now:',
} as const;

export const RESULT_WORDS = {
  heading: 'What your body is saying',
  /** "Your heart rate: 72 bpm · your resting rate: 64 bpm", each label followed by its figure. */
  heartRate: 'Your heart rate:',
  restingRate: 'your resting rate:',
  explainerTitle: 'How is this decided?',
  explainer:
    'Calm means your heart rate stayed within a few beats of your resting rate for half a minute. Flooded means it stayed at 100 or more, and at least a tenth above your resting rate, for half a minute. These are rules of thumb from couples research, not a diagnosis.',
  /** A link to Settings' heart-rate section, after the explainer. */
  changeThem: 'You can change them in Settings',
  seeIfReady: 'See if I am ready',
  breatheAnyway: 'Breathe for a while anyway',
  settleFirst: "Let's settle first",
  takeBreakNow: 'Take a break now',
} as const;

/** The one-tap question at the result: how it feels inside, whatever the heart says. */
export const FEELING_WORDS = {
  question: 'And how does it feel inside right now?',
  hint: 'Your heart rate is one side of it. What you notice counts too, and it leads the way.',
  answers: {
    racing: 'Racing',
    stirred: 'A bit stirred',
    numb: 'Numb or blank',
    fine: 'Fine',
  } satisfies Record<CheckFeeling, string>,
  /** The answer as the session page tells it. */
  told: {
    racing: 'You said it felt racing inside.',
    stirred: 'You said it felt a bit stirred inside.',
    numb: 'You said it felt numb or blank inside.',
    fine: 'You said it felt fine inside.',
  } satisfies Record<CheckFeeling, string>,
  whyHard: 'Why this can be hard',
  comeBackFirst: 'Come back to the room first',
} as const;

/**
 * What the check says when the heart and the answer differ, or when the answer is "numb or
 * blank" (feeling.ts decides the route; this only words it). null: nothing to add.
 */
export function feelingNote(feeling: CheckFeeling, route: CheckRoute): string | null {
  if (route.path === 'shutdown') {
    return route.body === 'agrees'
      ? 'Feeling numb or blank is one of the ways a body protects itself when things get to be too much: it goes quiet instead of racing, and the heart can stay calm while it does. Let’s come back into the room first, gently.'
      : 'You feel numb or blank while your heart is running above your resting rate. That happens too: quiet on the outside, braced on the inside. Let’s come back into the room first, gently.';
  }
  if (route.path === 'either') {
    return route.offerBreak
      ? 'It is good to hear you feel fine. Your heart tells a different story: it has stayed well above your resting rate, which can happen before we notice anything. You could settle for a few minutes first, or see whether you are ready. It is your call.'
      : 'It is good to hear you feel fine. Your heart is running a little above your resting rate, which can happen before we notice anything. You could settle for a few minutes first, or see whether you are ready. It is your call.';
  }
  if (route.body === 'calmer') {
    return `Your heart is close to your resting rate, and inside it feels ${feeling === 'racing' ? 'racing' : 'a bit stirred'}. What you feel counts: a few minutes of settling can still help.`;
  }
  if (route.body === 'more-stirred') {
    return 'Your heart is working harder than it may feel: it has stayed well above your resting rate. Settling first will help, and a break is there if you want it.';
  }
  return null;
}

export const CALIBRATED_WORDS = {
  heading: 'Your resting heart rate',
  /** Followed by the heart rate and a full stop. */
  restsAt: 'Right now your heart rests at about',
  explanation:
    'Attune compares every check with this. A couple more resting readings on calm days will make it steadier; you can take one from the Check screen whenever you feel settled.',
  continue: 'Continue',
} as const;

export const GROUNDING_WORDS = {
  heading: 'Body first',
  /** The grounding for going quiet: back into the room and the body before any breathing. */
  shutdownHeading: 'Back into the room',
  shutdownLead: 'No need to feel anything in particular. These are small ways back to the room and your body; take each as slowly as you like.',
  stepOf: (step: number, steps: number) => `Step ${step} of ${steps}`,
  next: 'Next',
  startBreathing: 'Start breathing',
  /** After the last shutdown cue: breathing is offered, not required. */
  breatheNow: 'Breathe with the guide',
  seeIfReady: 'See if I am ready',
} as const;

export const BREATHING_WORDS = {
  heading: 'Breathe with the guide',
  lead: 'In as the shape grows, out as it settles. Let the out-breath be slow and easy.',
  pause: 'Pause',
  resume: 'Resume',
  soundCues: 'Soft sound cues',
  howAmIDoing: 'How am I doing?',
} as const;

/** The verdict after breathing: one heading and its answers per kind; the reason comes from the verdict. */
export const VERDICT_WORDS = {
  ready: {
    heading: 'You seem ready',
    continue: 'Continue',
    breatheLonger: 'Breathe a little longer',
  },
  breatheMore: {
    heading: 'A little more breathing',
    keepBreathing: 'Keep breathing',
    takeBreak: 'Take a break instead',
  },
  takeABreak: {
    heading: 'Time for a break',
    whatToSay: 'You might tell your partner: "I want to hear you. I need a little time first; can we pick this up later?"',
    /** For someone who said they feel numb or blank: words for going quiet rather than flooding. */
    whatToSayShutdown: 'You might tell your partner: "I\'m going quiet, and I don\'t want to disappear on you. I need a little time to come back; can we pick this up later?"',
    startBreak: 'Start the break',
  },
  signalTooNoisy: {
    heading: 'The signal was too noisy',
    tryAgain: 'Try again',
  },
} as const;

export const RETURN_TIME_WORDS = {
  label: 'Come back at',
  hint: 'At least 20 minutes from the start of the break, and within a day. Attune will let you know when it is time.',
} as const;

type ReturnCheck = Exclude<Extract<Step, { name: 'break' }>['returnCheck'], 'none'>;

export const BREAK_WORDS = {
  heading: 'Your break',
  lead: 'Give your body at least 20 minutes. Do something kind for yourself, away from the argument. Attune will let you know when it is time to come back.',
  /** A break asked for during the conversation. */
  conversation: {
    heading: 'A break from the conversation',
    lead: 'Step away for at least 20 minutes and let your body settle. Do something kind for yourself rather than replaying the argument. The conversation will be here when you come back.',
    readyToReturn: 'Ready to go back',
    over: 'The conversation is over for today',
  },
  /** `time` as the user's clock shows it, `minutes` whole minutes from now (at least 1). */
  comeBackAt: (time: string, minutes: number) => `Come back at ${time}, in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
  /** `time` as the user's clock shows it. */
  minimumPassed: (time: string) => `Twenty minutes have passed (you planned to come back at ${time}). See whether your body has settled when you like.`,
  ideasTitle: 'Ideas for the break',
  recoveryTitle: 'Settling back',
  /** "Heart rate now 88 bpm, resting 64 bpm.", each label followed by its figure. */
  heartRateNow: 'Heart rate now',
  resting: 'resting',
  wearStrap: 'Wear your strap to see your heart rate settle back toward your resting rate.',
  readyToReturn: 'Ready to return?',
} as const;

/**
 * What to say before stepping away, so the break reads as care rather than leaving: the
 * article's "I want to hear you; I need a little time first", in our words.
 */
export const PARTNER_WORDS = {
  title: 'Before you step away, you might say',
  lines: [
    'I want to really hear you, and right now I can’t. Give me twenty minutes to settle, and I’ll come back to this.',
    'This matters to me. I’m taking a short break so I can listen properly, not to get away from you.',
  ],
} as const;

/** The same for someone going quiet: the silence named, so it does not read as leaving. */
export const SHUTDOWN_PARTNER_WORDS = {
  title: 'If you are going quiet, you might say',
  lines: [
    'I’m going quiet. I want to stay with you in this; give me a minute to come back.',
    'My mind has gone blank for a moment. It isn’t that I don’t care. Can we pause, and I’ll come back to you?',
  ],
} as const;

/** The optional page on the two ways of being overwhelmed, reachable from the check. */
export const WHY_HARD_WORDS = {
  heading: 'Why this can be hard',
  lead: 'When a conversation matters, the body often gets there before the words. It tends to go one of two ways, and most of us know both.',
  sections: [
    {
      title: 'Flooding the space',
      text: 'Sometimes the heart races, the words come fast, and our own feelings fill the room. We are there, and we care, but it gets hard to hear the other person.',
    },
    {
      title: 'Shutting down',
      text: 'Sometimes things go quiet instead: numb, blank or far away. Logic takes over, we may not know what we feel, or we want to leave the room. We care then too; feeling anything is just hard for a while.',
    },
    {
      title: 'Both are protection',
      text: 'Neither is a flaw, and neither says who you are. Both are the nervous system trying to keep us safe when a moment feels like too much. The same person can flood one day and go quiet the next.',
    },
    {
      title: 'What helps when you flood',
      text: 'Slowing the body down: a long, easy out-breath, and a break of at least twenty minutes spent on something kind rather than replaying the argument.',
    },
    {
      title: 'What helps when you go quiet',
      text: 'Coming back into the room and the body first: looking around, naming what you see, moving a little, something warm or cool in your hands. Slow breathing can come after. And a few words, so your partner knows you are still with them.',
    },
    {
      title: 'Partners often differ',
      text: 'It is common for one partner to get louder while the other goes quiet, and each can take the other’s way for not caring. Saying which way you are going ("I’m getting flooded", "I’m going quiet") already brings you a little closer.',
    },
  ],
  notADiagnosis: 'This is a way of looking at hard moments, not a diagnosis of anyone.',
  back: 'Back to the check',
} as const;

/** The answer to "Ready to return?" when it is not yet time. */
export const RETURN_CHECK_WORDS: Readonly<Record<ReturnCheck, string>> = {
  'too-soon': 'Not yet: give it the full 20 minutes. Your body needs that long to settle, even when it feels sooner.',
  'not-calm-yet': 'Your heart rate is still above your resting level. Stay with your break a little longer.',
  'no-reading': 'Attune needs your strap on for half a minute to see whether you are calm.',
};

export const INTENTION_WORDS = {
  heading: 'Carry this in with you',
  startConversation: 'Start conversation',
} as const;

export const CONVERSATION_WORDS = {
  heading: 'In conversation',
  lead: 'Attune keeps listening quietly. If your heart rate stays high for a while, you will get a gentle nudge to ask for a pause. You can minimise this window.',
  /** `duration` as the check shows it, e.g. "12:30". */
  timeTogether: (duration: string) => `Time together: ${duration}`,
  /** Followed by the body state. */
  rightNow: 'Right now:',
  /** Shown on screen while flooded after a cue; the system notification keeps to FLOOD_CUE. */
  flooded: 'Your heart rate has been high for a while. It is okay to say you need a short break.',
  needBreak: 'I need a break',
  over: 'The conversation is over',
  /** After the first break: `count` breaks so far. */
  breaksSoFar: (count: number) => (count === 1 ? 'You took one break so far.' : `You took ${count} breaks so far.`),
} as const;

export const DEBRIEF_WORDS = {
  heading: 'How did it go?',
  scaleLegend: 'Overall, the conversation went…',
  noteLabel: 'Anything you want to remember? (optional)',
  save: 'Save to my journal',
  skip: 'Skip',
  /** The journal entry's title, with the chosen DEBRIEF_SCALE label when there is one. */
  entryTitle: (answer: string | null) => (answer === null ? 'After the conversation' : `After the conversation: ${answer.toLowerCase()}`),
} as const;

export const SIGNAL_LOST_WORDS = {
  heading: 'The signal dropped',
  lead: 'Your strap stopped sending heartbeats. Everything recorded so far is kept. Check that it is snug and connected, then carry on where you were.',
  back: 'Heartbeats are coming in again.',
  waiting: 'Waiting for heartbeats…',
  /** When the strap itself says its electrodes lost the skin (it may still be sending beats). */
  offSkin: {
    heading: 'Your strap has slipped',
    lead: 'Your strap says it is no longer touching your skin, so the beats it sends now are not yours. Everything recorded so far is kept. Moisten the electrodes, snug the strap just below your chest, then carry on where you were.',
    back: 'Your strap is touching your skin again.',
    waiting: 'Waiting for the strap to touch your skin…',
  },
  resume: 'Resume',
  reconnect: 'Reconnect',
} as const;

/** The first run's welcome: help comes before setup for someone who is struggling now. */
export const FIRST_RUN_WORDS = {
  helpFirstTitle: 'Need a moment first?',
  helpFirst: 'If things are hard right now, you do not have to set anything up. Breathe with the guide, or step away for twenty minutes. Setup can wait until you are ready.',
  breatheNow: 'Breathe now, set up later',
  breakNow: 'Take a 20-minute break',
} as const;

/** A resting reading asked for while the heart is clearly up. */
export const TOO_STIRRED_WORDS = {
  heading: 'Not a resting moment yet',
  /** `bpm` rounded. */
  lead: (bpm: number) =>
    `Your heart is beating at about ${bpm} bpm right now. A resting reading taken now would set your resting rate too high, and every check after it would be judged against that. Breathe for a few minutes first, then try again.`,
  breatheFirst: 'Breathe first',
  tryAgain: 'Try again now',
  notNow: 'Not now',
} as const;

export const FINISHED_WORDS = {
  completed: {
    heading: 'Thank you',
    lead: 'Your check and your notes are saved on this computer. Be gentle with yourself for the rest of the day.',
  },
  cancelled: {
    heading: 'The check has ended',
    lead: 'What was recorded is saved on this computer. You can start again whenever you like.',
  },
  backToStart: 'Back to the start',
  /** After the debrief was saved. */
  afterConversation: {
    title: 'What you wrote',
    readEntry: 'Read or add to your notes from this conversation',
    repairLead: 'It sounds like it was hard. When you are both ready, a repair can help you find each other again.',
    repairLink: 'Go through the repair steps',
  },
  /** After a check that ended calm, while the resting rate rests on fewer than three readings. */
  restingOffer: {
    title: 'A good moment for a resting reading',
    /** `needed` readings still to come (1 or 2). */
    lead: (needed: number) =>
      `Your body is calm now. Attune is still learning your resting heart rate: ${needed === 1 ? 'one more reading' : `${needed} more readings`} on calm days will make it steadier. It takes a little over a minute.`,
    start: 'Take a resting reading now',
  },
} as const;

/** The shell's line about a check running while the user is on another screen, and the window title. */
export const ACTIVITY_WORDS = {
  check: 'Check in progress',
  restingReading: 'Resting reading in progress',
  conversation: 'In conversation',
  break: 'On a break',
  /** `time` as the user's clock shows it. */
  backAt: (time: string) => `back at ${time}`,
  backToCheck: 'Back to the check',
  needBreak: 'I need a break',
} as const;

/** Under the check's steps when the sensor sends heart rate without the time between beats. */
export const HEART_RATE_ONLY_NOTE =
  'Your sensor sends your heart rate but not the time between beats, so this check runs on your heart rate alone. Variability and coherence need the time between beats: a chest strap sends it.';
