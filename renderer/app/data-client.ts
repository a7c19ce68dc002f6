import { useMemo } from 'react';
import type { AttuneApi } from '../../shared/ipc/api.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract.ts';
import type { IpcErrorCode } from '../../shared/ipc/result.ts';
import { useApi } from './attune.ts';
import { describeError, errorReporterFor, type ErrorReport, type ErrorReporter } from './error-reporting.ts';
import { useLifetime } from './lifetime.ts';

// Every call the window makes to main goes through here, typed by the contract. This is the
// one place that decides what a failure means:
// - main refused (not found, conflict, invalid input, a full disk…): the caller gets main's
//   code and its words for the user, and nothing is logged (main expected it);
// - main could not be reached, or answered that it hit a bug: the caller gets a plain
//   sentence (or main's vague one), and the failure goes to the log once.
// A call never throws: the caller switches on `ok`.

export type DataFailure = { readonly ok: false; readonly code: IpcErrorCode; readonly message: string };
export type DataResult<T> = { readonly ok: true; readonly value: T } | DataFailure;

/** A channel's input as call arguments: optional where the contract takes none. */
type CallArgs = { [C in ChannelName]: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>] };
/** What each channel answers through the client. */
export type ChannelResult = { [C in ChannelName]: DataResult<ChannelOutput<C>> };

export type DataClient = {
  call<C extends ChannelName>(channel: C, ...input: CallArgs[C]): Promise<ChannelResult[C]>;
};

/** What the user reads when the window could not reach main. */
export const UNREACHABLE_MESSAGE = 'Attune could not reach its data just now. Try again.';

/** Failures that mean a bug or a broken link rather than an answer from main: these are logged. */
const UNEXPECTED_CODES: ReadonlySet<IpcErrorCode> = new Set(['transport', 'internal', 'unknown-channel', 'forbidden-sender']);

type RawInvoke = (channel: ChannelName, input: unknown) => Promise<unknown>;

/**
 * The client over `api`. Unexpected failures go to `report` (by default the window's one
 * reporter for this api, shared with uncaught errors, so the per-minute cap is one cap).
 */
export function createDataClient(api: AttuneApi, report: ErrorReporter = errorReporterFor(api)): DataClient {
  const invoke = api.invoke as RawInvoke;
  const unexpected = (channel: ChannelName, code: IpcErrorCode, cause: ErrorReport): DataFailure => {
    report({ ...cause, message: `${channel} failed (${code}): ${cause.message}` });
    return { ok: false, code, message: code === 'transport' ? UNREACHABLE_MESSAGE : cause.message };
  };
  async function call(channel: ChannelName, input?: unknown): Promise<DataResult<unknown>> {
    let answer: unknown;
    try {
      answer = await invoke(channel, input);
    } catch (error) {
      return unexpected(channel, 'transport', describeError(error, 'The call was rejected.'));
    }
    if (!isResult(answer)) return unexpected(channel, 'transport', { message: 'The answer was not a result.' });
    if (answer.ok) return { ok: true, value: answer.value };
    const { code, message } = answer.error;
    if (UNEXPECTED_CODES.has(code)) return unexpected(channel, code, { message });
    return { ok: false, code, message };
  }
  return { call: call as DataClient['call'] };
}

type RawResult = { ok: true; value: unknown } | { ok: false; error: { code: IpcErrorCode; message: string } };

function isResult(answer: unknown): answer is RawResult {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return false;
  if (answer.ok === true) return 'value' in answer;
  return 'error' in answer && typeof answer.error === 'object' && answer.error !== null && 'code' in answer.error && 'message' in answer.error;
}

export type ScreenDataClient = DataClient & {
  /**
   * The same calls, answered even after the component is gone: for work that must finish
   * (a save in several steps) or whose answer main gives out only once. Set no state from
   * their answers without a lifetime of your own.
   */
  readonly detached: DataClient;
};

/**
 * The client for a component. An answer that arrives after the component unmounted is
 * dropped (the call's promise never settles), so it never turns into a setState on
 * something that is gone.
 */
export function useDataClient(): ScreenDataClient {
  const api = useApi();
  const lifetime = useLifetime();
  return useMemo(() => {
    const detached = createDataClient(api);
    const call = ((channel: ChannelName, input?: unknown) => lifetime.guard((detached.call as RawInvoke)(channel, input))) as DataClient['call'];
    return { call, detached };
  }, [api, lifetime]);
}
