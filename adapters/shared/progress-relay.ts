/**
 * Turns the bot's `onProgress` calls into platform edits: the first call opens a view (a placeholder
 * message, a deferral), later texts are shown in it one edit at a time and at most once per interval, and
 * `settle()` stops streaming before the final reply is delivered. Platform-neutral, so the Slack and
 * Discord adapters share the throttling.
 */

/** Where a model answer in the making is shown, by one platform. */
export interface ProgressView<H> {
  /** Shows that work started; returns what later edits need (a message timestamp or id). */
  open(): Promise<H>;
  /** Replaces what the view shows with provisional text. */
  show(handle: H, text: string): Promise<void>;
}

/** Options for `createProgressRelay`. */
export interface ProgressRelayOptions {
  /** Least time between two edits (platforms rate-limit edits; Slack's chat.update about one a second). */
  intervalMs?: number;
  /** Hears failed opens and edits; the final reply is delivered either way. */
  onError?: (err: unknown, step: 'open' | 'show') => void;
}

/** The relay an adapter passes to `Bot.handle`. */
export interface ProgressRelay<H> {
  /** Pass as `HandleOptions.onProgress`. */
  onProgress: (textSoFar: string) => void;
  /** True once progress began, i.e. a model is at work. */
  readonly started: boolean;
  /**
   * Stops streaming and waits for the edit in flight, so it cannot land after the final reply. Resolves
   * with the view's handle, or undefined when progress never began or the view could not be opened.
   */
  settle(): Promise<H | undefined>;
}

/** Creates a relay over one view. */
export function createProgressRelay<H>(view: ProgressView<H>, options: ProgressRelayOptions = {}): ProgressRelay<H> {
  const { intervalMs = 1_000, onError = () => undefined } = options;
  let opened: Promise<H | undefined> | undefined;
  let pending: string | undefined;
  let shown = '';
  let lastEditAt = Number.NEGATIVE_INFINITY;
  let editing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const open = (): Promise<H | undefined> => {
    // Through an async step, so an open that throws at once is caught like one that rejects.
    opened ??= Promise.resolve()
      .then(() => view.open())
      .catch((err: unknown) => {
        onError(err, 'open');
        return undefined;
      });
    return opened;
  };

  const schedule = () => {
    if (closed || timer || editing || pending === undefined) return;
    timer = setTimeout(flush, Math.max(0, lastEditAt + intervalMs - performance.now()));
  };

  function flush() {
    timer = undefined;
    const text = pending;
    if (closed || text === undefined) return;
    pending = undefined;
    editing = (async () => {
      const handle = await open();
      // The final reply may have arrived while the view was opening; it alone is shown then.
      if (handle === undefined || closed) return;
      // Spaced from when edits reach the platform, not from when they were queued behind the open.
      lastEditAt = performance.now();
      try {
        await view.show(handle, text);
        shown = text;
      } catch (err) {
        onError(err, 'show');
      }
    })().finally(() => {
      editing = undefined;
      schedule();
    });
  }

  return {
    get started() {
      return opened !== undefined;
    },
    onProgress(text) {
      if (closed) return;
      void open();
      if (text === '' || text === shown || text === pending) return;
      pending = text;
      schedule();
    },
    async settle() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await editing;
      return opened ? await opened : undefined;
    },
  };
}
