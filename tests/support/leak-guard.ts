import { afterAll, afterEach } from 'vitest';
import { closeInProcessApis, takeLateCalls, takeTimersLeft } from './open-harnesses.ts';

// Runs after each test's own hooks (Vitest runs afterEach hooks last-registered first, and
// setup files register first). A test that leaves main's side open leaves work running past
// its end, which is how calls used to land after the folder was gone: close it, and fail.
// A call that reaches a closed main means a screen kept working after it was unmounted.
function failOnLateCalls(): void {
  const late = takeLateCalls();
  if (late.length > 0) {
    throw new Error(`${late.length} call(s) reached main after it was closed (work that outlived its screen): ${[...new Set(late)].join(', ')}`);
  }
}

afterEach(async () => {
  const leftOpen = await closeInProcessApis();
  failOnLateCalls();
  if (leftOpen > 0) {
    throw new Error(`${leftOpen} in-process main side(s) left open by this test: end them with main.close() or resetWindow() in the test's own afterEach.`);
  }
  // A timer still set on a test's scheduler after everything was closed and unmounted: a
  // source, a check or a chooser that nobody stopped would keep running in the app too.
  const timersLeft = takeTimersLeft();
  if (timersLeft > 0) throw new Error(`${timersLeft} timer(s) still set on this test's scheduler after it ended: something started was never stopped (dispose the controller, disconnect the source).`);
});

afterAll(failOnLateCalls);
