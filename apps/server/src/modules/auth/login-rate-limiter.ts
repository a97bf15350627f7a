/**
 * Counts failed logins per (email, client address) in a sliding window. In memory: each
 * instance limits independently, which bounds guessing to N×limit across N instances.
 */
export interface LoginRateLimiter {
  /** Seconds until another attempt is allowed, or 0 when the key is not blocked. */
  retryAfter(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
}

export function createLoginRateLimiter(options = { maxFailures: 5, windowMs: 15 * 60_000 }) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) =>
    (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);

  const limiter: LoginRateLimiter = {
    retryAfter(key) {
      const now = Date.now();
      const times = recent(key, now);
      if (times.length < options.maxFailures) return 0;
      return Math.ceil((times[0]! + options.windowMs - now) / 1000);
    },
    recordFailure(key) {
      const now = Date.now();
      const times = recent(key, now);
      times.push(now);
      failures.set(key, times.slice(-options.maxFailures));
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
    reset(key) {
      failures.delete(key);
    },
  };
  return limiter;
}
