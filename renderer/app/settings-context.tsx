import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IpcResult } from '../../shared/ipc/result.ts';
import type { Settings, SettingsPatch } from '../../shared/model/settings.ts';
import { useApi } from './attune.ts';

// The settings main holds, kept current in the window: loaded once, replaced by whatever
// `settings.update` answers and by every `settings.changed` event. Main is the only judge of
// what is valid; the window never keeps a value main refused.

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: Settings }
  | { status: 'failed'; message: string };

export type SettingsContextValue = {
  state: SettingsState;
  update: (patch: SettingsPatch) => Promise<IpcResult<Settings>>;
};

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  // The last settings main confirmed, and the chain of saves still in flight.
  const confirmed = useRef<Settings | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback((settings: Settings) => {
    confirmed.current = settings;
    setState({ status: 'ready', settings });
  }, []);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.on('settings.changed', (settings) => {
      if (live) accept(settings);
    });
    void api.invoke('settings.get').then((result) => {
      if (!live || confirmed.current) return; // an event already brought newer ones
      if (result.ok) accept(result.value);
      else setState({ status: 'failed', message: result.error.message });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, accept]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      // Saves run one at a time, in the order they were made; main applies each patch field
      // by field, so a one-field change never touches its neighbours.
      const run = async (): Promise<IpcResult<Settings>> => {
        const result = await api.invoke('settings.update', patch);
        if (result.ok) accept(result.value);
        return result;
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [api, accept],
  );

  const value = useMemo(() => ({ state, update }), [state, update]);
  return <SettingsContext value={value}>{children}</SettingsContext>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
