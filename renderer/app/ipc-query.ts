import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract.ts';
import type { IpcErrorCode } from '../../shared/ipc/result.ts';
import { useApi } from './attune.ts';
import { useDataClient, type DataClient, type DataResult } from './data-client.ts';
import { createLifetime } from './lifetime.ts';

// How a screen reads from main. Every ask belongs to the component that made it: an answer
// that arrives after it unmounted, or after a newer ask replaced it, is dropped (no
// hand-written `live` flags, no setState on something that is gone). Asks go through the data
// client (data-client.ts), so a failed read means what a failed save means.

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly code: IpcErrorCode; readonly message: string };

export type LoadedWithReload<T> = Loaded<T> & {
  /** Asks again; the last answer stays on screen until the new one arrives. */
  reload(): void;
  /** Changes the answer in place (a saved record main returned goes into the list, no reload). */
  update(change: (value: T) => T): void;
};

const LOADING: Loaded<never> = { status: 'loading' };

function loadedFrom<T>(result: DataResult<T>): Loaded<T> {
  return result.ok ? { status: 'ready', value: result.value } : { status: 'failed', code: result.code, message: result.message };
}

/**
 * The answer of `load(data)`, asked when the component mounts, again whenever `key` changes
 * and on reload(). Until the first answer for the current key, the state is loading.
 * `load` may make several calls (combine them into one result); it is read when asking, so it
 * need not be stable.
 */
export function useIpcLoad<T>(load: (data: DataClient) => Promise<DataResult<T>>, key: string, options: { enabled?: boolean } = {}): LoadedWithReload<T> {
  const data = useDataClient();
  const enabled = options.enabled ?? true;
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  const ask = useEffectEvent(() => load(data));
  useEffect(() => {
    if (!enabled) return;
    // One lifetime per ask: a newer key, a reload or the unmount drops this answer.
    const lifetime = createLifetime();
    void lifetime.guard(ask()).then((result) => setAnswer({ key, loaded: loadedFrom(result) }));
    return () => lifetime.end();
  }, [data, key, generation, enabled]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback(
    (change: (value: T) => T) =>
      setAnswer((current) => (current !== null && current.loaded.status === 'ready' ? { key: current.key, loaded: { status: 'ready', value: change(current.loaded.value) } } : current)),
    [],
  );
  const loaded = answer !== null && answer.key === key ? answer.loaded : LOADING;
  return useMemo(() => ({ ...loaded, reload, update }), [loaded, reload, update]);
}

/** One channel's answer for `input`, asked again when the input changes (compared by value). */
export function useIpcQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: { enabled?: boolean } = {},
): LoadedWithReload<ChannelOutput<C>> {
  const ask = (data: DataClient) => (data.call as (channel: C, input: ChannelInput<C>) => Promise<DataResult<ChannelOutput<C>>>)(channel, input);
  return useIpcLoad(ask, `${channel} ${JSON.stringify(input ?? null)}`, options);
}

/** Calls `listener` for every `event` main pushes while the component is mounted. */
export function useIpcEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.on(event, (payload) => onEvent(payload)), [api, event]);
}

/** The key of a record that has an id (most do). */
export const byId = (record: { readonly id: string }): string => record.id;

/**
 * `list` with `record` in place of the one with the same key, or added when it is new; with
 * `order`, it goes where that order puts it. For putting what a save returned into a list.
 */
export function putRecord<T>(list: readonly T[], record: T, key: (item: T) => string, order?: (a: T, b: T) => number): T[] {
  const id = key(record);
  if (order === undefined) {
    const at = list.findIndex((item) => key(item) === id);
    return at === -1 ? [...list, record] : list.map((item, i) => (i === at ? record : item));
  }
  const rest = list.filter((item) => key(item) !== id);
  const before = rest.findIndex((item) => order(record, item) < 0);
  return before === -1 ? [...rest, record] : [...rest.slice(0, before), record, ...rest.slice(before)];
}
