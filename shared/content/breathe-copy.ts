// The words of the Breathe screen (renderer/features/breathe/): the pacer on its own, with the
// heart beside it when a sensor is connected, and the few lines that close a session. A
// sentence with a figure in it is a small function here, so the screen only supplies the
// figure. Plain second person, warm and short; describes what happened, never judges it and
// never makes a medical claim.
import type { CoherenceBand } from '../check/live-check.ts';

/** The lengths Breathe offers, in minutes; null is "as long as I like". */
export const BREATHE_LENGTHS = [1, 3, 5, 10, null] as const;
export type BreatheLength = (typeof BREATHE_LENGTHS)[number];

/** A stretch shorter than this is not kept as a session (a start pressed by mistake). */
export const MIN_SAVED_BREATHING_SEC = 15;

function minutesText(minutes: number): string {
  return minutes === 1 ? 'one minute' : `${minutes} minutes`;
}

export const BREATHE_WORDS = {
  title: 'Breathe',
  lead: 'A slow, steady guide to breathe along with: in as the shape grows, out as it settles.',
  lengthLegend: 'How long',
  lengthLabel: (length: BreatheLength) => (length === null ? 'As long as I like' : length === 1 ? '1 minute' : `${length} minutes`),
  start: 'Start breathing',
  pause: 'Pause',
  resume: 'Resume',
  finish: 'Finish',
  soundCues: 'Soft sound cues',
  timed: (minutes: number) => `Breathing for ${minutesText(minutes)}; it ends by itself, or press Finish.`,
  open: 'Breathe for as long as you like, and press Finish when you are done.',
  withHeart: 'Your heart is shown beside the guide, and this session is saved so Trends can count it.',
  noSource:
    'Connect your strap in Device, or try the demo sensor there, and your heart rate shows beside the guide. The guide works just as well without it.',
  duringCheck:
    'A check is running, and it is already keeping your heart. Breathe here as long as you like; this is not saved as a separate session. The check has its own breathing step that shows your heart.',
  backToCheck: 'Back to the check',
  charts: 'Show the heart-rate and beat charts',
} as const;

/** The closing lines, from what the session measured. */
export const BREATHE_SUMMARY_WORDS = {
  heading: 'Nicely done',
  breathedFor: (sec: number) => `That was ${breathedText(sec)} of slow breathing, just for you.`,
  heartFromTo: (startBpm: number, endBpm: number) =>
    Math.abs(startBpm - endBpm) < 2
      ? `Your heart rate stayed at about ${Math.round(endBpm)} bpm.`
      : `Your heart rate went from about ${Math.round(startBpm)} bpm at the start to about ${Math.round(endBpm)} bpm at the end.`,
  heartAbout: (bpm: number) => `Your heart rate was about ${Math.round(bpm)} bpm.`,
  coherence: {
    high: 'For most of it your heartbeat rose and fell with your breath in one smooth wave: high coherence.',
    medium: 'For most of it your heartbeat followed your breath in a fairly steady wave: medium coherence.',
    low: 'For most of it your heartbeat did not settle into one steady wave with your breath: low coherence. That is usual at first; slow, easy out-breaths help it along.',
  } satisfies Record<CoherenceBand, string>,
  noticeNow: 'Notice how your body feels now.',
  saving: 'Saving this session…',
  saved: 'Saved with your sessions. Trends counts these minutes as practice.',
  tooShort: 'That was too short to keep as a session, so it was not saved.',
  noRr: 'Your sensor sent no beat-to-beat timings, so there was nothing to save.',
  noBeats: 'No heartbeats reached Attune while you breathed, so nothing was saved.',
  failed: (message: string) => `This session could not be saved: ${message}`,
} as const;

/** "a minute", "3 minutes", "40 seconds", "about 4 minutes". */
function breathedText(sec: number): string {
  const whole = Math.round(sec);
  if (whole < 60) {
    const seconds = whole < 10 ? Math.max(1, whole) : Math.round(whole / 5) * 5;
    return seconds === 1 ? 'one second' : `${seconds} seconds`;
  }
  const minutes = Math.round(whole / 60);
  const exact = Math.abs(whole - minutes * 60) <= 2;
  const words = minutes === 1 ? 'a minute' : `${minutes} minutes`;
  return exact ? words : `about ${words}`;
}
