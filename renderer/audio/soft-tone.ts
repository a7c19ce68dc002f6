// One soft tone made with Web Audio: no sound files to load, nothing over the network. A sine
// that glides between two pitches and fades in and out, quiet enough not to startle.

export type ToneContext = { current: AudioContext | null };

/** Plays a tone gliding from fromHz to toHz over durationSec; false when there is no audio here. */
export function playSoftTone(context: ToneContext, fromHz: number, toHz: number, durationSec: number, delaySec = 0): boolean {
  const AudioContextClass = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (AudioContextClass === undefined) return false;
  try {
    context.current ??= new AudioContextClass();
    const audio = context.current;
    const start = audio.currentTime + delaySec;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(fromHz, start);
    oscillator.frequency.linearRampToValueAtTime(toHz, start + durationSec * 0.9);
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.05, start + Math.min(0.15, durationSec / 4));
    gain.gain.linearRampToValueAtTime(0, start + durationSec);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + durationSec + 0.1);
    return true;
  } catch {
    // No audio device: whatever the tone accompanies still shows.
    return false;
  }
}
