// The in-process main sides still open, in a module of its own so the leak guard can check
// them without loading main's services into every test file.

type Closable = { close(): Promise<void> };

const open = new Set<Closable>();

export function trackOpen(harness: Closable): () => void {
  open.add(harness);
  return () => open.delete(harness);
}

/** Closes every harness still open; says how many there were. */
export async function closeInProcessApis(): Promise<number> {
  const left = [...open];
  await Promise.all(left.map((harness) => harness.close()));
  return left.length;
}

const lateCalls: string[] = [];

/** A call made after its harness closed: the API answers it with a transport error, so note it here. */
export function reportLateCall(description: string): void {
  lateCalls.push(description);
}

/** The late calls seen since the last look. */
export function takeLateCalls(): string[] {
  return lateCalls.splice(0);
}

type Pending = { pending(): number };
const schedulers = new Set<Pending>();

/** A manual scheduler made by a test: its timers must all be cleared or run by the test's end. */
export function trackScheduler(scheduler: Pending): void {
  schedulers.add(scheduler);
}

/** How many timers the schedulers made since the last look still hold; forgets them. */
export function takeTimersLeft(): number {
  let left = 0;
  for (const scheduler of schedulers) left += scheduler.pending();
  schedulers.clear();
  return left;
}
