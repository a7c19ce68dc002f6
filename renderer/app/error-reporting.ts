import type { AttuneApi } from '../../shared/ipc/api.ts';

// Uncaught errors and unhandled rejections in the window, and calls to main that failed
// unexpectedly (renderer/app/data-client.ts), go to main's log file through
// `log.rendererError`: message and stack only, cut to the contract's limits. A burst (an
// error thrown on every frame, say) is capped so it cannot fill the log.

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_STACK_CHARS = 8000;
const MAX_REPORTS_PER_MINUTE = 20;

export type ErrorReport = { message: string; stack?: string };

export function describeError(error: unknown, fallback = 'Unknown error'): ErrorReport {
  if (error instanceof Error) {
    const message = `${error.name}: ${error.message}`;
    return error.stack ? { message: clip(message, MAX_MESSAGE_CHARS), stack: clip(error.stack, MAX_STACK_CHARS) } : { message: clip(message, MAX_MESSAGE_CHARS) };
  }
  if (typeof error === 'string') return { message: clip(error, MAX_MESSAGE_CHARS) };
  return { message: clip(fallback, MAX_MESSAGE_CHARS) };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type ErrorReporter = (report: ErrorReport) => void;

export function createErrorReporter(api: AttuneApi, now: () => number = Date.now): ErrorReporter {
  let windowStart = now();
  let sentInWindow = 0;
  return (report) => {
    const at = now();
    if (at - windowStart >= 60_000) {
      windowStart = at;
      sentInWindow = 0;
    }
    if (sentInWindow >= MAX_REPORTS_PER_MINUTE) return;
    sentInWindow += 1;
    const payload = report.stack === undefined ? { message: clip(report.message, MAX_MESSAGE_CHARS) } : { message: clip(report.message, MAX_MESSAGE_CHARS), stack: clip(report.stack, MAX_STACK_CHARS) };
    // Best effort: if main cannot be reached there is nowhere better to put it. The raw api,
    // not the data client: a report that fails must not report itself.
    void api.invoke('log.rendererError', payload);
  };
}

const reporters = new WeakMap<AttuneApi, ErrorReporter>();

/**
 * The window's one reporter for `api`: uncaught errors and the data client's unexpected
 * failures share it, and so share its cap.
 */
export function errorReporterFor(api: AttuneApi): ErrorReporter {
  let report = reporters.get(api);
  if (report === undefined) {
    report = createErrorReporter(api);
    reporters.set(api, report);
  }
  return report;
}

/** Listens for uncaught errors and unhandled rejections on `target`; returns a remover. */
export function installErrorReporting(report: ErrorReporter, target: Window = window): () => void {
  function onError(event: ErrorEvent): void {
    const described = describeError(event.error, event.message || 'Uncaught error');
    report(event.error instanceof Error ? described : { message: clip(event.message || described.message, MAX_MESSAGE_CHARS) });
  }
  function onRejection(event: PromiseRejectionEvent): void {
    const described = describeError(event.reason, 'Unhandled promise rejection');
    report({ ...described, message: clip(`Unhandled rejection: ${described.message}`, MAX_MESSAGE_CHARS) });
  }
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
