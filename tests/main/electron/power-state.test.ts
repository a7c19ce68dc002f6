import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { watchPowerState } from '../../../main/electron/power-state.ts';

// powerMonitor is an EventEmitter with a few methods; a plain one stands in for it here, the
// way Electron raises 'resume' after sleep and 'lock-screen' / 'unlock-screen'.
function fakePowerMonitor(idleState = 'active') {
  const emitter = new EventEmitter();
  return Object.assign(emitter, { getSystemIdleState: () => idleState }) as unknown as PowerMonitor & EventEmitter;
}

describe('power state', () => {
  it('tells the window when the computer woke from sleep, and the scheduler to look again', () => {
    const monitor = fakePowerMonitor();
    const events: string[] = [];
    const power = watchPowerState(monitor, () => events.push('look again'), () => events.push('resumed'));
    monitor.emit('resume');
    expect(events).toEqual(['resumed', 'look again']);
    monitor.emit('user-did-become-active');
    expect(events).toEqual(['resumed', 'look again', 'look again']);
    power.dispose();
    monitor.emit('resume');
    expect(events).toHaveLength(3);
    expect(monitor.listenerCount('resume')).toBe(0);
  });

  it('knows a locked screen from the events or the idle state', () => {
    const monitor = fakePowerMonitor();
    const power = watchPowerState(monitor, () => {});
    monitor.emit('lock-screen');
    expect(power.systemState()).toEqual({ screenLocked: true, userIdle: false });
    monitor.emit('unlock-screen');
    expect(power.systemState()).toEqual({ screenLocked: false, userIdle: false });
    expect(watchPowerState(fakePowerMonitor('idle'), () => {}).systemState()).toEqual({ screenLocked: false, userIdle: true });
    power.dispose();
  });
});
