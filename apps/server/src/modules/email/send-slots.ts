/**
 * A counting semaphore for email sends: a sender claims an outbox row only once it holds a
 * slot, so no more rows are `sending` than the mailer has connections (a crash leaves at most
 * that many with an unknown outcome), and a job waiting for a slot can be aborted.
 */
export interface SendSlots {
  /** Resolves with a release function; rejects when `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<() => void>;
}

export function createSendSlots(size: number): SendSlots {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.reject(new Error('job aborted'));
      if (free > 0) {
        free--;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal.removeEventListener('abort', onAbort);
          resolve(once(release));
        };
        const onAbort = () => {
          const at = waiting.indexOf(grant);
          if (at >= 0) waiting.splice(at, 1);
          reject(new Error('job aborted'));
        };
        waiting.push(grant);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

function once(fn: () => void) {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
