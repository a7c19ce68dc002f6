export * from './result.ts';
export * from './contract.ts';
export * from './channel.ts';
export { createApi, type AttuneApi, type Invoke, type Subscribe } from './api.ts';
export { INVOKE_CHANNEL, EVENT_CHANNEL, type InvokeMessage, type EventMessage } from './transport-names.ts';
