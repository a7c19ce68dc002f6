import type { remindersChannels } from '../../../shared/ipc/channels/reminders.ts';
import type { RemindersService } from '../../reminders/reminders-service.ts';
import type { LiveStatusStore } from '../../tray/live-status.ts';
import type { ContractHandlers } from '../router.ts';

export function createRemindersHandlers(reminders: RemindersService, live: LiveStatusStore): ContractHandlers<typeof remindersChannels> {
  return {
    'reminders.status': async () => {
      await reminders.ready;
      return reminders.status();
    },
    'reminders.pause': ({ span }) => reminders.pause(span),
    'reminders.resume': () => reminders.resume(),
    'reminders.startBreak': ({ minutes }) => reminders.startBreak(minutes),
    'reminders.endBreak': () => reminders.endBreak(),
    'reminders.setBusy': ({ activity, busy }) => {
      reminders.setBusy(activity, busy);
      return true;
    },
    'tray.strapLost': ({ name }) => {
      live.setLostStrap(name);
      return true;
    },
    'tray.liveStatus': (status) => {
      live.set(status);
      return true;
    },
  };
}
