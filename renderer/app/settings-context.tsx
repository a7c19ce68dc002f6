import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Settings, WindowSettingsPatch } from '../../shared/model/settings.ts';
import { useDataClient, type DataResult } from './data-client.ts';
import { useIpcEvent, useIpcQuery } from './ipc-query.ts';

// The settings main holds, kept current in the window: loaded once, replaced by whatever
// `settings.update` answers and by every `settings.changed` event. Main is the only judge of
// what is valid; the window never keeps a value main refused.

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: Settings }
  | { status: 'failed'; message: string };

export type SettingsContextValue = {
  state: SettingsState;
  update: (patch: WindowSettingsPatch) => Promise<DataResult<Settings>>;
};

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const data = useDataClient();
  const first = useIpcQuery('settings.get', undefined);
  // Newer than the first answer: what a save returned or main announced.
  const [latest, setLatest] = useState<Settings | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useIpcEvent('settings.changed', setLatest);
  const state = useMemo<SettingsState>(() => {
    if (latest !== null) return { status: 'ready', settings: latest };
    if (first.status === 'ready') return { status: 'ready', settings: first.value };
    if (first.status === 'failed') return { status: 'failed', message: first.message };
    return { status: 'loading' };
  }, [latest, first]);

  const update = useCallback(
    (patch: WindowSettingsPatch) => {
      // Saves run one at a time, in the order they were made; main applies each patch field
      // by field, so a one-field change never touches its neighbours.
      const run = async (): Promise<DataResult<Settings>> => {
        const result = await data.call('settings.update', patch);
        if (result.ok) setLatest(result.value);
        return result;
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [data],
  );

  const value = useMemo(() => ({ state, update }), [state, update]);
  return <SettingsContext value={value}>{children}</SettingsContext>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
