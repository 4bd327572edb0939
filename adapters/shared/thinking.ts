/**
 * Saying "thinking" when an answer is slow. A quick answer stays one message; when a model starts, or the
 * answer takes longer than `SLOW_ANSWER_MS`, a short note is shown first and the answer then replaces it.
 * The words are the same everywhere; each platform styles them (Slack `_…_`, Discord `*…*`).
 */

/** How long an answer may take before the thinking note is shown. */
export const SLOW_ANSWER_MS = 1_500;

/** The note shown while a slow answer to a question is on its way. */
export const THINKING_ABOUT_QUESTION = 'Thinking about your question…';

/** The placeholder shown while a model writes a follow-up, until its first words arrive. */
export const THINKING_ABOUT_FOLLOW_UP = 'Thinking about your follow-up…';

/** Default least time between two edits of an answer a model is streaming (platforms rate-limit edits). */
export const DEFAULT_PROGRESS_INTERVAL_MS = 1_000;

/**
 * Calls `show` once: after `afterMs`, or at once when the bot reports that a model started (`onProgress('')`).
 * `done()` cancels the timer when the answer came first.
 */
export function thinkingNote(show: () => void, afterMs = SLOW_ANSWER_MS) {
  let shown = false;
  const fire = () => {
    if (shown) return;
    shown = true;
    clearTimeout(timer);
    show();
  };
  const timer = setTimeout(fire, afterMs);
  return {
    /** Pass as (part of) `HandleOptions.onProgress`. */
    onProgress: (textSoFar: string) => {
      if (textSoFar === '') fire();
    },
    get shown() {
      return shown;
    },
    done: () => clearTimeout(timer),
  };
}
