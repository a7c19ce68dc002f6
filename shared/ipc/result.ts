import { z } from 'zod';

// Every channel answers with a result, never a thrown error: the renderer can always tell
// what went wrong, and no stack trace or internal detail crosses the process boundary.

export const IPC_ERROR_CODES = [
  'invalid-payload', // the input failed its schema
  'unknown-channel', // no such channel in the contract
  'forbidden-sender', // not our window's main frame on app://
  'not-found',
  'conflict',
  'storage-full',
  'storage-failed',
  'corrupt-data',
  'unavailable',
  'transport', // the message never reached main or its answer never came back
  'internal', // a bug: logged in main, described vaguely here
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const IpcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
});

export type IpcErrorShape = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };

/** Thrown by handlers in main for an expected failure; the router turns it into a result. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
