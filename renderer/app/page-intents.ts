import { useEffect } from 'react';
import { PAGE_INTENT_GLOBAL, PAGE_INTENTS, type PageIntent, type PageIntentRegistry } from '../../shared/model/page-intents.ts';

// The page's side of main's intents (shared/model/page-intents.ts): a component registers a
// handler while it is mounted, and main's script reaches it through one registry on window,
// so the tray's click counts as a click here (see that file for why).

const handlers = new Map<PageIntent, () => void>();

function isPageIntent(value: string): value is PageIntent {
  return (PAGE_INTENTS as readonly string[]).includes(value);
}

const registry: PageIntentRegistry = {
  run(intent) {
    const handler = isPageIntent(intent) ? handlers.get(intent) : undefined;
    if (handler === undefined) return false;
    handler();
    return true;
  },
};

/** Handles `intent` with `handler` while the calling component is mounted (the newest one it rendered). */
export function usePageIntent(intent: PageIntent, handler: () => void): void {
  useEffect(() => {
    (window as unknown as Record<string, unknown>)[PAGE_INTENT_GLOBAL] = registry;
    handlers.set(intent, handler);
    return () => {
      if (handlers.get(intent) === handler) handlers.delete(intent);
    };
  }, [intent, handler]);
}
