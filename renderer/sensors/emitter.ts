// A tiny typed event emitter for the sources. Listener counts are visible so tests (and the
// 100-cycle reconnect test) can prove nothing leaks.

export type Unsubscribe = () => void;

export type Emitter<Events extends Record<string, unknown>> = {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  listenerCount(): number;
};

export function createEmitter<Events extends Record<string, unknown>>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    emit(event, payload) {
      // A copy: a listener may unsubscribe itself (or others) while we go through them.
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (payload: Events[typeof event]) => void)(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}
