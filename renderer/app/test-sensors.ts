import { browserSensorEnvironment, type SensorEnvironment } from '../sensors/heart-rate-context.tsx';
import type { Scheduler } from '../sensors/scheduler.ts';

// The browser-test tier and the benchmarks run whole checks faster than real time: before
// the app starts they put a scheduler on `window.__attuneTestScheduler` (a clock and timers
// the test moves forward), and the sensors use it instead of the real clock. The app never
// sets it; without it this returns undefined and the real environment is used. Only time
// changes, never what the app does.

export function testSensorEnvironment(): SensorEnvironment | undefined {
  const candidate = (globalThis as { __attuneTestScheduler?: unknown }).__attuneTestScheduler;
  if (!isScheduler(candidate)) return undefined;
  const seed = (globalThis as { __attuneTestDemoSeed?: unknown }).__attuneTestDemoSeed;
  return { ...browserSensorEnvironment(), scheduler: candidate, ...(typeof seed === 'number' ? { demoSeed: seed } : {}) };
}

function isScheduler(value: unknown): value is Scheduler {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s['nowMs'] === 'function' && typeof s['setTimeout'] === 'function' && typeof s['clearTimeout'] === 'function';
}
