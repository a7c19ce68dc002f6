import type { LiveStatus } from '../../shared/model/reminders.ts';

// The heart reading the window reports for the tray (the Bluetooth link lives in the page).

export type LiveStatusStore = {
  get(): LiveStatus | null;
  set(status: LiveStatus): void;
  /** The strap whose link was lost and not restored, by name; null when none is. */
  lostStrap(): string | null;
  setLostStrap(name: string | null): void;
  subscribe(listener: () => void): () => void;
};

export function createLiveStatus(): LiveStatusStore {
  let current: LiveStatus | null = null;
  let lost: string | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    lostStrap: () => lost,
    setLostStrap(name) {
      if (name === lost) return;
      lost = name;
      for (const listener of listeners) listener();
    },
    set(status) {
      const same = current !== null && current.connected === status.connected && current.bpm === status.bpm && current.state === status.state;
      current = status;
      if (!same) for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
