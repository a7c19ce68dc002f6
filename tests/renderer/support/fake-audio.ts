// A stand-in for the browser's Web Audio in component tests (jsdom has none): it records each
// tone the app asks for (start time and pitch), so a test can hear whether a sound was played.

export type PlayedTone = { readonly startSec: number; readonly hz: number };

export function installFakeAudio(): { tones: PlayedTone[]; uninstall(): void } {
  const tones: PlayedTone[] = [];
  const param = () => ({ setValueAtTime() {}, linearRampToValueAtTime() {} });
  class FakeAudioContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      let hz = 0;
      return {
        type: 'sine',
        frequency: {
          setValueAtTime(value: number) {
            hz = value;
          },
          linearRampToValueAtTime() {},
        },
        connect: (node: unknown) => node,
        start: (startSec: number) => tones.push({ startSec, hz }),
        stop() {},
      };
    }
    createGain() {
      return { gain: param(), connect: (node: unknown) => node };
    }
    close() {
      return Promise.resolve();
    }
  }
  const target = globalThis as { AudioContext?: unknown };
  const before = target.AudioContext;
  target.AudioContext = FakeAudioContext;
  return {
    tones,
    uninstall() {
      target.AudioContext = before;
    },
  };
}
