/**
 * Counts events per key (failed logins per address and client, newsletter sign-ups per
 * client…) in a sliding window and says when a key must wait. In memory: each instance
 * limits independently, which bounds a client to N × limit across N instances.
 */
export interface RateLimiter {
  /** Seconds until another event is allowed, or 0 when the key is not blocked. */
  retryAfter(key: string): number;
  record(key: string): void;
  reset(key: string): void;
}

export function createRateLimiter(options: { maxEvents: number; windowMs: number }) {
  const events = new Map<string, number[]>();
  const recent = (key: string, now: number) =>
    (events.get(key) ?? []).filter((t) => now - t < options.windowMs);

  const limiter: RateLimiter = {
    retryAfter(key) {
      const now = Date.now();
      const times = recent(key, now);
      if (times.length < options.maxEvents) return 0;
      return Math.ceil((times[0]! + options.windowMs - now) / 1000);
    },
    record(key) {
      const now = Date.now();
      const times = recent(key, now);
      times.push(now);
      events.set(key, times.slice(-options.maxEvents));
      if (events.size > 100_000) events.delete(events.keys().next().value!);
    },
    reset(key) {
      events.delete(key);
    },
  };
  return limiter;
}
