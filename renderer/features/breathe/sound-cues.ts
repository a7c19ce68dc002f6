// Soft sound cues for the pacer, made with Web Audio (no files to load, nothing over the
// network): a gentle rising tone as an in-breath starts, a falling one for the out-breath,
// quiet enough to sit under a conversation in the next room.
import type { SegmentKind } from '../../../shared/check/breathing.ts';

export type SoundCues = { play(kind: SegmentKind): void; close(): void };

const TONES: Partial<Record<SegmentKind, readonly [number, number]>> = {
  in: [330, 440],
  'top-up': [440, 494],
  out: [440, 294],
};

export function createSoundCues(): SoundCues | null {
  const AudioContextClass = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (AudioContextClass === undefined) return null;
  let context: AudioContext | null = null;
  return {
    play(kind) {
      const tone = TONES[kind];
      if (tone === undefined) return;
      try {
        context ??= new AudioContextClass();
        const now = context.currentTime;
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.setValueAtTime(tone[0], now);
        oscillator.frequency.linearRampToValueAtTime(tone[1], now + 0.8);
        gain.gain.setValueAtTime(0, now);
        gain.gain.linearRampToValueAtTime(0.05, now + 0.15);
        gain.gain.linearRampToValueAtTime(0, now + 0.9);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(now);
        oscillator.stop(now + 1);
      } catch {
        // No audio device: the pacer still shows and announces every step.
      }
    },
    close() {
      void context?.close().catch(() => {});
      context = null;
    },
  };
}
