/**
 * A per-user flood guard: at most `limit` messages in any `windowMs`. Kept in memory on purpose: it
 * protects one process from a burst, and losing it on restart costs nothing.
 */

/** Answers whether a user may be served now, and if not, for how long to wait. */
export interface Cooldown {
  /** Records an attempt; returns 0 when allowed, otherwise the milliseconds until the next allowed one. */
  hit(userKey: string, now?: number): number;
}

/** Creates a sliding-window cooldown. */
export function createCooldown({ limit = 5, windowMs = 10_000 } = {}): Cooldown {
  const recent = new Map<string, number[]>();
  return {
    hit(userKey, now = Date.now()) {
      const times = (recent.get(userKey) ?? []).filter((t) => now - t < windowMs);
      if (times.length >= limit) {
        recent.set(userKey, times);
        return windowMs - (now - (times[0] ?? now));
      }
      times.push(now);
      recent.set(userKey, times);
      // Forget idle users so the map does not grow with every user ever seen.
      if (recent.size > 10_000) {
        for (const [key, list] of recent) if (list.every((t) => now - t >= windowMs)) recent.delete(key);
      }
      return 0;
    },
  };
}

/** The sentence users see when they are rate limited by the cooldown. */
export function cooldownText(waitMs: number): string {
  return `You're asking faster than I can keep up. Please wait ${Math.ceil(waitMs / 1000)} s and try again.`;
}
