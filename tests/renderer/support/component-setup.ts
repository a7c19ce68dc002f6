import { afterEach } from 'vitest';
import { configure } from '@testing-library/react';

// Component tests save and read real files through main's real services; on a busy machine
// that takes longer than Testing Library's default second. A wait still ends the moment its
// condition holds: this only moves the point where a wait gives up and fails.
configure({ asyncUtilTimeout: 10_000 });

// A repeating timer that outlives its test is work without an owner: a ticker that kept
// running after its screen was unmounted. Every interval a test starts must be cleared by the
// time the test and its own clean-up are over (setup-file hooks run after the test file's).
const liveIntervals = new Map<unknown, string>();
function trackIntervals(target: { setInterval: typeof setInterval; clearInterval: typeof clearInterval }): void {
  const realSet = target.setInterval.bind(target);
  const realClear = target.clearInterval.bind(target);
  target.setInterval = ((callback: () => void, delayMs?: number, ...rest: unknown[]) => {
    const handle = realSet(callback, delayMs, ...rest);
    liveIntervals.set(handle, new Error('started here').stack ?? '');
    return handle;
  }) as typeof setInterval;
  target.clearInterval = ((handle: Parameters<typeof clearInterval>[0]) => {
    liveIntervals.delete(handle);
    realClear(handle);
  }) as typeof clearInterval;
}
trackIntervals(globalThis);
if (typeof window !== 'undefined' && (window as unknown) !== globalThis) trackIntervals(window as unknown as typeof globalThis);

afterEach(() => {
  const left = [...liveIntervals];
  liveIntervals.clear();
  for (const [handle] of left) clearInterval(handle as Parameters<typeof clearInterval>[0]);
  if (left.length > 0) {
    throw new Error(`${left.length} interval(s) still running after the test ended (a ticker outlived its screen):\n${left.map(([, stack]) => stack).join('\n')}`);
  }
});
