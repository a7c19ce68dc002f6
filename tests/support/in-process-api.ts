import { EventEmitter } from 'node:events';
import { createApi, type AttuneApi } from '../../shared/ipc/api.ts';
import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import { createAppServices, type AppServices, type ServiceDeps } from '../../main/services.ts';
import { isTrustedSenderFrame } from '../../main/security/policy.ts';
import { reportLateCall, trackOpen } from './open-harnesses.ts';
import { makeTempDir } from './temp-dir.ts';

// `window.attune` for component tests: the real createApi over the real router, validation
// and stores (in a temp folder), called in process. Only the transport is missing.
//
// It owns what it starts: close() refuses new calls, waits for the calls already made (and
// any they chain), stops the reminders and closes the records store, and only then removes
// the folder. A call after close() is a renderer bug (work that outlived the screen that
// started it): it is refused, and the leak guard fails the test that sees it.

export const TRUSTED_TEST_FRAME = { url: 'app://attune/index.html', isMainFrame: true };

export type InProcessApi = {
  api: AttuneApi;
  services: AppServices;
  dataDir: string;
  revealed: string[];
  /** Calls made and not yet answered. */
  pendingCalls(): number;
  /** Main pushes an event to the window, as sendEvent does (e.g. powerMonitor's wake). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Ends everything this harness started; the folder goes too unless the test passed its own. */
  close(): Promise<void>;
};

export type InProcessOptions = {
  now?: () => Date;
  dataDir?: string;
} & Partial<Pick<ServiceDeps, 'chooseFolder' | 'chooseRecordingFile' | 'keyProtector' | 'timers'>>;

export function createInProcessApi(options: InProcessOptions = {}): InProcessApi {
  const temp = options.dataDir ? null : makeTempDir('attune-component-');
  const dataDir = options.dataDir ?? temp!.path;
  const bus = new EventEmitter();
  const revealed: string[] = [];
  const services = createAppServices({
    userDataDir: dataDir,
    appVersion: '0.0.0-test',
    platform: 'linux',
    now: options.now ?? (() => new Date()),
    // Production's own sender check: the window's main frame on app://attune.
    isTrustedSender: (sender) => isTrustedSenderFrame(sender),
    revealFile: (path) => revealed.push(path),
    sendEvent: (event, payload) => bus.emit(event, payload),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    ...(options.chooseRecordingFile ? { chooseRecordingFile: options.chooseRecordingFile } : {}),
    ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
    // Main's own time limits (the Bluetooth chooser's) on a test's manual clock.
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;
  const api = createApi(
    (channel, payload) => {
      if (closing !== null) {
        // createApi turns this into a transport error for the caller; the leak guard fails the test.
        reportLateCall(`window.attune.invoke('${channel}')`);
        return Promise.reject(new Error(`window.attune.invoke('${channel}') after the test closed main: some work outlived the screen that started it`));
      }
      const call = services.router.dispatch(TRUSTED_TEST_FRAME, { channel, payload });
      inFlight.add(call);
      const settle = () => inFlight.delete(call);
      call.then(settle, settle);
      return call;
    },
    (event, listener) => {
      bus.on(event, listener);
      return () => bus.off(event, listener);
    },
  );

  async function shutDown(): Promise<void> {
    // A call that settles may chain the next one in the same turn: look again after each round.
    while (inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    try {
      await services.close();
    } finally {
      temp?.cleanup();
      untrack();
    }
  }

  const harness: InProcessApi = {
    api,
    services,
    dataDir,
    revealed,
    pendingCalls: () => inFlight.size,
    emit: (event, payload) => void bus.emit(event, payload),
    close: () => (closing ??= shutDown()),
  };
  const untrack = trackOpen(harness);
  return harness;
}

export { closeInProcessApis } from './open-harnesses.ts';
