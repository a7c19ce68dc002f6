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
