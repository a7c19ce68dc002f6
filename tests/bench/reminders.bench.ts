// idleMainCpuPercent: CPU (% of one core) used by the reminder scheduler and the tray logic
// in plain Node over 60 s of idle time, with reminders scheduled (default settings, 12
// check-ins a day, a break counting down in the tray). The real service, timers and clock;
// the tray view goes to a recorder instead of Electron. ATTUNE_BENCH_IDLE_SEC shortens the
// window for a quick look; the figure reported under this key is always the 60 s one by default.
import { defaultSettings } from '../../shared/model/settings.ts';
import { createRemindersService, inertPlatform } from '../../main/reminders/reminders-service.ts';
import { systemTimer } from '../../main/reminders/scheduler.ts';
import { systemTimeZone } from '../../shared/time/civil-date.ts';
import { createTrayController } from '../../main/tray/tray-controller.ts';
import { createLiveStatus } from '../../main/tray/live-status.ts';
import type { RemindersFile } from '../../main/reminders/reminders-file.ts';

export async function run(): Promise<Record<string, number>> {
  const idleSec = Number(process.env['ATTUNE_BENCH_IDLE_SEC'] ?? 60);
  let stored: RemindersFile = { version: 1, seed: 7, pausedUntilMs: null, breakEndsAtMs: null, history: [], snoozed: [] };
  const settings = { ...defaultSettings().reminders, checkInsPerDay: 12, activeRanges: [{ start: '00:00', end: '23:59' }], quietHours: false };
  const reminders = createRemindersService({
    settings: () => settings,
    file: { path: 'memory', load: async () => ({ data: stored, problem: null }), save: async (data) => void (stored = data), settled: async () => {} },
    platform: inertPlatform,
    clock: { nowMs: () => Date.now() },
    timer: systemTimer,
    timeZone: systemTimeZone,
    openScreen: () => {},
  });
  const controller = createTrayController({
    reminders,
    live: createLiveStatus(),
    clock: { nowMs: () => Date.now() },
    timer: systemTimer,
    platform: process.platform,
    timeZone: systemTimeZone,
    locale: 'en',
    effects: { openScreen: () => {}, runInPage: () => {}, showWindow: () => {}, quit: () => {} },
  });
  let applied = 0;
  const detach = controller.attach(() => (applied += 1));
  await reminders.start();
  await reminders.startBreak(20);

  // Keep the process alive for the window (the service's own timers are unref'd).
  const start = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, idleSec * 1000));
  const used = process.cpuUsage(start);
  const wallUs = Number(process.hrtime.bigint() - startedAt) / 1000;
  detach();
  await reminders.stop();
  process.stderr.write(`reminders bench: ${applied} tray updates in ${idleSec} s\n`);
  return { idleMainCpuPercent: Math.round(((used.user + used.system) / wallUs) * 100 * 1000) / 1000 };
}
