import { EventEmitter } from 'node:events';
import { createApi, type AttuneApi } from '../../shared/ipc/api.ts';
import { createAppServices, type AppServices, type ServiceDeps } from '../../main/services.ts';
import { makeTempDir } from './temp-dir.ts';

// `window.attune` for component tests: the real createApi over the real router, validation
// and stores (in a temp folder), called in process. Only the transport is missing.

export const TRUSTED_TEST_FRAME = { url: 'app://attune/index.html', isMainFrame: true };

export type InProcessApi = {
  api: AttuneApi;
  services: AppServices;
  dataDir: string;
  revealed: string[];
  cleanup: () => void;
};

export type InProcessOptions = {
  now?: () => Date;
  dataDir?: string;
} & Partial<Pick<ServiceDeps, 'chooseFolder' | 'chooseRecordingFile' | 'keyProtector'>>;

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
    isTrustedSender: (sender) => sender.isMainFrame && sender.url.startsWith('app://attune/'),
    revealFile: (path) => revealed.push(path),
    sendEvent: (event, payload) => bus.emit(event, payload),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    ...(options.chooseRecordingFile ? { chooseRecordingFile: options.chooseRecordingFile } : {}),
    ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
  });
  const api = createApi(
    (channel, payload) => services.router.dispatch(TRUSTED_TEST_FRAME, { channel, payload }),
    (event, listener) => {
      bus.on(event, listener);
      return () => bus.off(event, listener);
    },
  );
  return { api, services, dataDir, revealed, cleanup: () => temp?.cleanup() };
}
