import { createContext, useContext } from 'react';
import type { AttuneApi } from '../../shared/ipc/api.ts';

// The renderer's only door to main. The preload puts `window.attune` there; components get
// it from context so tests can hand them an API bound to the real services in process.

declare global {
  interface Window {
    attune: AttuneApi;
  }
}

/** The API the preload exposed, or an error that says plainly what is missing. */
export function getAttuneApi(target: Window = window): AttuneApi {
  const api = (target as Partial<Window>).attune;
  if (!api) throw new Error('window.attune is missing: the page was opened without the Attune preload.');
  return api;
}

export const ApiContext = createContext<AttuneApi | null>(null);

export function useApi(): AttuneApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext value={api}> above it.');
  return api;
}
