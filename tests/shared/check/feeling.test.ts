import { describe, expect, it } from 'vitest';
import { CHECK_FEELINGS, feelingFromMarkers, feelingMarkerLabel, routeCheck, type CheckFeeling, type CheckRoute } from '../../../shared/check/feeling.ts';
import type { PhaseMarker } from '../../../shared/model/session.ts';
import type { RegulationState } from '../../../shared/signal/regulation-rules.ts';

// The one rule that combines what the person says it feels like with what the heart shows:
// every answer (and no answer) against every heart state.

const HEART_STATES: readonly RegulationState[] = ['calm', 'elevated', 'flooded'];

const route = (path: CheckRoute['path'], body: CheckRoute['body'], offerBreak = false): CheckRoute => ({ path, body, offerBreak });

const TABLE: readonly [CheckFeeling | null, RegulationState, CheckRoute][] = [
  // No answer: the heart alone, as before the question existed.
  [null, 'calm', route('ready', 'agrees')],
  [null, 'elevated', route('settle', 'agrees')],
  [null, 'flooded', route('settle', 'agrees', true)],
  // Racing inside: settle, even when the heart reads calm (the person is not overruled).
  ['racing', 'calm', route('settle', 'calmer')],
  ['racing', 'elevated', route('settle', 'agrees')],
  ['racing', 'flooded', route('settle', 'agrees', true)],
  ['stirred', 'calm', route('settle', 'calmer')],
  ['stirred', 'elevated', route('settle', 'agrees')],
  ['stirred', 'flooded', route('settle', 'more-stirred', true)],
  // Numb or blank: the shutdown path whatever the heart says; a heart that is up is named.
  ['numb', 'calm', route('shutdown', 'agrees')],
  ['numb', 'elevated', route('shutdown', 'more-stirred')],
  ['numb', 'flooded', route('shutdown', 'more-stirred', true)],
  // Fine: ready when the heart agrees; otherwise told gently and offered both ways on.
  ['fine', 'calm', route('ready', 'agrees')],
  ['fine', 'elevated', route('either', 'more-stirred')],
  ['fine', 'flooded', route('either', 'more-stirred', true)],
];

describe('routeCheck', () => {
  it('covers every answer against every heart state', () => {
    const covered = new Set(TABLE.map(([feeling, state]) => `${feeling}/${state}`));
    for (const feeling of [null, ...CHECK_FEELINGS]) for (const state of HEART_STATES) expect(covered).toContain(`${feeling}/${state}`);
  });

  it.each(TABLE)('"%s" with a %s heart', (feeling, state, expected) => {
    expect(routeCheck(feeling, state)).toEqual(expected);
  });
});

describe('the answer in the session record', () => {
  const note = (label: string, tMs = 1000): PhaseMarker => ({ tMs, phase: 'note', edge: 'point', label });

  it('reads back the last answer given', () => {
    const markers = [note('signal back'), note(feelingMarkerLabel('fine')), note(feelingMarkerLabel('numb'), 2000)];
    expect(feelingFromMarkers(markers)).toBe('numb');
  });

  it('finds none in a session without an answer, or with a label it does not know', () => {
    expect(feelingFromMarkers([note('cancelled')])).toBeNull();
    expect(feelingFromMarkers([note('felt: wobbly')])).toBeNull();
    expect(feelingFromMarkers([{ tMs: 0, phase: 'grounding', edge: 'point', label: 'felt: numb' }])).toBeNull();
  });
});
