// What the person says it feels like inside, and how that combines with what the heart shows.
// The article names two ways of being overwhelmed: flooding the space, or shutting down and
// going quiet. A heart rate sees only the first, so the check asks, and the answer leads:
// the body's state informs (it is named when it differs) but never overrules the person.
import type { PhaseMarker } from '../model/session.ts';
import type { RegulationState } from '../signal/regulation-rules.ts';

/** The check's one-tap question, in the order it offers the answers. */
export const CHECK_FEELINGS = ['racing', 'stirred', 'numb', 'fine'] as const;
export type CheckFeeling = (typeof CHECK_FEELINGS)[number];

/**
 * Where the check goes next:
 * - 'ready': nothing to settle; see whether the verdict agrees (breathing stays on offer).
 * - 'either': the person feels fine but the heart is up; both ways on are offered, neither pressed.
 * - 'settle': grounding for a stirred-up body, then paced breathing.
 * - 'shutdown': grounding for going quiet (back into the room and the body) before any breathing.
 */
export type CheckPath = 'ready' | 'either' | 'settle' | 'shutdown';

/**
 * How the heart compares with what was said: 'agrees', 'calmer' (the heart is calmer than the
 * person feels) or 'more-stirred' (the heart is up more than the person feels).
 */
export type BodyAgreement = 'agrees' | 'calmer' | 'more-stirred';

export type CheckRoute = {
  readonly path: CheckPath;
  readonly body: BodyAgreement;
  /** The heart says flooded: a break may start straight away, whatever the path. */
  readonly offerBreak: boolean;
};

/**
 * The one rule combining the answer with the heart's state. Without an answer (the question
 * is optional) the heart alone decides, as it always did: calm → ready, otherwise settle.
 */
export function routeCheck(feeling: CheckFeeling | null, state: RegulationState): CheckRoute {
  const offerBreak = state === 'flooded';
  const heartUp = state !== 'calm';
  switch (feeling) {
    case null:
      return { path: heartUp ? 'settle' : 'ready', body: 'agrees', offerBreak };
    case 'fine':
      return { path: heartUp ? 'either' : 'ready', body: heartUp ? 'more-stirred' : 'agrees', offerBreak };
    case 'racing':
      // Racing inside with the heart barely up still counts: settle first.
      return { path: 'settle', body: heartUp ? 'agrees' : 'calmer', offerBreak };
    case 'stirred':
      return { path: 'settle', body: state === 'calm' ? 'calmer' : state === 'flooded' ? 'more-stirred' : 'agrees', offerBreak };
    case 'numb':
      // Going quiet can come with a calm heart or a racing one; either way, back into the room first.
      return { path: 'shutdown', body: heartUp ? 'more-stirred' : 'agrees', offerBreak };
  }
}

/** The session keeps the answer as a note marker with this label prefix, then the feeling's id. */
const FEELING_LABEL_PREFIX = 'felt: ';

export function feelingMarkerLabel(feeling: CheckFeeling): string {
  return `${FEELING_LABEL_PREFIX}${feeling}`;
}

/** The last answer a session's markers hold (the person may have changed it), or null. */
export function feelingFromMarkers(markers: readonly PhaseMarker[]): CheckFeeling | null {
  let found: CheckFeeling | null = null;
  for (const marker of markers) {
    if (marker.phase !== 'note' || marker.label?.startsWith(FEELING_LABEL_PREFIX) !== true) continue;
    const id = marker.label.slice(FEELING_LABEL_PREFIX.length);
    if ((CHECK_FEELINGS as readonly string[]).includes(id)) found = id as CheckFeeling;
  }
  return found;
}
