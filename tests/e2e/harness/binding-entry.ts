// Bundled into the page before the app runs (the test harness's stand-in for the preload).
// It builds `window.attune` with the same createApi the preload uses; only the transport
// differs: calls go to the real router in the test process through a page binding.
import { createApi } from '../../../shared/ipc/api.ts';

type BindingWindow = Window & {
  __attuneInvoke: (request: string) => Promise<string>;
  __attuneDispatchEvent: (event: string, payload: unknown) => void;
  attune: unknown;
};

const page = window as unknown as BindingWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

page.__attuneDispatchEvent = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

page.attune = createApi(
  async (channel, payload) => {
    const request = JSON.stringify({
      sender: { url: location.href, isMainFrame: window === window.top },
      message: { channel, payload },
    });
    return JSON.parse(await page.__attuneInvoke(request)) as unknown;
  },
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
);
