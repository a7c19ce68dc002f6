// The only two raw IPC channel names. Every contract channel travels inside them as
// `{ channel, payload }`, so main can answer unknown channels with a typed error instead of
// Electron's "no handler registered", and the preload has nothing else to expose.
export const INVOKE_CHANNEL = 'attune:invoke';
export const EVENT_CHANNEL = 'attune:event';

export type InvokeMessage = { channel: string; payload: unknown };
export type EventMessage = { event: string; payload: unknown };
