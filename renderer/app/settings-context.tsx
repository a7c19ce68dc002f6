import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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

  useEffect(() => {
    let live = true;
    const unsubscribe = api.on('settings.changed', (settings) => {
      if (live) setState({ status: 'ready', settings });
    });
    void api.invoke('settings.get').then((result) => {
      if (!live) return;
      setState((previous) => {
        if (previous.status === 'ready') return previous; // an event already brought newer ones
        return result.ok ? { status: 'ready', settings: result.value } : { status: 'failed', message: result.error.message };
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const result = await api.invoke('settings.update', patch);
      if (result.ok) setState({ status: 'ready', settings: result.value });
      return result;
    },
    [api],
  );

  const value = useMemo(() => ({ state, update }), [state, update]);
  return <SettingsContext value={value}>{children}</SettingsContext>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
