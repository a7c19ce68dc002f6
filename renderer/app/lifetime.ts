import { useEffect, useState } from 'react';

// Who ends async work. A Lifetime belongs to one owner (a provider, a screen, a controller)
// and ends with it; work started under it that answers late is dropped, so an answer from
// main never turns into a setState on something that is gone (in a closing window, or in a
// test whose page has already been torn down).

export type Lifetime = {
  readonly ended: boolean;
  /** The promise's outcome while the lifetime lasts; after it ends, a promise that never settles. */
  guard<T>(promise: Promise<T>): Promise<T>;
  /** Wraps a callback so it does nothing once the lifetime has ended. */
  bind<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void;
  /** Runs when the lifetime ends (at once if it already has). */
  onEnd(cleanup: () => void): void;
  end(): void;
};

const NEVER = new Promise<never>(() => {});

export function createLifetime(): Lifetime {
  let ended = false;
  const cleanups: Array<() => void> = [];
  const lifetime: Lifetime = {
    get ended() {
      return ended;
    },
    guard<T>(promise: Promise<T>): Promise<T> {
      return promise.then(
        (value) => (ended ? NEVER : value),
        (error: unknown) => (ended ? NEVER : Promise.reject(error)),
      );
    },
    bind(callback) {
      return (...args) => {
        if (!ended) callback(...args);
      };
    },
    onEnd(cleanup) {
      if (ended) cleanup();
      else cleanups.push(cleanup);
    },
    end() {
      if (ended) return;
      ended = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
  return lifetime;
}

/**
 * A lifetime for the component that calls it: it ends when the component unmounts. Under
 * StrictMode's test unmount and remount, the remount gets a fresh one.
 */
export function useLifetime(): Lifetime {
  const [holder] = useState(() => {
    let current = createLifetime();
    const handle: Lifetime & { renew(): void } = {
      get ended() {
        return current.ended;
      },
      guard: (promise) => current.guard(promise),
      bind: (callback) => {
        // Bound to whichever lifetime is current when the callback runs.
        return (...args) => {
          if (!current.ended) callback(...args);
        };
      },
      onEnd: (cleanup) => current.onEnd(cleanup),
      end: () => current.end(),
      renew: () => {
        if (current.ended) current = createLifetime();
      },
    };
    return handle;
  });
  useEffect(() => {
    holder.renew();
    return () => holder.end();
  }, [holder]);
  return holder;
}
