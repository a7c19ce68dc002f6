import { z } from 'zod';
import type { ChannelSpec } from '../../shared/ipc/channel.ts';
import { IpcError, fail, ok, type IpcResult } from '../../shared/ipc/result.ts';

// The one door into main. It checks who is asking, that the channel exists, that the
// payload matches its schema, runs the handler and checks the answer too. Whatever goes
// wrong, the caller gets a typed result; stack traces and payloads stay in main (and
// payloads never reach the log, since they can hold heart data or journal text).

/** Where a message came from, as the transport reports it. */
export type SenderFrame = {
  url: string;
  isMainFrame: boolean;
};

export type HandlerContext = { sender: SenderFrame };

export type ContractHandlers<C extends Record<string, ChannelSpec>> = {
  [K in keyof C]: (
    input: z.output<C[K]['input']>,
    context: HandlerContext,
  ) => z.input<C[K]['output']> | Promise<z.input<C[K]['output']>>;
};

/** Moves messages between a window and the router: ipcMain in Electron, a page binding in tests. */
export type IpcTransport = {
  onInvoke(listener: (sender: SenderFrame, message: unknown) => Promise<IpcResult<unknown>>): void;
};

export type RouterLog = { error: (message: string) => void };

export type RouterOptions = {
  isTrustedSender: (sender: SenderFrame) => boolean;
  log: RouterLog;
  /** A list answer left out items that did not match their schema (see dispatch); tell the user once. */
  onItemsHidden?: (channel: string, hiddenCount: number) => void;
};

export type Router = {
  dispatch(sender: SenderFrame, message: unknown): Promise<IpcResult<unknown>>;
  channelNames(): string[];
};

export function createRouter<C extends Record<string, ChannelSpec>>(
  contract: C,
  handlers: ContractHandlers<C>,
  options: RouterOptions,
): Router {
  for (const name of Object.keys(contract)) {
    if (typeof handlers[name] !== 'function') throw new Error(`No handler for channel ${name}`);
  }

  async function dispatch(sender: SenderFrame, message: unknown): Promise<IpcResult<unknown>> {
    if (!options.isTrustedSender(sender)) {
      return fail('forbidden-sender', 'This request did not come from the Attune window.');
    }
    if (!isInvokeMessage(message)) {
      return fail('invalid-payload', 'The request is not of the form { channel, payload }.');
    }
    const { channel } = message;
    if (!Object.hasOwn(contract, channel)) {
      return fail('unknown-channel', `There is no channel called "${channel.slice(0, 80)}".`);
    }
    const spec = contract[channel] as ChannelSpec;
    const input = spec.input.safeParse(message.payload);
    if (!input.success) {
      return fail('invalid-payload', describeIssues(channel, input.error.issues));
    }
    const handler = handlers[channel] as (input: unknown, context: HandlerContext) => unknown;
    let value: unknown;
    try {
      value = await handler(input.data, { sender });
    } catch (error) {
      if (error instanceof IpcError) return fail(error.code, error.message);
      options.log.error(`IPC ${channel} failed: ${describeError(error)}`);
      return fail('internal', 'Something went wrong inside Attune. The details are in the log file.');
    }
    const output = spec.output.safeParse(value);
    if (output.success) return ok(output.data);
    options.log.error(`IPC ${channel} returned a value that does not match its schema: ${describeIssues(channel, output.error.issues)}`);
    // One bad record must never make a whole list fail (a session list that fails fails the
    // Check screen's baseline too): a list answers with the items that can be shown, and
    // says how many it left out.
    const shown = showableItems(spec.output, value);
    if (shown === null) return fail('internal', 'Something went wrong inside Attune. The details are in the log file.');
    options.onItemsHidden?.(channel, shown.hiddenCount);
    return ok(shown.items);
  }

  return { dispatch, channelNames: () => Object.keys(contract) };
}

/** Binds a router to a transport: the same router runs over ipcMain and in browser tests. */
export function registerHandlers<C extends Record<string, ChannelSpec>>(
  contract: C,
  handlers: ContractHandlers<C>,
  transport: IpcTransport,
  options: RouterOptions,
): Router {
  const router = createRouter(contract, handlers, options);
  transport.onInvoke((sender, message) => router.dispatch(sender, message));
  return router;
}

/** The items of a list answer that match the list's item schema, or null when the answer is not a list. */
function showableItems(schema: z.ZodType, value: unknown): { items: unknown[]; hiddenCount: number } | null {
  if (!(schema instanceof z.ZodArray) || !Array.isArray(value)) return null;
  const items: unknown[] = [];
  for (const item of value) {
    const parsed = z.safeParse(schema.element, item);
    if (parsed.success) items.push(parsed.data);
  }
  // A list whose own limits fail (too long, say) is not a list of bad items.
  const whole = schema.safeParse(items);
  if (!whole.success) return null;
  return { items: whole.data as unknown[], hiddenCount: value.length - items.length };
}

function isInvokeMessage(message: unknown): message is { channel: string; payload: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { channel?: unknown }).channel === 'string'
  );
}

type Issue = { path: PropertyKey[]; message: string };

/** Names the field and the rule, never the value (values can be private). */
function describeIssues(channel: string, issues: readonly Issue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Invalid input for ${channel}: ${parts.join('; ')}${more}`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return 'non-Error value thrown';
}
