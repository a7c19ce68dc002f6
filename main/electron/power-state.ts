import type { PowerMonitor } from 'electron';
import type { SystemState } from '../reminders/reminders-service.ts';

// Screen lock and idleness from Electron's powerMonitor, and the moments the scheduler
// should look again (wake, unlock, back from idle). Where a platform cannot say, the
// answer is "not locked, not idle" and quiet hours do the rest. Waking from sleep is also
// told on its own: a Bluetooth link that slept with the computer has to be made again.

/** Five minutes without input counts as away. */
export const IDLE_AFTER_SEC = 5 * 60;

export type PowerState = { systemState: () => SystemState; dispose: () => void };

export function watchPowerState(powerMonitor: PowerMonitor, onChange: () => void, onResume: () => void = () => {}): PowerState {
  let locked = false;
  const onLock = () => {
    locked = true;
  };
  const onUnlock = () => {
    locked = false;
    onChange();
  };
  const wake = () => onChange();
  const resumed = () => {
    onResume();
    onChange();
  };
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('unlock-screen', onUnlock);
  powerMonitor.on('resume', resumed);
  powerMonitor.on('user-did-become-active', wake);
  return {
    systemState() {
      let idleState = 'unknown';
      try {
        idleState = powerMonitor.getSystemIdleState(IDLE_AFTER_SEC);
      } catch {
        // Some Linux sessions cannot report idleness.
      }
      return { screenLocked: locked || idleState === 'locked', userIdle: idleState === 'idle' };
    },
    dispose() {
      powerMonitor.off('lock-screen', onLock);
      powerMonitor.off('unlock-screen', onUnlock);
      powerMonitor.off('resume', resumed);
      powerMonitor.off('user-did-become-active', wake);
    },
  };
}
