/** Waiting on recorded traffic without polling: each wait registers a matcher that arrivals are checked against. */

interface Waiter<T> {
  match(item: T): boolean;
  resolve(item: T): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Pending waits on a growing list of recorded items. */
export class WaitList<T> {
  private readonly waiters = new Set<Waiter<T>>();

  /**
   * Resolves with the first item in `seen` that matches, else with the first matching `notify()`ed item.
   * On timeout, rejects with `describe()` so the message can list what did arrive.
   */
  wait(seen: readonly T[], match: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    const found = seen.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`${describe()} (timed out after ${timeoutMs} ms)`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Hands a new arrival to every wait it matches. */
  notify(item: T): void {
    for (const waiter of this.waiters) {
      if (!waiter.match(item)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(item);
    }
  }

  /** Fails every pending wait, e.g. on shutdown, so no test hangs until its own timeout. */
  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.waiters.clear();
  }
}
