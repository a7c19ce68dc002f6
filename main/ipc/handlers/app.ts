import type { appChannels } from '../../../shared/ipc/channels/app.ts';
import type { AppInfo, Notice } from '../../../shared/model/app-info.ts';
import type { Log } from '../../logging/rotating-log.ts';
import type { ContractHandlers } from '../router.ts';

export type AppHandlerDeps = {
  info: () => AppInfo | Promise<AppInfo>;
  /** Tries the data folder again (the banner's "Try again"); resolves with the info as it is then. */
  retryStorage: () => Promise<AppInfo>;
  takeNotices: () => Notice[];
  revealFile: (path: string) => void;
  log: Log;
};

export function createAppHandlers(deps: AppHandlerDeps): ContractHandlers<typeof appChannels> {
  return {
    'app.info': () => deps.info(),
    'app.retryStorage': () => deps.retryStorage(),
    'app.takeNotices': () => deps.takeNotices(),
    'app.showLogFile': () => {
      deps.revealFile(deps.log.path);
      return true;
    },
    'log.rendererError': ({ message, stack }) => {
      deps.log.error(`window: ${message}${stack ? ` ${stack}` : ''}`);
      return true;
    },
  };
}
