/** Delays a fake platform can cancel all at once when it stops, so a held reply never outlives a test. */
export class FakeTimers {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Resolves after `ms`, unless `clear()` runs first (then it never resolves). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }

  /** Cancels every pending delay. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
