import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract.ts';
import type { IpcResult } from './result.ts';

// Builds `window.attune` from two transport functions. The preload passes Electron's
// ipcRenderer-based ones; browser tests pass a binding to the same router in Node.
// Only type imports from the contract: the sandboxed preload stays small and zod-free.

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export type AttuneApi = {
  invoke<C extends ChannelName>(
    channel: C,
    ...input: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]
  ): Promise<IpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createApi(invoke: Invoke, subscribe: Subscribe): AttuneApi {
  const api = {
    async invoke(channel: string, input?: unknown) {
      try {
        return (await invoke(channel, input)) as IpcResult<never>;
      } catch {
        // Electron rejects when main is gone or the reply cannot be cloned; say so plainly.
        return { ok: false, error: { code: 'transport', message: 'Attune could not reach its background process.' } };
      }
    },
    on(event: string, listener: (payload: unknown) => void) {
      // Only the payload reaches page code, never a transport event object.
      return subscribe(event, (payload) => listener(payload));
    },
  };
  return Object.freeze(api) as AttuneApi;
}
