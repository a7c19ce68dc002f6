// Store operations run one at a time. Each is a few milliseconds of file work, the app has
// one user, and running them in order makes concurrent calls on the same record (two
// saves of one entry, beats arriving while a marker is written) correct by construction.

export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The chain must survive a failed task; the caller still sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
