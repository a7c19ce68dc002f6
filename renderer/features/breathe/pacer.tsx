import { useEffect, useRef, useState } from 'react';
import { breathAt, SEGMENT_WORDS, type BreathingPatternSpec, type SegmentKind } from '../../../shared/check/breathing.ts';
import { createSoundCues, type SoundCues } from './sound-cues.ts';

// The breathing pacer: a soft shape that grows as you breathe in and settles as you breathe
// out, with the word beside it. It is the only moving thing on the screen. With reduced
// motion the shape stays still and a calm count (4, 3, 2, 1) carries the rhythm instead.
//
// Driven by requestAnimationFrame from the injected clock (`elapsedMs()`), writing the
// shape's scale through the DOM (CSSOM is allowed under the CSP; inline style attributes are
// not). React re-renders only when the segment or the count changes.
//
// Screen readers: the word is announced politely for the first breaths, then the pacer goes
// quiet so it does not talk over the user every few seconds; sound cues carry on by ear.

export const ANNOUNCED_BREATHS = 3;

export type PacerProps = {
  pattern: BreathingPatternSpec;
  elapsedMs: () => number;
  paused: boolean;
  reducedMotion: boolean;
  soundCues: boolean;
};

export function Pacer({ pattern, elapsedMs, paused, reducedMotion, soundCues }: PacerProps) {
  const shapeRef = useRef<SVGCircleElement>(null);
  const [segment, setSegment] = useState<{ kind: SegmentKind; index: number; breaths: number; countdown: number }>(() => {
    const moment = breathAt(pattern, elapsedMs());
    return { kind: moment.segment.kind, index: moment.segmentIndex, breaths: moment.breaths, countdown: moment.countdown };
  });
  const soundRef = useRef<SoundCues | null>(null);
  const soundOnRef = useRef(soundCues);

  useEffect(() => {
    soundOnRef.current = soundCues;
    if (soundCues && soundRef.current === null) soundRef.current = createSoundCues();
  }, [soundCues]);
  useEffect(
    () => () => {
      soundRef.current?.close();
      soundRef.current = null;
    },
    [],
  );

  useEffect(() => {
    let frame = 0;
    let last = { index: -1, breaths: -1, countdown: -1 };
    const draw = () => {
      const moment = breathAt(pattern, elapsedMs());
      const shape = shapeRef.current;
      if (shape !== null) {
        const scale = reducedMotion ? 0.8 : 0.45 + 0.55 * moment.fullness;
        shape.style.transform = `scale(${scale.toFixed(4)})`;
      }
      const segmentChanged = moment.segmentIndex !== last.index || moment.breaths !== last.breaths;
      if (segmentChanged || moment.countdown !== last.countdown) {
        if (segmentChanged && last.index !== -1 && !paused && soundOnRef.current) soundRef.current?.play(moment.segment.kind);
        last = { index: moment.segmentIndex, breaths: moment.breaths, countdown: moment.countdown };
        setSegment({ kind: moment.segment.kind, index: moment.segmentIndex, breaths: moment.breaths, countdown: moment.countdown });
      }
      if (!paused) frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [pattern, elapsedMs, paused, reducedMotion]);

  const word = paused ? 'Paused' : SEGMENT_WORDS[segment.kind];
  const announce = !paused && segment.breaths < ANNOUNCED_BREATHS;
  return (
    <div className={`pacer${reducedMotion ? ' pacer-still' : ''}`} data-testid="pacer" data-segment={segment.kind}>
      <svg className="pacer-figure" viewBox="-100 -100 200 200" role="img" aria-label={`Breathing guide: ${pattern.name}`}>
        <circle className="pacer-track" r="96" />
        <circle ref={shapeRef} className={`pacer-shape pacer-shape-${segment.kind}`} r="96" />
      </svg>
      <p className="pacer-word" aria-hidden="true">
        {word}
        {reducedMotion && !paused ? <span className="pacer-count"> {segment.countdown}</span> : null}
      </p>
      <p className="sr-only" aria-live="polite" data-testid="pacer-announcement">
        {announce ? word : ''}
      </p>
    </div>
  );
}
