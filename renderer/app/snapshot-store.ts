// The state a controller outside React keeps for its screens (useSyncExternalStore): one
// immutable snapshot, replaced on every change, and the listeners told of it.

export type SnapshotStore<T> = {
  get(): T;
  /** Replaces the snapshot with these fields changed and tells every listener. */
  update(changes: Partial<T>): void;
  subscribe(listener: () => void): () => void;
  /** Forgets every listener (the controller is disposed). */
  clear(): void;
};

export function createSnapshotStore<T extends object>(initial: T): SnapshotStore<T> {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    update(changes) {
      snapshot = { ...snapshot, ...changes };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear: () => listeners.clear(),
  };
}
