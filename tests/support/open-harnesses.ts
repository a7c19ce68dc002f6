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
